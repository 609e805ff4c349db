import type { Range } from '../model/manifestFile';
import type { RuleMeta, Severity } from '../rules/rule';

/** One finding of one file, with everything a formatter prints. Ranges are 0-based, end exclusive (as LSP). */
export interface LintMessage {
  /** A rule id, or a schema code such as `schema-unknown-field`. */
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  fix?: { title: string; edits: Array<{ range: Range; text: string }> };
}

/** The findings of one checked manifest file. */
export interface FileResult {
  /** As the user should read it: relative to the working folder, with forward slashes; `<stdin>` for standard input. */
  displayPath: string;
  messages: LintMessage[];
}

/** A file or path that could not be checked, or a config file that could not be used. Makes the exit code 2. */
export interface RunProblem {
  path: string;
  problem: string;
}

/** Everything a run found, handed to a formatter. */
export interface LintReport {
  results: FileResult[];
  problems: RunProblem[];
}

/** What formatters know besides the report. */
export interface FormatContext {
  /** The working folder: SARIF artifact locations are relative to it. */
  cwd: string;
  /** Every rule's metadata, for SARIF's rule descriptors. */
  rules: readonly RuleMeta[];
  toolVersion: string;
  /** Colour the output (stylish only): on a terminal, unless NO_COLOR says otherwise. */
  color: boolean;
}

export type Formatter = (report: LintReport, context: FormatContext) => string;

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
  hint: number;
  fixable: number;
}

export function countMessages(messages: readonly LintMessage[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0, hint: 0, fixable: 0 };
  for (const message of messages) {
    counts[message.severity]++;
    if (message.fix) counts.fixable++;
  }
  return counts;
}

/** 1-based line and column of a 0-based position, as editors and CI annotations count. */
export function oneBased(position: Range['start']): { line: number; column: number } {
  return { line: position.line + 1, column: position.character + 1 };
}
