import { offsetAt } from '../fixes/documentEdits';
import type { TextEdit } from '../fixes/textEdit';
import { isEmptySelector } from '../model/labelSelector';
import type { Range } from '../model/manifestFile';
import type { ObjectSummary } from '../model/objectSummary';
import { namespaceOf, type WorkspaceView } from '../model/workspaceIndex';
import type { WorkspaceRule } from './rule';
import { smallestScaleOf, type SmallestScale } from './workloadScale';
import { objectLabel } from './objectNames';

const pods = (count: number) => `${count} pod${count === 1 ? '' : 's'}`;

/**
 * The pods a `minAvailable` keeps, for a given number of expected pods: a whole number as written, a
 * percentage of the expected pods rounded up (as the disruption controller computes it). Undefined for
 * values this rule leaves alone: 0 never blocks, 100% is `pdb-blocks-eviction`'s, anything else is invalid.
 */
export function podsKeptBy(minAvailable: number | string, expectedPods: number): number | undefined {
  if (typeof minAvailable === 'number') return Number.isInteger(minAvailable) && minAvailable > 0 ? minAvailable : undefined;
  const percent = /^\s*(\d+)%\s*$/.exec(minAvailable);
  if (!percent) return undefined;
  const share = Number(percent[1]);
  return share > 0 && share < 100 ? Math.ceil((share * expectedPods) / 100) : undefined;
}

export const pdbMinAvailableBlocksDrain: WorkspaceRule = {
  meta: {
    id: 'pdb-min-available-blocks-drain',
    title: 'PodDisruptionBudget whose minAvailable keeps every pod of its workload',
    severity: 'warning',
    category: 'reliability',
    guideSection: 'How do you upgrade a running AKS cluster with minimal disruption?',
    fixable: true,
    baseline: true,
    docs: [
      'AKS upgrades a node pool by draining its nodes one after another, and a drain evicts pods only while their',
      'PodDisruptionBudgets allow it. A budget whose `minAvailable` is as large as the number of pods it covers',
      'allows no eviction at all: `minAvailable: 3` over a Deployment with `replicas: 3`, `minAvailable: 1` over a',
      'single pod, or `minAvailable: 50%` of one pod (a percentage is rounded up, so it means that one pod). The',
      'drain waits on that node until the upgrade times out, and the node pool is left half upgraded.',
      '',
      'Kube Guide counts the pods of every workload the budget selects in its namespace across the workspace:',
      '`replicas` as written (1 when left out), or, when a HorizontalPodAutoscaler scales the workload, its',
      '`minReplicas` (1 when left out): at quiet times the autoscaler shrinks the workload to that floor. It stays',
      'quiet when it cannot know the count: a DaemonSet, Job or bare Pod among the selected pods, or `replicas`',
      'written as a placeholder. A workload written in several files (a kustomize base and its overlay) counts',
      'once, and not at all when the copies disagree. `maxUnavailable: 0` and `minAvailable: 100%` are reported',
      'by `pdb-blocks-eviction`.',
      '',
      'Budget for what may leave rather than what must stay: `maxUnavailable: 1` lets one pod at a time move to',
      'another node whatever the replica count, and the fix writes exactly that in place of `minAvailable` when',
      'two or more pods remain to serve. With a single pod there is no safe budget: run at least two replicas.',
    ].join('\n'),
  },

  checkWorkspace({ object, workspace, report, fileText }) {
    const budget = object.disruptionBudget;
    if (object.kind !== 'PodDisruptionBudget' || budget?.minAvailable === undefined || budget.maxUnavailable !== undefined) return;
    if (!object.podSelector || isEmptySelector(object.podSelector.selector)) return;
    const scales = scalesOf(workspace.workloadsSelectedBy(object.podSelector.selector, namespaceOf(object)!), workspace);
    if (!scales) return;
    const expected = scales.reduce((sum, { scale }) => sum + scale.pods, 0);
    if (expected === 0) return;
    const kept = podsKeptBy(budget.minAvailable, expected);
    if (kept === undefined || kept < expected) return;

    const required = typeof budget.minAvailable === 'string' ? `${budget.minAvailable} (${kept} of ${pods(expected)})` : String(kept);
    const edit = expected >= 2 ? replaceMinAvailable(fileText(), budget.range) : undefined;
    report({
      message: `PodDisruptionBudget "${object.name ?? 'unnamed'}" requires minAvailable ${required}, and ${describeScales(scales, expected)}: no pod may be evicted, so node drains and AKS upgrades stall.`,
      range: budget.range,
      fix: edit ? { title: 'Allow one pod at a time: maxUnavailable 1', edits: [edit] } : undefined,
    });
  },
};

/**
 * The smallest scale of each workload, once: a workload written in several files (a kustomize base and an
 * overlay, an all-in-one file beside per-service files) is one set of pods. Undefined when a count is
 * unknown, or when the copies disagree and the rule cannot tell which one is deployed.
 */
function scalesOf(workloads: readonly ObjectSummary[], workspace: WorkspaceView): Array<{ workload: ObjectSummary; scale: SmallestScale }> | undefined {
  const byIdentity = new Map<string, { workload: ObjectSummary; scale: SmallestScale }>();
  for (const workload of workloads) {
    const scale = smallestScaleOf(workload, workspace);
    if (!scale) return undefined;
    const identity = `${workload.kind}/${workload.name ?? ''}`;
    const seen = byIdentity.get(identity);
    if (seen && seen.scale.pods !== scale.pods) return undefined;
    if (!seen) byIdentity.set(identity, { workload, scale });
  }
  return [...byIdentity.values()];
}

function describeScales(scales: ReadonlyArray<{ workload: ObjectSummary; scale: SmallestScale }>, expected: number): string {
  if (scales.length > 1) {
    const each = scales.map(({ workload, scale }) => `${objectLabel(workload)}: ${scale.pods}`).join(', ');
    const scaled = scales.some(({ scale }) => scale.autoscaler);
    return `the workloads it selects run ${pods(expected)} ${scaled ? 'at their smallest' : 'in all'} (${each})`;
  }
  const [{ workload, scale }] = scales;
  if (scale.autoscaler) return `${objectLabel(workload)} can scale down to ${pods(scale.pods)} (minReplicas of ${objectLabel(scale.autoscaler)})`;
  return `${objectLabel(workload)} runs ${pods(scale.pods)}${workload.replicas ? '' : ' (replicas is not set)'}`;
}

/** `minAvailable: 3` → `maxUnavailable: 1`, from the key to the end of the value; undefined when the key is not plainly written before it. */
function replaceMinAvailable(text: string, valueRange: Range): TextEdit | undefined {
  const lineStart = offsetAt(text, { line: valueRange.start.line, character: 0 });
  const valueStart = offsetAt(text, valueRange.start);
  const key = /minAvailable[ \t]*:[ \t]*$/.exec(text.slice(lineStart, valueStart));
  if (!key) return undefined;
  return { start: lineStart + key.index, end: offsetAt(text, valueRange.end), newText: 'maxUnavailable: 1' };
}
