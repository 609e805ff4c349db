import { serviceSelectsNoPods } from './service-selects-no-pods';
import { yaml } from './testing/ruleTester';
import { testWorkspaceRule } from './testing/workspaceRuleTester';

const service = (selectorLines: string[], namespace?: string) =>
  yaml('apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', ...(namespace ? [`  namespace: ${namespace}`] : []), 'spec:', ...selectorLines, '  ports:', '  - port: 80');
const deployment = (labels: string[], namespace?: string) =>
  yaml(
    'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', ...(namespace ? [`  namespace: ${namespace}`] : []),
    'spec:', '  selector:', '    matchLabels:', `      ${labels[0]}`, '  template:', '    metadata:', '      labels:',
    ...labels.map((label) => `        ${label}`), '    spec:', '      containers:', '      - name: web', '        image: web:1',
  );

testWorkspaceRule(serviceSelectsNoPods, {
  valid: [
    { name: 'selector matches a Deployment in another file', files: { 'svc.yaml': service(['  selector:', '    app: web']), 'deploy.yaml': deployment(['app: web', 'tier: front']) } },
    { name: 'pods in the same namespace, written explicitly on one side only', files: { 'svc.yaml': service(['  selector:', '    app: web'], 'default'), 'deploy.yaml': deployment(['app: web']) } },
    { name: 'no workloads in the namespace at all', files: { 'svc.yaml': service(['  selector:', '    app: web']) } },
    { name: 'no selector (endpoints managed by hand)', files: { 'svc.yaml': service([]), 'deploy.yaml': deployment(['app: api']) } },
    {
      name: 'silenced by the ignore annotation',
      files: {
        'svc.yaml': yaml('apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', '  annotations:', '    kube-guide.io/ignore: service-selects-no-pods', 'spec:', '  selector:', '    app: nothing'),
        'deploy.yaml': deployment(['app: api']),
      },
    },
  ],
  invalid: [
    {
      name: 'a label value that differs from the pod template',
      files: { 'svc.yaml': service(['  selector:', '    app: web']), 'deploy.yaml': deployment(['app: web-frontend']) },
      errors: [{
        file: 'svc.yaml',
        line: 6,
        message: 'Service "web" selects app=web, but no workload in namespace "default" has pods with those labels: its traffic goes nowhere. Deployment "web" has pods labelled app=web-frontend.',
      }],
    },
    {
      name: 'matching pods live in another namespace',
      files: { 'svc.yaml': service(['  selector:', '    app: web'], 'shop'), 'deploy.yaml': deployment(['app: web']), 'other.yaml': deployment(['app: api'], 'shop') },
      errors: [{ file: 'svc.yaml', line: 7, message: /no workload in namespace "shop" has pods with those labels/ }],
    },
    {
      name: 'points at the workload with the closest label value, not the first one found',
      files: {
        'svc.yaml': service(['  selector:', '    app: checkout']),
        'a.yaml': deployment(['app: cart']).replace('name: web', 'name: cart'),
        'b.yaml': deployment(['app: checkuot']).replace('name: web', 'name: checkout'),
      },
      errors: [{ file: 'svc.yaml', line: 6, message: /its traffic goes nowhere\. Deployment "checkout" has pods labelled app=checkuot\.$/ }],
    },
    {
      name: 'labels on the Deployment itself rather than on its pods',
      files: {
        'svc.yaml': service(['  selector:', '    app: web']),
        'deploy.yaml': deployment(['tier: front']).replace('  name: web\n', '  name: web\n  labels:\n    app: web\n'),
      },
      errors: [{ file: 'svc.yaml', line: 6, message: /its traffic goes nowhere\. Deployment "web" carries those labels on itself, not on its pod template\.$/ }],
    },
    {
      name: 'every selector label must match',
      files: { 'svc.yaml': service(['  selector:', '    app: web', '    tier: back']), 'deploy.yaml': deployment(['app: web', 'tier: front']) },
      errors: [{ file: 'svc.yaml', line: 6, message: /selects app=web, tier=back, but/ }],
    },
  ],
});
