import { editDistance } from '../model/didYouMean';
import { describeSelector, selectorMatches, type LabelSelector } from '../model/labelSelector';
import type { ObjectSummary } from '../model/objectSummary';
import type { WorkspaceView } from '../model/workspaceIndex';
import { objectLabel } from './objectNames';

/** How many workloads of a namespace a hint considers. */
const HINT_CANDIDATES = 256;

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
  // A hint is worth a glance at a few hundred workloads, not a scan of thousands for every selector that
  // matches nothing (a generated tree of 10,000 files made that the CLI's slowest step).
  const workloads = workspace.workloadsIn(namespace).slice(0, HINT_CANDIDATES);
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
  const wanted = Object.entries(matchLabels);
  let best: ObjectSummary | undefined;
  let bestScore = Infinity;
  for (const workload of workloads) {
    const labels = workload.podLabels ?? {};
    if (!wanted.some(([key]) => key in labels)) continue;
    let score = 0;
    for (const [key, value] of wanted) {
      // Only a better score matters: each distance is worked out no further than that.
      score += key in labels ? editDistance(value, labels[key], bestScore - 1 - score) : key.length + value.length;
      if (score >= bestScore) break;
    }
    if (score < bestScore) {
      best = workload;
      bestScore = score;
      // One typing mistake away is as likely as it gets (0 only where an expression, not a label, rules the
      // pods out): stop, rather than score every workload of a large namespace for each such selector.
      if (bestScore <= 1) break;
    }
  }
  return best;
}
