import type { CodeLens, Location } from 'vscode-languageserver-types';
import { isEmptySelector } from '../model/labelSelector';
import type { ObjectSummary } from '../model/objectSummary';
import { namespaceOf, type WorkspaceView } from '../model/workspaceIndex';
import { SHOW_REFERENCES_COMMAND } from '../protocol';
import { selectorsOfWorkload } from './navigationService';

// A line above each workload saying what attaches to its pods across the workspace: the Services that
// send them traffic, the disruption budgets and network policies over them, the autoscaler that sizes
// them. It answers "is anything wired to this?" without opening the other files.

/** What attaches to one workload, before it becomes an LSP CodeLens. */
export interface WorkloadAttachments {
  workload: ObjectSummary;
  /** Short, e.g. "2 Services · PDB · HPA", or "No Service selects these pods". */
  title: string;
  /** Where each attached object selects or names the workload. */
  locations: Location[];
}

// Long-running workloads usually serve traffic; a Job, a CronJob or a node agent (DaemonSet) usually does not.
const USUALLY_SERVED_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController']);

const KINDS_SHOWN: ReadonlyArray<{ kind: string; one: string; many: string }> = [
  { kind: 'Service', one: 'Service', many: 'Services' },
  { kind: 'PodDisruptionBudget', one: 'PDB', many: 'PDBs' },
  { kind: 'HorizontalPodAutoscaler', one: 'HPA', many: 'HPAs' },
  { kind: 'NetworkPolicy', one: 'NetworkPolicy', many: 'NetworkPolicies' },
];

/**
 * The attachments of each workload among `objects` (one file's summaries). A workload with nothing attached
 * gets a line only where that is worth saying: a kind that usually serves traffic, in a namespace where the
 * workspace defines Services. Elsewhere (a Job, a folder of Deployments whose Services live in another
 * repository) it gets none, so the editor stays quiet.
 */
export function workloadAttachments(objects: readonly ObjectSummary[], workspace: WorkspaceView): WorkloadAttachments[] {
  return objects.flatMap((workload) => {
    if (!workload.podLabels) return [];
    const attached = attachedTo(workload, workspace);
    const parts = KINDS_SHOWN.flatMap(({ kind, one, many }) => {
      const count = new Set(attached.filter((entry) => entry.object.kind === kind).map((entry) => entry.object)).size;
      return count === 0 ? [] : [count === 1 ? one : `${count} ${many}`];
    });
    if (!attached.some((entry) => entry.object.kind === 'Service') && USUALLY_SERVED_KINDS.has(workload.kind) && namespaceHasSelectingServices(workload, workspace)) {
      parts.unshift('No Service selects these pods');
    }
    if (parts.length === 0) return [];
    return [{ workload, title: parts.join(' · '), locations: attached.map((entry) => entry.location) }];
  });
}

/** The CodeLens of each workload of a file: clicking lists the attached objects where they point at it. */
export function workloadCodeLenses(uri: string, objects: readonly ObjectSummary[], workspace: WorkspaceView): CodeLens[] {
  return workloadAttachments(objects, workspace).map(({ workload, title, locations }) => {
    // Above the object's first line, so it reads as a header of the whole object.
    const at = workload.range.start;
    const range = { start: at, end: at };
    // A lens with nothing to list is a label: an empty command id makes VS Code draw it unclickable.
    const command = locations.length > 0
      ? { title, command: SHOW_REFERENCES_COMMAND, arguments: [uri, workload.kindRange.start, locations] }
      : { title, command: '' };
    return { range, command };
  });
}

function attachedTo(workload: ObjectSummary, workspace: WorkspaceView): Array<{ object: ObjectSummary; location: Location }> {
  const selecting = selectorsOfWorkload(workload, workspace).map((object) => ({ object, location: { uri: object.uri, range: object.podSelector!.range } }));
  const scaling = workspace
    .referencesTo(workload)
    .filter(({ reference }) => reference.via === 'scale-target')
    .map(({ from, reference }) => ({ object: from, location: { uri: from.uri, range: reference.range } }));
  return [...selecting, ...scaling];
}

function namespaceHasSelectingServices(workload: ObjectSummary, workspace: WorkspaceView): boolean {
  const namespace = namespaceOf(workload);
  return namespace !== undefined && workspace.ofKind('Service', namespace).some((service) => service.podSelector !== undefined && !isEmptySelector(service.podSelector.selector));
}
