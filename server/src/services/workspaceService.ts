import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseManifestFile, type ManifestFile } from '../model/manifestFile';
import { summarizeFile } from '../model/objectSummary';
import { WorkspaceIndex, type IndexChange } from '../model/workspaceIndex';
import { excludeMatcher, findYamlFiles } from './workspaceScanner';

// Keeps the workspace index current: the files on disk, overridden by the text of open documents (what
// the user sees, saved or not). Used by the language server; the CLI fills an index from its own walk.

export interface WorkspaceFolder {
  uri: string;
}

export interface IndexingOptions {
  /** VS Code-style globs relative to each folder: `files.exclude` and `kubeGuide.exclude`. */
  exclude: readonly string[];
  /** Files larger than this are left out of the index (0: no limit). */
  maxFileSizeMb: number;
  maxFiles?: number;
}

export interface IndexingReport {
  files: number;
  manifests: number;
  objects: number;
  truncated: boolean;
  durationMs: number;
}

const DEFAULT_MAX_FILES = 20_000;
// Reading this many files between pauses keeps the server answering requests while it indexes.
const FILES_PER_SLICE = 25;

// Cheap test before parsing: a file without both words cannot hold a Kubernetes object.
const MAY_HOLD_OBJECTS = (text: string) => text.includes('apiVersion') && text.includes('kind');

export class WorkspaceService {
  readonly index = new WorkspaceIndex();
  private readonly openUris = new Set<string>();
  private folders: string[] = [];
  private options: IndexingOptions = { exclude: [], maxFileSizeMb: 1 };
  private excluded: (relativePath: string) => boolean = () => false;

  /** Indexes every YAML file of the folders from disk; open documents keep their live text. */
  async indexFolders(
    folders: readonly WorkspaceFolder[],
    options: IndexingOptions,
    onProgress?: (done: number, total: number) => void,
  ): Promise<IndexingReport> {
    const started = performance.now();
    this.folders = folders.flatMap((folder) => (folder.uri.startsWith('file:') ? [fileURLToPath(folder.uri)] : []));
    this.options = options;
    this.excluded = excludeMatcher(options.exclude);
    const found = await Promise.all(this.folders.map((folder) => findYamlFiles(folder, { exclude: options.exclude, maxFiles: options.maxFiles ?? DEFAULT_MAX_FILES })));
    const files = found.flatMap((result) => result.files);
    const wanted = new Set(files.map((file) => pathToFileURL(file).href));
    // Files indexed before (a re-index after a settings change) that are now excluded or gone.
    for (const uri of [...this.index.uris()]) if (!wanted.has(uri) && !this.openUris.has(uri)) this.index.remove(uri);
    let manifests = 0;
    for (let done = 0; done < files.length; done++) {
      const uri = pathToFileURL(files[done]).href;
      if (!this.openUris.has(uri) && (await this.readIntoIndex(uri, { findDependents: false })) > 0) manifests++;
      if (done % FILES_PER_SLICE === FILES_PER_SLICE - 1) {
        onProgress?.(done + 1, files.length);
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    onProgress?.(files.length, files.length);
    let objects = 0;
    for (const _ of this.index.all()) objects++;
    return {
      files: files.length,
      manifests: manifests + [...this.openUris].filter((uri) => this.index.objectsIn(uri).length > 0).length,
      objects,
      truncated: found.some((result) => result.truncated),
      durationMs: Math.round(performance.now() - started),
    };
  }

  /** An open document was parsed: its live text replaces what the disk says. */
  updateOpenDocument(uri: string, file: ManifestFile): IndexChange {
    this.openUris.add(uri);
    return this.index.update(uri, summarizeFile(uri, file));
  }

  /** A document was closed: the file on disk applies again (unsaved edits were dropped). */
  async closeDocument(uri: string): Promise<IndexChange> {
    this.openUris.delete(uri);
    return this.refreshFromDisk(uri);
  }

  /** A file was created or changed on disk. Open documents keep their live text. */
  async refreshFromDisk(uri: string): Promise<IndexChange> {
    if (this.openUris.has(uri)) return { changed: false, affectedUris: new Set() };
    if (!this.isInWorkspace(uri)) return this.index.remove(uri);
    const before = this.index.generation;
    const change = await this.readIntoIndexWithChange(uri);
    return change ?? { changed: this.index.generation !== before, affectedUris: new Set() };
  }

  /** A file was deleted (or renamed away). */
  deleted(uri: string): IndexChange {
    return this.index.remove(uri);
  }

  /** True for a YAML file under a workspace folder and not excluded. */
  isInWorkspace(uri: string): boolean {
    if (!uri.startsWith('file:') || !/\.ya?ml$/i.test(uri)) return false;
    const filePath = fileURLToPath(uri);
    return this.folders.some((folder) => {
      const relative = path.relative(folder, filePath);
      if (relative.startsWith('..') || path.isAbsolute(relative)) return false;
      const segments = relative.split(path.sep);
      if (segments.some((segment) => segment === 'node_modules' || segment === '.git')) return false;
      // An excluded folder excludes everything under it, as in the scan.
      return !segments.some((_, index) => this.excluded(segments.slice(0, index + 1).join('/')));
    });
  }

  /** How many objects the file added to the index. */
  private async readIntoIndex(uri: string, options: { findDependents: boolean }): Promise<number> {
    await this.readIntoIndexWithChange(uri, options);
    return this.index.objectsIn(uri).length;
  }

  private async readIntoIndexWithChange(uri: string, options = { findDependents: true }): Promise<IndexChange | undefined> {
    const text = await this.readText(uri);
    if (text === undefined || !MAY_HOLD_OBJECTS(text)) return this.index.update(uri, [], options);
    try {
      return this.index.update(uri, summarizeFile(uri, parseManifestFile(text)), options);
    } catch {
      // A file the parser cannot take is not indexed; opening it shows what is wrong.
      return this.index.update(uri, [], options);
    }
  }

  /** A workspace file's text from disk; undefined when unreadable, binary or over the size limit. */
  async readText(uri: string): Promise<string | undefined> {
    try {
      const filePath = fileURLToPath(uri);
      const limit = this.options.maxFileSizeMb * 1024 * 1024;
      if (limit > 0 && (await fs.stat(filePath)).size > limit) return undefined;
      const text = await fs.readFile(filePath, 'utf8');
      return text.includes('\0') ? undefined : text;
    } catch {
      return undefined;
    }
  }
}
