import type { Diagnostic } from 'vscode-languageserver-types';
import { applyTextEdits } from '../fixes/textEdit';
import { parseManifestFile, type ManifestFile } from '../model/manifestFile';
import { summarizeFile, type ObjectSummary } from '../model/objectSummary';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import { runRules, type RuleFinding, type RuleRun } from '../rules/engine';
import type { AnyRule, Severity } from '../rules/rule';
import type { RuleSettings } from '../rules/ruleSettings';
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

/**
 * `context` holds what single-file rules may ask of the rest of the run (the run's autoscalers, for
 * replicas-minimum): the file is placed in it for its check, as the editor's workspace index holds it.
 */
export async function lintText(text: string, uri: string, services: CheckServices, settings: KubeGuideSettings, context?: WorkspaceIndex): Promise<TextLint> {
  const file = parseManifestFile(text);
  if (!file.isManifest) return { isManifest: false, messages: [], fixable: false, objects: [] };
  const objects = summarizeFile(uri, file);
  const ruleRun = runFileRules(file, uri, objects, services.rules, settings.rules, context);
  const { diagnostics } = await checkFile(text, uri, services, settings, { parsed: file, ruleRun });
  const messages = diagnostics.map((diagnostic) => toMessage(diagnostic, file, ruleRun.findings));
  messages.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { isManifest: true, messages, fixable: fixAllEdits(ruleRun).length > 0, objects };
}

/** The single-file rules over a file, with the file's objects placed among the context's for the while. */
function runFileRules(file: ManifestFile, uri: string, objects: ObjectSummary[], rules: readonly AnyRule[], settings: RuleSettings, context?: WorkspaceIndex): RuleRun {
  if (!context) return runRules(file, rules, settings);
  const before = context.objectsIn(uri);
  context.update(uri, objects, { findDependents: false });
  try {
    return runRules(file, rules, settings, { view: context, uri });
  } finally {
    context.update(uri, before, { findDependents: false });
  }
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
export function fixText(text: string, uri: string, services: Pick<CheckServices, 'rules'>, settings: KubeGuideSettings, context?: WorkspaceIndex): string {
  const crlf = text.includes('\r\n') && !/(^|[^\r])\n/.test(text);
  let current = text;
  for (let round = 0; round < MAX_FIX_ROUNDS; round++) {
    const file = parseManifestFile(current);
    if (!file.isManifest) break;
    const edits = fixAllEdits(runFileRules(file, uri, context ? summarizeFile(uri, file) : [], services.rules, settings.rules, context));
    if (edits.length === 0) break;
    let next = applyTextEdits(current, edits);
    if (crlf) next = next.replace(/\r?\n/g, '\r\n');
    if (next === current) break;
    current = next;
  }
  return current;
}
