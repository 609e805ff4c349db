import type { Location, LocationLink } from 'vscode-languageserver-types';
import { isEmptySelector } from '../model/labelSelector';
import type { Position, Range } from '../model/manifestFile';
import type { ObjectReference, ObjectSummary } from '../model/objectSummary';
import { namespaceOf, type WorkspaceView } from '../model/workspaceIndex';

// Go to definition and find references across the workspace's manifests, read from the workspace index:
// from a name written in one object (an Ingress backend, a secretKeyRef, a claimName...) to the object it
// names, from a selector to the workloads whose pods it picks, and back. Plain functions over summaries;
// the language server turns the results into LSP answers.

/** The kinds whose pod selector picks other objects' pods (a workload's own `spec.selector` only picks its own). */
const SELECTING_KINDS = ['Service', 'PodDisruptionBudget', 'NetworkPolicy'] as const;

/** Where to go from the position in a file whose objects are `objects` (the file's live summaries). */
export function definitionsAt(objects: readonly ObjectSummary[], position: Position, workspace: WorkspaceView): LocationLink[] {
  const object = objectAt(objects, position);
  if (!object) return [];

  for (const reference of object.references) {
    // A key inside a ConfigMap or Secret: land on that key when the target has it, else on the target.
    if (reference.key !== undefined && reference.keyRange && rangeContains(reference.keyRange, position)) {
      return targetsOf(reference, workspace).map((target) => {
        const keyRange = target.dataKeyRange && Object.hasOwn(target.dataKeyRange, reference.key!) ? target.dataKeyRange[reference.key!] : undefined;
        return link(reference.keyRange!, target, keyRange);
      });
    }
    if (rangeContains(reference.range, position)) {
      return targetsOf(reference, workspace).map((target) => link(reference.range, target));
    }
  }

  const selector = object.podSelector;
  const onSelector = selector && (rangeContains(selector.range, position) || (selector.valueRange !== undefined && rangeContains(selector.valueRange, position)));
  if (onSelector && isSelectingKind(object.kind)) {
    return selectedWorkloads(object, workspace).map((workload) => link(selector.range, workload));
  }
  return [];
}

/**
 * Every place in the workspace that points at the object under the position: on a workload (its kind or
 * name line), the Services, budgets, network policies and autoscalers that select or target its pods; on
 * any other object, the references that name it. On a reference's name, the same for the object it names.
 */
export function referencesAt(
  objects: readonly ObjectSummary[],
  position: Position,
  workspace: WorkspaceView,
  includeDeclaration: boolean,
): Location[] {
  const object = objectAt(objects, position);
  if (!object) return [];
  const reference = object.references.find((candidate) => rangeContains(candidate.range, position));
  const subjects = reference ? targetsOf(reference, workspace) : onIdentityLine(object, position) ? [object] : [];

  const locations: Location[] = [];
  for (const subject of subjects) {
    if (includeDeclaration) locations.push({ uri: subject.uri, range: identityRange(subject) });
    locations.push(...usesOf(subject, workspace));
  }
  return uniqueLocations(locations);
}

/**
 * Where the workspace points at an object: references that name it, and, for a workload, the selectors that
 * pick its pods (the `selector:` key of each Service, PodDisruptionBudget and NetworkPolicy).
 */
export function usesOf(subject: ObjectSummary, workspace: WorkspaceView): Location[] {
  const locations: Location[] = workspace.referencesTo(subject).map(({ from, reference }) => ({ uri: from.uri, range: reference.range }));
  for (const selecting of selectorsOfWorkload(subject, workspace)) {
    locations.push({ uri: selecting.uri, range: selecting.podSelector!.range });
  }
  return locations;
}

/** The Services, PodDisruptionBudgets and NetworkPolicies whose selector picks the workload's pods. */
export function selectorsOfWorkload(workload: ObjectSummary, workspace: WorkspaceView): ObjectSummary[] {
  if (!workload.podLabels) return [];
  // A Service with an empty selector selects nothing (budgets and policies with one select everything).
  return workspace.selectorsOf(workload, SELECTING_KINDS).filter((selecting) => !(selecting.kind === 'Service' && isEmptySelector(selecting.podSelector!.selector)));
}

/** The workloads whose pods a Service's, budget's or policy's selector picks. */
export function selectedWorkloads(selecting: ObjectSummary, workspace: WorkspaceView): ObjectSummary[] {
  const selector = selecting.podSelector;
  const namespace = namespaceOf(selecting);
  if (!selector || namespace === undefined || !isSelectingKind(selecting.kind)) return [];
  if (selecting.kind === 'Service' && isEmptySelector(selector.selector)) return [];
  return workspace.workloadsSelectedBy(selector.selector, namespace);
}

/** The objects a reference names (several when the workspace defines the same object in more than one file). */
export function targetsOf(reference: ObjectReference, workspace: WorkspaceView): ObjectSummary[] {
  return workspace.find(reference.target.kind, reference.target.name, reference.target.namespace);
}

/** Where an object says who it is: its name, or its kind when it has none. */
export function identityRange(object: ObjectSummary): Range {
  return object.nameRange ?? object.kindRange;
}

/** The object whose document holds the position. */
export function objectAt(objects: readonly ObjectSummary[], position: Position): ObjectSummary | undefined {
  return objects.find((object) => rangeContains(object.range, position));
}

/** True when the position is inside the range or touches either end (a cursor just after a word is on it). */
export function rangeContains(range: Range, position: Position): boolean {
  const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

/** Converts links to plain locations, for clients that cannot show links. */
export function linksToLocations(links: readonly LocationLink[]): Location[] {
  return uniqueLocations(links.map((target) => ({ uri: target.targetUri, range: target.targetSelectionRange })));
}

function isSelectingKind(kind: string): boolean {
  return (SELECTING_KINDS as readonly string[]).includes(kind);
}

function onIdentityLine(object: ObjectSummary, position: Position): boolean {
  return position.line === object.kindRange.start.line || (object.nameRange !== undefined && position.line === object.nameRange.start.line);
}

function link(origin: Range, target: ObjectSummary, selection: Range = identityRange(target)): LocationLink {
  return { originSelectionRange: origin, targetUri: target.uri, targetRange: target.range, targetSelectionRange: selection };
}

function uniqueLocations(locations: readonly Location[]): Location[] {
  const seen = new Set<string>();
  return locations.filter((location) => {
    const key = `${location.uri}#${location.range.start.line}:${location.range.start.character}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
