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

  return {
    schemaAt(apiVersion, kind, path) {
      let node = resolve(kinds.get(`${apiVersion}/${kind}`));
      for (const segment of path) {
        if (!node) return undefined;
        if (typeof segment === 'number') node = resolve(node.items);
        else node = resolve(node.properties?.[segment] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined));
      }
      return node;
    },
  };
}
