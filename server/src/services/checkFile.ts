import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { parseManifestFile, type ManifestFile } from '../model/manifestFile';
import { runRules, type RuleRun } from '../rules/engine';
import type { AnyRule } from '../rules/rule';
import type { KubeGuideSettings } from '../settings';
import { mergeDiagnostics, ruleDiagnostics, type RuleDocsLink } from './ruleService';
import type { SchemaService } from './schemaService';

/** What checking a file needs; each front end (the language server, the CLI) supplies its own. */
export interface CheckServices {
  /** Called only when the file is a manifest and schema validation is on: loading the schema is slow. */
  schemaService(): SchemaService;
  rules: readonly AnyRule[];
  docsLink: RuleDocsLink;
}

/** Everything one check of a file found. */
export interface FileCheck {
  file: ManifestFile;
  /** The rule results, for fixes and code actions. */
  ruleRun: RuleRun;
  /** Schema and rule findings together, as the editor shows them. Empty when the file is not a manifest. */
  diagnostics: Diagnostic[];
}

/**
 * Checks one file's text with the schema and the rules, exactly as the editor does. `parsed` and
 * `ruleRun` let a caller that caches them (the language server) pass them in instead of recomputing.
 */
export async function checkFile(
  text: string,
  uri: string,
  services: CheckServices,
  settings: KubeGuideSettings,
  cached: { parsed?: ManifestFile; ruleRun?: RuleRun } = {},
): Promise<FileCheck> {
  const file = cached.parsed ?? parseManifestFile(text);
  const ruleRun = cached.ruleRun ?? runRules(file, services.rules, settings.rules);
  if (!file.isManifest) return { file, ruleRun, diagnostics: [] };
  // `auto` checks too: deferring to Red Hat YAML is the language server's per-file decision, passed in as `on`/`off`.
  const schemaDiagnostics = settings.schemaValidation !== 'off'
    ? await services.schemaService().validate(TextDocument.create(uri, 'yaml', 1, text), file)
    : [];
  return { file, ruleRun, diagnostics: mergeDiagnostics(schemaDiagnostics, ruleDiagnostics(ruleRun, services.docsLink)) };
}
