import { promises as fs, type Dirent } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';

// Finds the YAML files of a workspace folder for the index, skipping what the user excluded
// (`files.exclude`, `kubeGuide.exclude`) and folders that never hold the user's manifests.

const YAML_FILE = /\.ya?ml$/i;
const ALWAYS_SKIPPED = new Set(['.git', 'node_modules', '.svn', '.hg']);

export interface ScanOptions {
  /** VS Code-style globs, relative to the folder (`**\/charts/**`, `tmp/*.yaml`). */
  exclude: readonly string[];
  /** A guard for huge monorepos: stop collecting after this many files. */
  maxFiles: number;
}

export interface ScanResult {
  files: string[];
  /** True when `maxFiles` cut the list short. */
  truncated: boolean;
}

/** A test for folder-relative, slash-separated paths against the exclude globs. */
export function excludeMatcher(globs: readonly string[]): (relativePath: string) => boolean {
  const patterns = globs.map((glob) => glob.trim()).filter((glob) => glob !== '');
  if (patterns.length === 0) return () => false;
  return picomatch(patterns, { dot: true });
}

/** The globs a `files.exclude`-style setting turns on (`{ "**\/dist": true }`). */
export function enabledGlobs(setting: unknown): string[] {
  if (!setting || typeof setting !== 'object') return [];
  return Object.entries(setting as Record<string, unknown>).flatMap(([glob, enabled]) => (enabled === true ? [glob] : []));
}

/** Every YAML file under a folder, breadth first, without following symbolic links. */
export async function findYamlFiles(folder: string, options: ScanOptions): Promise<ScanResult> {
  const excluded = excludeMatcher(options.exclude);
  const files: string[] = [];
  const queue = [folder];
  while (queue.length > 0) {
    const current = queue.shift()!;
    let entries: Dirent[];
    try {
      entries = await fs.readdir(current, { withFileTypes: true });
    } catch {
      continue; // unreadable folders are not ours to report
    }
    for (const entry of entries) {
      const fullPath = path.join(current, entry.name);
      const relative = path.relative(folder, fullPath).split(path.sep).join('/');
      if (excluded(relative)) continue;
      if (entry.isDirectory()) {
        if (!ALWAYS_SKIPPED.has(entry.name)) queue.push(fullPath);
      } else if (entry.isFile() && YAML_FILE.test(entry.name)) {
        if (files.length >= options.maxFiles) return { files, truncated: true };
        files.push(fullPath);
      }
    }
  }
  return { files, truncated: false };
}
