// Generates dist/kubernetes-schema.json: one draft-07 JSON Schema for every Kubernetes kind that
// the kubernetes-models package describes, so the language server can validate fully offline.
//
// Source of truth: the `.d.ts` files of kubernetes-models (they keep the API descriptions and the
// string enums). ts-json-schema-generator turns them into JSON Schema; this script then repairs
// what the TypeScript route loses or gets wrong for YAML manifests:
//   - integers: TypeScript only knows `number`. The package's compiled validators (`_schemas/*.js`)
//     show that every numeric field of the Kubernetes API is an integer except a few in
//     JSONSchemaProps and the Quantity type, so `number` becomes `integer` everywhere else. If a
//     future package version has a `number` anywhere else, the script stops instead of guessing.
//   - dispatch: the top level picks the definition by apiVersion, then kind, with `if`/`then`,
//     so unknown kinds and custom resources pass without a word.
//   - apiVersion/kind are required only at the top level (StatefulSet volumeClaimTemplates reuse
//     the PersistentVolumeClaim definition and usually leave them out).
//   - empty values: optional objects, maps, lists and timestamps accept `null` (see `allowNull`).
//   - names: definitions are named as in Kubernetes' own OpenAPI document
//     (`io.k8s.api.apps.v1.Deployment`), derived from the source file of each type.
//
// Usage: node scripts/build-schema.mjs [--force]
// Skips work when the output is newer than this script and the package versions it reads.
// scripts/build-crd-schemas.mjs imports the naming and repair helpers exported here, so custom
// resources that embed Kubernetes types (a Rollout's pod template) point at the same definitions.

import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(repoRoot, 'package.json'));

export const modelsDir = path.dirname(require.resolve('kubernetes-models/package.json'));
export const apimachineryDir = path.dirname(
  createRequire(path.join(modelsDir, 'package.json')).resolve('@kubernetes-models/apimachinery/package.json'),
);
export const outFile = path.join(repoRoot, 'dist', 'kubernetes-schema.json');
const metaFile = path.join(repoRoot, 'dist', 'kubernetes-schema.meta.json');
const scriptFile = fileURLToPath(import.meta.url);

/**
 * The package does not say which Kubernetes release it was generated from: its README badge still
 * shows 1.27.1, left over from an older release. The upstream changelog entry for 5.0.0 reads
 * "Update to Kubernetes v1.36.0", and 5.0.x/5.1.x did not change that. Add a line here when the
 * package is upgraded (the build stops until then, so the metadata cannot go stale silently).
 */
const KUBERNETES_VERSION_BY_MODELS_VERSION = {
  '5.0.0': '1.36.0',
  '5.0.1': '1.36.0',
  '5.0.2': '1.36.0',
  '5.1.0': '1.36.0',
};

/** Group directory in kubernetes-models → the package path Kubernetes' OpenAPI names use. */
const OPENAPI_GROUP_PATHS = {
  v1: 'io.k8s.api.core',
  'apiextensions.k8s.io': 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions',
  'apiregistration.k8s.io': 'io.k8s.kube-aggregator.pkg.apis.apiregistration',
  'flowcontrol.apiserver.k8s.io': 'io.k8s.api.flowcontrol',
  'rbac.authorization.k8s.io': 'io.k8s.api.rbac',
};

const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
const TIMESTAMPS = ['io.k8s.apimachinery.pkg.apis.meta.v1.Time', 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime'];

/**
 * Types that the `.d.ts` files declare as empty interfaces because the API leaves them open.
 * Anything else without properties is simply an open object.
 */
const OPEN_TYPES = {
  JSON: { type: undefined }, // any value at all
  JSONSchemaPropsOrBool: { type: ['object', 'boolean'] },
  JSONSchemaPropsOrArray: { type: ['object', 'array'] },
  JSONSchemaPropsOrStringArray: { type: ['object', 'array'] },
};

function main() {
  const force = process.argv.includes('--force');
  const modelsPackage = readJson(path.join(modelsDir, 'package.json'));
  const apimachineryPackage = readJson(path.join(apimachineryDir, 'package.json'));

  const inputs = [scriptFile, path.join(modelsDir, 'package.json'), path.join(apimachineryDir, 'package.json')];
  if (!force && isUpToDate([outFile, metaFile], inputs)) {
    console.log(`${path.relative(repoRoot, outFile)} is up to date (use --force to regenerate)`);
    return;
  }

  const kubernetesVersion = KUBERNETES_VERSION_BY_MODELS_VERSION[modelsPackage.version];
  if (!kubernetesVersion) {
    fail(
      `kubernetes-models ${modelsPackage.version} is not in KUBERNETES_VERSION_BY_MODELS_VERSION. ` +
        'Find the Kubernetes release it was generated from (upstream changelog) and add it.',
    );
  }

  const started = process.hrtime.bigint();
  const numberFields = findNonIntegerNumbers();
  const kinds = findTopLevelKinds();
  const generated = generateFromTypes(kinds);
  const definitions = repairDefinitions(generated, numberFields);
  const schema = buildDispatcher(kinds, definitions);
  checkResult(schema, kinds);

  const json = JSON.stringify(schema);
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, json);
  const kindsByApiVersion = Object.fromEntries(
    Object.entries(groupByApiVersion(kinds)).map(([apiVersion, group]) => [apiVersion, group.map((k) => k.kind)]),
  );
  const meta = {
    kubernetesVersion,
    kubernetesVersionSource:
      'kubernetes-models changelog for 5.0.0: "Update to Kubernetes v1.36.0"; the README badge inside the package (1.27.1) is stale',
    kubernetesModelsVersion: modelsPackage.version,
    apimachineryVersion: apimachineryPackage.version,
    kinds: kinds.length,
    definitions: Object.keys(schema.definitions).length,
    generatedAt: new Date().toISOString(),
    kindsByApiVersion,
    // Old API versions that kubernetes-models still ships but marks @deprecated (most are removed from clusters).
    deprecatedKinds: kinds
      .filter(({ definition }) => schema.definitions[definition].deprecated)
      .map(({ apiVersion, kind }) => `${apiVersion} ${kind}`),
  };
  fs.writeFileSync(metaFile, JSON.stringify(meta, null, 2) + '\n');

  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const gzipped = zlib.gzipSync(json).length;
  console.log(
    `${path.relative(repoRoot, outFile)}: ${meta.kinds} kinds, ${meta.definitions} definitions, ` +
      `${formatBytes(Buffer.byteLength(json))} (${formatBytes(gzipped)} gzipped), Kubernetes ${kubernetesVersion}, ` +
      `${seconds.toFixed(1)} s`,
  );
}

// ---------------------------------------------------------------------------------------------
// Integer guard: read the compiled validators of the original OpenAPI schema.

/**
 * Returns the properties that really are floating-point numbers, keyed by definition name.
 * Fails when a validator outside the known exceptions accepts a non-integer number.
 */
function findNonIntegerNumbers() {
  const numberFields = new Map();
  const unexpected = [];
  for (const dir of [path.join(modelsDir, '_schemas'), path.join(apimachineryDir, '_schemas')]) {
    for (const file of fs.readdirSync(dir)) {
      if (!file.endsWith('.js')) continue;
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      if (!source.includes('type:"number"')) continue;
      const schemaPaths = [...source.matchAll(/schemaPath:"([^"]*)",keyword:"type",params:\{type:"number"\}/g)].map(
        (match) => match[1],
      );
      const occurrences = source.split('type:"number"').length - 1;
      const definition = pascalIdToDefinitionName(file.replace(/\.js$/, ''));
      if (definition === QUANTITY && schemaPaths.length === occurrences && schemaPaths.every((p) => p === '#/type')) {
        continue; // "1.5" cores or 0.5: a Quantity may be any number, handled in repairDefinitions
      }
      const fields = schemaPaths.map((p) => /^#\/properties\/([^/]+)\/type$/.exec(p)?.[1]);
      if (definition.endsWith('.JSONSchemaProps') && fields.length === occurrences && fields.every(Boolean)) {
        numberFields.set(definition, new Set(fields));
        continue;
      }
      unexpected.push(`${path.relative(repoRoot, path.join(dir, file))}: ${schemaPaths.join(', ') || 'type:"number"'}`);
    }
  }
  if (unexpected.length > 0) {
    fail(
      'These validators accept non-integer numbers, but the schema would turn them into integers:\n  ' +
        unexpected.join('\n  ') +
        '\nDecide per field and teach findNonIntegerNumbers() about them.',
    );
  }
  if (numberFields.size === 0) fail('Expected JSONSchemaProps validators with number fields; the package layout changed.');
  return numberFields;
}

// ---------------------------------------------------------------------------------------------
// Generation from the .d.ts files.

/** Every interface that pins `apiVersion` and `kind` to literals is a kind one can write in YAML. */
function findTopLevelKinds() {
  const kinds = [];
  for (const groupDir of listDirs(modelsDir).filter((name) => !name.startsWith('_'))) {
    const versionDirs = groupDir === 'v1' ? [groupDir] : listDirs(path.join(modelsDir, groupDir)).map((v) => path.join(groupDir, v));
    for (const versionDir of versionDirs) {
      for (const file of fs.readdirSync(path.join(modelsDir, versionDir)).sort()) {
        if (!file.endsWith('.d.ts') || file === 'index.d.ts') continue;
        const filePath = path.join(modelsDir, versionDir, file);
        const source = fs.readFileSync(filePath, 'utf8');
        const apiVersion = /^ {4}"apiVersion": "([^"]+)";$/m.exec(source)?.[1];
        const kind = /^ {4}"kind": "([^"]+)";$/m.exec(source)?.[1];
        if (!apiVersion && !kind) continue;
        if (!apiVersion || !kind) fail(`${filePath}: found only one of apiVersion/kind`);
        const interfaceName = `I${file.replace(/\.d\.ts$/, '')}`;
        if (!source.includes(`export interface ${interfaceName} extends TypeMeta`)) {
          fail(`${filePath}: expected "export interface ${interfaceName} extends TypeMeta"`);
        }
        kinds.push({ apiVersion, kind, filePath, interfaceName, definition: definitionNameForFile(filePath) });
      }
    }
  }
  if (kinds.length < 100) fail(`Found only ${kinds.length} kinds in ${modelsDir}; the package layout changed.`);
  const seen = new Set();
  for (const { apiVersion, kind } of kinds) {
    const key = `${apiVersion} ${kind}`;
    if (seen.has(key)) fail(`${key} is declared twice`);
    seen.add(key);
  }
  return kinds.sort((a, b) => a.definition.localeCompare(b.definition));
}

function generateFromTypes(kinds) {
  const tsj = require('ts-json-schema-generator');
  // The TypeScript the generator was built against, so its syntax-kind numbers match ours.
  const ts = createRequire(require.resolve('ts-json-schema-generator'))('typescript');

  const program = ts.createProgram(
    kinds.map((k) => k.filePath),
    {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      skipLibCheck: true,
      noEmit: true,
      types: [],
    },
  );
  const config = {
    expose: 'export',
    jsDoc: 'extended',
    topRef: true,
    skipTypeCheck: true,
    additionalProperties: false,
    sortProps: true,
  };

  // The generator names a definition after its declaration (`IDeploymentSpec`), which clashes
  // between apps/v1 and apps/v1beta1. Name each one after the file that declares it instead.
  const exposeParser = tsj.ExposeNodeParser.prototype;
  const originalName = exposeParser.getDefinitionName;
  exposeParser.getDefinitionName = function definitionNameFromSourceFile(node, context) {
    const fileName = node.getSourceFile().fileName;
    if (context.getArguments().length > 0 || !isModelFile(fileName)) return originalName.call(this, node, context);
    return definitionNameForFile(fileName, node.name?.text);
  };
  try {
    const generator = new tsj.SchemaGenerator(program, tsj.createParser(program, config), tsj.createFormatter(config), config);
    const roots = kinds.map(({ filePath, interfaceName }) => {
      const sourceFile = program.getSourceFile(filePath);
      const declaration = sourceFile?.statements.find(
        (statement) => ts.isInterfaceDeclaration(statement) && statement.name.text === interfaceName,
      );
      if (!declaration) fail(`${filePath}: interface ${interfaceName} not found by TypeScript`);
      return declaration;
    });
    return generator.createSchemaFromNodes(roots).definitions;
  } finally {
    exposeParser.getDefinitionName = originalName;
  }
}

/**
 * `kubernetes-models/apps/v1/DeploymentSpec.d.ts` → `io.k8s.api.apps.v1.DeploymentSpec`;
 * `@kubernetes-models/apimachinery/apis/meta/v1/Time.d.ts` → `io.k8s.apimachinery.pkg.apis.meta.v1.Time`.
 * Checked against the long alias each file exports (`IIoK8sApiAppsV1DeploymentSpec`).
 */
export function definitionNameForFile(fileName, declarationName) {
  const resolved = path.resolve(fileName);
  const typeName = path.basename(resolved).replace(/\.d\.ts$/, '');
  if (declarationName !== undefined && declarationName !== `I${typeName}`) {
    fail(`${resolved}: expected the exported type to be I${typeName}, found ${declarationName}`);
  }
  const cached = definitionNameCache.get(resolved);
  if (cached) return cached;
  let name;
  if (resolved.startsWith(modelsDir + path.sep)) {
    const parts = path.relative(modelsDir, resolved).split(path.sep);
    const [group, version] = parts[0] === 'v1' ? ['v1', 'v1'] : parts;
    const groupPath = OPENAPI_GROUP_PATHS[group] ?? `io.k8s.api.${group.split('.')[0]}`;
    name = `${groupPath}.${version}.${typeName}`;
  } else if (resolved.startsWith(apimachineryDir + path.sep)) {
    const dirs = path.dirname(path.relative(apimachineryDir, resolved)).split(path.sep);
    name = ['io.k8s.apimachinery.pkg', ...dirs, typeName].join('.');
  } else {
    fail(`${resolved}: a type from outside kubernetes-models reached the schema`);
  }
  const alias = /export type \{ I\w+ as I(IoK8s\w+)/.exec(fs.readFileSync(resolved, 'utf8'))?.[1];
  if (alias !== definitionNameToPascalId(name)) {
    fail(`${resolved}: derived ${name}, but the file calls the type ${alias}`);
  }
  definitionNameCache.set(resolved, name);
  return name;
}

const definitionNameCache = new Map();

/** Types outside the two model packages (the base TypeMeta interface) keep the generator's name. */
function isModelFile(fileName) {
  const resolved = path.resolve(fileName);
  return resolved.startsWith(modelsDir + path.sep) || resolved.startsWith(apimachineryDir + path.sep);
}

function definitionNameToPascalId(name) {
  return name
    .split(/[.-]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/** Reverse of definitionNameToPascalId for the validator file names we need to recognise. */
function pascalIdToDefinitionName(id) {
  if (id === 'IoK8sApimachineryPkgApiResourceQuantity') return QUANTITY;
  const match = /^IoK8sApiextensionsApiserverPkgApisApiextensions(V\d+(?:beta\d+)?)(\w+)$/.exec(id);
  if (match) return `io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.${match[1].toLowerCase()}.${match[2]}`;
  return id;
}

// ---------------------------------------------------------------------------------------------
// Repairs on the generated definitions.

function repairDefinitions(definitions, numberFields) {
  const repaired = {};
  for (const name of Object.keys(definitions).sort()) {
    const definition = structuredClone(definitions[name]);
    const keepNumber = numberFields.get(name) ?? new Set();
    const typeName = name.slice(name.lastIndexOf('.') + 1);

    if (name === QUANTITY) {
      definition.type = ['string', 'number'];
      definition.description ??=
        'A quantity such as 500m, 1.5, 128Mi or 2Gi: a number with an optional decimal (m, k, M, G...) ' +
        'or binary (Ki, Mi, Gi...) suffix. Written as a string or, without suffix, as a number.';
    } else if (name === INT_OR_STRING) {
      definition.type = ['integer', 'string'];
    } else if (TIMESTAMPS.includes(name)) {
      // kubectl and kustomize write `creationTimestamp: null`; the API server treats it as unset.
      definition.type = ['string', 'null'];
    } else if (definition.type === 'object' && !definition.properties && definition.additionalProperties === false) {
      delete definition.additionalProperties;
      Object.assign(definition, OPEN_TYPES[typeName] ?? {});
      if (definition.type === undefined) delete definition.type;
    }

    restoreIntegers(definition, keepNumber, name);
    if (definition.required) {
      definition.required = definition.required.filter((key) => key !== 'apiVersion' && key !== 'kind');
      if (definition.required.length === 0) delete definition.required;
    }
    repaired[name] = definition;
  }
  allowNull(repaired);
  return repaired;
}

/** `number` → `integer`, except the JSONSchemaProps fields that the validators keep as numbers. */
function restoreIntegers(schema, keepNumber, where) {
  forEachSubschema(schema, (subschema, propertyName) => {
    if (subschema.type !== 'number') return;
    if (propertyName !== undefined && keepNumber.has(propertyName)) return;
    subschema.type = 'integer';
  });
  for (const property of keepNumber) {
    if (schema.properties?.[property]?.type !== 'number') fail(`${where}.${property}: expected a number field`);
  }
}

/**
 * An optional field left empty in YAML (`securityContext:`) is `null`, and so are values that
 * tools print (`creationTimestamp: null`, `resources: null` from templates). The API server reads
 * null as "not set", and the package's validators accept it for every optional field. We accept
 * it where it means "this section is empty": optional objects, maps and lists, and timestamps.
 * Optional scalars stay strict, so `replicas:` with no value still gets the plain
 * 'Expected "integer"' message rather than 'Expected one of integer, null'; so do list items and
 * required fields, as in the validators.
 *
 * Inline maps and lists take `type: [..., "null"]`. A `$ref` to an object definition becomes
 * `anyOf: [{ $ref }, { type: "null" }]` with the description kept outside: draft-07 (and
 * yaml-language-server) ignore constraints beside a `$ref`, and making the definition itself
 * nullable would let nulls into lists and required fields and cost list items their completion
 * snippet. With the `$ref` first, a wrong value still gets the definition's own message.
 * Timestamps (a string definition) are nullable on the definition.
 */
function allowNull(definitions) {
  const isObjectDefinition = (schema) =>
    typeof schema.$ref === 'string' && definitions[decodeURIComponent(schema.$ref.replace('#/definitions/', ''))]?.type === 'object';
  for (const definition of Object.values(definitions)) allowNullOnOptionalProperties(definition, isObjectDefinition);
}

/** allowNull's work on one schema's own properties; `isObjectDefinition` tells which `$ref`s name objects. */
export function allowNullOnOptionalProperties(schema, isObjectDefinition) {
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (schema.required?.includes(name)) continue;
    if (property.type === 'object' || property.type === 'array') {
      property.type = [property.type, 'null'];
    } else if (isObjectDefinition(property)) {
      const { $ref, ...annotations } = property;
      schema.properties[name] = { ...annotations, anyOf: [{ $ref }, { type: 'null' }] };
    }
  }
}

/** Calls `visit` for every schema nested in `schema` (properties, items, map values), itself included. */
export function forEachSubschema(schema, visit, propertyName) {
  if (!schema || typeof schema !== 'object') return;
  visit(schema, propertyName);
  for (const [name, property] of Object.entries(schema.properties ?? {})) forEachSubschema(property, visit, name);
  if (typeof schema.additionalProperties === 'object') forEachSubschema(schema.additionalProperties, visit);
  if (Array.isArray(schema.items)) schema.items.forEach((item) => forEachSubschema(item, visit));
  else forEachSubschema(schema.items, visit);
  for (const keyword of ['anyOf', 'oneOf', 'allOf']) schema[keyword]?.forEach((branch) => forEachSubschema(branch, visit));
}

// ---------------------------------------------------------------------------------------------
// Top level and checks.

function buildDispatcher(kinds, definitions) {
  const reachable = {};
  const queue = kinds.map((k) => k.definition);
  while (queue.length > 0) {
    const name = queue.pop();
    if (reachable[name]) continue;
    if (!definitions[name]) fail(`missing definition ${name}`);
    reachable[name] = definitions[name];
    for (const [, ref] of JSON.stringify(definitions[name]).matchAll(/"\$ref":"#\/definitions\/([^"]+)"/g)) {
      queue.push(decodeURIComponent(ref));
    }
  }
  const sorted = Object.fromEntries(Object.keys(reachable).sort().map((name) => [name, reachable[name]]));
  const typeMeta = kinds.length > 0 ? definitions[kinds[0].definition].properties : {};

  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $comment: 'Generated by scripts/build-schema.mjs from kubernetes-models. Do not edit.',
    type: 'object',
    required: ['apiVersion', 'kind'],
    properties: {
      apiVersion: { type: 'string', description: typeMeta.apiVersion?.description },
      kind: { type: 'string', description: typeMeta.kind?.description },
    },
    // Dispatch in two steps, apiVersion then kind: yaml-language-server evaluates every `if`, and
    // the 46 apiVersions plus the few kinds of the matching one cost far less per document than
    // 235 flat apiVersion+kind tests (1,000-line microservices-demo release: ~15 ms instead of ~95 ms).
    allOf: Object.entries(groupByApiVersion(kinds)).map(([apiVersion, kindsOfVersion]) => ({
      if: { properties: { apiVersion: { const: apiVersion } }, required: ['apiVersion'] },
      then: {
        allOf: kindsOfVersion.map(({ kind, definition }) => ({
          if: { properties: { kind: { const: kind } }, required: ['kind'] },
          then: { $ref: `#/definitions/${encodeURIComponent(definition)}` },
        })),
      },
    })),
    definitions: sorted,
  };
}

function groupByApiVersion(kinds) {
  const groups = {};
  for (const kind of kinds) (groups[kind.apiVersion] ??= []).push(kind);
  return groups;
}

function checkResult(schema, kinds) {
  const text = JSON.stringify(schema);
  for (const [, ref] of text.matchAll(/"\$ref":"#\/definitions\/([^"]+)"/g)) {
    if (!schema.definitions[decodeURIComponent(ref)]) fail(`dangling $ref ${ref}`);
  }
  let stillNumber = 0;
  for (const [name, definition] of Object.entries(schema.definitions)) {
    forEachSubschema(definition, (subschema, propertyName) => {
      if (subschema.type === 'number' && !name.endsWith('.JSONSchemaProps')) {
        fail(`${name}.${propertyName}: still "number" after integer restoration`);
      }
      if (subschema.type === 'number') stillNumber++;
    });
  }
  if (stillNumber === 0) fail('JSONSchemaProps lost its number fields');
  for (const name of ['io.k8s.api.apps.v1.Deployment', 'io.k8s.api.core.v1.Pod', 'io.k8s.api.core.v1.PersistentVolumeClaim']) {
    if (!kinds.some((k) => k.definition === name)) fail(`${name} is missing`);
  }
}

// ---------------------------------------------------------------------------------------------
// Small helpers.

export function isUpToDate(outputs, inputs) {
  try {
    const oldestOutput = Math.min(...outputs.map((file) => fs.statSync(file).mtimeMs));
    return inputs.every((file) => fs.statSync(file).mtimeMs < oldestOutput);
  } catch {
    return false;
  }
}

function listDirs(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

export function formatBytes(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(0)} KB`;
}

function fail(message) {
  throw new Error(`build-schema: ${message}`);
}

// Run only when called as a script, not when build-crd-schemas.mjs imports the helpers.
if (process.argv[1] && path.resolve(process.argv[1]) === scriptFile) main();
