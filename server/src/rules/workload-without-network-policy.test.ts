import { yaml } from './testing/ruleTester';
import { testWorkspaceRule } from './testing/workspaceRuleTester';
import { workloadWithoutNetworkPolicy } from './workload-without-network-policy';

const policy = (name: string, selectorLines: string[], namespace?: string) =>
  yaml(
    'apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata:', `  name: ${name}`, ...(namespace ? [`  namespace: ${namespace}`] : []),
    'spec:', ...selectorLines, '  policyTypes: [Ingress]', '  ingress:', '  - from:', '    - podSelector:', '        matchLabels:', '          app: frontend',
  );
// The workload's name is on line 4.
const deployment = (name: string, labels: string[], namespace?: string) =>
  yaml(
    'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: ${name}`, ...(namespace ? [`  namespace: ${namespace}`] : []), 'spec:', '  selector:',
    '    matchLabels:', `      ${labels[0]}`, '  template:', '    metadata:', '      labels:', ...labels.map((label) => `        ${label}`),
    '    spec:', '      containers:', `      - name: ${name}`, `        image: ${name}:1`,
  );
const backendPolicy = policy('allow-frontend', ['  podSelector:', '    matchLabels:', '      app: backend']);

testWorkspaceRule(workloadWithoutNetworkPolicy, {
  valid: [
    { name: 'the namespace uses no NetworkPolicy', files: { 'deploy.yaml': deployment('api', ['app: api']) } },
    { name: 'a policy selects the workload', files: { 'np.yaml': backendPolicy, 'deploy.yaml': deployment('api', ['app: backend', 'tier: api']) } },
    { name: 'a default-deny policy selects every pod', files: { 'np.yaml': policy('default-deny', ['  podSelector: {}']), 'deploy.yaml': deployment('api', ['app: api']) } },
    { name: 'policies of another namespace only', files: { 'np.yaml': policy('allow-frontend', ['  podSelector: {}'], 'shop'), 'deploy.yaml': deployment('api', ['app: api']) } },
    {
      name: 'a policy whose selector cannot be read might select it',
      files: { 'np.yaml': backendPolicy, 'np2.yaml': policy('templated', ['  podSelector:', '    matchLabels: [app]']), 'deploy.yaml': deployment('api', ['app: api']) },
    },
  ],
  invalid: [
    {
      // Found by fuzzing: the policy would select nothing, so the finding came back after the fix.
      name: 'no fix when the workload\'s own selector misses its pods',
      files: { 'np.yaml': backendPolicy, 'deploy.yaml': deployment('payments', ['app: payments']).replace('      app: payments\n  template', '      app: pay\n  template') },
      errors: [{ file: 'deploy.yaml', line: 4, message: /^Deployment "payments" is not selected by any NetworkPolicy/ }],
    },
    {
      name: 'a workload left out: the fix adds a same-namespace policy for it',
      files: { 'np.yaml': backendPolicy, 'deploy.yaml': deployment('payments', ['app: payments', 'version: "2"'], 'shop'), 'shop-np.yaml': policy('allow-frontend', ['  podSelector:', '    matchLabels:', '      app: cart'], 'shop') },
      errors: [{
        file: 'deploy.yaml',
        line: 4,
        message: 'Deployment "payments" is not selected by any NetworkPolicy, although namespace "shop" has some, such as NetworkPolicy "allow-frontend" (shop-np.yaml): traffic to and from its pods is not restricted.',
      }],
      output: {
        'deploy.yaml': deployment('payments', ['app: payments', 'version: "2"'], 'shop') + yaml(
          '---', 'apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata:', '  name: payments-allow-same-namespace', '  namespace: shop', 'spec:',
          '  podSelector:', '    matchLabels:', '      app: payments', '  policyTypes:', '  - Ingress', '  ingress:', '  - from:', '    - podSelector: {}',
        ),
      },
    },
    {
      name: 'a Job has no selector to copy: reported without a fix',
      files: {
        'np.yaml': backendPolicy,
        'job.yaml': yaml('apiVersion: batch/v1', 'kind: Job', 'metadata:', '  name: migrate', 'spec:', '  template:', '    metadata:', '      labels:', '        app: migrate', '    spec:', '      restartPolicy: Never', '      containers:', '      - name: migrate', '        image: migrate:1'),
      },
      errors: [{ file: 'job.yaml', line: 4, message: /^Job "migrate" is not selected by any NetworkPolicy, although namespace "default" has some, such as NetworkPolicy "allow-frontend" \(np\.yaml\): traffic to and from its pods/ }],
    },
  ],
});
