import { isSeq } from 'yaml';
import { isUserRole, policyRulesOf, valuesOf } from './rbacRules';
import type { Rule } from './rule';

// Built-in ClusterRoles that read Secrets on purpose; a file re-declaring them describes the platform.
const READ_VERBS = ['get', 'list', 'watch'];

export const rbacSecretsRead: Rule = {
  meta: {
    id: 'rbac-secrets-read',
    title: 'Role can read Secrets',
    severity: 'warning',
    category: 'rbac',
    guideSection: 'Authentication & RBAC',
    fixable: false,
    baseline: false,
    docs: [
      'Reading a Secret gives its value in clear text (base64 is an encoding, not encryption). `list` and',
      '`watch` on `secrets` return every Secret in the namespace at once, including service account tokens',
      'and TLS keys; in a ClusterRole bound with a ClusterRoleBinding, that is every Secret of the cluster.',
      'Whoever holds such a role can usually act as any workload whose credentials it reads.',
      '',
      'Grant Secret access only to what needs it, and name the Secrets with `resourceNames` and the `get` verb',
      '(the rule stays silent then). Applications are better served by Azure Key Vault through the Secrets',
      'Store CSI driver and Workload Identity, which needs no RBAC on Secrets at all. Wildcard resources',
      '(`resources: ["*"]`) are reported by `rbac-wildcard`. There is no automatic fix: only you know which',
      'Secrets the subject needs.',
    ].join('\n'),
  },

  check({ root, object, file, report }) {
    if (!isUserRole(object.kind, object.name)) return;
    for (const { rule, apiGroups, resources, verbs } of policyRulesOf(root)) {
      const groups = valuesOf(apiGroups);
      if (!groups.includes('') && !groups.includes('*')) continue;
      const secrets = resources.find((item) => item.value === 'secrets');
      if (!secrets) continue;
      const names = rule.get('resourceNames', true);
      if (isSeq(names) && names.items.length > 0) continue;
      const verbNames = valuesOf(verbs);
      const granted = verbNames.includes('*') ? READ_VERBS : READ_VERBS.filter((verb) => verbNames.includes(verb));
      if (granted.length === 0) continue;
      const scope =
        object.kind === 'Role'
          ? `every Secret in ${object.namespace ? `namespace "${object.namespace}"` : 'its namespace'}`
          : 'every Secret where it is bound, cluster-wide through a ClusterRoleBinding';
      report({
        message: `The ${object.kind} can read ${scope} (${granted.join(', ')} on secrets): name the Secrets it needs with resourceNames.`,
        range: file.rangeOf(secrets),
      });
    }
  },
};
