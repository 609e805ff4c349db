import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { KubeGuideSettings } from '../settings';
import type { ObjectSummary } from '../model/objectSummary';
import type { LintMessage } from './lintResult';
import { isEmptyRunContext, type RunContext } from './runContext';

// `--cache`: the findings of each file from the last run, reused while nothing they depend on changed.
// A whole cache belongs to one tool: its version, its code, its rules and its schema (`toolKey`); a
// different tool throws every entry away. An entry belongs to one file's text and the settings its
// config resolved to (`entryKey`), so editing the file or a `.kube-guide.yaml` above it re-checks it. The
// CRDs of a run judge every file's custom resources: their fingerprint is part of each entry's key too.

/** Bumped when the cache file's layout changes. */
const CACHE_FORMAT = 1;

export interface CachedResult {
  isManifest: boolean;
  messages: LintMessage[];
  fixable: boolean;
  /** The file's objects, for the cross-resource rules that run over every file of the run. */
  objects: ObjectSummary[];
}

interface CacheEntry extends CachedResult {
  key: string;
}

interface CacheFile {
  format: number;
  tool: string;
  /** By path relative to the cache file's folder, so a cache restored in another checkout still applies. */
  entries: Record<string, CacheEntry>;
}

export interface LintCache {
  /** The cache file in use. */
  readonly file: string;
  /** Why an existing cache file was not used (unreadable, another version); undefined when it was. */
  readonly discarded?: string;
  get(filePath: string, key: string): CachedResult | undefined;
  set(filePath: string, key: string, result: CachedResult): void;
  /** Writes the cache file; throws on failure (the caller reports it, the run's outcome stands). */
  save(): void;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Everything about the tool that changes findings: the cache is void when any of it differs. */
export function toolKey(parts: { version: string; codeFile: string; rules: unknown; schema: unknown }): string {
  let code = '';
  try {
    code = sha256(readFileSync(parts.codeFile, 'utf8'));
  } catch {
    // Without the code's fingerprint the version still separates releases.
  }
  return sha256(JSON.stringify({ format: CACHE_FORMAT, version: parts.version, code, rules: parts.rules, schema: parts.schema }));
}

/**
 * What one file's findings depend on besides the tool: its text, the settings its config resolved to, and
 * what the run's other files tell the check (`contextFingerprint`; empty when nothing).
 */
export function entryKey(text: string, settings: KubeGuideSettings, context = ''): string {
  return sha256(`${sha256(text)}\0${JSON.stringify(settings)}${context ? `\0${context}` : ''}`);
}

/**
 * One short string for what the run's other files tell each file's check (the CRDs custom resources are
 * checked against, the workloads autoscalers scale); empty when they tell nothing.
 */
export function contextFingerprint(context: RunContext): string {
  if (isEmptyRunContext(context)) return '';
  const scaled = context.autoscalers.map((object) => ({
    kind: object.kind,
    namespace: object.namespace,
    targets: object.references.filter((reference) => reference.via === 'scale-target').map((reference) => reference.target),
  }));
  return sha256(JSON.stringify({ crds: context.crds, scaled }));
}

/** `location` is a file, or an existing folder (or one written with a trailing slash) to put `.kube-guide-cache` in. */
export function resolveCacheFile(location: string, cwd: string, defaultName: string): string {
  const absolute = path.resolve(cwd, location);
  const isFolder = /[\\/]$/.test(location) || (existsSync(absolute) && statSync(absolute).isDirectory());
  return isFolder ? path.join(absolute, defaultName) : absolute;
}

export function openLintCache(file: string, tool: string): LintCache {
  const base = path.dirname(file);
  const relative = (filePath: string) => path.relative(base, filePath).split(path.sep).join('/');
  let entries: Record<string, CacheEntry> = {};
  let discarded: string | undefined;
  if (existsSync(file)) {
    try {
      const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheFile>;
      if (stored.format !== CACHE_FORMAT || stored.tool !== tool || typeof stored.entries !== 'object' || stored.entries === null) {
        discarded = 'it was written by another version, code or rule set of kube-guide';
      } else {
        entries = stored.entries;
      }
    } catch (error) {
      discarded = `it cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
    }
  }
  return {
    file,
    ...(discarded ? { discarded } : {}),
    get(filePath, key) {
      const entry = entries[relative(filePath)];
      if (!entry || entry.key !== key) return undefined;
      return { isManifest: entry.isManifest, messages: entry.messages, fixable: entry.fixable, objects: entry.objects ?? [] };
    },
    set(filePath, key, result) {
      entries[relative(filePath)] = { key, isManifest: result.isManifest, messages: result.messages, fixable: result.fixable, objects: result.objects };
    },
    save() {
      // Entries of files that are gone would only grow the file.
      const kept = Object.fromEntries(Object.entries(entries).filter(([name]) => existsSync(path.resolve(base, name))));
      mkdirSync(base, { recursive: true });
      writeFileSync(file, JSON.stringify({ format: CACHE_FORMAT, tool, entries: kept } satisfies CacheFile));
    },
  };
}
