import { editDistance } from '../model/didYouMean';
import { describeSelector, selectorMatches, type LabelSelector } from '../model/labelSelector';
import type { ObjectSummary } from '../model/objectSummary';
import type { WorkspaceView } from '../model/workspaceIndex';
import { objectLabel } from './objectNames';

// A selector that matches no pods is almost always a typo or labels put in the wrong place. The three
// "selects nothing" rules (Service, PodDisruptionBudget, NetworkPolicy) end their message with the same
// pointer to the workload the selector was most likely written for.

/**
 * The sentence a "selects nothing" message ends with (with a leading space), or '' when no workload of the
 * namespace looks intended:
 * - a workload carrying the selected labels on itself (`metadata.labels`) rather than on its pod template;
 * - else the workload whose pods carry the selected keys with the values fewest typing mistakes away.
 */
export function selectorMissHint(selector: LabelSelector, namespace: string, workspace: WorkspaceView): string {
  const workloads = workspace.workloadsIn(namespace);
  const labelledItself = workloads.find((workload) => selectorMatches(selector, workload.labels));
  if (labelledItself) return ` ${objectLabel(labelledItself)} carries those labels on itself, not on its pod template.`;
  const intended = likeliestIntendedWorkload(selector.matchLabels, workloads);
  return intended ? ` ${objectLabel(intended)} has pods labelled ${describeSelector({ matchLabels: intended.podLabels ?? {}, matchExpressions: [] })}.` : '';
}

/**
 * Among the workloads whose pods carry at least one selected key, the one whose values are fewest typing
 * mistakes away (a key the pods lack costs as much as writing it out). Undefined when none carries any.
 */
function likeliestIntendedWorkload(matchLabels: Readonly<Record<string, string>>, workloads: readonly ObjectSummary[]): ObjectSummary | undefined {
  let best: ObjectSummary | undefined;
  let bestScore = Infinity;
  for (const workload of workloads) {
    const labels = workload.podLabels ?? {};
    if (!Object.keys(matchLabels).some((key) => key in labels)) continue;
    const score = Object.entries(matchLabels).reduce(
      (sum, [key, value]) => sum + (key in labels ? editDistance(value, labels[key]) : key.length + value.length),
      0,
    );
    if (score < bestScore) {
      best = workload;
      bestScore = score;
    }
  }
  return best;
}
