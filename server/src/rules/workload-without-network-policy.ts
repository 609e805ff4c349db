import { appendDocument } from '../fixes/documentEdits';
import { newDocumentLines } from '../fixes/yamlText';
import { selectorMatches } from '../model/labelSelector';
import type { ObjectSummary } from '../model/objectSummary';
import { namespaceOf, type WorkspaceView } from '../model/workspaceIndex';
import { objectInFile, objectLabel } from './objectNames';
import type { Fix, WorkspaceRule } from './rule';

export const workloadWithoutNetworkPolicy: WorkspaceRule = {
  meta: {
    id: 'workload-without-network-policy',
    title: 'Workload that no NetworkPolicy selects, in a namespace that uses them',
    severity: 'warning',
    category: 'networking',
    guideSection: '1. Using Network Policies to Restrict Pod-to-Pod Traffic',
    fixable: true,
    baseline: false,
    docs: [
      'Pods accept traffic from every pod of the cluster, and send it anywhere, until a NetworkPolicy selects',
      'them; from then on only what some policy allows gets through. A namespace whose workloads each have',
      'their own policy is only as closed as the one workload someone forgot: its pods remain reachable from',
      'any namespace, which is the gap lateral movement uses. On AKS, policies are enforced when the cluster',
      'runs a network policy engine (Azure, Calico or Cilium).',
      '',
      'Kube Guide judges only namespaces where the workspace has at least one NetworkPolicy, since that shows',
      'the team uses them there, and reports each workload whose pod labels no policy of the namespace selects.',
      'A policy with an empty `podSelector` (`{}`) selects every pod, so a default-deny policy, as the guide',
      'recommends, keeps this rule quiet. Any policy counts, whatever its `policyTypes`.',
      '',
      'The fix adds a NetworkPolicy `<workload>-allow-same-namespace` that selects the workload\'s',
      '`spec.selector.matchLabels` and lets in traffic only from pods of the same namespace. That is a safe',
      'first step, not the end: narrow `from` to the pods that really call this workload, and add the ports.',
    ].join('\n'),
  },

  checkWorkspace({ object, workspace, report, fileText }) {
    if (!object.podLabels) return;
    const namespace = namespaceOf(object)!;
    let example: ObjectSummary | undefined;
    for (const policy of workspace.ofKind('NetworkPolicy')) {
      if (namespaceOf(policy) !== namespace) continue;
      // A policy whose selector could not be read might select these pods: no guessing.
      if (!policy.podSelector || selectorMatches(policy.podSelector.selector, object.podLabels)) return;
      example ??= policy;
    }
    if (!example) return;
    const pods = object.kind === 'Pod' ? 'the pod' : 'its pods';
    report({
      message:
        `${objectLabel(object)} is not selected by any NetworkPolicy, although namespace "${namespace}" has some, such as ${objectInFile(example)}: ` +
        `traffic to and from ${pods} is not restricted.`,
      range: object.nameRange ?? object.kindRange,
      fix: sameNamespacePolicy(object, workspace, namespace, fileText),
    });
  },
};

/** A NetworkPolicy that isolates the workload and lets in its own namespace, when its selector is plain labels. */
function sameNamespacePolicy(object: ObjectSummary, workspace: WorkspaceView, namespace: string, fileText: () => string): Fix | undefined {
  const selector = object.podSelector?.selector;
  if (!object.name || !selector || selector.matchExpressions.length > 0 || Object.keys(selector.matchLabels).length === 0) return undefined;
  // A selector that misses the workload's own pods would make a policy over nothing: mend the workload first.
  if (!selectorMatches(selector, object.podLabels ?? {})) return undefined;
  const name = `${object.name}-allow-same-namespace`;
  if (workspace.find('NetworkPolicy', name, namespace).length > 0) return undefined;
  const text = fileText();
  const lines = newDocumentLines(text, {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, ...(object.namespace ? { namespace: object.namespace } : {}) },
    spec: { podSelector: { matchLabels: selector.matchLabels }, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: {} }] }] },
  });
  const edit = appendDocument(text, lines);
  return edit && {
    title: `Add NetworkPolicy "${name}" letting in only pods of namespace "${namespace}" (then narrow it to the real callers)`,
    edits: [edit],
  };
}
