import { hpaWithFixedReplicas } from './hpa-with-fixed-replicas';
import { yaml } from './testing/ruleTester';
import { autoscaler, workload } from './testing/scalingObjects';
import { testWorkspaceRule } from './testing/workspaceRuleTester';

const RESET = "every kubectl apply or GitOps sync resets it to 3 pods, undoing the autoscaler's choice.";

testWorkspaceRule(hpaWithFixedReplicas, {
  valid: [
    { name: 'replicas written and no autoscaler', files: { 'deploy.yaml': workload({ replicas: 3 }) } },
    { name: 'an autoscaled workload that leaves replicas out', files: { 'deploy.yaml': workload(), 'hpa.yaml': autoscaler({ minReplicas: 2 }) } },
    { name: 'replicas 0: the workload and its autoscaler are paused', files: { 'deploy.yaml': workload({ replicas: 0 }), 'hpa.yaml': autoscaler() } },
    { name: 'the autoscaler scales another workload', files: { 'deploy.yaml': workload({ replicas: 3 }), 'hpa.yaml': autoscaler({ target: 'api' }) } },
    { name: 'the autoscaler is in another namespace', files: { 'deploy.yaml': workload({ replicas: 3 }), 'hpa.yaml': autoscaler({ namespace: 'shop' }) } },
    { name: 'the autoscaler names another kind', files: { 'deploy.yaml': workload({ replicas: 3 }), 'hpa.yaml': autoscaler({ kind: 'StatefulSet' }) } },
  ],
  invalid: [
    {
      name: 'replicas beside an autoscaler in another file, removed by the fix',
      files: { 'deploy.yaml': workload({ replicas: 3 }), 'base/hpa.yaml': autoscaler({ minReplicas: 2 }) },
      errors: [{ file: 'deploy.yaml', line: 6, message: `Deployment "web" sets replicas 3, but HorizontalPodAutoscaler "web-hpa" (in hpa.yaml) scales it: ${RESET}` }],
      output: { 'deploy.yaml': workload() },
    },
    {
      name: 'a StatefulSet and its autoscaler in one file, with a comment on the replicas line',
      files: { 'app.yaml': `${workload({ kind: 'StatefulSet', replicas: '3 # for the launch' })}---\n${autoscaler({ kind: 'StatefulSet' })}` },
      errors: [{ file: 'app.yaml', line: 6, message: `StatefulSet "web" sets replicas 3, but HorizontalPodAutoscaler "web-hpa" (in this file) scales it: ${RESET}` }],
      output: { 'app.yaml': `${workload({ kind: 'StatefulSet' })}---\n${autoscaler({ kind: 'StatefulSet' })}` },
    },
    {
      name: 'a flow-style spec: reported, but no line to remove',
      files: {
        'deploy.yaml': yaml(
          'apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}',
          'spec: {replicas: 3, selector: {matchLabels: {app: web}}, template: {metadata: {labels: {app: web}}, spec: {containers: [{name: web, image: web:1}]}}}',
        ),
        'hpa.yaml': autoscaler(),
      },
      errors: [{ file: 'deploy.yaml', line: 4, message: `Deployment "web" sets replicas 3, but HorizontalPodAutoscaler "web-hpa" (in hpa.yaml) scales it: ${RESET}` }],
    },
  ],
});
