import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeAction,
  CodeActionKind,
  CompletionList,
  Diagnostic,
  DiagnosticSeverity,
  getLanguageService,
  Hover,
  MarkupContent,
  MarkupKind,
  Position,
  TextEdit,
  type LanguageService,
} from 'yaml-language-server';
import { isScalar } from 'yaml';
import { documentAtOffset, type ManifestDocument, type ManifestFile } from '../model/manifestFile';
import { excessiveAliasExpansion, MAX_ALIAS_ADDED_NODES, type AliasExpansion } from '../model/aliasExpansion';
import { locateOffset, type YamlPath } from '../model/yamlPath';
import { indexSchema, type FieldDescription, type SchemaIndex, type SchemaNode } from '../schema/schemaIndex';
import { KUBERNETES_SCHEMA_URI } from '../schema/kubernetesSchema';
import { ComposedSchema } from '../schema/composedSchema';
import { balanceDispatch } from '../schema/dispatchTree';
import { loadBundledCustomResources, type CustomResourceCatalog } from '../schema/crdCatalog';
import type { CrdSchema } from '../schema/crdSchema';
import { closestName } from '../model/didYouMean';
import { shareParse } from './sharedParse';

import { DIAGNOSTIC_SOURCE, SchemaProblem } from './diagnosticCodes';

export { DIAGNOSTIC_SOURCE, SchemaProblem };

/** Extra data on an unknown-field or wrong-value diagnostic: the allowed name it is a near miss of. */
export interface SuggestionData {
  suggestion?: string;
}

/** Schema validation, hover and completion for Kubernetes manifests, through yaml-language-server. */
export interface SchemaService {
  validate(document: TextDocument, file: ManifestFile): Promise<Diagnostic[]>;
  hover(document: TextDocument, file: ManifestFile, position: Position): Promise<Hover | null>;
  /** What the API docs say of the field at `path` of an object, for hovers composed elsewhere. */
  describeField(apiVersion: string, kind: string, path: YamlPath): FieldDescription | undefined;
  complete(document: TextDocument, file: ManifestFile, position: Position): Promise<CompletionList>;
  quickFixes(document: TextDocument, diagnostics: Diagnostic[]): CodeAction[];
  /** Checks custom resources against the workspace's own CRDs from now on; they win over bundled schemas. */
  setWorkspaceCrds(schemas: CrdSchema[]): void;
}

// Where documents are checked: one name, so yaml-language-server keeps one parse (ours: see sharedParse.ts).
const VALIDATION_URI = 'kube-guide://document.yaml';
// The versions we give texts (see snapshotOf). yaml-language-server's parse cache is one per process, so
// the count is too: two schema services in one process (tests, a CLI run) must never share a version.
let nextRevision = 1;
// Documents whose findings are remembered (a few thousand: a large workspace's open files, with edits).
const DOCUMENT_CACHE_SIZE = 4000;

// An alias (`*name`) starts a node: where it cannot be, no walk of the file for alias bombs is needed.
const MAYBE_ALIAS = /(?:^|[\s[{,:?-])\*/m;

// yaml-language-server's codes (its ErrorCode enum) that we translate.
const YAML_LS_PROPERTY_NOT_ALLOWED = 513;
const YAML_LS_ENUM_MISMATCH = 1;

/**
 * Creates the schema service over an inline schema. The schema request service refuses every request:
 * nothing is ever fetched, so a schema reference we do not ship fails loudly instead of going online.
 * Custom resources are checked with the schemas `customResources` has for their API group, if any.
 */
export function createSchemaService(schema: object, customResources: CustomResourceCatalog = loadBundledCustomResources()): SchemaService {
  const languageService: LanguageService = getLanguageService({
    schemaRequestService: (uri) => Promise.reject(new Error(`Kube Guide does not fetch schemas (${uri})`)),
    workspaceContext: { resolveRelativePath: (relativePath) => relativePath },
  });
  // The core schema, and the custom resource kinds documents bring in: a kind's schema joins when a
  // document of that kind is first seen, so files without custom resources never pay for them.
  const composedSchema = new ComposedSchema(schema as SchemaNode, customResources);
  let configuredRevision = -1;
  const languageServiceFor = (file: ManifestFile): LanguageService => {
    composedSchema.useKindsOf(objectsOf(file));
    if (configuredRevision !== composedSchema.revision) {
      // A kind first seen is added to the schema yaml-language-server has; other findings still hold.
      if (!composedSchema.updateHandedOverCopy()) {
        languageService.configure({
          validate: true,
          hover: true,
          completion: true,
          format: false,
          isKubernetes: true,
          hoverSchemaSource: false,
          // yaml-language-server resolves references inside the schema object it is given, in place: it gets
          // its own copy, and our index reads the schema as written (a field's own description, named types).
          // Its dispatch on apiVersion and kind as a balanced tree, which it walks several times faster.
          schemas: [{ uri: KUBERNETES_SCHEMA_URI, fileMatch: ['*'], schema: balanceDispatch(composedSchema.copyForLanguageService()) }],
        });
        // The workspace's CRDs changed: findings remembered under the old schema may no longer hold.
        findingsByDocumentText.clear();
      }
      configuredRevision = composedSchema.revision;
    }
    return languageService;
  };
  let indexedRevision = -1;
  let currentIndex: SchemaIndex | undefined;
  const schemaIndexFor = (objects: Array<{ apiVersion: string; kind: string } | undefined>): SchemaIndex => {
    composedSchema.useKindsOf(objects);
    if (!currentIndex || indexedRevision !== composedSchema.revision) {
      currentIndex = indexSchema(composedSchema.current);
      indexedRevision = composedSchema.revision;
    }
    return currentIndex;
  };
  const objectsOf = (file: ManifestFile) => file.documents.map((d) => d.object);

  // yaml-language-server caches its parse by URI and version, and an editor restarts versions at 1 when
  // a file is reopened: give it a version of our own per parsed text, so it never reuses a stale parse.
  const snapshots = new WeakMap<ManifestFile, TextDocument>();
  const snapshotOf = (document: TextDocument, file: ManifestFile): TextDocument => {
    let snapshot = snapshots.get(file);
    if (!snapshot) {
      snapshot = TextDocument.create(document.uri, document.languageId, nextRevision++, file.text);
      snapshots.set(file, snapshot);
    }
    return snapshot;
  };

  // Typing changes one document of a file at a time: each document's findings are kept by its text, so a
  // keystroke costs the check of the document it changed. Positions are relative to the document's first
  // line (documents start at a line's start).
  const findingsByDocumentText = new Map<string, Diagnostic[]>();
  /** Checks only `documents` of the file, in one run of yaml-language-server over our parse of it. */
  const checkDocuments = (file: ManifestFile, documents: ManifestDocument[]): Promise<Diagnostic[]> => {
    const snapshot = TextDocument.create(VALIDATION_URI, 'yaml', nextRevision++, file.text);
    // Where the parse cannot be shared, yaml-language-server parses and checks the whole text instead.
    shareParse(snapshot, file, documents);
    return checkText(snapshot, file);
  };
  function remember(text: string, findings: Diagnostic[]): void {
    if (findingsByDocumentText.size >= DOCUMENT_CACHE_SIZE) findingsByDocumentText.delete(findingsByDocumentText.keys().next().value!);
    findingsByDocumentText.set(text, findings);
  }

  // Only positions inside a Kubernetes object are ours; the rest of a file belongs to other tools.
  const insideObject = (file: ManifestFile, position: Position): boolean =>
    documentAtOffset(file, file.offsetAt(position))?.object !== undefined;

  /** yaml-language-server's findings on a text, those inside our objects, in our terms. */
  const checkText = async (snapshot: TextDocument, file: ManifestFile): Promise<Diagnostic[]> =>
    (await languageServiceFor(file).doValidation(snapshot, true))
      .filter((diagnostic) => insideObject(file, diagnostic.range.start))
      .map((diagnostic) => translateDiagnostic(diagnostic, file, schemaIndexFor(objectsOf(file))));

  // yaml-language-server expands aliases as it walks: an alias bomb or an alias inside its own anchor would
  // hang or overflow it, so such a file gets one diagnostic and none of its work.
  const aliasChecks = new WeakMap<ManifestFile, AliasExpansion | null>();
  const aliasBomb = (file: ManifestFile): AliasExpansion | undefined => {
    if (!aliasChecks.has(file)) aliasChecks.set(file, (MAYBE_ALIAS.test(file.text) && excessiveAliasExpansion(file)) || null);
    return aliasChecks.get(file) ?? undefined;
  };

  /** The schema findings of a manifest file, reusing those of documents whose text was checked before. */
  const validateFile = async (document: TextDocument, file: ManifestFile): Promise<Diagnostic[]> => {
    if (!file.isManifest) return [];
    const bomb = aliasBomb(file);
    if (bomb) return [aliasLimitDiagnostic(bomb)];
    languageServiceFor(file); // before the remembered findings are consulted: new workspace CRDs clear them
    const objects = file.documents.filter((d) => d.object);
    // Documents that start mid-line (`--- {kind: Pod}`) cannot be checked apart: check the whole file.
    if (objects.some((d) => d.range.start.character !== 0)) return checkText(snapshotOf(document, file), file);
    const texts = objects.map((object) => file.text.slice(object.offsets[0], object.offsets[1]));
    const findings = new Map<string, Diagnostic[]>();
    for (const text of texts) {
      const known = findingsByDocumentText.get(text);
      if (known) findings.set(text, known);
    }
    // The documents not seen before (every one of a file just opened, the edited one as the user types)
    // are checked together; their findings are then filed by document, ready for the keystrokes to come.
    const unchecked = objects.filter((_, index) => !findings.has(texts[index]));
    if (unchecked.length > 0) {
      const found = await checkDocuments(file, unchecked);
      for (const object of unchecked) {
        const inside = findingsWithin(file, object.offsets, found);
        const text = file.text.slice(object.offsets[0], object.offsets[1]);
        findings.set(text, inside.map((d) => shiftLines(d, -object.range.start.line)));
        remember(text, findings.get(text)!);
      }
    }
    return objects.flatMap((object, index) => findings.get(texts[index])!.map((diagnostic) => shiftLines(diagnostic, object.range.start.line)));
  };

  return {
    async validate(document, file) {
      try {
        return await validateFile(document, file);
      } catch (error) {
        // yaml-language-server converts the tree recursively; how deep it gets before the stack runs out varies.
        if (error instanceof RangeError) return [nestingLimitDiagnostic()];
        throw error;
      }
    },

    async hover(document, file, position) {
      const offset = file.offsetAt(position);
      const object = documentAtOffset(file, offset);
      if (!object?.object) return null;
      const location = locateOffset(object.yaml.contents, offset);
      const field = location && location.path.length > 0
        ? schemaIndexFor(objectsOf(file)).describeField(object.object.apiVersion, object.object.kind, location.path)
        : undefined;
      if (!location || !field) return aliasBomb(file) ? null : unlessTooDeep(() => languageServiceFor(file).doHover(snapshotOf(document, file), position), null);
      return { contents: { kind: MarkupKind.Markdown, value: fieldHoverMarkdown(location.path, field) }, range: file.rangeOf(location.node) };
    },

    describeField(apiVersion, kind, path) {
      return path.length > 0 ? schemaIndexFor([{ apiVersion, kind }]).describeField(apiVersion, kind, path) : undefined;
    },

    async complete(document, file, position) {
      if (!insideObject(file, position) || aliasBomb(file)) return CompletionList.create([], false);
      return unlessTooDeep(() => languageServiceFor(file).doComplete(snapshotOf(document, file), position, true), CompletionList.create([], false));
    },

    quickFixes(document, diagnostics) {
      return diagnostics.flatMap((diagnostic) => {
        const suggestion = (diagnostic.data as SuggestionData | undefined)?.suggestion;
        const fixable = diagnostic.code === SchemaProblem.unknownField || diagnostic.code === SchemaProblem.wrongValue;
        if (!fixable || !suggestion) return [];
        const fix = CodeAction.create(`Change to "${suggestion}"`, CodeActionKind.QuickFix);
        fix.diagnostics = [diagnostic];
        fix.isPreferred = true;
        fix.edit = { changes: { [document.uri]: [TextEdit.replace(diagnostic.range, suggestion)] } };
        return [fix];
      });
    },

    setWorkspaceCrds(schemas) {
      composedSchema.setWorkspaceCrds(schemas);
    },
  };
}

function nestingLimitDiagnostic(): Diagnostic {
  const start = { line: 0, character: 0 };
  return Diagnostic.create({ start, end: start }, 'This file nests mappings or lists too deeply for the schema check, which skips it.', DiagnosticSeverity.Error, SchemaProblem.nestingLimit, DIAGNOSTIC_SOURCE);
}

function aliasLimitDiagnostic(found: AliasExpansion): Diagnostic {
  const message = found.cyclic
    ? 'This alias refers to the node that contains it, so it never ends: the schema check skips this file.'
    : `YAML aliases here expand to more than ${MAX_ALIAS_ADDED_NODES.toLocaleString('en')} nodes (an alias bomb?): the schema check skips this file.`;
  const range = found.worstAlias ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return Diagnostic.create(range, message, DiagnosticSeverity.Error, SchemaProblem.aliasLimit, DIAGNOSTIC_SOURCE);
}

/**
 * yaml-language-server converts the YAML tree recursively: a few thousand levels of nesting overflow the
 * stack in hover and completion (its validation catches that itself). Nothing useful is there to show.
 */
async function unlessTooDeep<T>(work: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RangeError) return fallback;
    throw error;
  }
}

/**
 * The findings that belong to the document at `[start, end)` of the file: they are remembered with its
 * text and shown again wherever that text recurs, so they must lie within it. One at its very end belongs
 * to what follows (a `---` line), unless nothing follows; one that runs past its end is cut there.
 */
function findingsWithin(file: ManifestFile, [start, end]: readonly [number, number], found: readonly Diagnostic[]): Diagnostic[] {
  return found.flatMap((diagnostic) => {
    const from = file.offsetAt(diagnostic.range.start);
    if (from < start || from > end || (from === end && end < file.text.length)) return [];
    return [file.offsetAt(diagnostic.range.end) > end ? { ...diagnostic, range: { start: diagnostic.range.start, end: file.positionAt(end) } } : diagnostic];
  });
}

/** yaml-language-server ends some syntax errors past their line's end (on the line break): keep them on the line. */
function clampToLine(file: ManifestFile, position: Position): Position {
  const lineStart = file.offsetAt({ line: position.line, character: 0 });
  const atLineStart = file.positionAt(lineStart);
  if (atLineStart.line !== position.line) return atLineStart;
  let lineEnd = lineStart;
  while (lineEnd < file.text.length && file.text[lineEnd] !== '\n' && file.text[lineEnd] !== '\r') lineEnd++;
  return { line: position.line, character: Math.max(0, Math.min(position.character, lineEnd - lineStart)) };
}

/** Turns a yaml-language-server finding into ours: our source and codes, and errors where Kubernetes would refuse. */
function translateDiagnostic(found: Diagnostic, file: ManifestFile, schemaIndex: SchemaIndex): Diagnostic {
  const foundMessage = typeof found.message === 'string' ? found.message : found.message.value;
  // The API server rejects every schema violation, so they are errors, not the warnings yaml-language-server uses.
  const error = (message: string, code: string, data?: SuggestionData): Diagnostic => {
    const range = { start: clampToLine(file, found.range.start), end: clampToLine(file, found.range.end) };
    const diagnostic = Diagnostic.create(range, message, DiagnosticSeverity.Error, code, DIAGNOSTIC_SOURCE);
    if (data) diagnostic.data = data;
    return diagnostic;
  };
  const fromSchema = typeof found.source === 'string' && found.source.startsWith('yaml-schema');
  if (!fromSchema) return error(foundMessage, SchemaProblem.yamlSyntax);
  if (found.code === YAML_LS_PROPERTY_NOT_ALLOWED) {
    const field = file.text.slice(file.offsetAt(found.range.start), file.offsetAt(found.range.end));
    const allowed = (found.data as { properties?: string[] } | undefined)?.properties ?? [];
    const suggestion = closestName(field, allowed);
    const message = suggestion ? `${foundMessage} Did you mean "${suggestion}"?` : foundMessage;
    return error(message, SchemaProblem.unknownField, { suggestion });
  }
  if (found.code === YAML_LS_ENUM_MISMATCH) {
    const { message, suggestion } = describeWrongValue(found, file, schemaIndex) ?? { message: foundMessage };
    return error(message, SchemaProblem.wrongValue, { suggestion });
  }
  return error(foundMessage, SchemaProblem.invalid);
}

/**
 * Says which values the field allows. yaml-language-server's own message lists the values of every
 * enumeration that failed in the document at once, so we read the field's values from the schema.
 */
function describeWrongValue(
  found: Diagnostic,
  file: ManifestFile,
  schemaIndex: SchemaIndex,
): { message: string; suggestion?: string } | undefined {
  const offset = file.offsetAt(found.range.start);
  const document = documentAtOffset(file, offset);
  const location = document?.object ? locateOffset(document.yaml.contents, offset) : undefined;
  const allowed = document?.object && location
    ? schemaIndex.schemaAt(document.object.apiVersion, document.object.kind, location.path)?.enum?.map(String)
    : undefined;
  if (!location || !allowed || !isScalar(location.node)) return undefined;
  const value = String(location.node.value);
  const field = location.path.filter((segment) => typeof segment === 'string').pop() ?? 'this field';
  const suggestion = closestName(value, allowed);
  const message =
    `"${value}" is not an allowed value of ${field}. Allowed values: ${allowed.map((v) => `"${v}"`).join(', ')}.` +
    (suggestion ? ` Did you mean "${suggestion}"?` : '');
  return { message, suggestion };
}

/** A field's hover: its name and type on top, then what the Kubernetes API docs say of it. */
export function fieldHoverMarkdown(path: Array<string | number>, field: FieldDescription): string {
  const name = path.filter((segment) => typeof segment === 'string').pop() ?? '';
  // The name is the user's own text (a label key, say): escape it so it is shown, never interpreted.
  const lines = [`**${escapeMarkdown(String(name))}**: ${field.typeName}`];
  if (field.allowedValues) lines.push(`Allowed values: ${field.allowedValues.map((value) => `\`${value}\``).join(', ')}`);
  if (field.description) lines.push(field.description);
  return lines.join('\n\n');
}

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, (character) => `\\${character}`);
}

/** The diagnostic moved down (or up) by `lines` lines. */
function shiftLines(diagnostic: Diagnostic, lines: number): Diagnostic {
  const { start, end } = diagnostic.range;
  return { ...diagnostic, range: { start: { ...start, line: start.line + lines }, end: { ...end, line: end.line + lines } } };
}

/** Hover text as Markdown, whatever form yaml-language-server gave it in. */
export function hoverMarkdown(hover: Hover | null): string {
  if (!hover) return '';
  const contents = hover.contents;
  if (MarkupContent.is(contents)) return contents.value;
  const parts = Array.isArray(contents) ? contents : [contents];
  return parts.map((part) => (typeof part === 'string' ? part : part.value)).join('\n\n');
}
