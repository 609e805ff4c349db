import { isMap, isScalar, LineCounter, type Document, type Node as YamlNode } from 'yaml';
import { parseYamlStream } from './yamlStream';
import { lineStartsOf, offsetOfPosition } from './textPositions';

/** A zero-based line/character position, the same shape as LSP's `Position`. */
export interface Position {
  line: number;
  character: number;
}

/** A half-open range between two positions, the same shape as LSP's `Range`. */
export interface Range {
  start: Position;
  end: Position;
}

/** One YAML document of a file, with what it says about itself as a Kubernetes object. */
export interface ManifestDocument {
  /** Position of the document among the file's documents, from 0. */
  index: number;
  /** The parsed document; its nodes carry offsets into the file's text. */
  yaml: Document.Parsed;
  /** Offsets of the document's content in the file's text: [start, end). */
  offsets: [number, number];
  range: Range;
  /** The object's identity, present when the document is a Kubernetes object. */
  object?: KubernetesObjectIdentity;
  /** Why the document is not checked against the schema, when it is not (Helm template, not an object). */
  skipReason?: string;
}

export interface KubernetesObjectIdentity {
  apiVersion: string;
  kind: string;
  name?: string;
  namespace?: string;
  /** Ranges of the values of `apiVersion`, `kind` and `metadata.name`, for diagnostics and hovers. */
  apiVersionRange: Range;
  kindRange: Range;
  nameRange?: Range;
}

/** A YAML file parsed once, with every document located in the text. */
export interface ManifestFile {
  text: string;
  documents: ManifestDocument[];
  /** True when at least one document is a Kubernetes object: only such files get our diagnostics. */
  isManifest: boolean;
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
  rangeOf(node: YamlNode): Range;
  /** Where each document's part of the text starts (see yamlStream.ts), when the next version can reuse them. */
  partStarts?: readonly number[];
}

// Helm and other Go templates are not YAML until rendered: checking them would only produce noise.
const TEMPLATE_MARKER = /\{\{[\s\S]*?\}\}/;

/**
 * Parses every document of a YAML text and tells which of them are Kubernetes objects.
 * Detection is by content only (a mapping with scalar `apiVersion` and `kind`), never by file name.
 * Given the parse of an earlier version of the same file, only the documents an edit touched are parsed
 * again; the result is the same as without it.
 */
export function parseManifestFile(text: string, previous?: ManifestFile): ManifestFile {
  const { documents: yamlDocuments, partStarts } = parseYamlStream(
    text,
    previous && { text: previous.text, documents: previous.documents.map((document) => document.yaml), partStarts: previous.partStarts },
  );
  const lineStarts = lineStartsOf(text);
  const lineCounter = lineCounterOf(lineStarts);

  const positionAt = (offset: number): Position => {
    const clamped = Math.max(0, Math.min(offset, text.length));
    const { line, col } = lineCounter.linePos(clamped);
    return { line: line - 1, character: col - 1 };
  };
  const offsetAt = (position: Position): number => offsetOfPosition(lineStarts, text.length, position);
  const rangeOf = (node: YamlNode): Range => {
    const [start, valueEnd] = node.range ?? [0, 0];
    return { start: positionAt(start), end: positionAt(valueEnd) };
  };

  const documents = yamlDocuments.map((yaml, index): ManifestDocument => {
    const [start, , end] = yaml.range;
    const offsets: [number, number] = [start, end];
    const document: ManifestDocument = {
      index,
      yaml,
      offsets,
      range: { start: positionAt(start), end: positionAt(end) },
    };
    const object = identifyKubernetesObject(yaml, rangeOf);
    if (!object) {
      document.skipReason = 'not a Kubernetes object (no apiVersion and kind)';
    } else if (TEMPLATE_MARKER.test(text.slice(start, end))) {
      document.skipReason = 'contains template expressions ({{ }}); it is checked after rendering, not here';
    } else {
      document.object = object;
    }
    return document;
  });

  return {
    text,
    documents,
    isManifest: documents.some((document) => document.object !== undefined),
    positionAt,
    offsetAt,
    rangeOf,
    ...(partStarts ? { partStarts } : {}),
  };
}

/** The `yaml` parser's line counter, filled by the editor's rules: its own knows only LF, so one stray CR would shift every range after it by a line. */
function lineCounterOf(lineStarts: readonly number[]): LineCounter {
  const lineCounter = new LineCounter();
  for (const start of lineStarts) lineCounter.addNewLine(start);
  return lineCounter;
}

function identifyKubernetesObject(
  yaml: Document.Parsed,
  rangeOf: (node: YamlNode) => Range,
): KubernetesObjectIdentity | undefined {
  const root = yaml.contents;
  if (!isMap(root)) return undefined;
  const apiVersion = root.get('apiVersion', true);
  const kind = root.get('kind', true);
  if (!isScalar(apiVersion) || !isScalar(kind)) return undefined;
  if (typeof apiVersion.value !== 'string' || typeof kind.value !== 'string') return undefined;
  if (apiVersion.value === '' || kind.value === '') return undefined;

  const identity: KubernetesObjectIdentity = {
    apiVersion: apiVersion.value,
    kind: kind.value,
    apiVersionRange: rangeOf(apiVersion),
    kindRange: rangeOf(kind),
  };
  const metadata = root.get('metadata', true);
  if (isMap(metadata)) {
    const name = metadata.get('name', true);
    if (isScalar(name) && typeof name.value === 'string') {
      identity.name = name.value;
      identity.nameRange = rangeOf(name);
    }
    const namespace = metadata.get('namespace', true);
    if (isScalar(namespace) && typeof namespace.value === 'string') identity.namespace = namespace.value;
  }
  return identity;
}

/** The document whose text contains `offset`, if any. */
export function documentAtOffset(file: ManifestFile, offset: number): ManifestDocument | undefined {
  return file.documents.find((document) => offset >= document.offsets[0] && offset <= document.offsets[1]);
}
