import {
  CodeAction,
  CodeActionKind,
  Diagnostic,
  DiagnosticSeverity,
  MarkupContent,
  MarkupKind,
  TextEdit as LspTextEdit,
  type Hover,
  type Range,
} from 'vscode-languageserver-types';
import type { TextEdit } from '../fixes/textEdit';
import { lineStart } from '../fixes/yamlEdits';
import type { ManifestFile } from '../model/manifestFile';
import type { RuleFinding, RuleRun } from '../rules/engine';
import type { AnyRule, Severity } from '../rules/rule';
import { DIAGNOSTIC_SOURCE, SchemaProblem } from './schemaService';

/** The code action kind of "Fix all auto-fixable Kube Guide problems" (for `editor.codeActionsOnSave`). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.kubeGuide`;

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Where a rule's documentation page is, given its id. */
export type RuleDocsLink = (ruleId: string) => string;

/** The rule findings as LSP diagnostics: the rule id as code, linked to its docs page. */
export function ruleDiagnostics(run: RuleRun, docsLink: RuleDocsLink): Diagnostic[] {
  return run.findings.map((finding) => {
    const diagnostic = Diagnostic.create(finding.range, finding.message, LSP_SEVERITY[finding.severity], finding.ruleId, DIAGNOSTIC_SOURCE);
    diagnostic.codeDescription = { href: docsLink(finding.ruleId) };
    return diagnostic;
  });
}

function toLspEdits(file: ManifestFile, edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((edit) => LspTextEdit.replace({ start: file.positionAt(edit.start), end: file.positionAt(edit.end) }, edit.newText));
}

const overlaps = (a: Range, b: Range): boolean =>
  !(a.end.line < b.start.line || (a.end.line === b.start.line && a.end.character < b.start.character) ||
    b.end.line < a.start.line || (b.end.line === a.start.line && b.end.character < a.start.character));

/**
 * The quick-fixes and "disable" actions for the findings under `range`, and "fix all" when any finding
 * of the file has a fix. `only` narrows to the kinds the editor asked for.
 */
export function ruleCodeActions(uri: string, file: ManifestFile, run: RuleRun, range: Range, only?: string[]): CodeAction[] {
  const wants = (kind: string) => !only || only.some((prefix) => kind === prefix || kind.startsWith(`${prefix}.`));
  const actions: CodeAction[] = [];
  const here = run.findings.filter((finding) => overlaps(finding.range, range));

  if (wants(CodeActionKind.QuickFix)) {
    for (const finding of here) {
      if (finding.fix) {
        const action = CodeAction.create(finding.fix.title, { changes: { [uri]: toLspEdits(file, finding.fix.edits) } }, CodeActionKind.QuickFix);
        action.diagnostics = [diagnosticFor(finding)];
        action.isPreferred = true;
        actions.push(action);
      }
    }
    for (const ruleId of new Set(here.map((finding) => finding.ruleId))) {
      const finding = here.find((f) => f.ruleId === ruleId)!;
      actions.push(disableAction(uri, file, finding, 'line'), disableAction(uri, file, finding, 'file'));
    }
  }

  const fixAll = fixAllEdits(run);
  if (fixAll.length > 0 && wants(FIX_ALL_KIND)) {
    actions.push(CodeAction.create('Fix all auto-fixable Kube Guide problems', { changes: { [uri]: toLspEdits(file, fixAll) } }, FIX_ALL_KIND));
  }
  return actions;
}

/** The edits of every fix that does not overlap an earlier one (the rest wait for the next round). */
export function fixAllEdits(run: RuleRun): TextEdit[] {
  const chosen: TextEdit[] = [];
  for (const finding of run.findings) {
    const edits = finding.fix?.edits ?? [];
    const clashes = edits.some((edit) => chosen.some((taken) => edit.start < taken.end && taken.start < edit.end || (edit.start === taken.start && edit.end === taken.end)));
    if (edits.length > 0 && !clashes) chosen.push(...edits);
  }
  return chosen;
}

function diagnosticFor(finding: RuleFinding): Diagnostic {
  return Diagnostic.create(finding.range, finding.message, LSP_SEVERITY[finding.severity], finding.ruleId, DIAGNOSTIC_SOURCE);
}

/** "Disable <rule> for this line" (a comment above it, indented like it) or "for this file" (a comment on top). */
function disableAction(uri: string, file: ManifestFile, finding: RuleFinding, scope: 'line' | 'file'): CodeAction {
  const lineBreak = file.text.includes('\r\n') ? '\r\n' : '\n';
  let edit: TextEdit;
  if (scope === 'line') {
    const start = lineStart(file.text, file.offsetAt(finding.range.start));
    const indent = /^[ \t]*/.exec(file.text.slice(start))?.[0] ?? '';
    edit = { start, end: start, newText: `${indent}# kube-guide-disable-next-line ${finding.ruleId}${lineBreak}` };
  } else {
    // After a byte-order mark, if any, so the comment is the file's first real line.
    const start = file.text.startsWith('\uFEFF') ? 1 : 0;
    edit = { start, end: start, newText: `# kube-guide-disable ${finding.ruleId}${lineBreak}` };
  }
  const title = `Disable ${finding.ruleId} for this ${scope}`;
  const action = CodeAction.create(title, { changes: { [uri]: toLspEdits(file, [edit]) } }, CodeActionKind.QuickFix);
  action.diagnostics = [diagnosticFor(finding)];
  return action;
}

/**
 * Schema and rule diagnostics together. Where a rule explains a schema error at the same spot (the
 * guide's `data` under `metadata`, say), only the rule's finding is kept: it says what to do.
 */
export function mergeDiagnostics(schema: Diagnostic[], rules: Diagnostic[]): Diagnostic[] {
  const at = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character}`;
  const explained = new Set(rules.map(at));
  return [...schema.filter((d) => d.code !== SchemaProblem.unknownField || !explained.has(at(d))), ...rules];
}

const contains = (range: Range, position: { line: number; character: number }): boolean =>
  overlaps(range, { start: position, end: position });

/**
 * The docs of the rules whose findings lie under `position`, as Markdown for the hover: the title, a
 * link to the rule's page, and the first paragraph of its docs (the why), so a warning explains itself.
 */
export function ruleDocsAt(run: RuleRun, position: { line: number; character: number }, rules: readonly AnyRule[], docsLink: RuleDocsLink): string | undefined {
  const ids = [...new Set(run.findings.filter((finding) => contains(finding.range, position)).map((finding) => finding.ruleId))];
  const sections = ids.flatMap((id) => {
    const meta = rules.find((rule) => rule.meta.id === id)?.meta;
    if (!meta) return [];
    const why = meta.docs.split(/\n\s*\n/)[0].replace(/\n/g, ' ');
    return [`**${meta.title}** · Kube Guide rule [\`${meta.id}\`](${docsLink(meta.id)})\n\n${why}`];
  });
  return sections.length > 0 ? sections.join('\n\n---\n\n') : undefined;
}

/** A hover with the rules' docs on top of what it already says (or alone). */
export function withRuleDocs(hover: Hover | null, ruleDocs: string | undefined, range: Range): Hover | null {
  if (!ruleDocs) return hover;
  if (!hover) return { contents: { kind: MarkupKind.Markdown, value: ruleDocs }, range };
  const existing = MarkupContent.is(hover.contents) ? hover.contents.value : '';
  return { ...hover, contents: { kind: MarkupKind.Markdown, value: existing ? `${ruleDocs}\n\n---\n\n${existing}` : ruleDocs } };
}
