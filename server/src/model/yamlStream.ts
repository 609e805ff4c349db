import { isCollection, isNode, isPair, parseAllDocuments, type Document } from 'yaml';

// A keystroke changes one document of a file. Parsing the file part by part, where a part runs from one
// `---` line to the next, lets an edit re-parse only the part it touched and reuse the others' trees.
// Every result must equal a parse of the whole text (same trees, ranges and errors), so a part is only
// parsed or reused on its own when that is known to give the same answer; otherwise the rest of the text
// is parsed in one go. test/unit/yamlStream.test.ts checks this against whole parses of random edits.

/**
 * How every manifest is parsed. These are yaml-language-server's choices (lenient, duplicate keys
 * reported), so its schema check can take our trees instead of parsing the text again
 * (services/sharedParse.ts). Errors keep plain messages: positions come from their offsets.
 */
export const YAML_PARSE_OPTIONS = { strict: false, uniqueKeys: true, prettyErrors: false, keepSourceTokens: false } as const;

/** A text's YAML documents, and where each document's part of the text starts, when parts apply. */
export interface YamlStream {
  documents: Document.Parsed[];
  /** One start offset per document; a part ends where the next begins. Absent when the text cannot be split. */
  partStarts?: number[];
}

/** The stream of an earlier version of the same file, whose unchanged parts can be reused. */
export interface PreviousStream {
  text: string;
  documents: readonly Document.Parsed[];
  partStarts?: readonly number[];
}

/**
 * Parses every document of a YAML text. With the stream of an earlier version, documents whose part of
 * the text is unchanged are reused (moved to their new offsets) and only the other parts are parsed.
 */
export function parseYamlStream(text: string, previous?: PreviousStream): YamlStream {
  const starts = partStartsOf(text);
  if (!starts) return { documents: parseWhole(text) };
  if (!previous?.partStarts) return alignedWithParts(parseWhole(text), starts, text.length);

  // Units of the earlier version whose documents can stand for the same text anywhere, by their text.
  // A broken document can hand lines to the next one (as comments before it): only a unit that follows a
  // clean one was parsed as it would be on its own.
  const reusable = new Map<string, Array<{ start: number; documents: Document.Parsed[] }>>();
  let afterCleanUnit = true;
  for (const unit of unitsOf(previous.text, previous.partStarts)) {
    const documents = previous.documents.slice(unit.firstPart, unit.firstPart + unit.parts);
    const clean = documents.length === unit.parts && documents.every(isSelfContained);
    if (clean && afterCleanUnit) {
      const unitText = previous.text.slice(unit.start, unit.end);
      reusable.set(unitText, [...(reusable.get(unitText) ?? []), { start: unit.start, documents }]);
    }
    afterCleanUnit = clean;
  }

  const documents: Document.Parsed[] = [];
  for (const unit of unitsOf(text, starts)) {
    const unitText = text.slice(unit.start, unit.end);
    const known = reusable.get(unitText)?.shift();
    const moved = known && movedCopies(known.documents, unit.start - known.start);
    if (moved) {
      documents.push(...moved);
      continue;
    }
    const parsed = parseWhole(unitText);
    const partStarts = starts.slice(unit.firstPart, unit.firstPart + unit.parts).map((start) => start - unit.start);
    // The last unit is the rest of the text: errors or not, its parse is the whole parse's.
    const independent = unit.end === text.length || parsed.every(isSelfContained);
    if (independent && alignedWithParts(parsed, partStarts, unitText.length).partStarts) {
      documents.push(...parsed.map((document) => shiftInPlace(document, unit.start)));
      continue;
    }
    // A part with errors may read past its end (an unclosed quote looks for its closing quote further on),
    // as it would in a parse of the whole text: parse the rest of the text in one go.
    const rest = parseWhole(text.slice(unit.start)).map((document) => shiftInPlace(document, unit.start));
    if (!alignedWithParts(rest, starts.slice(unit.firstPart).map((start) => start - unit.start), text.length - unit.start).partStarts) {
      return alignedWithParts(parseWhole(text), starts, text.length);
    }
    documents.push(...rest);
    break;
  }
  return { documents, partStarts: starts };
}

/**
 * Parts parsed together. Blank and comment lines between a document and the next `---` can belong to
 * either document (yaml decides by layout), so a part that ends with them is parsed with the next part.
 */
function unitsOf(text: string, starts: readonly number[]): Array<{ start: number; end: number; firstPart: number; parts: number }> {
  const units: Array<{ start: number; end: number; firstPart: number; parts: number }> = [];
  let first = 0;
  for (let index = 0; index < starts.length; index++) {
    const end = starts[index + 1] ?? text.length;
    if (end < text.length && !endsWithContent(text, starts[index], end)) continue;
    units.push({ start: starts[first], end, firstPart: first, parts: index - first + 1 });
    first = index + 1;
  }
  return units;
}

/** True when the last line of text[start, end) holds content, not only blanks or a comment. */
function endsWithContent(text: string, start: number, end: number): boolean {
  const lineEnd = text[end - 1] === '\n' ? end - 1 : end;
  const line = text.slice(Math.max(start, text.lastIndexOf('\n', lineEnd - 1) + 1), lineEnd).trim();
  return line !== '' && !line.startsWith('#');
}

/**
 * Where the parts of a text start: at 0, and at every line that starts a document (`---` then a space or
 * the line's end). A first part that holds only comments belongs to the first document, as in yaml.
 * Undefined for texts with directives (`%YAML`) or end markers (`...`), which tie documents together.
 */
export function partStartsOf(text: string): number[] | undefined {
  const starts = [0];
  for (let lineStart = 0; lineStart < text.length; ) {
    const first = text[lineStart];
    if (first === '%' || (first === '.' && isMarkerAt(text, lineStart, '...'))) return undefined;
    if (first === '-' && lineStart > 0 && isMarkerAt(text, lineStart, '---')) starts.push(lineStart);
    const lineBreak = text.indexOf('\n', lineStart);
    if (lineBreak === -1) break;
    lineStart = lineBreak + 1;
  }
  if (starts.length > 1 && !hasContent(text, 0, starts[1])) starts.splice(1, 1);
  return starts;
}

function isMarkerAt(text: string, offset: number, marker: string): boolean {
  if (!text.startsWith(marker, offset)) return false;
  const next = text[offset + 3];
  return next === undefined || next === ' ' || next === '\t' || next === '\n' || next === '\r';
}

/** True when some line of text[start, end) holds more than blanks and comments. */
function hasContent(text: string, start: number, end: number): boolean {
  return /^[ \t\r\uFEFF]*[^ \t\r\n\uFEFF#]/m.test(text.slice(start, end));
}

/** The documents with their parts, when there is exactly one document inside each part. */
function alignedWithParts(documents: Document.Parsed[], starts: number[], length: number): YamlStream {
  const aligned =
    documents.length === starts.length &&
    documents.every((document, index) => document.range[0] >= starts[index] && document.range[2] <= (starts[index + 1] ?? length));
  return aligned ? { documents, partStarts: starts } : { documents };
}

/** A document whose parse cannot depend on the text after it: no errors or warnings. */
function isSelfContained(document: Document.Parsed | undefined): document is Document.Parsed {
  return !!document && document.errors.length === 0 && document.warnings.length === 0;
}

/**
 * The `yaml` parser recurses on nesting inside one line (`a: - - - … x`, thousands deep) and can overflow
 * the stack. Such text is not a manifest anyone wrote: treat it as holding no documents rather than let
 * every service that parses it throw.
 */
function parseWhole(text: string): Document.Parsed[] {
  try {
    const parsed = parseAllDocuments(text, YAML_PARSE_OPTIONS);
    return Array.isArray(parsed) ? parsed : [];
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return [];
  }
}

type Range3 = [number, number, number];

/** Moves a freshly parsed document (nobody else holds it) by `delta` characters. */
function shiftInPlace(document: Document.Parsed, delta: number): Document.Parsed {
  if (delta === 0) return document;
  document.range = shift(document.range, delta);
  for (const problem of [...document.errors, ...document.warnings]) problem.pos = [problem.pos[0] + delta, problem.pos[1] + delta];
  const pending: unknown[] = [document.contents];
  while (pending.length > 0) {
    const value = pending.pop();
    if (isPair(value)) pending.push(value.key, value.value);
    else if (isNode(value)) {
      if (value.range) value.range = shift(value.range as Range3, delta);
      if (isCollection(value)) pending.push(...value.items);
    }
  }
  return document;
}

// yaml tells its classes apart by this registered symbol, a property that copying by assignment skips.
const NODE_TYPE = Symbol.for('yaml.node.type');

/**
 * The documents `delta` characters further on: copies, as the earlier version's file still holds them.
 * Undefined when a document nests too deeply to copy (the caller parses its text instead).
 */
function movedCopies(documents: readonly Document.Parsed[], delta: number): Document.Parsed[] | undefined {
  if (delta === 0) return [...documents];
  try {
    return documents.map((document) => shiftedCopy(document, delta));
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return undefined;
  }
}

/** Nodes are copied by assignment, several times faster than yaml's own clone(). */
function shiftedCopy(document: Document.Parsed, delta: number): Document.Parsed {
  const copy = copyObject(document);
  copy.range = shift(document.range, delta);
  copy.errors = [];
  copy.warnings = [];
  copy.contents = copyNode(document.contents, delta) as typeof document.contents;
  return copy;
}

function copyNode(value: unknown, delta: number): unknown {
  if (isPair(value)) {
    const pair = copyObject(value);
    pair.key = copyNode(value.key, delta);
    pair.value = copyNode(value.value, delta);
    return pair;
  }
  if (!isNode(value)) return value;
  const node = copyObject(value);
  if (value.range) node.range = shift(value.range as Range3, delta);
  if (isCollection(value)) {
    // A collection keeps its schema in a property that assignment does not copy either.
    Object.defineProperty(node, 'schema', { value: value.schema, configurable: true, enumerable: false, writable: true });
    (node as { items: unknown[] }).items = value.items.map((item) => copyNode(item, delta));
  }
  return node;
}

function copyObject<T extends object>(original: T): T {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(original) as object) as T, original);
  Object.defineProperty(copy, NODE_TYPE, { value: (original as Record<symbol, unknown>)[NODE_TYPE] });
  return copy;
}

function shift(range: Range3, delta: number): Range3 {
  return [range[0] + delta, range[1] + delta, range[2] + delta];
}
