import type { YamlPath } from '../model/yamlPath';

/** The parts of a JSON schema we read. */
export interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  description?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  allOf?: SchemaNode[];
  if?: { properties?: Record<string, { const?: unknown }> };
  then?: SchemaNode;
  definitions?: Record<string, SchemaNode>;
}

/** Looks up the schema of any field of a Kubernetes object by its apiVersion, kind and path. */
export interface SchemaIndex {
  /** The schema of the value at `path` in an object of this apiVersion and kind, if the schema knows it. */
  schemaAt(apiVersion: string, kind: string, path: YamlPath): SchemaNode | undefined;
  /** What to tell a person about the field at `path`: its description and the shape of its value. */
  describeField(apiVersion: string, kind: string, path: YamlPath): FieldDescription | undefined;
}

export interface FieldDescription {
  description?: string;
  /** The value's type in a person's words: "integer", "Probe", "list of Container", "map of string". */
  typeName: string;
  allowedValues?: string[];
}

/**
 * Indexes the generated schema's dispatch (`allOf` of `if apiVersion/kind const → then $ref`, possibly
 * nested: first on apiVersion, then on kind) so a field's schema is found without running a validator.
 */
export function indexSchema(root: SchemaNode): SchemaIndex {
  const definitions = root.definitions ?? {};
  const kinds = new Map<string, SchemaNode>();

  const collect = (node: SchemaNode, apiVersion: unknown, kind: unknown): void => {
    for (const branch of node.allOf ?? []) {
      const conditions = branch.if?.properties ?? {};
      const branchApiVersion = conditions.apiVersion?.const ?? apiVersion;
      const branchKind = conditions.kind?.const ?? kind;
      if (!branch.then) continue;
      if (branch.then.$ref && typeof branchApiVersion === 'string' && typeof branchKind === 'string') {
        kinds.set(`${branchApiVersion}/${branchKind}`, branch.then);
      } else {
        collect(branch.then, branchApiVersion, branchKind);
      }
    }
  };
  collect(root, undefined, undefined);

  // Follows references, and through "this or null" unions to the branch that is not null.
  const resolve = (node: SchemaNode | undefined): SchemaNode | undefined => {
    for (let depth = 0; node && depth < 32; depth++) {
      if (node.$ref) node = definitions[node.$ref.replace('#/definitions/', '')];
      else if (node.anyOf) node = node.anyOf.find((branch) => branch.type !== 'null');
      else return node;
    }
    return node;
  };

  // The child schema as written under its parent, before references are followed: a field's own
  // description ("Periodic probe of container liveness") sits there, not on the shared definition.
  const child = (parent: SchemaNode | undefined, segment: string | number): SchemaNode | undefined => {
    if (!parent) return undefined;
    if (typeof segment === 'number') return parent.items;
    return parent.properties?.[segment] ?? (typeof parent.additionalProperties === 'object' ? parent.additionalProperties : undefined);
  };

  const walk = (apiVersion: string, kind: string, path: YamlPath): { written?: SchemaNode; resolved?: SchemaNode } => {
    let written = kinds.get(`${apiVersion}/${kind}`);
    let resolved = resolve(written);
    for (const segment of path) {
      written = child(resolved, segment);
      resolved = resolve(written);
      if (!resolved) return {};
    }
    return { written, resolved };
  };

  const typeName = (written: SchemaNode | undefined): string => {
    const target = written?.anyOf?.find((branch) => branch.type !== 'null') ?? written;
    if (target?.$ref) {
      // Named object types keep their name (Probe, Container); aliases such as IntOrString show their types.
      const definition = resolve(target);
      if (definition?.properties || !definition) return target.$ref.split('.').pop() ?? 'object';
      return typeName(definition);
    }
    const types = (Array.isArray(target?.type) ? target.type : [target?.type]).filter((t) => t && t !== 'null');
    if (types.includes('array')) return `list of ${typeName(target?.items)}`;
    if (types.includes('object') && typeof target?.additionalProperties === 'object') {
      return `map of ${typeName(target.additionalProperties)}`;
    }
    return types.join(' or ') || 'any value';
  };

  return {
    schemaAt(apiVersion, kind, path) {
      return walk(apiVersion, kind, path).resolved;
    },
    describeField(apiVersion, kind, path) {
      const { written, resolved } = walk(apiVersion, kind, path);
      if (!written || !resolved) return undefined;
      return {
        description: written.description ?? resolved.description,
        typeName: typeName(written),
        allowedValues: resolved.enum?.map(String),
      };
    },
  };
}
