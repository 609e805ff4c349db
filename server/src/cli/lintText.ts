import type { Diagnostic } from 'vscode-languageserver-types';
import { applyTextEdits } from '../fixes/textEdit';
import { parseManifestFile, type ManifestFile } from '../model/manifestFile';
import { summarizeFile, type ObjectSummary } from '../model/objectSummary';
import { runRules, type RuleFinding } from '../rules/engine';
import type { Severity } from '../rules/rule';
import { checkFile, type CheckServices } from '../services/checkFile';
import { fixAllEdits } from '../services/ruleService';
import type { KubeGuideSettings } from '../settings';
import type { LintMessage } from './lintResult';

// One file's text through the services the editor uses: nothing here decides what is a problem.

const SEVERITY_OF: Record<number, Severity> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };
// Fixes can uncover or make room for further fixes; a few rounds settle every real case.
const MAX_FIX_ROUNDS = 10;

export interface TextLint {
  /** False for YAML that holds no Kubernetes object: such files are skipped, as in the editor. */
  isManifest: boolean;
  messages: LintMessage[];
  /** True when `fixText` would change the text: a cached result cannot stand in for a `--fix` run then. */
  fixable: boolean;
  /** The file's objects for the workspace index: the cross-resource rules run once every file is read. */
  objects: ObjectSummary[];
}

export async function lintText(text: string, uri: string, services: CheckServices, settings: KubeGuideSettings): Promise<TextLint> {
  const { file, ruleRun, diagnostics } = await checkFile(text, uri, services, settings);
  if (!file.isManifest) return { isManifest: false, messages: [], fixable: false, objects: [] };
  const messages = diagnostics.map((diagnostic) => toMessage(diagnostic, file, ruleRun.findings));
  messages.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { isManifest: true, messages, fixable: fixAllEdits(ruleRun).length > 0, objects: summarizeFile(uri, file) };
}


function toMessage(diagnostic: Diagnostic, file: ManifestFile, findings: readonly RuleFinding[]): LintMessage {
  const ruleId = String(diagnostic.code ?? 'unknown');
  const message: LintMessage = {
    ruleId,
    severity: SEVERITY_OF[diagnostic.severity ?? 1] ?? 'error',
    message: typeof diagnostic.message === 'string' ? diagnostic.message : (diagnostic.message as { value: string }).value,
    range: diagnostic.range,
  };
  const sameRange = (finding: RuleFinding) =>
    finding.ruleId === ruleId &&
    finding.range.start.line === diagnostic.range.start.line && finding.range.start.character === diagnostic.range.start.character &&
    finding.range.end.line === diagnostic.range.end.line && finding.range.end.character === diagnostic.range.end.character;
  const fix = findings.find(sameRange)?.fix;
  if (fix) {
    message.fix = {
      title: fix.title,
      edits: fix.edits.map((edit) => ({ range: { start: file.positionAt(edit.start), end: file.positionAt(edit.end) }, text: edit.newText })),
    };
  }
  return message;
}

/**
 * Applies every rule fix the editor's "Fix all" would, round after round until nothing changes.
 * A file whose lines all end in CRLF keeps CRLF, even where a fix brought a bare LF.
 */
export function fixText(text: string, services: Pick<CheckServices, 'rules'>, settings: KubeGuideSettings): string {
  const crlf = text.includes('\r\n') && !/(^|[^\r])\n/.test(text);
  let current = text;
  for (let round = 0; round < MAX_FIX_ROUNDS; round++) {
    const file = parseManifestFile(current);
    if (!file.isManifest) break;
    const edits = fixAllEdits(runRules(file, services.rules, settings.rules));
    if (edits.length === 0) break;
    let next = applyTextEdits(current, edits);
    if (crlf) next = next.replace(/\r?\n/g, '\r\n');
    if (next === current) break;
    current = next;
  }
  return current;
}
