import { parseAllDocuments } from 'yaml';
import type { Position, Range } from '../model/manifestFile';
import { lineStartsOf, offsetOfPosition } from '../model/textPositions';
import { YAML_PARSE_OPTIONS } from '../model/yamlStream';
import type { TextEdit } from './textEdit';
import { lineBreakOf } from './yamlEdits';

// Edits for fixes computed from the workspace index, which keeps positions (line, character) rather than a
// YAML tree: they turn positions back into offsets, and add whole documents to a file.

/** The offset of a position in a text, with LSP's line breaks (CRLF, LF, lone CR). */
export function offsetAt(text: string, position: Position): number {
  return offsetOfPosition(lineStartsOf(text), text.length, position);
}

/** Replaces the text of a range. */
export function replaceRange(text: string, range: Range, newText: string): TextEdit {
  return { start: offsetAt(text, range.start), end: offsetAt(text, range.end), newText };
}

/** Removes the whole line a range starts on (a `replicas: 3` line), with its line break. */
export function removeLineAt(text: string, range: Range): TextEdit {
  const start = offsetAt(text, { line: range.start.line, character: 0 });
  const end = offsetAt(text, { line: range.start.line + 1, character: 0 });
  return { start, end, newText: '' };
}

/**
 * Adds a new YAML document (given as lines, without `---`) at the end of a file. Undefined when the file
 * does not parse cleanly: text added after broken YAML (an unclosed quote or bracket) can become part of it.
 */
export function appendDocument(text: string, lines: readonly string[]): TextEdit | undefined {
  if (parseAllDocuments(text, { ...YAML_PARSE_OPTIONS, uniqueKeys: false }).some((document) => document.errors.length > 0)) return undefined;
  const lineBreak = lineBreakOf(text);
  const endsWithBreak = text.length === 0 || /[\r\n]$/.test(text);
  const body = ['---', ...lines].join(lineBreak) + lineBreak;
  return { start: text.length, end: text.length, newText: (endsWithBreak ? '' : lineBreak) + body };
}
