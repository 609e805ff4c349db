import type { SchemaNode } from './schemaIndex';

/** The JSON schema of one custom resource kind at one apiVersion, from a CustomResourceDefinition. */
export interface CrdSchema {
  /** `<group>/<version>`, as custom resources of this kind write it. */
  apiVersion: string;
  kind: string;
  /** Draft-07 JSON schema of the whole object. Its `metadata` refers to the core schema's ObjectMeta. */
  schema: SchemaNode;
}

/** Where the core schema keeps ObjectMeta; a CrdSchema is always used beside the core schema. */
const OBJECT_META_REF = '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';

type OpenApiSchema = Record<string, unknown>;

// OpenAPI keywords that mean the same in JSON schema draft-07 and that yaml-language-server checks or shows.
const KEPT_KEYWORDS = [
  'description',
  'type',
  'enum',
  'default',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'required',
] as const;

/**
 * Turns a parsed `apiextensions.k8s.io/v1` CustomResourceDefinition into one schema per served
 * version. Anything that is not such a CRD, or a version without a schema, gives nothing: those
 * custom resources then pass unchecked, as unknown kinds do.
 *
 * The translation from Kubernetes' structural OpenAPI v3 schema:
 * - objects that list their properties get `additionalProperties: false`, so a misspelled field is
 *   reported, unless they keep unknown fields (`x-kubernetes-preserve-unknown-fields`) or are maps
 *   (`additionalProperties` given);
 * - `x-kubernetes-int-or-string` becomes `integer | string`, `nullable` adds `null`;
 * - as in the core schema, an optional object or list also accepts `null` (the API server drops it);
 * - the top level always allows apiVersion, kind and metadata, and metadata is checked as ObjectMeta;
 * - `format` is dropped (Kubernetes' formats, such as int-or-string or byte, are not JSON schema's), as are
 *   patterns JavaScript cannot compile and extensions such as CEL rules, which only the API server runs.
 */
export function crdSchemas(crd: unknown): CrdSchema[] {
  if (!isObject(crd) || crd.kind !== 'CustomResourceDefinition' || !isObject(crd.spec)) return [];
  const { group, names, versions } = crd.spec;
  const kind = isObject(names) ? names.kind : undefined;
  if (typeof group !== 'string' || !group || typeof kind !== 'string' || !kind || !Array.isArray(versions)) return [];
  return versions.flatMap((version): CrdSchema[] => {
    if (!isObject(version) || typeof version.name !== 'string' || version.served === false) return [];
    const openApi = isObject(version.schema) ? version.schema.openAPIV3Schema : undefined;
    if (!isObject(openApi)) return [];
    return [{ apiVersion: `${group}/${version.name}`, kind, schema: topLevelSchema(openApi) }];
  });
}

function topLevelSchema(openApi: OpenApiSchema): SchemaNode {
  const schema = translate(openApi, false) as SchemaNode & Record<string, unknown>;
  schema.type = 'object';
  const properties = (schema.properties ??= {});
  properties.apiVersion = { type: 'string', description: (properties.apiVersion?.description as string | undefined) ?? 'The API group and version of this object.' };
  properties.kind = { type: 'string', description: (properties.kind?.description as string | undefined) ?? 'The kind of this object.' };
  properties.metadata = {
    description: 'Name, namespace, labels and annotations, as for any Kubernetes object.',
    anyOf: [{ $ref: OBJECT_META_REF }, { type: 'null' }],
  };
  // The dispatch that chose this schema has already checked them.
  if (Array.isArray(schema.required)) {
    schema.required = (schema.required as string[]).filter((name) => name !== 'apiVersion' && name !== 'kind');
    if ((schema.required as string[]).length === 0) delete schema.required;
  }
  return schema;
}

/**
 * One schema node. `inCombinator` is true under allOf/anyOf/oneOf/not: there properties only add
 * constraints to the structural schema around them, so closing the object would reject its other fields.
 */
function translate(node: OpenApiSchema, inCombinator: boolean): OpenApiSchema {
  const result: OpenApiSchema = {};
  for (const keyword of KEPT_KEYWORDS) if (node[keyword] !== undefined) result[keyword] = node[keyword];
  if (typeof node.pattern === 'string' && compiles(node.pattern)) result.pattern = node.pattern;

  if (node['x-kubernetes-int-or-string'] === true) {
    result.type = ['integer', 'string'];
  }
  if (node.nullable === true) addNull(result);

  if (isObject(node.properties)) {
    const properties: Record<string, OpenApiSchema> = {};
    const required = Array.isArray(node.required) ? node.required : [];
    for (const [name, property] of Object.entries(node.properties)) {
      if (!isObject(property)) continue;
      properties[name] = translate(property, inCombinator);
      if (!inCombinator && !required.includes(name) && isObjectOrList(properties[name])) addNull(properties[name]);
    }
    result.properties = properties;
  }
  if (isObject(node.additionalProperties)) {
    result.additionalProperties = translate(node.additionalProperties, inCombinator);
  } else if (typeof node.additionalProperties === 'boolean') {
    result.additionalProperties = node.additionalProperties;
  } else if (isObject(node.properties) && !inCombinator && node['x-kubernetes-preserve-unknown-fields'] !== true) {
    result.additionalProperties = false;
  }
  if (node['x-kubernetes-embedded-resource'] === true && isObject(result.properties)) {
    // An object embedded whole (a template of another resource) may always say what it is.
    const properties = result.properties as Record<string, OpenApiSchema>;
    properties.apiVersion ??= { type: 'string' };
    properties.kind ??= { type: 'string' };
    properties.metadata ??= { type: ['object', 'null'] };
  }
  if (isObject(node.items)) result.items = translate(node.items, inCombinator);
  for (const combinator of ['allOf', 'anyOf', 'oneOf'] as const) {
    const branches = node[combinator];
    if (Array.isArray(branches)) result[combinator] = branches.filter(isObject).map((branch) => translate(branch, true));
  }
  if (isObject(node.not)) result.not = translate(node.not, true);
  return result;
}

function addNull(schema: OpenApiSchema): void {
  if (typeof schema.type === 'string') schema.type = [schema.type, 'null'];
  else if (Array.isArray(schema.type) && !schema.type.includes('null')) schema.type = [...schema.type, 'null'];
}

function isObjectOrList(schema: OpenApiSchema): boolean {
  return schema.type === 'object' || schema.type === 'array';
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
