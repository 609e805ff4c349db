import { renameScalar } from '../fixes/yamlText';
import { closestName } from '../model/didYouMean';
import { CREATOR_KINDS, type ObjectReference, type ObjectSummary } from '../model/objectSummary';
import { namespaceOf, type WorkspaceView } from '../model/workspaceIndex';
import { objectLabel } from './objectNames';
import type { WorkspaceRuleContext } from './rule';

// The check behind `config-reference-missing` and `secret-reference-missing`: a pod names a ConfigMap or a
// Secret (env, envFrom, volumes) that the workspace does not have, or a key that object does not hold.

/** What differs between ConfigMaps and Secrets. */
export interface ConfigSource {
  kind: 'ConfigMap' | 'Secret';
  via: 'config-map' | 'secret';
  /** Names Kubernetes itself creates in every namespace. */
  alwaysPresent: readonly string[];
  /** Put before the consequence of a missing object: where it may come from instead. */
  missingCaveat?: string;
}

export const CONFIG_MAP_SOURCE: ConfigSource = {
  kind: 'ConfigMap',
  via: 'config-map',
  // Every namespace gets the cluster's CA bundle; projected service account volumes mount it.
  alwaysPresent: ['kube-root-ca.crt'],
};

export const SECRET_SOURCE: ConfigSource = {
  kind: 'Secret',
  via: 'secret',
  alwaysPresent: [],
  missingCaveat: 'unless something outside it creates the Secret (the Key Vault CSI driver, cert-manager, a pipeline), ',
};

/** What the workspace holds of one kind in one namespace. */
interface KnownObjects {
  /** Objects written in the workspace, by name (one name may be written in several files). */
  written: Map<string, ObjectSummary[]>;
  /** Names that an object of the workspace makes the cluster create (a Certificate's Secret). */
  created: Set<string>;
}

function knownObjects(workspace: WorkspaceView, source: ConfigSource, namespace: string): KnownObjects {
  const written = new Map<string, ObjectSummary[]>();
  for (const object of workspace.ofKind(source.kind, namespace)) {
    if (object.name) written.set(object.name, [...(written.get(object.name) ?? []), object]);
  }
  const created = new Set<string>();
  for (const kind of CREATOR_KINDS) {
    for (const creator of workspace.ofKind(kind, namespace)) {
      for (const object of creator.creates ?? []) if (object.kind === source.kind) created.add(object.name);
    }
  }
  return { written, created };
}

/** Reports the object's references to missing ConfigMaps (or Secrets) and to keys they do not hold. */
export function checkConfigReferences(context: WorkspaceRuleContext, source: ConfigSource): void {
  const { object, workspace } = context;
  const references = object.references.filter((reference) => reference.via === source.via && !reference.optional);
  if (references.length === 0) return;
  const namespace = namespaceOf(object)!;
  // Listing the namespace's objects costs a pass over the index: only done once something is not found.
  let known: KnownObjects | undefined;
  const knownOnce = () => (known ??= knownObjects(workspace, source, namespace));

  const reportedNames = new Set<string>();
  for (const reference of references) {
    const name = reference.target.name;
    const written = workspace.find(source.kind, name, namespace);
    if (written.length > 0) {
      const keys = keysOf(written);
      // An object written without any data is a placeholder something else fills (a token Secret, a ConfigMap
      // a controller writes), and one that something also creates may get more keys: keys unknown.
      const keyMissing = reference.key !== undefined && reference.keyRange !== undefined && keys.length > 0 && !keys.includes(reference.key);
      if (keyMissing && !knownOnce().created.has(name)) reportMissingKey(context, source, reference, keys);
      continue;
    }
    if (source.alwaysPresent.includes(name) || knownOnce().created.has(name)) continue;
    // A namespace of which the workspace holds no ConfigMap (Secret) at all gets them from elsewhere: a
    // Helm chart, another repository, `kubectl create`. Only where it holds some can a missing one be a mistake.
    const candidates = [...knownOnce().written.keys(), ...knownOnce().created];
    if (candidates.length === 0) continue;
    // A volume listing several keys names its object once: one finding for that name.
    const at = `${reference.range.start.line}:${reference.range.start.character}`;
    if (!reportedNames.has(at)) reportMissingObject(context, source, reference, namespace, candidates);
    reportedNames.add(at);
  }
}

const podsOf = (object: ObjectSummary) => (object.kind === 'Pod' ? 'the pod' : 'its pods');
const didYouMean = (suggestion: string | undefined) => (suggestion ? ` Did you mean "${suggestion}"?` : '');

function reportMissingObject(
  { object, report, fileText }: WorkspaceRuleContext,
  source: ConfigSource,
  reference: ObjectReference,
  namespace: string,
  candidates: string[],
): void {
  const name = reference.target.name;
  const suggestion = closestName(name, candidates);
  report({
    message:
      `${objectLabel(object)} reads ${source.kind} "${name}" (${reference.context}), which is not in namespace "${namespace}" in the workspace: ` +
      `${source.missingCaveat ?? ''}${podsOf(object)} cannot start.${didYouMean(suggestion)}`,
    range: reference.range,
    fix: suggestion ? { title: `Read ${source.kind} "${suggestion}"`, edits: [renameScalar(fileText(), reference.range, suggestion)] } : undefined,
  });
}

const keysOf = (objects: ObjectSummary[]) => [...new Set(objects.flatMap((object) => object.dataKeys ?? []))];

function reportMissingKey({ object, report, fileText }: WorkspaceRuleContext, source: ConfigSource, reference: ObjectReference, keys: string[]): void {
  const suggestion = closestName(reference.key!, keys);
  report({
    message:
      `${objectLabel(object)} reads key "${reference.key}" of ${source.kind} "${reference.target.name}" (${reference.context}), ` +
      `which has no such key (its keys: ${keys.join(', ')}): ${podsOf(object)} cannot start.${didYouMean(suggestion)}`,
    range: reference.keyRange!,
    fix: suggestion ? { title: `Read key "${suggestion}"`, edits: [renameScalar(fileText(), reference.keyRange!, suggestion)] } : undefined,
  });
}
