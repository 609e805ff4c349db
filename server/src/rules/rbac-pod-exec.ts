import { isUserRole, policyRulesOf, valuesOf } from './rbacRules';
import type { Rule } from './rule';

// `create` runs the command; `get` does too, through the older WebSocket upgrade.
const EXEC_VERBS = new Set(['create', 'get', '*']);

export const rbacPodExec: Rule = {
  meta: {
    id: 'rbac-pod-exec',
    title: 'Role allows exec or attach into pods',
    severity: 'warning',
    category: 'rbac',
    guideSection: 'Authentication & RBAC',
    fixable: false,
    baseline: false,
    docs: [
      'Permission on `pods/exec` or `pods/attach` lets a subject run commands inside any pod it can reach, with',
      'that pod\'s service account token, mounted Secrets and managed identity: in practice it is everything',
      'those pods can do. Wildcards (`resources: ["*"]`, `apiGroups: ["*"]`, `verbs: ["*"]`) grant it too.',
      '',
      'Keep exec for break-glass and debugging roles bound to a few people (through a Microsoft Entra ID',
      'group), and prefer logs, metrics and `kubectl debug` with ephemeral containers for everyday work.',
    ].join('\n'),
  },

  check({ root, object, file, report }) {
    if (!isUserRole(object.kind, object.name)) return;
    for (const { apiGroups, resources, verbs } of policyRulesOf(root)) {
      const groups = valuesOf(apiGroups);
      if (!groups.includes('') && !groups.includes('*')) continue;
      const verb = verbs.find((item) => EXEC_VERBS.has(String(item.value)));
      const resource = resources.find((item) => ['pods/exec', 'pods/attach', '*', 'pods/*'].includes(String(item.value)));
      if (!verb || !resource) continue;
      const what = resource.value === 'pods/exec' || resource.value === 'pods/attach' ? String(resource.value) : 'pods/exec and pods/attach';
      report({ message: `The ${object.kind} allows ${what} (verb ${String(verb.value)}): its subjects can run commands in pods.`, range: file.rangeOf(resource) });
    }
  },
};
