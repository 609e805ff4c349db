import { hpaTargetMissing } from './hpa-target-missing';
import { yaml } from './testing/ruleTester';
import { autoscaler, workload } from './testing/scalingObjects';
import { testWorkspaceRule } from './testing/workspaceRuleTester';

const rollout = (name: string) =>
  yaml('apiVersion: argoproj.io/v1alpha1', 'kind: Rollout', 'metadata:', `  name: ${name}`, 'spec:', '  replicas: 2');

testWorkspaceRule(hpaTargetMissing, {
  valid: [
    { name: 'the Deployment is in another file', files: { 'hpa.yaml': autoscaler(), 'deploy.yaml': workload() } },
    { name: 'a StatefulSet named as one', files: { 'hpa.yaml': autoscaler({ kind: 'StatefulSet' }), 'db.yaml': workload({ kind: 'StatefulSet' }) } },
    { name: 'both in the same namespace', files: { 'hpa.yaml': autoscaler({ namespace: 'shop' }), 'deploy.yaml': workload({ namespace: 'shop' }) } },
    { name: 'no workloads in the namespace: the target is deployed from elsewhere', files: { 'hpa.yaml': autoscaler({ namespace: 'shop' }), 'deploy.yaml': workload() } },
    { name: 'a custom resource target in the workspace', files: { 'hpa.yaml': autoscaler({ kind: 'Rollout' }), 'rollout.yaml': rollout('web') } },
  ],
  invalid: [
    {
      name: 'a misspelled name, fixed to the near one',
      files: { 'hpa.yaml': autoscaler({ target: 'wbe' }), 'deploy.yaml': workload() },
      errors: [{
        file: 'hpa.yaml',
        line: 9,
        message: 'HorizontalPodAutoscaler "web-hpa" scales Deployment "wbe", which is not in namespace "default" in the workspace: the autoscaler has nothing to scale. Did you mean "web"?',
      }],
      output: { 'hpa.yaml': autoscaler() },
    },
    {
      name: 'no such Deployment and nothing near',
      files: { 'hpa.yaml': autoscaler({ target: 'payments', minReplicas: 2 }), 'deploy.yaml': workload() },
      errors: [{ file: 'hpa.yaml', line: 9, message: 'HorizontalPodAutoscaler "web-hpa" scales Deployment "payments", which is not in namespace "default" in the workspace: the autoscaler has nothing to scale.' }],
    },
    {
      name: 'the workload is a StatefulSet, not a Deployment',
      files: { 'hpa.yaml': autoscaler({ target: 'db' }), 'db.yaml': workload({ kind: 'StatefulSet', name: 'db' }) },
      errors: [{
        file: 'hpa.yaml',
        line: 9,
        message: 'HorizontalPodAutoscaler "web-hpa" scales Deployment "db", but "db" in namespace "default" is a StatefulSet: write kind StatefulSet in scaleTargetRef, or the autoscaler has nothing to scale.',
      }],
    },
    {
      name: 'the workload is in another namespace',
      files: { 'hpa.yaml': autoscaler({ namespace: 'shop' }), 'deploy.yaml': workload(), 'api.yaml': workload({ name: 'api', namespace: 'shop' }) },
      errors: [{ file: 'hpa.yaml', line: 10, message: 'HorizontalPodAutoscaler "web-hpa" scales Deployment "web", which is not in namespace "shop" in the workspace: the autoscaler has nothing to scale.' }],
    },
    {
      name: 'a custom resource kind the workspace has, under another name',
      files: { 'hpa.yaml': autoscaler({ kind: 'Rollout', target: 'web-canary' }), 'rollout.yaml': rollout('web-canry') },
      errors: [{ file: 'hpa.yaml', line: 9, message: /scales Rollout "web-canary", which is not in namespace "default" in the workspace: the autoscaler has nothing to scale\. Did you mean "web-canry"\?$/ }],
      output: { 'hpa.yaml': autoscaler({ kind: 'Rollout', target: 'web-canry' }) },
    },
  ],
});
