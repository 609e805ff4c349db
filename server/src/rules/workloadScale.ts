import type { ObjectSummary } from '../model/objectSummary';
import type { WorkspaceView } from '../model/workspaceIndex';
import { REPLICATED_KINDS } from '../model/workloads';

// How many pods a workload runs, once its HorizontalPodAutoscaler is taken into account: the disruption
// budget and autoscaler rules must agree on that number.

/** The HorizontalPodAutoscalers of the workload's namespace whose `scaleTargetRef` names it (kind and name). */
export function autoscalersOf(workload: ObjectSummary, workspace: WorkspaceView): ObjectSummary[] {
  return workspace
    .referencesTo(workload)
    .flatMap(({ from, reference }) => (reference.via === 'scale-target' && from.kind === 'HorizontalPodAutoscaler' ? [from] : []));
}

export interface SmallestScale {
  /** The fewest pods the workload runs: its autoscaler's `minReplicas`, else `replicas` (1 when left out). */
  pods: number;
  /** The autoscaler that sets the number, when one does. */
  autoscaler?: ObjectSummary;
}

/**
 * The fewest pods a Deployment, StatefulSet, ReplicaSet or ReplicationController runs. Undefined for other
 * kinds, when the number is not written as a whole number (a placeholder filled in at deploy time), and
 * when autoscalers of the workload disagree.
 */
export function smallestScaleOf(workload: ObjectSummary, workspace: WorkspaceView): SmallestScale | undefined {
  if (!REPLICATED_KINDS.has(workload.kind)) return undefined;
  const autoscalers = autoscalersOf(workload, workspace);
  if (autoscalers.length > 0) {
    // Copies of one autoscaler in several files (base and overlay) must agree on the floor for it to be known.
    const [autoscaler] = autoscalers;
    const floor = autoscaler.minReplicas;
    return floor !== undefined && autoscalers.every((other) => other.minReplicas === floor) ? { pods: floor, autoscaler } : undefined;
  }
  if (workload.replicasUnknown) return undefined;
  return { pods: workload.replicas?.value ?? 1 };
}

