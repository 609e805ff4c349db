// Hover and completion that teach: the guide's knowledge first, then the Kubernetes API's field docs.
import { isScalar } from 'yaml';
import {
  CompletionItemKind,
  CompletionItemTag,
  CompletionList,
  MarkupKind,
  type CompletionItem,
  type Hover,
  type MarkupContent,
  type Position,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { apiLifecycleLines } from '../knowledge/apiLifecycle';
import { NEWEST_AKS_KUBERNETES_VERSION } from '../knowledge/kubernetesVersions';
import { findKnowledge, knownValues } from '../knowledge/lookup';
import type { KnowledgeEntry } from '../knowledge/types';
import { documentAtOffset, type ManifestFile } from '../model/manifestFile';
import { locateOffset, type YamlPath } from '../model/yamlPath';
import type { FieldDescription } from '../schema/schemaIndex';
import { fieldHoverMarkdown, type SchemaService } from './schemaService';

/** The knowledge and field docs for the symbol at a position, as the hover and the guide topic view show it. */
export interface GuideTopic {
  title: string;
  markdown: string;
}

/** What a document's hover and completion depend on besides its text. */
export interface DocumentOptions {
  /** The Kubernetes version the document targets: the hover on an apiVersion judges against it. */
  kubernetesVersion: string;
  /** False where another extension already shows the schema's field docs and completion (Red Hat YAML). */
  schemaFields: boolean;
}

const DEFAULT_DOCUMENT_OPTIONS: DocumentOptions = { kubernetesVersion: NEWEST_AKS_KUBERNETES_VERSION, schemaFields: true };

export interface HoverService {
  hover(document: TextDocument, file: ManifestFile, position: Position, options?: DocumentOptions): Promise<Hover | null>;
  complete(document: TextDocument, file: ManifestFile, position: Position, options?: DocumentOptions): Promise<CompletionList>;
  /** The full topic for the symbol at a position, or null when neither the guide nor the schema knows it. */
  topic(file: ManifestFile, position: Position, options?: DocumentOptions): GuideTopic | null;
}

/** What sits under the cursor, in the terms the knowledge and the schema are looked up by. */
interface HoverTarget {
  entry?: KnowledgeEntry;
  field?: FieldDescription;
  /** On an apiVersion value: when Kubernetes deprecated or removed it, judged against the target version. */
  lifecycle?: string[];
  path: YamlPath;
  range: ReturnType<ManifestFile['rangeOf']>;
}

export function createHoverService(schema: SchemaService): HoverService {
  const targetAt = (file: ManifestFile, position: Position, options: DocumentOptions): HoverTarget | undefined => {
    const offset = file.offsetAt(position);
    const object = documentAtOffset(file, offset);
    if (!object?.object) return undefined;
    const location = locateOffset(object.yaml.contents, offset);
    if (!location || location.path.length === 0) return undefined;
    const { apiVersion, kind } = object.object;
    const scalar = !location.onKey && isScalar(location.node) && location.node.value !== null ? String(location.node.value) : undefined;
    const entry = findKnowledge({ apiVersion, kind, path: location.path, onKey: location.onKey, value: scalar });
    // On the object's own `kind:` value the knowledge says everything; the generic "kind is a string" adds nothing.
    const onKindValue = !location.onKey && location.path.length === 1 && location.path[0] === 'kind';
    const field = onKindValue || !options.schemaFields ? undefined : schema.describeField(apiVersion, kind, location.path);
    const onApiVersionValue = !location.onKey && location.path.length === 1 && location.path[0] === 'apiVersion';
    const lifecycle = onApiVersionValue ? apiLifecycleLines(apiVersion, kind, options.kubernetesVersion) : [];
    if (!entry && !field && lifecycle.length === 0) return undefined;
    return { entry, field, lifecycle, path: location.path, range: file.rangeOf(location.node) };
  };

  return {
    async hover(document, file, position, options = DEFAULT_DOCUMENT_OPTIONS) {
      const target = targetAt(file, position, options);
      if (!target) return options.schemaFields ? schema.hover(document, file, position) : null;
      const value = hoverMarkdown(target);
      return { contents: { kind: MarkupKind.Markdown, value }, range: target.range };
    },

    async complete(document, file, position, options = DEFAULT_DOCUMENT_OPTIONS) {
      const list = options.schemaFields ? await schema.complete(document, file, position) : CompletionList.create([], false);
      const context = completionContext(file, position);
      if (!context) return list;
      if (context.onValue) addKnownValues(list, context.kind, context.path);
      else documentKeys(list, context.apiVersion, context.kind, context.path);
      return list;
    },

    topic(file, position, options = DEFAULT_DOCUMENT_OPTIONS) {
      const target = targetAt(file, position, options);
      if (!target) return null;
      const name = target.entry?.title ?? String(target.path.filter((s) => typeof s === 'string').pop() ?? '');
      return { title: name, markdown: hoverMarkdown(target, { full: true }) };
    },
  };
}

/**
 * The hover: the entry's one-line summary on top, what changed since the guide, then the details, the field's
 * API docs, and last where it comes from. Knowledge texts are ours; user text only reaches the Markdown
 * through `fieldHoverMarkdown`, which escapes it.
 */
function hoverMarkdown({ entry, field, lifecycle, path }: HoverTarget, options: { full?: boolean } = {}): string {
  const sections: string[] = [];
  if (lifecycle && lifecycle.length > 0) sections.push(lifecycle.join('\n\n'));
  if (entry) sections.push(knowledgeMarkdown(entry, options));
  if (field) sections.push(fieldHoverMarkdown(path, field));
  if (entry) sections.push(sourceMarkdown(entry));
  return sections.join('\n\n---\n\n');
}

/** An entry as Markdown: summary, correction, details, best practice and AKS notes. */
export function knowledgeMarkdown(entry: KnowledgeEntry, options: { full?: boolean } = {}): string {
  const lines = [`${options.full ? '## ' : ''}**${entry.title}** — ${entry.summary}`];
  if (entry.correction) lines.push(`⚠️ **Changed since the guide:** ${entry.correction}`);
  if (entry.details) lines.push(entry.details);
  if (entry.bestPractice) lines.push(`**Best practice:** ${entry.bestPractice}`);
  if (entry.aks) lines.push(`**On AKS:** ${entry.aks}`);
  return lines.join('\n\n');
}

function sourceMarkdown(entry: KnowledgeEntry): string {
  const links = entry.links.map((l) => `[${l.title}](${l.url})`).join(' · ');
  return `Guide: *${entry.guideSection}*${links ? ` · ${links}` : ''}`;
}

/** Short documentation for a completion item: the knowledge without the schema part. */
function completionDocumentation(entry: KnowledgeEntry, existing?: CompletionItem['documentation']): MarkupContent {
  const schemaText = typeof existing === 'string' ? existing : existing?.value;
  const parts = [knowledgeMarkdown(entry), sourceMarkdown(entry)];
  if (schemaText) parts.splice(1, 0, schemaText);
  return { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') };
}

function addKnownValues(list: CompletionList, kind: string, path: YamlPath): void {
  let values = knownValues(kind, path);
  // A list field (`accessModes:`) completes its items' values.
  if (values.length === 0) values = knownValues(kind, [...path, 0]);
  const byLabel = new Map(list.items.map((item) => [item.label, item]));
  values.forEach(({ value, entry }, index) => {
    const existing = byLabel.get(value);
    if (existing) {
      existing.documentation = completionDocumentation(entry, existing.documentation);
      return;
    }
    const item: CompletionItem = {
      label: value,
      kind: CompletionItemKind.Value,
      detail: entry.deprecated ? 'legacy — see the note' : 'Kube Guide',
      documentation: completionDocumentation(entry),
      // Ahead of generic schema suggestions, in the order the knowledge lists them.
      sortText: `0_${String(index).padStart(3, '0')}`,
      insertText: value,
    };
    if (entry.deprecated) item.tags = [CompletionItemTag.Deprecated];
    list.items.push(item);
  });
}

function documentKeys(list: CompletionList, apiVersion: string, kind: string, parentPath: YamlPath): void {
  for (const item of list.items) {
    const entry = findKnowledge({ apiVersion, kind, path: [...parentPath, item.label], onKey: true });
    if (entry) item.documentation = completionDocumentation(entry, item.documentation);
  }
}

interface CompletionContext {
  apiVersion: string;
  kind: string;
  /** On a value: the field's path. On a key: the path of the mapping the new key goes into. */
  path: YamlPath;
  onValue: boolean;
}

const KEY_LINE = /^(\s*(?:-\s+)*)([^\s:#'"][^:#]*?):(?:\s+(.*))?$/;

/**
 * Where a completion is asked for, from the text of the line: after `field: ` a value; on a line of its own a
 * key (or a list item's value under `field:`). The YAML there is often incomplete, so the path comes from the
 * nearest key that parsed: the field's own key, a sibling key at the same column, or the parent key.
 */
function completionContext(file: ManifestFile, position: Position): CompletionContext | undefined {
  const lineStart = file.offsetAt({ line: position.line, character: 0 });
  const document = documentAtOffset(file, lineStart);
  if (!document?.object) return undefined;
  const { apiVersion, kind } = document.object;
  const root = document.yaml.contents;
  const before = file.text.slice(lineStart, file.offsetAt(position));
  const pathOfKeyAt = (offset: number): YamlPath | undefined => {
    const location = locateOffset(root, offset);
    return location?.onKey ? location.path : undefined;
  };

  const valueLine = KEY_LINE.exec(before);
  if (valueLine && valueLine[3] !== undefined) {
    const path = pathOfKeyAt(lineStart + valueLine[1].length);
    return path ? { apiVersion, kind, path, onValue: true } : undefined;
  }
  const keyLine = /^(\s*)(-\s+)?([^\s:#]*)$/.exec(before);
  if (!keyLine) return undefined;
  const column = keyLine[1].length + (keyLine[2]?.length ?? 0);
  const lines = file.text.slice(document.offsets[0], lineStart).split('\n');
  let offset = lineStart;
  for (let index = lines.length - 2, scanned = 0; index >= 0 && scanned < 500; index--, scanned++) {
    const text = lines[index];
    offset -= text.length + 1;
    if (text.trim() === '' || text.trim().startsWith('#')) continue;
    const key = KEY_LINE.exec(text);
    const keyColumn = key ? key[1].length : text.length - text.trimStart().length;
    if (keyColumn > column) continue;
    if (!key) return undefined;
    const path = pathOfKeyAt(offset + keyColumn);
    if (!path) return undefined;
    if (keyColumn === column && !keyLine[2]) return { apiVersion, kind, path: path.slice(0, -1), onValue: false };
    if (keyColumn < column) {
      // `- ` under `field:` starts a list item: its value completes like the field's items.
      if (keyLine[2] && !keyLine[3].includes(':')) return { apiVersion, kind, path, onValue: true };
      return { apiVersion, kind, path, onValue: false };
    }
  }
  return undefined;
}
