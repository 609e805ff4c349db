// Finds the guide's knowledge for a place in a Kubernetes object: a kind, a field (by its path) or a value.
import type { YamlPath } from '../model/yamlPath';
import { AKS_VALUE_KNOWLEDGE } from './aksValues';
import { API_VERSION_KNOWLEDGE, KIND_KNOWLEDGE, OBJECT_FIELD_KNOWLEDGE } from './kinds';
import { NETWORKING_KNOWLEDGE } from './networking';
import { SECURITY_KNOWLEDGE } from './security';
import { STORAGE_KNOWLEDGE } from './storage';
import type { KnowledgeEntry } from './types';
import { WORKLOAD_FIELD_KNOWLEDGE } from './workloadFields';
import { podTemplatePathOf } from '../model/workloads';

/** Every area of knowledge, by name, for reports and tests. */
export const KNOWLEDGE_AREAS: Readonly<Record<string, readonly KnowledgeEntry[]>> = {
  kinds: [...KIND_KNOWLEDGE, ...API_VERSION_KNOWLEDGE],
  objectFields: OBJECT_FIELD_KNOWLEDGE,
  workloadFields: WORKLOAD_FIELD_KNOWLEDGE,
  networking: NETWORKING_KNOWLEDGE,
  storage: STORAGE_KNOWLEDGE,
  security: SECURITY_KNOWLEDGE,
  aksValues: AKS_VALUE_KNOWLEDGE,
};

/** What the cursor is on. */
export interface KnowledgeQuery {
  apiVersion: string;
  kind: string;
  /** The path to the key or value under the cursor, from the object's root. */
  path: YamlPath;
  /** True on a mapping key; false on a value (or a list item). */
  onKey: boolean;
  /** The scalar value under the cursor, when on a value. */
  value?: string;
}

/** A value the knowledge can suggest for a field, with the entry that explains it. */
export interface KnownValue {
  value: string;
  entry: KnowledgeEntry;
}

// Container lists share one set of fields: knowledge is written once, under `containers[*]`.
const CONTAINER_LISTS = new Set(['initContainers', 'ephemeralContainers']);

/** A path as the canonical text the patterns are written in: `spec.containers[*]["app.kubernetes.io/name"]`. */
export function pathText(path: YamlPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += '[*]';
    else if (/^[A-Za-z0-9_-]+$/.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

/** Parses a canonical path text back into a path, list positions as 0 (for tests and fixtures). */
export function parsePathText(text: string): YamlPath {
  const path: YamlPath = [];
  const token = /\[\*\]|\[("(?:[^"\\]|\\.)*")\]|\.?([A-Za-z0-9_-]+)/g;
  for (let match; (match = token.exec(text)); ) {
    if (match[0] === '[*]') path.push(0);
    else if (match[1]) path.push(JSON.parse(match[1]) as string);
    else path.push(match[2]);
  }
  return path;
}

const startsWith = (path: YamlPath, prefix: YamlPath): boolean =>
  path.length >= prefix.length && prefix.every((segment, i) => segment === path[i]);

/** The canonical texts a path is known by, most literal first (see `KnowledgeMatch` in types.ts). */
export function canonicalPaths(kind: string, path: YamlPath): string[] {
  const texts = [pathText(path)];
  const scoped = (scope: string, rest: YamlPath) => texts.push(`${scope}:${pathText(rest)}`);

  const template = podTemplatePathOf(kind);
  if (template) {
    const spec = [...template, 'spec'];
    if (startsWith(path, spec) && path.length > spec.length) {
      const rest = path.slice(spec.length);
      if (typeof rest[0] === 'string' && CONTAINER_LISTS.has(rest[0])) scoped('pod', ['containers', ...rest.slice(1)]);
      scoped('pod', rest);
    }
    const metadata = [...template, 'metadata'];
    if (template.length > 0 && startsWith(path, metadata) && path.length > metadata.length) scoped('meta', path.slice(metadata.length));
  }
  if (path[0] === 'metadata' && path.length > 1) scoped('meta', path.slice(1));
  if (kind === 'PersistentVolumeClaim' && path[0] === 'spec' && path.length > 1) scoped('pvc', path.slice(1));
  if (kind === 'StatefulSet' && path[0] === 'spec' && path[1] === 'volumeClaimTemplates' && typeof path[2] === 'number') {
    if (path[3] === 'spec' && path.length > 4) scoped('pvc', path.slice(4));
    if (path[3] === 'metadata' && path.length > 4) scoped('meta', path.slice(4));
  }
  return texts;
}

interface CompiledMatch {
  entry: KnowledgeEntry;
  on: 'key' | 'value';
  kinds?: Set<string>;
  exact?: string;
  /** For `**.name` patterns: the tail the canonical path must end with. */
  tail?: string;
  values?: Set<string>;
  prefixes?: string[];
  /** Lower is tried first: kind-specific before general, exact before anywhere-patterns. */
  rank: number;
}

function compile(entries: readonly KnowledgeEntry[]): { matches: CompiledMatch[]; kinds: Map<string, KnowledgeEntry> } {
  const matches: CompiledMatch[] = [];
  const kinds = new Map<string, KnowledgeEntry>();
  for (const entry of entries) {
    for (const match of entry.match) {
      if (match.on === 'kind') {
        match.kinds.forEach((kind) => kinds.set(kind, entry));
        continue;
      }
      for (const pattern of match.paths) {
        const anywhere = pattern.startsWith('**.');
        matches.push({
          entry,
          on: match.on,
          kinds: match.kinds ? new Set(match.kinds) : undefined,
          exact: anywhere ? undefined : pattern,
          tail: anywhere ? pattern.slice(3) : undefined,
          values: match.on === 'value' && match.values ? new Set(match.values) : undefined,
          prefixes: match.on === 'value' ? match.prefixes : undefined,
          rank: (anywhere ? 2 : 0) + (match.kinds ? 0 : 1),
        });
      }
    }
  }
  matches.sort((a, b) => a.rank - b.rank);
  return { matches, kinds };
}

const COMPILED = compile(Object.values(KNOWLEDGE_AREAS).flat());

const pathMatches = (match: CompiledMatch, kind: string, texts: string[]): boolean => {
  if (match.kinds && !match.kinds.has(kind)) return false;
  if (match.exact !== undefined) return texts.includes(match.exact);
  const tail = match.tail!;
  return texts.some((text) => text === tail || text.endsWith(`.${tail}`) || text.endsWith(`:${tail}`) || text.endsWith(`]${tail}`));
};

const valueMatches = (match: CompiledMatch, value: string): boolean =>
  !!match.values?.has(value) || !!match.prefixes?.some((prefix) => value.startsWith(prefix));

/** The knowledge about a kind, if the guide covers it. */
export function kindKnowledge(kind: string): KnowledgeEntry | undefined {
  return COMPILED.kinds.get(kind);
}

/** The knowledge entry for what the cursor is on, or undefined when the guide teaches nothing about it. */
export function findKnowledge(query: KnowledgeQuery): KnowledgeEntry | undefined {
  const { kind, path, onKey, value } = query;
  if (!onKey && value !== undefined) {
    // A kind's name: the object's own `kind:`, or a reference such as `scaleTargetRef.kind: Deployment`.
    if (path[path.length - 1] === 'kind') {
      const entry = kindKnowledge(value);
      if (entry) return entry;
    }
    const texts = canonicalPaths(kind, path);
    const found = COMPILED.matches.find((match) => match.on === 'value' && valueMatches(match, value) && pathMatches(match, kind, texts));
    if (found) return found.entry;
    return undefined;
  }
  if (!onKey) return undefined;
  const texts = canonicalPaths(kind, path);
  return COMPILED.matches.find((match) => match.on === 'key' && pathMatches(match, kind, texts))?.entry;
}

/** Values the knowledge teaches for the field at `path` (storage classes, Service types, topology keys...). */
export function knownValues(kind: string, path: YamlPath): KnownValue[] {
  const texts = canonicalPaths(kind, path);
  const seen = new Set<string>();
  const values: KnownValue[] = [];
  for (const match of COMPILED.matches) {
    if (match.on !== 'value' || !match.entry.complete || !match.values || !pathMatches(match, kind, texts)) continue;
    for (const value of match.values) {
      if (seen.has(value)) continue;
      seen.add(value);
      values.push({ value, entry: match.entry });
    }
  }
  return values;
}
