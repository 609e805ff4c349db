import { apiGroupOf, type CustomResourceCatalog, type CustomResourceGroup } from './crdCatalog';
import type { CrdSchema } from './crdSchema';
import type { SchemaNode } from './schemaIndex';

/** A custom resource kind documents use, with the bundled group that describes it. */
export interface BundledKind {
  apiVersion: string;
  kind: string;
  group: CustomResourceGroup;
}

/** What a document says it is. */
interface ObjectIdentity {
  apiVersion: string;
  kind: string;
}

/**
 * The one schema yaml-language-server validates with: the core Kubernetes schema, plus the bundled
 * custom resource kinds that documents have used so far, plus the workspace's own CRDs.
 *
 * yaml-language-server takes one inline schema and caches its resolution; two schemas for the same file
 * would be combined and resolved again for every document (over ten times slower). So custom resources
 * join the core schema's own dispatch (`if apiVersion … then if kind … then $ref`), with only the
 * definitions the kinds in use need (a group file holds every kind of every version: a ServiceMonitor
 * needs none of Prometheus' own). Handing yaml-language-server the whole schema again would mean
 * resolving the core schema again (a few hundred milliseconds): a kind first seen is instead added to the
 * copy it already has (see addKindsInPlace); only a change of the workspace's CRDs needs a new copy.
 */
export class ComposedSchema {
  private readonly coreApiVersions: ReadonlySet<string>;
  private readonly groups = new Map<string, CustomResourceGroup | undefined>();
  private readonly kindsInUse = new Map<string, BundledKind>();
  private workspaceCrds: readonly CrdSchema[] = [];
  private composed: SchemaNode;
  private changes = 0;
  /** The copy yaml-language-server has, the kinds it still lacks, and whether it needs replacing. */
  private handedOver: SchemaNode | undefined;
  private missingFromHandedOver: BundledKind[] = [];
  private handedOverIsStale = true;

  constructor(
    private readonly core: SchemaNode,
    private readonly catalog: CustomResourceCatalog,
  ) {
    this.coreApiVersions = new Set(dispatchedApiVersions(core));
    this.composed = core;
  }

  /** Goes up by one each time the schema changes. */
  get revision(): number {
    return this.changes;
  }

  /** The whole schema. It shares the core's objects: read it, never hand it to yaml-language-server. */
  get current(): SchemaNode {
    return this.composed;
  }

  /** A private copy for yaml-language-server, which resolves references inside the object it is given. */
  copyForLanguageService(): SchemaNode {
    this.handedOver = structuredClone(this.composed);
    this.missingFromHandedOver = [];
    this.handedOverIsStale = false;
    return this.handedOver;
  }

  /**
   * Adds the kinds that joined since, to the copy yaml-language-server already has. False when that
   * copy cannot be brought up to date in place (none yet, or the workspace's CRDs changed): hand over
   * a new one instead.
   */
  updateHandedOverCopy(): boolean {
    if (!this.handedOver || this.handedOverIsStale) return false;
    const overridden = new Set(this.workspaceCrds.map(({ apiVersion, kind }) => `${apiVersion} ${kind}`));
    addKindsInPlace(this.handedOver, this.missingFromHandedOver.filter((k) => !overridden.has(`${k.apiVersion} ${k.kind}`)));
    this.missingFromHandedOver = [];
    return true;
  }

  /** Brings in the bundled schemas of these objects' kinds, if any ship. A group's file is read once. */
  useKindsOf(objects: Iterable<ObjectIdentity | undefined>): void {
    let added = false;
    for (const object of objects) {
      if (!object || this.coreApiVersions.has(object.apiVersion)) continue;
      const key = `${object.apiVersion} ${object.kind}`;
      if (this.kindsInUse.has(key)) continue;
      const groupName = apiGroupOf(object.apiVersion);
      if (!groupName) continue;
      if (!this.groups.has(groupName)) this.groups.set(groupName, this.catalog.group(groupName));
      const group = this.groups.get(groupName);
      if (!group?.kinds[object.apiVersion]?.[object.kind]) continue;
      const bundled = { apiVersion: object.apiVersion, kind: object.kind, group };
      this.kindsInUse.set(key, bundled);
      this.missingFromHandedOver.push(bundled);
      added = true;
    }
    if (added) this.recompose();
  }

  /** Replaces the workspace's own CRD schemas; for the same apiVersion and kind they win over bundled ones. */
  setWorkspaceCrds(schemas: readonly CrdSchema[]): void {
    this.workspaceCrds = schemas;
    this.handedOverIsStale = true;
    this.recompose();
  }

  private recompose(): void {
    this.composed = composeSchema(this.core, [...this.kindsInUse.values()], this.workspaceCrds, this.coreApiVersions);
    this.changes++;
  }
}

/**
 * The core schema with a dispatch branch per custom apiVersion added to its `allOf`, and the
 * definitions the custom kinds need beside its own. Pure: shares, and never changes, the objects it is
 * given. Kinds of the core schema stay the core's; a workspace CRD replaces a bundled one of the same kind.
 */
export function composeSchema(
  core: SchemaNode,
  bundledKinds: readonly BundledKind[],
  workspaceCrds: readonly CrdSchema[],
  coreApiVersions: ReadonlySet<string> = new Set(dispatchedApiVersions(core)),
): SchemaNode {
  const definitions: Record<string, SchemaNode> = { ...core.definitions };
  const definitionByKind = new Map<string, Map<string, string>>();
  const dispatch = (apiVersion: string, kind: string, definition: string): void => {
    if (coreApiVersions.has(apiVersion)) return;
    if (!definitionByKind.has(apiVersion)) definitionByKind.set(apiVersion, new Map());
    definitionByKind.get(apiVersion)!.set(kind, definition);
  };
  for (const { apiVersion, kind, group } of bundledKinds) {
    const definition = group.kinds[apiVersion][kind];
    for (const name of definitionsNeeded(group, definition)) definitions[name] = group.definitions[name];
    dispatch(apiVersion, kind, definition);
  }
  for (const { apiVersion, kind, schema } of workspaceCrds) {
    // Named like the generated definitions, so a hover's type name is the kind.
    const definition = `workspace.${apiVersion.replace('/', '.')}.${kind}`;
    definitions[definition] = schema;
    dispatch(apiVersion, kind, definition);
  }
  if (definitionByKind.size === 0) return core;
  const branches = [...definitionByKind].map(([apiVersion, kinds]) =>
    dispatchBranch(apiVersion, kinds, (definition) => ({ $ref: `#/definitions/${encodeURIComponent(definition)}` })),
  );
  return { ...core, allOf: [...(core.allOf ?? []), ...branches], definitions } as SchemaNode;
}

/** `if apiVersion is … then (if kind is … then <its schema>)…`, the shape of the core schema's dispatch. */
function dispatchBranch(apiVersion: string, kinds: Map<string, string>, schemaOf: (definition: string) => SchemaNode): SchemaNode {
  return {
    if: { properties: { apiVersion: { const: apiVersion } }, required: ['apiVersion'] },
    then: {
      allOf: [...kinds].map(([kind, definition]) => ({
        if: { properties: { kind: { const: kind } }, required: ['kind'] },
        then: schemaOf(definition),
      })),
    },
  } as SchemaNode;
}

/** A definition of the group and those of the group it refers to, directly or not (the core's are always there). */
function definitionsNeeded(group: CustomResourceGroup, root: string): Set<string> {
  const needed = new Set<string>();
  const queue = [root];
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (needed.has(name) || !group.definitions[name]) continue;
    needed.add(name);
    forEachRef(group.definitions[name], (ref) => queue.push(ref));
  }
  return needed;
}

function forEachRef(node: unknown, visit: (definition: string) => void): void {
  if (typeof node !== 'object' || node === null) return;
  const ref = (node as { $ref?: unknown }).$ref;
  if (typeof ref === 'string') visit(decodeURIComponent(ref.replace('#/definitions/', '')));
  for (const child of Object.values(node)) forEachRef(child, visit);
}

/**
 * Adds kinds to a schema yaml-language-server has already resolved, resolving the new definitions'
 * references the way it does: a `{ $ref }` node takes the keys of the definition it names (a new one, or
 * one already there, resolved), and loses the `$ref`. Only the new definitions' own nodes are touched.
 * yaml-language-server keeps validating with the same object, so it sees the new branches.
 */
export function addKindsInPlace(resolved: SchemaNode, kinds: readonly BundledKind[]): void {
  const existing = (resolved.definitions ??= {});
  const added: Record<string, SchemaNode> = {};
  for (const { apiVersion, kind, group } of kinds) {
    for (const name of definitionsNeeded(group, group.kinds[apiVersion][kind])) {
      if (!existing[name] && !added[name]) added[name] = structuredClone(group.definitions[name]);
    }
  }
  const nodes: Array<Record<string, unknown>> = [];
  const collect = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    if (!Array.isArray(node)) nodes.push(node as Record<string, unknown>);
    for (const child of Object.values(node)) collect(child);
  };
  Object.values(added).forEach(collect);
  for (const node of nodes) {
    for (let depth = 0; typeof node.$ref === 'string' && depth < 8; depth++) {
      const name = decodeURIComponent(node.$ref.replace('#/definitions/', ''));
      const target = (added[name] ?? existing[name]) as Record<string, unknown> | undefined;
      delete node.$ref;
      for (const [key, value] of Object.entries(target ?? {})) if (!(key in node)) node[key] = value;
    }
  }
  Object.assign(existing, added);
  const byApiVersion = new Map<string, Map<string, string>>();
  for (const { apiVersion, kind, group } of kinds) {
    if (!byApiVersion.has(apiVersion)) byApiVersion.set(apiVersion, new Map());
    byApiVersion.get(apiVersion)!.set(kind, group.kinds[apiVersion][kind]);
  }
  for (const [apiVersion, byKind] of byApiVersion) {
    (resolved.allOf ??= []).push(dispatchBranch(apiVersion, byKind, (definition) => existing[definition]));
  }
}

/** The apiVersions the schema's top-level `allOf` dispatches on. */
function dispatchedApiVersions(schema: SchemaNode): string[] {
  return (schema.allOf ?? []).flatMap((branch) => {
    const apiVersion = branch.if?.properties?.apiVersion?.const;
    return typeof apiVersion === 'string' ? [apiVersion] : [];
  });
}
