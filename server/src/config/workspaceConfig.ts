import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { RuleSettings } from '../rules/ruleSettings';
import { DIAGNOSTIC_SOURCE } from '../services/schemaService';
import { applyConfig, CONFIG_FILE_NAME, ConfigError, createConfigLoader, parseConfigText, type ConfigLoader } from './kubeGuideConfig';

/**
 * The editor's view of the team's `.kube-guide.yaml` files: the rule settings for each document, with
 * the files' choices winning over the user's own settings (the file is the team's policy).
 */
export class WorkspaceConfig {
  private loader: ConfigLoader;

  constructor(
    private readonly ruleIds: ReadonlySet<string>,
    /** Told about a config file that cannot be used; the document is then checked with the user's settings. */
    private readonly onError: (error: ConfigError) => void,
  ) {
    this.loader = createConfigLoader(ruleIds, existsSync);
  }

  /** Forgets what was read, after a config file was created, changed or deleted. */
  reload(): void {
    this.loader = createConfigLoader(this.ruleIds, existsSync);
  }

  ruleSettingsFor(uri: string, userSettings: RuleSettings): RuleSettings {
    return this.configFor(uri, userSettings).ruleSettings;
  }

  /**
   * The rule settings for a document, the config files that apply (paths, nearest first; none when one is
   * unusable) and what those files set themselves.
   */
  configFor(uri: string, userSettings: RuleSettings): { ruleSettings: RuleSettings; files: string[]; fromFiles: Partial<RuleSettings> } {
    if (!uri.startsWith('file:')) return { ruleSettings: userSettings, files: [], fromFiles: {} };
    try {
      const resolved = this.loader.resolve(path.dirname(fileURLToPath(uri)));
      return { ruleSettings: applyConfig(userSettings, resolved.ruleSettings), files: resolved.files, fromFiles: resolved.ruleSettings };
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      this.onError(error);
      return { ruleSettings: userSettings, files: [], fromFiles: {} };
    }
  }
}

/** True for a document that is a Kube Guide config file. */
export function isConfigFile(uri: string): boolean {
  return uri.endsWith(`/${CONFIG_FILE_NAME}`);
}

/** The problem with a config file's text, as a diagnostic on the key at fault (or the first line). */
export function configFileDiagnostics(uri: string, text: string, ruleIds: ReadonlySet<string>): Diagnostic[] {
  try {
    parseConfigText(text, uri.startsWith('file:') ? fileURLToPath(uri) : uri, ruleIds);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const lines = text.split('\n');
    // The key at fault, or one of its entries (a rule id under `rules:`), else the top of the file.
    const name = error.key?.split('.').pop();
    const line = name ? Math.max(0, lines.findIndex((l) => new RegExp(`^\\s*["']?${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*:`).test(l))) : 0;
    const start = lines[line]?.search(/\S/) ?? 0;
    const range = { start: { line, character: Math.max(0, start) }, end: { line, character: (lines[line] ?? '').trimEnd().length } };
    return [Diagnostic.create(range, error.problem, DiagnosticSeverity.Error, 'config', DIAGNOSTIC_SOURCE)];
  }
}
