import { isMap, isScalar, parseAllDocuments, type Node as YamlNode, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { TextEdit } from './textEdit';

// Edits computed from the parsed nodes' offsets, so everything outside the edited lines — comments,
// key order, quoting, indentation — stays exactly as the user wrote it.

/** The offset where the line holding `offset` starts. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset of the end of the line holding `offset` (before its line break). */
export function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  const end = newline < 0 ? text.length : newline;
  return text[end - 1] === '\r' ? end - 1 : end;
}

/** The line break the file uses. */
export function lineBreakOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The column a node starts at. */
export function columnOf(text: string, node: YamlNode): number {
  const start = node.range?.[0] ?? 0;
  return start - lineStart(text, start);
}

/** How many spaces the file indents a nested mapping by (2 when it has none to learn from). */
export function indentUnitOf(text: string): number {
  const match = /^[^\s#-][^\n]*:[ \t]*\r?\n( +)[^\s-]/m.exec(text);
  return match ? match[1].length : 2;
}

/** The pair for `key` in a mapping, if present. */
export function pairOf(map: YAMLMap, key: string): Pair<YamlNode, YamlNode | null> | undefined {
  return (map.items as Pair<YamlNode, YamlNode | null>[]).find((pair) => isScalar(pair.key) && pair.key.value === key);
}

/** The offset just after the last character of a pair's content (its value, or its key when empty). */
function pairContentEnd(pair: Pair<YamlNode, YamlNode | null>): number {
  return (pair.value?.range ?? pair.key.range)?.[1] ?? 0;
}

/**
 * `end` moved back over trailing white space. A block collection followed by a comment line ends where the
 * next token starts, after that token's indentation: without this, "the line where it ends" would be the
 * next key's line, and an insertion would land under that key instead.
 */
function trimmedEnd(text: string, end: number): number {
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}

/**
 * Adds lines at the end of a mapping, each indented like the mapping's keys. Lines are given relative
 * to that indentation (nested lines carry their own extra spaces). An empty flow mapping (`{}`) is
 * turned into a block under its key, indented one unit deeper than `parentColumn`.
 */
export function appendToMap(text: string, map: YAMLMap, lines: string[], parentColumn = 0): TextEdit | undefined {
  const lineBreak = lineBreakOf(text);
  if (map.flow) {
    if (map.items.length > 0 || !map.range) return undefined;
    const indent = ' '.repeat(parentColumn + indentUnitOf(text));
    // Take the spaces between the key's colon and `{}` too, so no trailing blank is left behind.
    let start = map.range[0];
    while (text[start - 1] === ' ') start--;
    const edit = { start, end: map.range[1], newText: lines.map((line) => lineBreak + indent + line).join('') };
    // A block is only valid where its key is in block style, not inside another flow collection
    // (`{spec: {}}`, on one line or several): there, no fix rather than a broken file.
    const edited = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
    return parseAllDocuments(edited).some((document) => document.errors.length > 0) ? undefined : edit;
  }
  if (hasComplexKeys(map)) return undefined;
  const last = map.items[map.items.length - 1] as Pair<YamlNode, YamlNode | null> | undefined;
  // A key left empty (`: 3`) has no place in the text: the other keys tell the indentation.
  const keyed = [...map.items].reverse().find(isWrittenKey);
  if (!last || !keyed) return undefined;
  const indent = ' '.repeat(columnOf(text, keyed.key as YamlNode));
  const at = lineEnd(text, Math.max(trimmedEnd(text, pairContentEnd(last)) - 1, 0));
  return { start: at, end: at, newText: lines.map((line) => lineBreak + indent + line).join('') };
}

/** True when some key of the mapping is itself a mapping or a list (`? requests: ...`). */
function hasComplexKeys(map: YAMLMap): boolean {
  return map.items.some((pair) => pair.key !== null && !isScalar(pair.key));
}

/** True when the pair's key is written out: an empty key (`: 3`) is placed at the end of the line before. */
function isWrittenKey(pair: Pair<unknown, unknown>): boolean {
  const range = (pair.key as YamlNode | null)?.range;
  return !!range && range[1] > range[0];
}

/** Removes a block mapping's pair, with its whole lines (the nested value and any comment on them). */
export function removePair(text: string, pair: Pair<YamlNode, YamlNode | null>): TextEdit {
  const start = lineStart(text, pair.key.range?.[0] ?? 0);
  const endOfContent = lineEnd(text, Math.max(trimmedEnd(text, pairContentEnd(pair)) - 1, 0));
  const end = text.indexOf('\n', endOfContent) < 0 ? text.length : text.indexOf('\n', endOfContent) + 1;
  return { start, end, newText: '' };
}

/** The text of a pair's lines, re-indented so its key sits at `column`. */
export function pairTextAt(text: string, pair: Pair<YamlNode, YamlNode | null>, column: number): string[] {
  const { start, end } = removePair(text, pair);
  const shift = column - columnOf(text, pair.key);
  return text
    .slice(start, end)
    .replace(/\r?\n$/, '')
    .split(/\r?\n/)
    .map((line) => (shift >= 0 ? ' '.repeat(shift) + line : line.slice(Math.min(-shift, line.length - line.trimStart().length))))
    .map((line) => line.slice(column));
}

/** Replaces a scalar's text (quotes included) with `newText`. */
export function replaceNode(node: YamlNode, newText: string): TextEdit {
  const [start, end] = node.range ?? [0, 0];
  return { start, end, newText };
}


/** Fields to add under a mapping: a value's text, or nested fields. */
export interface FieldTree {
  [key: string]: string | FieldTree;
}

function renderTree(tree: FieldTree, unit: number): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${key}: ${value}`] : [`${key}:`, ...renderTree(value, unit).map((line) => ' '.repeat(unit) + line)],
  );
}

/**
 * Adds the fields of `tree` that a block mapping lacks, descending into nested mappings it already has,
 * so existing values are never touched. `column` is where the mapping's own key sits (for `{}` values).
 */
export function addMissingFields(text: string, map: YAMLMap, tree: FieldTree, column: number): TextEdit[] {
  // With `? key` entries a field we look for may be written inside a key: leave such a mapping alone.
  if (hasComplexKeys(map)) return [];
  const unit = indentUnitOf(text);
  const missing: FieldTree = {};
  const edits: TextEdit[] = [];
  for (const [key, value] of Object.entries(tree)) {
    const pair = pairOf(map, key);
    if (!pair) {
      missing[key] = value;
    } else if (typeof value !== 'string') {
      const keyColumn = columnOf(text, pair.key);
      if (pair.value === null || (isScalar(pair.value) && (pair.value.value === null || pair.value.value === ''))) {
        // `resources:` with nothing after it: write the nested fields under the key.
        const at = lineEnd(text, pair.key.range?.[1] ?? 0);
        const indent = ' '.repeat(keyColumn + unit);
        edits.push({ start: at, end: at, newText: renderTree(value, unit).map((line) => lineBreakOf(text) + indent + line).join('') });
      } else if (isMap(pair.value)) {
        edits.push(...addMissingFields(text, pair.value, value, keyColumn));
      }
    }
  }
  if (Object.keys(missing).length > 0) {
    const edit = appendToMap(text, map, renderTree(missing, unit), column);
    if (edit) edits.push(edit);
  }
  return edits;
}

/** The column of a block mapping's keys (0 for an empty or flow mapping written at the line start). */
export function keyColumnOf(text: string, map: YAMLMap): number {
  const first = map.items.find(isWrittenKey)?.key as YamlNode | undefined;
  return first ? columnOf(text, first) : columnOf(text, map);
}

/**
 * Makes the scalar at `path` under `map` read `valueText`: replaces the value when it is there, or adds
 * the missing mappings and field (through `addMissingFields`). Returns no edits when something in the
 * way is not a mapping (a flow mapping with content, a list, a scalar), so no fix is offered then.
 */
export function setScalarAt(text: string, map: YAMLMap, path: string[], valueText: string): TextEdit[] {
  let current: YAMLMap = map;
  for (let depth = 0; depth < path.length; depth++) {
    const pair = pairOf(current, path[depth]);
    const value = pair?.value;
    if (depth === path.length - 1 && pair && isScalar(value) && value.value !== null && value.value !== '') {
      return [replaceNode(value, valueText)];
    }
    if (!pair || !isMap(value)) {
      const tree: FieldTree = {};
      let branch = tree;
      path.forEach((key, index) => {
        if (index === path.length - 1) branch[key] = valueText;
        else branch = branch[key] = {};
      });
      // Start from the outermost mapping so `addMissingFields` sees which levels exist.
      return addMissingFields(text, map, tree, keyColumnOf(text, map));
    }
    current = value;
  }
  return [];
}

/**
 * Removes one item of a sequence: its whole lines in a block sequence, the item and a comma in a flow one.
 * `alsoRemoved` lists the other items removed by edits applied together, so flow edits never overlap.
 */
export function removeSeqItem(
  text: string,
  seq: { flow?: boolean; items: unknown[] },
  index: number,
  alsoRemoved: ReadonlySet<number> = new Set(),
): TextEdit | undefined {
  const item = seq.items[index] as YamlNode | undefined;
  if (!item?.range) return undefined;
  if (!seq.flow) {
    const start = lineStart(text, item.range[0]);
    const endOfContent = lineEnd(text, Math.max(trimmedEnd(text, item.range[1]) - 1, item.range[0]));
    const newline = text.indexOf('\n', endOfContent);
    return { start, end: newline < 0 ? text.length : newline + 1, newText: '' };
  }
  const next = seq.items[index + 1] as YamlNode | undefined;
  const previous = seq.items[index - 1] as YamlNode | undefined;
  if (next?.range) return { start: item.range[0], end: next.range[0], newText: '' };
  if (previous?.range && !alsoRemoved.has(index - 1)) return { start: previous.range[1], end: item.range[1], newText: '' };
  return { start: item.range[0], end: item.range[1], newText: '' };
}

/**
 * Adds lines at the top of a block mapping, before its first key, indented like that key. Used where
 * a field reads best first (`replicas` at the top of a Deployment's spec).
 */
export function prependToMap(text: string, map: YAMLMap, lines: string[]): TextEdit | undefined {
  if (map.flow) return undefined;
  const first = map.items[0] as Pair<YamlNode, YamlNode | null> | undefined;
  const keyStart = first?.key.range?.[0];
  if (keyStart === undefined) return undefined;
  const start = lineStart(text, keyStart);
  // A key on the line of a `- ` sequence dash cannot be preceded by a whole line.
  if (text.slice(start, keyStart).trim() !== '') return undefined;
  const indent = ' '.repeat(keyStart - start);
  return { start, end: start, newText: lines.map((line) => indent + line + lineBreakOf(text)).join('') };
}

/**
 * How far the file indents a block sequence's dashes past their parent key: 0 for the kubectl style
 * (`containers:` / `- name:` at the same column), else its indentation unit.
 */
export function sequenceIndentOf(text: string): number {
  const match = /^( *)[^\s#-][^\n]*:[ \t]*\r?\n( *)- /m.exec(text);
  return match ? Math.max(match[2].length - match[1].length, 0) : indentUnitOf(text);
}

/** One sequence item's lines (`- ` before the first), relative to the column of the sequence's key. */
export function sequenceItemLines(text: string, itemLines: string[]): string[] {
  const dash = ' '.repeat(sequenceIndentOf(text));
  return itemLines.map((line, index) => (index === 0 ? `${dash}- ${line}` : `${dash}  ${line}`));
}

/** Adds an item at the end of a non-empty block sequence, its dash in the column of the others. */
export function appendToSeq(text: string, seq: YAMLSeq, itemLines: string[]): TextEdit | undefined {
  const first = seq.items[0] as YamlNode | undefined;
  const last = seq.items[seq.items.length - 1] as YamlNode | undefined;
  if (seq.flow || !first?.range || !last?.range) return undefined;
  let dash = first.range[0] - 1;
  while (text[dash] === ' ') dash--;
  if (text[dash] !== '-') return undefined;
  const dashColumn = dash - lineStart(text, dash);
  const itemColumn = first.range[0] - lineStart(text, first.range[0]);
  const at = lineEnd(text, Math.max(trimmedEnd(text, last.range[1]) - 1, 0));
  const lines = itemLines.map((line, index) =>
    index === 0 ? ' '.repeat(dashColumn) + text.slice(dash, first.range![0]) + line : ' '.repeat(itemColumn) + line,
  );
  return { start: at, end: at, newText: lines.map((line) => lineBreakOf(text) + line).join('') };
}

/**
 * Replaces the first occurrence of `search` inside a scalar's source text, so its quotes and style stay.
 * Undefined when the source does not contain it literally (an escape sequence, a folded line).
 */
export function replaceInScalar(text: string, node: YamlNode, search: string, replacement: string): TextEdit | undefined {
  const [start, end] = node.range ?? [0, 0];
  const at = text.slice(start, end).indexOf(search);
  return at < 0 ? undefined : { start: start + at, end: start + at + search.length, newText: replacement };
}

/**
 * Adds lines right after a block mapping's pair (after its nested value, if any), indented like its key,
 * so a related field can sit beside the one it belongs with. Undefined for a pair of a flow mapping.
 */
export function insertAfterPair(text: string, map: YAMLMap, pair: Pair<YamlNode, YamlNode | null>, lines: string[]): TextEdit | undefined {
  if (map.flow || !pair.key.range) return undefined;
  const indent = ' '.repeat(columnOf(text, pair.key));
  const at = lineEnd(text, Math.max(trimmedEnd(text, pairContentEnd(pair)) - 1, 0));
  return { start: at, end: at, newText: lines.map((line) => lineBreakOf(text) + indent + line).join('') };
}
