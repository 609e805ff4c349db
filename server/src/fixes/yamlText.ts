import { stringify } from 'yaml';
import type { Range } from '../model/manifestFile';
import { offsetAt } from './documentEdits';
import type { TextEdit } from './textEdit';
import { indentUnitOf, sequenceIndentOf } from './yamlEdits';

// YAML text for fixes computed from the workspace index, which has values but no YAML nodes: new objects in
// the file's own indentation, scalars quoted only where YAML would read them as something else, and names
// renamed in their own quotes.

/** A string as a YAML scalar: plain when that reads back as the same string (`web`), quoted otherwise (`"1"`, `"true"`). */
export function yamlScalarText(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/**
 * A new object's YAML lines (without `---`), for `appendDocument`: keys in the order given, indented like
 * the file it goes into (its indentation unit, and whether it indents sequence dashes under their key).
 */
export function newDocumentLines(fileText: string, object: Record<string, unknown>): string[] {
  const text = stringify(object, { indent: indentUnitOf(fileText), indentSeq: sequenceIndentOf(fileText) > 0, lineWidth: 0 });
  return text.trimEnd().split('\n');
}

/** Replaces the scalar written at `range` with another string, in the same quotes when it was quoted. */
export function renameScalar(text: string, range: Range, value: string): TextEdit {
  const start = offsetAt(text, range.start);
  const end = offsetAt(text, range.end);
  const quote = text[start];
  const newText = (quote === '"' || quote === "'") && text[end - 1] === quote ? `${quote}${value}${quote}` : yamlScalarText(value);
  return { start, end, newText };
}
