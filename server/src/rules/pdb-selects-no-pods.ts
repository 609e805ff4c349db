import { describeSelector, isEmptySelector } from '../model/labelSelector';
import { namespaceOf } from '../model/workspaceIndex';
import type { WorkspaceRule } from './rule';
import { selectorMissHint } from './selectorMissHint';

export const pdbSelectsNoPods: WorkspaceRule = {
  meta: {
    id: 'pdb-selects-no-pods',
    title: 'PodDisruptionBudget whose selector matches no pods in the workspace',
    severity: 'warning',
    category: 'reliability',
    guideSection: 'How do you upgrade a running AKS cluster with minimal disruption?',
    fixable: false,
    baseline: true,
    docs: [
      'A PodDisruptionBudget protects the pods its `selector` matches: while AKS drains a node during an upgrade',
      'or a scale-in, evictions that would take those pods below the budget wait. A budget whose selector matches',
      'no pod protects nothing, and nothing tells you: its status quietly counts zero expected pods, and the',
      'next drain evicts the workload\'s pods as if the budget were not there. The usual causes are a label that',
      'differs from the pod template\'s, a selector copied from the Deployment\'s own `metadata.labels` (which pods',
      'do not carry), or a budget in another namespace than its workload.',
      '',
      'Kube Guide compares the selector with the pod template labels of every workload in the budget\'s namespace',
      'across the workspace. It judges only namespaces where the workspace has workloads, so budgets for pods',
      'deployed from elsewhere (a Helm chart, another repository) stay quiet. Pods that an operator creates from',
      'a custom resource (a database or message broker cluster) are unknown to it: silence the rule on such a',
      'budget with the `kube-guide.io/ignore: pdb-selects-no-pods` annotation. An empty selector is',
      '`pdb-empty-selector`\'s finding, not this rule\'s.',
      '',
      'Copy the labels of the workload\'s `spec.selector.matchLabels` into the budget\'s `selector.matchLabels`:',
      'the workload\'s controller relies on them, so they are on every pod it runs.',
    ].join('\n'),
  },

  checkWorkspace({ object, workspace, report }) {
    if (object.kind !== 'PodDisruptionBudget' || !object.podSelector || isEmptySelector(object.podSelector.selector)) return;
    const namespace = namespaceOf(object)!;
    if (!workspace.hasWorkloads(namespace)) return;
    const selector = object.podSelector.selector;
    if (workspace.workloadsSelectedBy(selector, namespace).length > 0) return;
    report({
      message: `PodDisruptionBudget "${object.name ?? 'unnamed'}" selects ${describeSelector(selector)}, but no workload in namespace "${namespace}" has pods with those labels: it protects nothing during node drains.${selectorMissHint(selector, namespace, workspace)}`,
      range: object.podSelector.range,
    });
  },
};
