import { isPlatformName, policyRulesOf } from './rbacRules';
import type { Rule } from './rule';

export const rbacWildcard: Rule = {
  meta: {
    id: 'rbac-wildcard',
    title: 'Role grants permissions with a wildcard',
    severity: 'warning',
    category: 'rbac',
    guideSection: 'Authentication & RBAC',
    fixable: false,
    baseline: true,
    docs: [
      'A `*` in a Role or ClusterRole rule grants everything of that kind, today and in the future: `resources:',
      '["*"]` includes Secrets (so a "read-only" role can read every password in its namespace), `verbs: ["*"]`',
      'includes `escalate`, `bind` and `impersonate`, and `apiGroups: ["*"]` covers every CRD installed later.',
      'The guide\'s "read-only" Role example is such a role.',
      '',
      'List the API groups, resources and verbs the subject needs: for read access to workloads, for example,',
      '`apiGroups: ["", "apps"]`, `resources: ["pods", "services", "deployments"]`, `verbs: ["get", "list",',
      '"watch"]`. The built-in `view` ClusterRole (which excludes Secrets) is often what a read-only user',
      'needs. There is no automatic fix: only you know what the subject needs.',
    ].join('\n'),
  },

  check({ root, object, file, report }) {
    if ((object.kind !== 'Role' && object.kind !== 'ClusterRole') || isPlatformName(object.name)) return;
    for (const { apiGroups, resources, verbs } of policyRulesOf(root)) {
      const wild = [
        ['apiGroups', apiGroups],
        ['resources', resources],
        ['verbs', verbs],
      ] as const;
      const found = wild.flatMap(([field, list]) => list.filter((item) => item.value === '*').map((item) => ({ field, item })));
      if (found.length === 0) continue;
      report({
        message: `The ${object.kind} grants ${found.map(({ field }) => field).join(', ')} with "*": list what is needed instead.`,
        range: file.rangeOf(found[0].item),
      });
    }
  },
};
