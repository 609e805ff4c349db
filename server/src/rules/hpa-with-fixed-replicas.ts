import { offsetAt, removeLineAt } from '../fixes/documentEdits';
import type { TextEdit } from '../fixes/textEdit';
import type { Range } from '../model/manifestFile';
import { REPLICATED_KINDS } from '../model/workloads';
import type { WorkspaceRule } from './rule';
import { autoscalersOf } from './workloadScale';
import { fileNameOf, objectLabel } from './objectNames';

export const hpaWithFixedReplicas: WorkspaceRule = {
  meta: {
    id: 'hpa-with-fixed-replicas',
    title: 'Workload writes replicas although a HorizontalPodAutoscaler scales it',
    severity: 'warning',
    category: 'reliability',
    guideSection: 'Scaling Strategies',
    fixable: true,
    baseline: false,
    docs: [
      'Once a HorizontalPodAutoscaler scales a Deployment or StatefulSet, the replica count belongs to the',
      'autoscaler. A `replicas` value left in the workload\'s manifest takes it back on every `kubectl apply`,',
      'Helm upgrade or GitOps sync (Flux, Argo CD): the workload jumps to the written number, often far below',
      'what the load needs, and the autoscaler needs a minute or more to climb back. Deploying during a peak',
      'becomes an outage.',
      '',
      'Kube Guide reports the `replicas` line of a workload when an autoscaler of the same namespace anywhere in',
      'the workspace names it in `scaleTargetRef`, and says in which file that autoscaler is. `replicas: 0` (a',
      'workload paused on purpose, which also pauses its autoscaler) is not reported.',
      '',
      'The fix removes the `replicas` line; let the autoscaler\'s `minReplicas` be the floor instead. One',
      'caution for clusters updated with client-side `kubectl apply`: the first apply without the field also',
      'removes it from the live object, which falls back to one pod until the autoscaler reacts. Remove',
      '`replicas` from the last-applied configuration first (`kubectl apply edit-last-applied`), or deploy',
      'with server-side apply, to avoid that one-time drop.',
    ].join('\n'),
  },

  checkWorkspace({ object, workspace, report, fileText }) {
    if (!REPLICATED_KINDS.has(object.kind) || !object.replicas || object.replicas.value === 0) return;
    const [autoscaler] = autoscalersOf(object, workspace);
    if (!autoscaler) return;
    const replicas = object.replicas.value;
    const where = autoscaler.uri === object.uri ? 'in this file' : `in ${fileNameOf(autoscaler.uri)}`;
    const edit = removeReplicasLine(fileText(), object.replicas.range);
    report({
      message: `${objectLabel(object)} sets replicas ${replicas}, but ${objectLabel(autoscaler)} (${where}) scales it: every kubectl apply or GitOps sync resets it to ${replicas} pod${replicas === 1 ? '' : 's'}, undoing the autoscaler's choice.`,
      range: object.replicas.range,
      fix: edit ? { title: 'Remove replicas: the HorizontalPodAutoscaler sets the count', edits: [edit] } : undefined,
    });
  },
};

/** Removes the `replicas: N` line, only when the line holds nothing else (not a flow mapping). */
function removeReplicasLine(text: string, valueRange: Range): TextEdit | undefined {
  const start = offsetAt(text, { line: valueRange.start.line, character: 0 });
  const end = offsetAt(text, { line: valueRange.start.line + 1, character: 0 });
  return /^[ \t]*replicas[ \t]*:[ \t]*\d+[ \t]*(#.*)?\r?\n?$/.test(text.slice(start, end)) ? removeLineAt(text, valueRange) : undefined;
}
