import { appendDocument } from '../fixes/documentEdits';
import { newDocumentLines } from '../fixes/yamlText';
import { selectorMatches } from '../model/labelSelector';
import type { ObjectSummary } from '../model/objectSummary';
import { namespaceOf, type WorkspaceView } from '../model/workspaceIndex';
import type { Fix, WorkspaceRule } from './rule';
import { autoscalersOf } from './workloadScale';
import { objectLabel } from './objectNames';

const KINDS = new Set(['Deployment', 'StatefulSet']);


export const workloadWithoutPdb: WorkspaceRule = {
  meta: {
    id: 'workload-without-pdb',
    title: 'Replicated Deployment or StatefulSet that no PodDisruptionBudget covers',
    severity: 'info',
    category: 'reliability',
    guideSection: 'How do you upgrade a running AKS cluster with minimal disruption?',
    fixable: true,
    baseline: false,
    docs: [
      'Running several replicas keeps a service up only if they do not all go away together. During an AKS',
      'upgrade or a cluster autoscaler scale-in, nodes are drained, and without a PodDisruptionBudget a drain',
      'evicts every pod of the node at once: when the scheduler placed two replicas on the same node, both stop',
      'and the service is down until replacements are ready elsewhere. The guide lists a PodDisruptionBudget as',
      'part of every upgrade plan.',
      '',
      'Kube Guide reports a Deployment or StatefulSet with `replicas` of 2 or more, or one that a',
      'HorizontalPodAutoscaler scales, when no PodDisruptionBudget of its namespace anywhere in the workspace',
      'selects its pods. A single replica is `replicas-minimum`\'s finding: a budget cannot make one pod highly',
      'available. The finding is informational because budgets are sometimes kept elsewhere (a platform',
      'team\'s chart, a policy engine that generates them); silence it on the workload with the',
      '`kube-guide.io/ignore: workload-without-pdb` annotation when that is the case.',
      '',
      'The fix adds a `policy/v1` PodDisruptionBudget named after the workload to the end of the same file, with',
      '`maxUnavailable: 1` (one pod at a time may move, whatever the replica count) and the workload\'s own',
      '`spec.selector.matchLabels` as its selector. It is offered when that selector is a plain set of labels.',
    ].join('\n'),
  },

  checkWorkspace({ object, workspace, report, fileText }) {
    if (!KINDS.has(object.kind) || !object.podLabels) return;
    const [autoscaler] = autoscalersOf(object, workspace);
    const replicas = object.replicas?.value ?? 0;
    if (!autoscaler && replicas < 2) return;
    if (workspace.selectorsOf(object, ['PodDisruptionBudget']).length > 0) return;
    const scaled = autoscaler ? `is scaled by ${objectLabel(autoscaler)}` : `runs ${replicas} replicas`;
    report({
      message: `${objectLabel(object)} ${scaled}, but no PodDisruptionBudget in namespace "${namespaceOf(object)}" covers its pods: a node drain during an AKS upgrade may evict them all at once.`,
      range: object.nameRange ?? object.kindRange,
      fix: addBudgetFix(object, workspace, fileText),
    });
  },
};

/** A PodDisruptionBudget over the workload's own selector labels, appended to its file. */
function addBudgetFix(workload: ObjectSummary, workspace: WorkspaceView, fileText: () => string): Fix | undefined {
  const selector = workload.podSelector?.selector;
  if (!workload.name || !selector || selector.matchExpressions.length > 0 || Object.keys(selector.matchLabels).length === 0) return undefined;
  // A selector that misses the workload's own pods (the API server refuses such a workload) would make a
  // budget that covers nothing: the workload needs mending first.
  if (!selectorMatches(selector, workload.podLabels ?? {})) return undefined;
  const name = `${workload.name}-pdb`;
  // A budget of that name that selects other pods already exists: adding a second one would replace it on apply.
  if (workspace.find('PodDisruptionBudget', name, namespaceOf(workload)).length > 0) return undefined;
  const text = fileText();
  const lines = newDocumentLines(text, {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name, ...(workload.namespace !== undefined ? { namespace: workload.namespace } : {}) },
    spec: { maxUnavailable: 1, selector: { matchLabels: selector.matchLabels } },
  });
  const edit = appendDocument(text, lines);
  return edit && { title: `Add PodDisruptionBudget "${name}" (maxUnavailable 1)`, edits: [edit] };
}
