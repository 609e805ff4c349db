import type { ObjectSummary } from '../model/objectSummary';
import { scalesWorkload } from '../model/workspaceIndex';
import type { CrdSchema } from '../schema/crdSchema';

// What checking one file needs from the rest of the run, known once the main thread has read every file.
// Kept apart from lintJob so the main thread can name it without loading the checks.

export interface RunContext {
  /** The run's CRDs: custom resources are checked against them, as the editor does with its workspace's. */
  crds: readonly CrdSchema[];
  /**
   * The run's autoscalers (objects with a scale target): a workload they scale needs no `replicas`, so
   * replicas-minimum and its fix ask about them, as they ask the editor's workspace index.
   */
  autoscalers: readonly ObjectSummary[];
}

/** True when the context changes nothing: workers need not be told. */
export const isEmptyRunContext = (context: RunContext): boolean => context.crds.length === 0 && context.autoscalers.length === 0;

/** The autoscalers among a file's objects. */
export const autoscalersIn = (objects: readonly ObjectSummary[]): ObjectSummary[] => objects.filter(scalesWorkload);
