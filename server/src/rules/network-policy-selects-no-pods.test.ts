import { networkPolicySelectsNoPods } from './network-policy-selects-no-pods';
import { yaml } from './testing/ruleTester';
import { testWorkspaceRule } from './testing/workspaceRuleTester';

// `podSelector` is on line 6 (7 with a namespace).
const policy = (selectorLines: string[], namespace?: string) =>
  yaml(
    'apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata:', '  name: allow-frontend', ...(namespace ? [`  namespace: ${namespace}`] : []),
    'spec:', ...selectorLines, '  policyTypes: [Ingress]', '  ingress:', '  - from:', '    - podSelector:', '        matchLabels:', '          app: frontend',
  );
const deployment = (name: string, labels: string[], namespace?: string) =>
  yaml(
    'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: ${name}`, ...(namespace ? [`  namespace: ${namespace}`] : []), 'spec:', '  selector:',
    '    matchLabels:', `      ${labels[0]}`, '  template:', '    metadata:', '      labels:', ...labels.map((label) => `        ${label}`),
    '    spec:', '      containers:', `      - name: ${name}`, `        image: ${name}:1`,
  );
const backendSelector = ['  podSelector:', '    matchLabels:', '      app: backend'];

testWorkspaceRule(networkPolicySelectsNoPods, {
  valid: [
    { name: 'selects a Deployment in another file', files: { 'np.yaml': policy(backendSelector), 'deploy.yaml': deployment('api', ['app: backend', 'tier: api']) } },
    {
      name: 'selects with an expression',
      files: { 'np.yaml': policy(['  podSelector:', '    matchExpressions:', '    - {key: app, operator: In, values: [backend, worker]}']), 'deploy.yaml': deployment('worker', ['app: worker']) },
    },
    { name: 'an empty podSelector selects every pod', files: { 'np.yaml': policy(['  podSelector: {}']), 'deploy.yaml': deployment('api', ['app: api']) } },
    { name: 'no workloads in the namespace', files: { 'np.yaml': policy(backendSelector, 'shop'), 'deploy.yaml': deployment('api', ['app: api']) } },
  ],
  invalid: [
    {
      name: 'a label value the pods do not carry',
      files: { 'np.yaml': policy(backendSelector), 'deploy.yaml': deployment('api', ['app: api', 'tier: back']) },
      errors: [{
        file: 'np.yaml',
        line: 6,
        message: 'NetworkPolicy "allow-frontend" applies to pods with app=backend, but no workload in namespace "default" has such pods: it restricts nothing. Deployment "api" has pods labelled app=api, tier=back.',
      }],
    },
    {
      name: 'the hint names the workload whose labels are nearest',
      files: {
        'np.yaml': policy(['  podSelector:', '    matchLabels:', '      app: store-frnt']),
        'a.yaml': deployment('documentdb', ['app: documentdb']),
        'b.yaml': deployment('store-front', ['app: store-front']),
        'c.yaml': deployment('worker', ['role: worker']),
      },
      errors: [{ file: 'np.yaml', line: 6, message: /it restricts nothing\. Deployment "store-front" has pods labelled app=store-front\.$/ }],
    },
    {
      name: 'the pods are in another namespace',
      files: { 'np.yaml': policy(backendSelector, 'shop'), 'deploy.yaml': deployment('api', ['app: backend']), 'other.yaml': deployment('cart', ['role: cart'], 'shop') },
      errors: [{ file: 'np.yaml', line: 7, message: 'NetworkPolicy "allow-frontend" applies to pods with app=backend, but no workload in namespace "shop" has such pods: it restricts nothing.' }],
    },
  ],
});
