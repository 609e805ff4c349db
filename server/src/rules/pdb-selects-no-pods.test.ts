import { pdbSelectsNoPods } from './pdb-selects-no-pods';
import { yaml } from './testing/ruleTester';
import { disruptionBudget, workload } from './testing/scalingObjects';
import { testWorkspaceRule } from './testing/workspaceRuleTester';

const budgetWithExpressions = (...expressionLines: string[]) =>
  yaml(
    'apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata:', '  name: web-pdb', 'spec:', '  maxUnavailable: 1', '  selector:',
    '    matchLabels:', '      app: web', '    matchExpressions:', ...expressionLines,
  );

testWorkspaceRule(pdbSelectsNoPods, {
  valid: [
    { name: 'the selector matches a Deployment in another file', files: { 'pdb.yaml': disruptionBudget(), 'deploy.yaml': workload({ podLabels: ['app: web', 'tier: front'] }) } },
    { name: 'the selector matches a StatefulSet', files: { 'pdb.yaml': disruptionBudget(), 'db.yaml': workload({ kind: 'StatefulSet' }) } },
    {
      name: 'matchExpressions that the pods satisfy',
      files: { 'pdb.yaml': budgetWithExpressions('    - key: tier', '      operator: In', '      values: [front, back]'), 'deploy.yaml': workload({ podLabels: ['app: web', 'tier: back'] }) },
    },
    { name: 'both in the same namespace, written explicitly', files: { 'pdb.yaml': disruptionBudget({ namespace: 'shop' }), 'deploy.yaml': workload({ namespace: 'shop' }) } },
    { name: 'no workloads in the namespace: the pods come from elsewhere', files: { 'pdb.yaml': disruptionBudget({ namespace: 'shop' }), 'deploy.yaml': workload({ podLabels: ['app: api'] }) } },
    { name: 'an empty selector is pdb-empty-selector\'s finding', files: { 'pdb.yaml': disruptionBudget({ matchLabels: [] }), 'deploy.yaml': workload({ podLabels: ['app: api'] }) } },
  ],
  invalid: [
    {
      name: 'a label value that differs from the pod template',
      files: { 'pdb.yaml': disruptionBudget(), 'deploy.yaml': workload({ podLabels: ['app: web-frontend'] }) },
      errors: [{
        file: 'pdb.yaml',
        line: 7,
        message: 'PodDisruptionBudget "web-pdb" selects app=web, but no workload in namespace "default" has pods with those labels: it protects nothing during node drains. Deployment "web" has pods labelled app=web-frontend.',
      }],
    },
    {
      name: 'a selector copied from the Deployment\'s own labels',
      files: { 'pdb.yaml': disruptionBudget({ matchLabels: ['component: storefront'] }), 'deploy.yaml': workload({ labels: ['component: storefront'] }) },
      errors: [{
        file: 'pdb.yaml',
        line: 7,
        message: 'PodDisruptionBudget "web-pdb" selects component=storefront, but no workload in namespace "default" has pods with those labels: it protects nothing during node drains. Deployment "web" carries those labels on itself, not on its pod template.',
      }],
    },
    {
      name: 'the matching pods are in another namespace',
      files: {
        'pdb.yaml': disruptionBudget({ namespace: 'shop' }),
        'deploy.yaml': workload(),
        'api.yaml': workload({ name: 'api', namespace: 'shop', podLabels: ['app: api'] }),
      },
      errors: [{
        file: 'pdb.yaml',
        line: 8,
        message: 'PodDisruptionBudget "web-pdb" selects app=web, but no workload in namespace "shop" has pods with those labels: it protects nothing during node drains. Deployment "api" has pods labelled app=api.',
      }],
    },
    {
      name: 'matchExpressions that rule the pods out',
      files: { 'pdb.yaml': budgetWithExpressions('    - key: tier', '      operator: NotIn', '      values: [front]'), 'deploy.yaml': workload({ podLabels: ['app: web', 'tier: front'] }) },
      errors: [{ file: 'pdb.yaml', line: 7, message: /^PodDisruptionBudget "web-pdb" selects app=web, tier notin \(front\), but no workload in namespace "default"/ }],
    },
  ],
});
