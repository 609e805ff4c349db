import type { Position } from './manifestFile';

// Lines as the editor counts them (LSP's rules): a line ends at CRLF, LF or a lone CR. Shared by the parsed
// file and by fixes computed from the index's positions, so both agree on every line break.

/** The offset each line starts at; the first is 0. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  const lineBreak = /\r\n?|\n/g;
  for (let found = lineBreak.exec(text); found; found = lineBreak.exec(text)) starts.push(found.index + found[0].length);
  return starts;
}

/** The offset of a position; a character past its line's end stops at the next line's start, a line past the end at the text's end. */
export function offsetOfPosition(lineStarts: readonly number[], textLength: number, position: Position): number {
  const lineStart = lineStarts[position.line];
  if (lineStart === undefined) return textLength;
  const nextLineStart = lineStarts[position.line + 1] ?? textLength;
  return Math.min(lineStart + position.character, nextLineStart);
}
