import { describeSelector, isEmptySelector } from '../model/labelSelector';
import { namespaceOf } from '../model/workspaceIndex';
import { objectLabel } from './objectNames';
import { selectorMissHint } from './selectorMissHint';
import type { WorkspaceRule } from './rule';

export const networkPolicySelectsNoPods: WorkspaceRule = {
  meta: {
    id: 'network-policy-selects-no-pods',
    title: 'NetworkPolicy whose podSelector matches no pods in the workspace',
    severity: 'warning',
    category: 'networking',
    guideSection: '1. Using Network Policies to Restrict Pod-to-Pod Traffic',
    fixable: false,
    baseline: true,
    docs: [
      'A NetworkPolicy protects the pods its `spec.podSelector` matches in its own namespace, and no others.',
      'When that selector matches no pod, the policy applies cleanly and does nothing: the pods it was written',
      'for keep accepting (or sending) whatever traffic the cluster allows, and nothing says so. It happens when',
      'a label is renamed on the workload only, or when the policy sits in another namespace than the pods.',
      '',
      'Kube Guide compares a non-empty `podSelector` with the pod template labels of every workload in the',
      'policy\'s namespace across the workspace. An empty `podSelector` (`{}`, every pod of the namespace) is',
      'always right. Namespaces where the workspace has no workloads are not judged, since their pods come',
      'from elsewhere. The peers in `from` and `to` are not checked: they may name pods the workspace does not',
      'hold.',
      '',
      'Make the selector a subset of the labels in the workload\'s `spec.template.metadata.labels`.',
    ].join('\n'),
  },

  checkWorkspace({ object, workspace, report }) {
    if (object.kind !== 'NetworkPolicy' || !object.podSelector || isEmptySelector(object.podSelector.selector)) return;
    const namespace = namespaceOf(object)!;
    const selector = object.podSelector.selector;
    if (!workspace.hasWorkloads(namespace) || workspace.workloadsSelectedBy(selector, namespace).length > 0) return;
    const hint = selectorMissHint(selector, namespace, workspace);
    report({
      message: `${objectLabel(object)} applies to pods with ${describeSelector(selector)}, but no workload in namespace "${namespace}" has such pods: it restricts nothing.${hint}`,
      range: object.podSelector.range,
    });
  },
};
