import { rbacSecretsRead } from './rbac-secrets-read';
import { testRule, yaml } from './testing/ruleTester';

const role = (kind: string, name: string, ...rules: string[]) =>
  yaml('apiVersion: rbac.authorization.k8s.io/v1', `kind: ${kind}`, 'metadata:', `  name: ${name}`, '  namespace: shop', 'rules:', ...rules);

testRule(rbacSecretsRead, {
  valid: [
    { name: 'no secrets', code: role('Role', 'reader', '- apiGroups: ["", "apps"]', '  resources: ["pods", "configmaps"]', '  verbs: ["get", "list", "watch"]') },
    { name: 'one named Secret', code: role('Role', 'tls-reader', '- apiGroups: [""]', '  resources: ["secrets"]', '  resourceNames: ["shop-tls"]', '  verbs: ["get"]') },
    { name: 'create only', code: role('Role', 'issuer', '- apiGroups: [""]', '  resources: ["secrets"]', '  verbs: ["create", "update"]') },
    { name: 'secrets of another API group', code: role('Role', 'other', '- apiGroups: ["secrets-store.csi.x-k8s.io"]', '  resources: ["secrets"]', '  verbs: ["get"]') },
    { name: 'the built-in edit role', code: role('ClusterRole', 'edit', '- apiGroups: [""]', '  resources: ["secrets"]', '  verbs: ["*"]') },
  ],
  invalid: [
    {
      name: 'a Role that lists Secrets',
      code: role('Role', 'debug', '- apiGroups: [""]', '  resources: ["pods", "secrets"]', '  verbs: ["get", "list"]'),
      errors: [{ line: 8, message: 'The Role can read every Secret in namespace "shop" (get, list on secrets): name the Secrets it needs with resourceNames.' }],
    },
    {
      name: 'a ClusterRole with every verb',
      code: role('ClusterRole', 'ops', '- apiGroups: ["*"]', '  resources:', '  - secrets', '  verbs: ["*"]'),
      errors: [{ line: 9, message: 'The ClusterRole can read every Secret where it is bound, cluster-wide through a ClusterRoleBinding (get, list, watch on secrets): name the Secrets it needs with resourceNames.' }],
    },
  ],
});
