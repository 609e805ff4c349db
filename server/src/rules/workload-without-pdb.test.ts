import { yaml } from './testing/ruleTester';
import { autoscaler, disruptionBudget, workload } from './testing/scalingObjects';
import { testWorkspaceRule } from './testing/workspaceRuleTester';
import { workloadWithoutPdb } from './workload-without-pdb';

/** The budget the fix appends, as a document after `---`. */
const addedBudget = (matchLabels: string[], namespace?: string, indent = '  ') =>
  yaml(
    '---', 'apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata:', `${indent}name: web-pdb`, ...(namespace ? [`${indent}namespace: ${namespace}`] : []),
    'spec:', `${indent}maxUnavailable: 1`, `${indent}selector:`, `${indent.repeat(2)}matchLabels:`, ...matchLabels.map((label) => `${indent.repeat(3)}${label}`),
  );

const FOUR_SPACES = yaml(
  'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '    name: web', 'spec:', '    replicas: 2', '    selector:', '        matchLabels:', '            app: web',
  '    template:', '        metadata:', '            labels:', '                app: web', '        spec:', '            containers:', '            -   name: web', '                image: web:1',
);

const NO_BUDGET = 'but no PodDisruptionBudget in namespace "default" covers its pods: a node drain during an AKS upgrade may evict them all at once.';

testWorkspaceRule(workloadWithoutPdb, {
  valid: [
    { name: 'a budget in another file covers the pods', files: { 'deploy.yaml': workload({ replicas: 3 }), 'pdb.yaml': disruptionBudget() } },
    { name: 'a single replica (replicas-minimum reports it)', files: { 'deploy.yaml': workload({ replicas: 1 }) } },
    { name: 'replicas left out and no autoscaler', files: { 'deploy.yaml': workload() } },
    { name: 'a DaemonSet', files: { 'agent.yaml': workload({ kind: 'DaemonSet' }) } },
    {
      // Found by fuzzing: a budget added for it would cover no pods, so the finding came back after its fix.
      name: 'a pod template outdented out of spec (the schema reports it)',
      files: { 'deploy.yaml': FOUR_SPACES.replace('    template:', 'template:') },
    },
    { name: 'a ReplicaSet is left to its Deployment', files: { 'rs.yaml': workload({ kind: 'ReplicaSet', replicas: 3 }) } },
    { name: 'an autoscaled workload with a budget', files: { 'deploy.yaml': workload(), 'hpa.yaml': autoscaler({ minReplicas: 2 }), 'pdb.yaml': disruptionBudget({ budget: ['maxUnavailable: 1'] }) } },
    {
      name: 'silenced by the ignore annotation',
      files: { 'deploy.yaml': workload({ replicas: 3 }).replace('  name: web\n', '  name: web\n  annotations:\n    kube-guide.io/ignore: workload-without-pdb\n') },
    },
  ],
  invalid: [
    {
      name: 'three replicas and no budget, fixed by appending one',
      files: { 'deploy.yaml': workload({ replicas: 3 }) },
      errors: [{ file: 'deploy.yaml', line: 4, message: `Deployment "web" runs 3 replicas, ${NO_BUDGET}` }],
      output: { 'deploy.yaml': workload({ replicas: 3 }) + addedBudget(['app: web']) },
    },
    {
      name: 'an autoscaled workload without a budget',
      files: { 'deploy.yaml': workload(), 'hpa.yaml': autoscaler({ minReplicas: 2 }) },
      errors: [{ file: 'deploy.yaml', line: 4, message: `Deployment "web" is scaled by HorizontalPodAutoscaler "web-hpa", ${NO_BUDGET}` }],
      output: { 'deploy.yaml': workload() + addedBudget(['app: web']) },
    },
    {
      name: 'a budget in another namespace does not count; the new one is in the workload\'s',
      files: { 'db.yaml': workload({ kind: 'StatefulSet', namespace: 'data', replicas: 3 }), 'pdb.yaml': disruptionBudget() },
      errors: [{ file: 'db.yaml', line: 4, message: /^StatefulSet "web" runs 3 replicas, but no PodDisruptionBudget in namespace "data" covers its pods/ }],
      output: { 'db.yaml': workload({ kind: 'StatefulSet', namespace: 'data', replicas: 3 }) + addedBudget(['app: web'], 'data') },
    },
    {
      name: 'a budget over other pods does not count; labels that need quotes keep them',
      files: {
        'deploy.yaml': workload({ replicas: 2, podLabels: ['app: web', 'release: "2"'], selector: ['matchLabels:', '  app: web', '  release: "2"'] }),
        'pdb.yaml': disruptionBudget({ name: 'api-pdb', matchLabels: ['app: api'] }),
      },
      errors: [{ file: 'deploy.yaml', line: 4, message: `Deployment "web" runs 2 replicas, ${NO_BUDGET}` }],
      output: {
        'deploy.yaml': workload({ replicas: 2, podLabels: ['app: web', 'release: "2"'], selector: ['matchLabels:', '  app: web', '  release: "2"'] }) + addedBudget(['app: web', 'release: "2"']),
      },
    },
    {
      name: 'the file\'s own indentation, and no line break at its end',
      files: { 'deploy.yaml': FOUR_SPACES.trimEnd() },
      errors: [{ file: 'deploy.yaml', line: 4, message: `Deployment "web" runs 2 replicas, ${NO_BUDGET}` }],
      output: { 'deploy.yaml': FOUR_SPACES + addedBudget(['app: web'], undefined, '    ') },
    },
    {
      name: 'no fix when the selector uses matchExpressions',
      files: { 'deploy.yaml': workload({ replicas: 2, selector: ['matchExpressions:', '- {key: app, operator: In, values: [web]}'] }) },
      errors: [{ file: 'deploy.yaml', line: 4, message: `Deployment "web" runs 2 replicas, ${NO_BUDGET}` }],
    },
    {
      // Found by fuzzing: the budget would cover nothing, so its finding came back after the fix.
      name: 'no fix when the workload\'s own selector misses its pods',
      files: { 'deploy.yaml': workload({ replicas: 2, podLabels: ['app: nginx'], selector: ['matchLabels:', '  app: web'] }) },
      errors: [{ file: 'deploy.yaml', line: 4, message: `Deployment "web" runs 2 replicas, ${NO_BUDGET}` }],
    },
    {
      name: 'no fix when a budget named web-pdb already exists for other pods',
      files: { 'deploy.yaml': workload({ replicas: 2 }), 'pdb.yaml': disruptionBudget({ matchLabels: ['app: api'] }) },
      errors: [{ file: 'deploy.yaml', line: 4, message: `Deployment "web" runs 2 replicas, ${NO_BUDGET}` }],
    },
  ],
});
