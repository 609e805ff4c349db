import { networkpolicyAllowsAll } from './networkpolicy-allows-all';
import { testRule, yaml } from './testing/ruleTester';

const policy = (...specLines: string[]) =>
  yaml('apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata:', '  name: backend', 'spec:', '  podSelector:', '    matchLabels:', '      app: backend', ...specLines);

testRule(networkpolicyAllowsAll, {
  valid: [
    {
      name: 'the guide\'s frontend-to-backend policy',
      code: policy('  policyTypes:', '  - Ingress', '  ingress:', '  - from:', '    - podSelector:', '        matchLabels:', '          app: frontend'),
    },
    { name: 'the guide\'s deny-all egress', code: policy('  policyTypes:', '  - Egress', '  egress: []') },
    { name: 'any source, one port only', code: policy('  ingress:', '  - ports:', '    - port: 8080') },
    { name: 'a ConfigMap with ingress data is not a policy', code: yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: x', 'spec:', '  ingress:', '  - {}') },
  ],
  invalid: [
    {
      name: 'an empty ingress rule next to a real one',
      code: policy('  ingress:', '  - from:', '    - podSelector: {matchLabels: {app: frontend}}', '  - {} # temporary'),
      errors: [{ line: 12, message: 'This ingress rule has no from and no ports: it allows all traffic from every source, so the policy restricts nothing in this direction.' }],
    },
    {
      name: 'egress with empty lists',
      code: policy('  policyTypes: [Egress]', '  egress:', '  - to: []', '    ports: []'),
      errors: [{ line: 11, message: 'This egress rule has no to and no ports: it allows all traffic to every destination, so the policy restricts nothing in this direction.' }],
    },
  ],
});
