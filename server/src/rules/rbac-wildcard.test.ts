import { rbacWildcard } from './rbac-wildcard';
import { testRule, yaml } from './testing/ruleTester';

const role = (kind: string, name: string, ...rules: string[]) =>
  yaml('apiVersion: rbac.authorization.k8s.io/v1', `kind: ${kind}`, 'metadata:', `  name: ${name}`, 'rules:', ...rules);

testRule(rbacWildcard, {
  valid: [
    { name: 'explicit lists', code: role('Role', 'reader', '- apiGroups: ["", "apps"]', '  resources: ["pods", "deployments"]', '  verbs: ["get", "list", "watch"]') },
    { name: 'a system: role', code: role('ClusterRole', 'system:aggregate', '- apiGroups: ["*"]', '  resources: ["*"]', '  verbs: ["*"]') },
  ],
  invalid: [
    {
      name: 'the guide\'s "read-only" Role',
      code: role('Role', 'read-only', '- apiGroups: ["*"]', '  resources: ["*"]', '  verbs: ["get", "list", "watch"]'),
      errors: [{ line: 6, message: 'The Role grants apiGroups, resources with "*": list what is needed instead.' }],
    },
    {
      name: 'a wildcard verb in a block list',
      code: role('ClusterRole', 'ops', '- apiGroups: [""]', '  resources: [pods]', '  verbs:', '    - "*"'),
      errors: [{ line: 9, message: 'The ClusterRole grants verbs with "*": list what is needed instead.' }],
    },
  ],
});
