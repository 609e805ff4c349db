import { isMap, isScalar } from 'yaml';
import { grantsEverything, isPlatformName, policyRulesOf, roleInFile } from './rbacRules';
import type { Rule } from './rule';

export const rbacClusterAdminBinding: Rule = {
  meta: {
    id: 'rbac-cluster-admin-binding',
    title: 'Binding grants cluster-admin (or an equivalent role)',
    severity: 'error',
    category: 'rbac',
    guideSection: 'Authentication & RBAC',
    fixable: false,
    baseline: true,
    docs: [
      'A binding to `cluster-admin` — or to a role of your own that grants every verb on every resource — gives',
      'its subjects full control: they can read every Secret, run anything on any node and grant themselves',
      'more. Bound with a RoleBinding it is limited to one namespace, but still covers everything in it.',
      '',
      'Bind a role that lists what the subjects need: the built-in `admin`, `edit` or `view` ClusterRoles in a',
      'namespace, or a Role of your own. In AKS, give people access through Microsoft Entra ID groups (the',
      '"Azure Kubernetes Service RBAC" roles or group subjects), and keep cluster-admin for break-glass use.',
      'Roles defined in another file are not seen here; only `cluster-admin` and roles in the same file are',
      'checked.',
    ].join('\n'),
  },

  check({ root, object, file, report }) {
    if ((object.kind !== 'RoleBinding' && object.kind !== 'ClusterRoleBinding') || isPlatformName(object.name)) return;
    const roleRef = root.get('roleRef', true);
    if (!isMap(roleRef)) return;
    const kind = roleRef.get('kind', true);
    const name = roleRef.get('name', true);
    if (!isScalar(kind) || !isScalar(name) || typeof name.value !== 'string') return;
    const roleKind = String(kind.value);
    let reason: string | undefined;
    if (roleKind === 'ClusterRole' && name.value === 'cluster-admin') {
      reason = 'cluster-admin';
    } else {
      const role = roleInFile(file, roleKind, name.value, object.namespace);
      if (role && grantsEverything(policyRulesOf(role))) reason = `the ${roleKind} "${name.value}", which grants every verb on every resource`;
    }
    if (!reason) return;
    const scope = object.kind === 'ClusterRoleBinding' ? 'across the cluster' : 'in its namespace';
    report({ message: `The ${object.kind} grants ${reason} ${scope}.`, range: file.rangeOf(name) });
  },
};
