import { selectorMatches, type LabelSelector } from './labelSelector';
import { isClusterScoped, type ObjectReference, type ObjectSummary } from './objectSummary';

// Every manifest object of the workspace, by file, with the lookups cross-resource rules and navigation
// need. Objects without a namespace are in `default`, as `kubectl apply` would put them without `-n`.

export const DEFAULT_NAMESPACE = 'default';

/** The namespace an object lives in; undefined for cluster-scoped kinds. */
export function namespaceOf(object: Pick<ObjectSummary, 'kind' | 'namespace'>): string | undefined {
  return isClusterScoped(object.kind) ? undefined : object.namespace || DEFAULT_NAMESPACE;
}

/** What the rules and features read of the index; the index itself also takes updates. */
export interface WorkspaceView {
  /** Objects of a kind with a name, in a namespace (ignored for cluster-scoped kinds). */
  find(kind: string, name: string, namespace?: string): ObjectSummary[];
  /** Every object of a kind, in one namespace or in all. */
  ofKind(kind: string, namespace?: string): ObjectSummary[];
  /** Workloads (anything with a pod template) of a namespace whose pods the selector matches. */
  workloadsSelectedBy(selector: LabelSelector, namespace: string): ObjectSummary[];
  /** Objects of the given kinds in the workload's namespace whose pod selector matches its pods. */
  selectorsOf(workload: ObjectSummary, kinds: readonly string[]): ObjectSummary[];
  /** The references in the workspace that name this object, with the object that holds each. */
  referencesTo(target: ObjectSummary): Array<{ from: ObjectSummary; reference: ObjectReference }>;
  /** True when some object of the namespace is a workload. */
  hasWorkloads(namespace: string): boolean;
  /** The workloads (objects with pod labels) of a namespace. */
  workloadsIn(namespace: string): readonly ObjectSummary[];
  /** All indexed objects. */
  all(): Iterable<ObjectSummary>;
  objectsIn(uri: string): readonly ObjectSummary[];
}

/** What an update changed: whether the file's meaning changed, and which other files may now judge differently. */
export interface IndexChange {
  changed: boolean;
  /** Other indexed files whose cross-resource findings may differ after this change. */
  affectedUris: Set<string>;
}

const labelKey = (scope: string, key: string, value: string) => `${scope}\0${key}\0${value}`;
const nameKey = (kind: string, namespace: string | undefined, name: string) => `${kind}/${namespace ?? ''}/${name}`;
/** The name key of the object a reference names. */
const referenceKey = ({ target }: ObjectReference) =>
  nameKey(target.kind, isClusterScoped(target.kind) ? undefined : target.namespace || DEFAULT_NAMESPACE, target.name);

export class WorkspaceIndex implements WorkspaceView {
  private readonly files = new Map<string, readonly ObjectSummary[]>();
  private readonly byName = new Map<string, ObjectSummary[]>();
  private readonly byKind = new Map<string, ObjectSummary[]>();
  // Lookups that rules make once per object: kept as maps so a workspace of thousands of objects is not
  // scanned once per object (quadratic).
  private readonly byKindInNamespace = new Map<string, ObjectSummary[]>();
  private readonly workloadsByNamespace = new Map<string, ObjectSummary[]>();
  private readonly referencesByTarget = new Map<string, Array<{ from: ObjectSummary; reference: ObjectReference }>>();
  // Selectors match on labels: workloads by each pod label, and selecting objects by one label their
  // selector requires, so a Service finds its pods (and a workload its Services) among a few candidates
  // rather than among every workload of a namespace.
  private readonly workloadsByLabel = new Map<string, ObjectSummary[]>();
  private readonly selectorsByLabel = new Map<string, ObjectSummary[]>();
  /** Selecting objects whose selector requires no exact label (expressions only, or empty), by kind and namespace. */
  private readonly selectorsWithoutLabel = new Map<string, ObjectSummary[]>();
  /** The order objects were indexed in, so a lookup through candidates answers in the order a scan would. */
  private readonly order = new WeakMap<ObjectSummary, number>();
  private linked = 0;
  /** Bumped on every change of meaning: caches of cross-resource results compare it. */
  generation = 0;
  /** Bumped when a CustomResourceDefinition changes: the schema of custom resources follows it. */
  definitionsGeneration = 0;

  get fileCount(): number {
    return this.files.size;
  }

  uris(): IterableIterator<string> {
    return this.files.keys();
  }

  objectsIn(uri: string): readonly ObjectSummary[] {
    return this.files.get(uri) ?? [];
  }

  *all(): Iterable<ObjectSummary> {
    for (const objects of this.files.values()) yield* objects;
  }

  /** Replaces a file's objects. Files without objects are dropped. */
  /**
   * Replaces a file's objects. `findDependents: false` skips working out the affected files, for a first
   * scan where nothing has been checked yet (asking for every file would make the scan quadratic).
   */
  update(uri: string, objects: readonly ObjectSummary[], { findDependents = true } = {}): IndexChange {
    const before = this.files.get(uri) ?? [];
    const changedObjects = changedBetween(before, objects);
    this.unlink(before);
    if (objects.length > 0) {
      this.files.set(uri, objects);
      this.link(objects);
    } else {
      this.files.delete(uri);
    }
    if (changedObjects.length === 0) return { changed: false, affectedUris: new Set() };
    this.generation++;
    if (changedObjects.some((object) => object.kind === 'CustomResourceDefinition')) this.definitionsGeneration++;
    return { changed: true, affectedUris: findDependents ? this.dependentsOf(changedObjects, uri) : new Set() };
  }

  remove(uri: string): IndexChange {
    return this.update(uri, []);
  }

  find(kind: string, name: string, namespace?: string): ObjectSummary[] {
    const scope = isClusterScoped(kind) ? undefined : namespace || DEFAULT_NAMESPACE;
    return this.byName.get(nameKey(kind, scope, name)) ?? [];
  }

  ofKind(kind: string, namespace?: string): ObjectSummary[] {
    if (namespace === undefined) return this.byKind.get(kind) ?? [];
    return [...(this.byKindInNamespace.get(`${kind}/${namespace}`) ?? [])];
  }

  workloadsSelectedBy(selector: LabelSelector, namespace: string): ObjectSummary[] {
    const required = Object.entries(selector.matchLabels)[0];
    // Every workload the selector matches carries its first required label: those are the only candidates.
    const candidates = required ? this.workloadsByLabel.get(labelKey(namespace, ...required)) : this.workloadsByNamespace.get(namespace);
    return (candidates ?? []).filter((object) => selectorMatches(selector, object.podLabels!));
  }

  selectorsOf(workload: ObjectSummary, kinds: readonly string[]): ObjectSummary[] {
    const labels = workload.podLabels;
    const namespace = namespaceOf(workload);
    if (!labels || namespace === undefined) return [];
    return kinds.flatMap((kind) => {
      const scope = `${kind}/${namespace}`;
      const candidates = new Set(this.selectorsWithoutLabel.get(scope));
      for (const [key, value] of Object.entries(labels)) for (const object of this.selectorsByLabel.get(labelKey(scope, key, value)) ?? []) candidates.add(object);
      return [...candidates]
        .filter((object) => selectorMatches(object.podSelector!.selector, labels))
        .sort((a, b) => this.order.get(a)! - this.order.get(b)!);
    });
  }

  referencesTo(target: ObjectSummary): Array<{ from: ObjectSummary; reference: ObjectReference }> {
    if (!target.name) return [];
    return [...(this.referencesByTarget.get(nameKey(target.kind, namespaceOf(target), target.name)) ?? [])];
  }

  workloadsIn(namespace: string): readonly ObjectSummary[] {
    return this.workloadsByNamespace.get(namespace) ?? [];
  }

  hasWorkloads(namespace: string): boolean {
    return this.workloadsByNamespace.has(namespace);
  }

  private link(objects: readonly ObjectSummary[]): void {
    for (const object of objects) {
      push(this.byKind, object.kind, object);
      if (object.name) push(this.byName, nameKey(object.kind, namespaceOf(object), object.name), object);
      const namespace = namespaceOf(object);
      if (namespace !== undefined) push(this.byKindInNamespace, `${object.kind}/${namespace}`, object);
      if (object.podLabels && namespace !== undefined) push(this.workloadsByNamespace, namespace, object);
      for (const [map, key] of this.labelEntries(object)) push(map, key, object);
      this.order.set(object, this.linked++);
      for (const reference of object.references) push(this.referencesByTarget, referenceKey(reference), { from: object, reference });
    }
  }

  /** The label lookups an object belongs in: one per pod label, and one for a label its selector requires. */
  private labelEntries(object: ObjectSummary): Array<[Map<string, ObjectSummary[]>, string]> {
    const namespace = namespaceOf(object);
    if (namespace === undefined) return [];
    const entries: Array<[Map<string, ObjectSummary[]>, string]> = [];
    for (const [key, value] of Object.entries(object.podLabels ?? {})) entries.push([this.workloadsByLabel, labelKey(namespace, key, value)]);
    if (object.podSelector) {
      const scope = `${object.kind}/${namespace}`;
      const required = Object.entries(object.podSelector.selector.matchLabels)[0];
      entries.push(required ? [this.selectorsByLabel, labelKey(scope, ...required)] : [this.selectorsWithoutLabel, scope]);
    }
    return entries;
  }

  private unlink(objects: readonly ObjectSummary[]): void {
    for (const object of objects) {
      pull(this.byKind, object.kind, object);
      if (object.name) pull(this.byName, nameKey(object.kind, namespaceOf(object), object.name), object);
      const namespace = namespaceOf(object);
      if (namespace !== undefined) pull(this.byKindInNamespace, `${object.kind}/${namespace}`, object);
      if (object.podLabels && namespace !== undefined) pull(this.workloadsByNamespace, namespace, object);
      for (const [map, key] of this.labelEntries(object)) pull(map, key, object);
      for (const reference of object.references) {
        const key = referenceKey(reference);
        const entry = this.referencesByTarget.get(key)?.find((candidate) => candidate.reference === reference);
        if (entry) pull(this.referencesByTarget, key, entry);
      }
    }
  }

  /**
   * The other files whose cross-resource findings can depend on these objects: those that name one of
   * them, and, where pods or pod selectors changed, those with selectors or workloads in the same namespace.
   */
  private dependentsOf(changed: readonly ObjectSummary[], changedUri: string): Set<string> {
    // By kind and namespace, not by name: the first ConfigMap of a namespace, or a near name that a
    // "did you mean" could now suggest, changes what references to any object of that kind get.
    const kinds = new Set<string>();
    const podNamespaces = new Set<string>();
    const selectorNamespaces = new Set<string>();
    for (const object of changed) {
      const namespace = namespaceOf(object);
      kinds.add(nameKey(object.kind, namespace, ''));
      // A Certificate or SecretProviderClass makes Secrets that references count as present.
      for (const created of object.creates ?? []) kinds.add(nameKey(created.kind, namespace, ''));
      if (namespace === undefined) continue;
      if (object.podLabels || object.replicas) podNamespaces.add(namespace);
      // An autoscaler decides how many pods its target runs: its workload and the budgets over those pods judge by it.
      if (scalesWorkload(object)) podNamespaces.add(namespace);
      if (object.podSelector || object.networkPolicy) selectorNamespaces.add(namespace);
    }
    const affected = new Set<string>();
    for (const [uri, objects] of this.files) {
      if (uri === changedUri) continue;
      const depends = objects.some((object) => {
        const namespace = namespaceOf(object);
        if (namespace !== undefined && podNamespaces.has(namespace) && (object.podSelector || object.networkPolicy || object.podLabels || scalesWorkload(object))) return true;
        if (namespace !== undefined && selectorNamespaces.has(namespace) && (object.podLabels || object.podSelector)) return true;
        return object.references.some((reference) => {
          const referenceNamespace = isClusterScoped(reference.target.kind) ? undefined : reference.target.namespace || DEFAULT_NAMESPACE;
          return kinds.has(nameKey(reference.target.kind, referenceNamespace, ''));
        });
      });
      if (depends) affected.add(uri);
    }
    return affected;
  }
}

/** True for an autoscaler: whether its target can be judged depends on the workloads of its namespace. */
export const scalesWorkload = (object: ObjectSummary): boolean => object.references.some((reference) => reference.via === 'scale-target');

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function pull<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (!list) return;
  const index = list.indexOf(value);
  if (index >= 0) list.splice(index, 1);
  if (list.length === 0) map.delete(key);
}

/** What an object means to other files: everything but where it is written. */
function meaningOf(object: ObjectSummary): string {
  const { uri: _uri, documentIndex: _index, range: _range, endOffset: _end, kindRange: _kind, nameRange: _name, parseErrors: _errors, ...rest } = object;
  return JSON.stringify(rest, (key, value) => (key.endsWith('Range') || key === 'range' ? undefined : value));
}

/** The objects present on one side only, once positions are set aside. */
function changedBetween(before: readonly ObjectSummary[], after: readonly ObjectSummary[]): ObjectSummary[] {
  const beforeMeanings = new Map(before.map((object) => [meaningOf(object), object]));
  const changed: ObjectSummary[] = [];
  for (const object of after) {
    const meaning = meaningOf(object);
    if (beforeMeanings.has(meaning)) beforeMeanings.delete(meaning);
    else changed.push(object);
  }
  return [...changed, ...beforeMeanings.values()];
}
