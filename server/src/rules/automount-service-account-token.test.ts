import { automountServiceAccountToken } from './automount-service-account-token';
import { testRule, yaml } from './testing/ruleTester';

const deployment = (...specLines: string[]) =>
  yaml('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  template:', '    spec:', ...specLines, '      containers:', '      - name: web', '        image: web:1.0');
const serviceAccount = (...lines: string[]) => yaml('---', 'apiVersion: v1', 'kind: ServiceAccount', 'metadata:', '  name: web', ...lines);
const binding = yaml(
  '---',
  'apiVersion: rbac.authorization.k8s.io/v1',
  'kind: RoleBinding',
  'metadata:',
  '  name: web-reads-config',
  'subjects:',
  '- kind: ServiceAccount',
  '  name: web',
  'roleRef:',
  '  kind: Role',
  '  name: config-reader',
  '  apiGroup: rbac.authorization.k8s.io',
);

testRule(automountServiceAccountToken, {
  valid: [
    { name: 'turned off in the pod spec', code: deployment('      automountServiceAccountToken: false') },
    { name: 'turned off on the ServiceAccount in the file', code: deployment('      serviceAccountName: web') + serviceAccount('automountServiceAccountToken: false') },
    { name: 'the service account is bound to a role in the file', code: deployment('      serviceAccountName: web') + binding },
    { name: 'explicitly true for a bound service account', code: deployment('      serviceAccountName: web', '      automountServiceAccountToken: true') + binding },
    { name: 'not a workload', code: serviceAccount().slice(4) },
  ],
  invalid: [
    {
      name: 'nothing said: the default service account',
      code: deployment(),
      errors: [{ line: 7, message: 'The pod gets an API token for service account "default" that it likely never uses: set automountServiceAccountToken: false unless the app calls the Kubernetes API.' }],
      output: deployment('      automountServiceAccountToken: false'),
    },
    {
      name: 'a named service account, written next to it',
      code: deployment('      serviceAccountName: web # least privilege', '      nodeSelector:', '        kubernetes.io/os: linux'),
      errors: [{ line: 8, message: 'The pod gets an API token for service account "web" that it likely never uses: set automountServiceAccountToken: false unless the app calls the Kubernetes API.' }],
      output: deployment('      serviceAccountName: web # least privilege', '      automountServiceAccountToken: false', '      nodeSelector:', '        kubernetes.io/os: linux'),
    },
    {
      name: 'true in the pod overrides false on the ServiceAccount',
      code: deployment('      serviceAccountName: web', '      automountServiceAccountToken: true') + serviceAccount('automountServiceAccountToken: false'),
      errors: [{ line: 9, message: 'The pod mounts an API token for service account "web" (automountServiceAccountToken: true): set it to false unless the app calls the Kubernetes API.' }],
      output: deployment('      serviceAccountName: web', '      automountServiceAccountToken: false') + serviceAccount('automountServiceAccountToken: false'),
    },
    {
      name: 'a binding for a service account of another namespace does not count',
      code: yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', '  namespace: shop', 'spec:', '  serviceAccountName: web', '  containers:', '  - name: web') + binding.replace('  name: web\n', '  name: web\n  namespace: other\n'),
      errors: [{ line: 7, message: 'The pod gets an API token for service account "web" that it likely never uses: set automountServiceAccountToken: false unless the app calls the Kubernetes API.' }],
      output: yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', '  namespace: shop', 'spec:', '  serviceAccountName: web', '  automountServiceAccountToken: false', '  containers:', '  - name: web') + binding.replace('  name: web\n', '  name: web\n  namespace: other\n'),
    },
  ],
});
