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
import { documentAtOffset, type ManifestFile } from '../model/manifestFile';
import { locateOffset, type YamlPath } from '../model/yamlPath';
import { indexSchema, type FieldDescription, type SchemaIndex, type SchemaNode } from '../schema/schemaIndex';
import { KUBERNETES_SCHEMA_URI } from '../schema/kubernetesSchema';
import { closestName } from './didYouMean';

/** The `source` of every diagnostic we publish, so users (and tests) can tell ours apart. */
export const DIAGNOSTIC_SOURCE = 'kube-guide';

/** Our diagnostic codes for what the schema check finds. */
export const SchemaProblem = {
  unknownField: 'schema-unknown-field',
  wrongValue: 'schema-enum',
  invalid: 'schema-invalid',
  yamlSyntax: 'yaml-syntax',
} as const;

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
}

// yaml-language-server's codes (its ErrorCode enum) that we translate.
const YAML_LS_PROPERTY_NOT_ALLOWED = 513;
const YAML_LS_ENUM_MISMATCH = 1;

/**
 * Creates the schema service over an inline schema. The schema request service refuses every request:
 * nothing is ever fetched, so a schema reference we do not ship fails loudly instead of going online.
 */
export function createSchemaService(schema: object): SchemaService {
  const languageService: LanguageService = getLanguageService({
    schemaRequestService: (uri) => Promise.reject(new Error(`Kube Guide does not fetch schemas (${uri})`)),
    workspaceContext: { resolveRelativePath: (relativePath) => relativePath },
  });
  languageService.configure({
    validate: true,
    hover: true,
    completion: true,
    format: false,
    isKubernetes: true,
    hoverSchemaSource: false,
    schemas: [{ uri: KUBERNETES_SCHEMA_URI, fileMatch: ['*'], schema }],
  });
  // yaml-language-server resolves references inside the schema object it is given, in place: our index
  // reads its own copy, so it sees the schema as written (a field's own description, named types).
  const schemaIndex = indexSchema(structuredClone(schema) as SchemaNode);

  // yaml-language-server caches its parse by URI and version, and an editor restarts versions at 1 when
  // a file is reopened: give it a version of our own per parsed text, so it never reuses a stale parse.
  const snapshots = new WeakMap<ManifestFile, TextDocument>();
  let nextRevision = 1;
  const snapshotOf = (document: TextDocument, file: ManifestFile): TextDocument => {
    let snapshot = snapshots.get(file);
    if (!snapshot) {
      snapshot = TextDocument.create(document.uri, document.languageId, nextRevision++, file.text);
      snapshots.set(file, snapshot);
    }
    return snapshot;
  };

  // Only positions inside a Kubernetes object are ours; the rest of a file belongs to other tools.
  const insideObject = (file: ManifestFile, position: Position): boolean =>
    documentAtOffset(file, file.offsetAt(position))?.object !== undefined;

  return {
    async validate(document, file) {
      if (!file.isManifest) return [];
      const found = await languageService.doValidation(snapshotOf(document, file), true);
      return found
        .filter((diagnostic) => insideObject(file, diagnostic.range.start))
        .map((diagnostic) => translateDiagnostic(diagnostic, file, schemaIndex));
    },

    async hover(document, file, position) {
      const offset = file.offsetAt(position);
      const object = documentAtOffset(file, offset);
      if (!object?.object) return null;
      const location = locateOffset(object.yaml.contents, offset);
      const field = location && location.path.length > 0
        ? schemaIndex.describeField(object.object.apiVersion, object.object.kind, location.path)
        : undefined;
      if (!location || !field) return languageService.doHover(snapshotOf(document, file), position);
      return { contents: { kind: MarkupKind.Markdown, value: fieldHoverMarkdown(location.path, field) }, range: file.rangeOf(location.node) };
    },

    describeField(apiVersion, kind, path) {
      return path.length > 0 ? schemaIndex.describeField(apiVersion, kind, path) : undefined;
    },

    async complete(document, file, position) {
      if (!insideObject(file, position)) return CompletionList.create([], false);
      return languageService.doComplete(snapshotOf(document, file), position, true);
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
  };
}

/** Turns a yaml-language-server finding into ours: our source and codes, and errors where Kubernetes would refuse. */
function translateDiagnostic(found: Diagnostic, file: ManifestFile, schemaIndex: SchemaIndex): Diagnostic {
  const foundMessage = typeof found.message === 'string' ? found.message : found.message.value;
  // The API server rejects every schema violation, so they are errors, not the warnings yaml-language-server uses.
  const error = (message: string, code: string, data?: SuggestionData): Diagnostic => {
    const diagnostic = Diagnostic.create(found.range, message, DiagnosticSeverity.Error, code, DIAGNOSTIC_SOURCE);
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

/** Hover text as Markdown, whatever form yaml-language-server gave it in. */
export function hoverMarkdown(hover: Hover | null): string {
  if (!hover) return '';
  const contents = hover.contents;
  if (MarkupContent.is(contents)) return contents.value;
  const parts = Array.isArray(contents) ? contents : [contents];
  return parts.map((part) => (typeof part === 'string' ? part : part.value)).join('\n\n');
}
