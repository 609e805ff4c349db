import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { parseManifestFile } from '../model/manifestFile';
import type { ObjectSummary } from '../model/objectSummary';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import { runRules, type RuleRun } from '../rules/engine';
import type { AnyRule } from '../rules/rule';
import type { RuleSettings } from '../rules/ruleSettings';
import { runWorkspaceRules } from '../rules/workspaceEngine';
import type { LineFinding } from './workspaceGraph';

// The findings behind the workspace graph's badges. An open document counts what the editor last showed
// for it (schema and rules). A file nobody opened is checked from its text on disk with the rules only
// (the schema check costs tens of milliseconds a file; a graph of hundreds of files must come back fast):
// its single-file results are kept until the file changes, its cross-resource results until the index does.

export interface GraphFindingsSources {
  index: WorkspaceIndex;
  rules: readonly AnyRule[];
  /** The rule choices for a file (settings, and the nearest `.kube-guide.yaml`). */
  ruleSettingsFor(uri: string): RuleSettings;
  readText(uri: string): Promise<string | undefined>;
}

interface DiskCheck {
  /** The index's summaries of the file when it was read: a new array means the file changed since. */
  objects: readonly ObjectSummary[];
  text: string;
  fileFindings: LineFinding[];
  generation: number;
  findings: LineFinding[];
}

export class GraphFindings {
  private readonly published = new Map<string, LineFinding[]>();
  private readonly checked = new Map<string, DiskCheck>();

  constructor(private readonly sources: GraphFindingsSources) {}

  /** Records what the editor shows for an open document; true when its counts differ from before. */
  recordPublished(uri: string, diagnostics: readonly Diagnostic[]): boolean {
    const findings = diagnostics.map(fromDiagnostic);
    const before = this.published.get(uri);
    this.published.set(uri, findings);
    const objects = this.sources.index.objectsIn(uri);
    return before === undefined || badgesKey(before, objects) !== badgesKey(findings, objects);
  }

  /** The document was closed: its file on disk counts again. */
  forget(uri: string): void {
    this.published.delete(uri);
  }

  /** Rule choices changed: every unopened file is checked again when next asked. */
  clear(): void {
    this.checked.clear();
  }

  async findingsIn(uri: string): Promise<readonly LineFinding[]> {
    const shown = this.published.get(uri);
    if (shown) return shown;
    const { index } = this.sources;
    const objects = index.objectsIn(uri);
    let check = this.checked.get(uri);
    if (!check || check.objects !== objects) {
      const text = await this.sources.readText(uri);
      if (text === undefined) {
        this.checked.delete(uri);
        return [];
      }
      const fileRun = runRules(parseManifestFile(text), this.sources.rules, this.sources.ruleSettingsFor(uri));
      check = { objects, text, fileFindings: fromRuleRun(fileRun), generation: -1, findings: [] };
      this.checked.set(uri, check);
    }
    if (check.generation !== index.generation) {
      const text = check.text;
      const crossRun = runWorkspaceRules(objects, index, this.sources.rules, this.sources.ruleSettingsFor(uri), () => text);
      check.findings = [...check.fileFindings, ...fromRuleRun(crossRun)];
      check.generation = index.generation;
    }
    return check.findings;
  }
}

function fromRuleRun(run: RuleRun): LineFinding[] {
  return run.findings.map((finding) => ({ line: finding.range.start.line, severity: finding.severity }));
}

function fromDiagnostic(diagnostic: Diagnostic): LineFinding {
  const severity = diagnostic.severity === DiagnosticSeverity.Error ? 'error'
    : diagnostic.severity === DiagnosticSeverity.Information ? 'info'
      : diagnostic.severity === DiagnosticSeverity.Hint ? 'hint'
        : 'warning';
  return { line: diagnostic.range.start.line, severity };
}

/** What the badges show: counts per object and severity. Messages and lines within an object do not matter. */
function badgesKey(findings: readonly LineFinding[], objects: readonly ObjectSummary[]): string {
  return findings
    .map((finding) => {
      const holder = objects.find((object) => finding.line >= object.range.start.line && finding.line <= object.range.end.line);
      return `${holder?.documentIndex ?? '-'}:${finding.severity}`;
    })
    .sort()
    .join(',');
}
