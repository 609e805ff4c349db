import { rbacClusterAdminBinding } from './rbac-cluster-admin-binding';
import { testRule, yaml } from './testing/ruleTester';

const binding = (kind: string, roleKind: string, roleName: string) =>
  yaml(
    'apiVersion: rbac.authorization.k8s.io/v1',
    `kind: ${kind}`,
    'metadata:',
    '  name: ops',
    '  namespace: dev',
    'subjects:',
    '- kind: Group',
    '  name: 00000000-0000-0000-0000-000000000000',
    'roleRef:',
    `  kind: ${roleKind}`,
    `  name: ${roleName}`,
    '  apiGroup: rbac.authorization.k8s.io',
  );
const everything = yaml('apiVersion: rbac.authorization.k8s.io/v1', 'kind: Role', 'metadata:', '  name: all', '  namespace: dev', 'rules:', '- apiGroups: ["*"]', '  resources: ["*"]', '  verbs: ["get", "list", "watch", "create", "update", "patch", "delete"]');

testRule(rbacClusterAdminBinding, {
  valid: [
    { name: 'the built-in edit role', code: binding('RoleBinding', 'ClusterRole', 'edit') },
    { name: 'a role defined elsewhere', code: binding('RoleBinding', 'Role', 'deployer') },
  ],
  invalid: [
    {
      name: 'cluster-admin, cluster-wide',
      code: binding('ClusterRoleBinding', 'ClusterRole', 'cluster-admin'),
      errors: [{ line: 11, message: 'The ClusterRoleBinding grants cluster-admin across the cluster.' }],
    },
    {
      name: 'a Role of the same file that grants everything',
      code: everything + '---\n' + binding('RoleBinding', 'Role', 'all'),
      errors: [{ line: 21, message: 'The RoleBinding grants the Role "all", which grants every verb on every resource in its namespace.' }],
    },
  ],
});
