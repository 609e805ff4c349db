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
  Position,
  TextEdit,
  type LanguageService,
} from 'yaml-language-server';
import { documentAtOffset, type ManifestFile } from '../model/manifestFile';
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

/** Extra data on an unknown-field diagnostic: the allowed field it is a near miss of. */
export interface UnknownFieldData {
  suggestion?: string;
}

/** Schema validation, hover and completion for Kubernetes manifests, through yaml-language-server. */
export interface SchemaService {
  validate(document: TextDocument, file: ManifestFile): Promise<Diagnostic[]>;
  hover(document: TextDocument, file: ManifestFile, position: Position): Promise<Hover | null>;
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
        .map((diagnostic) => translateDiagnostic(diagnostic, file));
    },

    async hover(document, file, position) {
      if (!insideObject(file, position)) return null;
      return languageService.doHover(snapshotOf(document, file), position);
    },

    async complete(document, file, position) {
      if (!insideObject(file, position)) return CompletionList.create([], false);
      return languageService.doComplete(snapshotOf(document, file), position, true);
    },

    quickFixes(document, diagnostics) {
      return diagnostics.flatMap((diagnostic) => {
        const suggestion = (diagnostic.data as UnknownFieldData | undefined)?.suggestion;
        if (diagnostic.code !== SchemaProblem.unknownField || !suggestion) return [];
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
function translateDiagnostic(found: Diagnostic, file: ManifestFile): Diagnostic {
  const fromSchema = typeof found.source === 'string' && found.source.startsWith('yaml-schema');
  if (!fromSchema) {
    return Diagnostic.create(found.range, found.message, DiagnosticSeverity.Error, SchemaProblem.yamlSyntax, DIAGNOSTIC_SOURCE);
  }
  if (found.code === YAML_LS_PROPERTY_NOT_ALLOWED) {
    const field = file.text.slice(file.offsetAt(found.range.start), file.offsetAt(found.range.end));
    const allowed = (found.data as { properties?: string[] } | undefined)?.properties ?? [];
    const suggestion = closestName(field, allowed);
    const message = suggestion ? `${found.message} Did you mean "${suggestion}"?` : found.message;
    const diagnostic = Diagnostic.create(found.range, message, DiagnosticSeverity.Error, SchemaProblem.unknownField, DIAGNOSTIC_SOURCE);
    diagnostic.data = { suggestion } satisfies UnknownFieldData;
    return diagnostic;
  }
  const code = found.code === YAML_LS_ENUM_MISMATCH ? SchemaProblem.wrongValue : SchemaProblem.invalid;
  // The API server rejects every schema violation, so they are errors, not the warnings yaml-language-server uses.
  return Diagnostic.create(found.range, found.message, DiagnosticSeverity.Error, code, DIAGNOSTIC_SOURCE);
}

/** Hover text as Markdown, whatever form yaml-language-server gave it in. */
export function hoverMarkdown(hover: Hover | null): string {
  if (!hover) return '';
  const contents = hover.contents;
  if (MarkupContent.is(contents)) return contents.value;
  const parts = Array.isArray(contents) ? contents : [contents];
  return parts.map((part) => (typeof part === 'string' ? part : part.value)).join('\n\n');
}
