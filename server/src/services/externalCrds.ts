import { existsSync, promises as fs, type Dirent } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';
import { CONFIG_FILE_NAME, ConfigError, createConfigLoader, readConfigFile } from '../config/kubeGuideConfig';
import { parseManifestFile } from '../model/manifestFile';
import { crdSchemas, type CrdSchema } from '../schema/crdSchema';
import { findYamlFiles } from './workspaceScanner';

// CustomResourceDefinitions kept outside the files being checked: a platform repository, a vendored
// chart's crds/ folder, a download in the home folder. They are named by the setting `kubeGuide.crdFiles`,
// by `crds:` in a `.kube-guide.yaml`, or by the CLI's `--crd`; this module finds, reads and watches them.
// Like the CRDs of the workspace, they check custom resources in every file.

/** One entry as written: a file, a folder or a glob, and where it is relative to. */
export interface CrdFileEntry {
  /** Absolute, `~/…`, or relative to `baseDir`. */
  pattern: string;
  /** The folder a relative entry is relative to; undefined when there is none (no workspace folder). */
  baseDir: string | undefined;
  /** Who named it, for messages: `kubeGuide.crdFiles`, a config file's path, `--crd`. */
  namedBy: string;
}

/** A file or entry that could not be used, in words for a person. */
export interface CrdFileProblem {
  /** The file (absolute), or the entry as written when it is a glob or cannot be placed. */
  file: string;
  problem: string;
}

/** A folder and a glob relative to it, whose files the editor should report changes of. */
export interface WatchPattern {
  baseDir: string;
  pattern: string;
}

export interface ExternalCrdRead {
  schemas: CrdSchema[];
  /** The files read, absolute, each once. */
  files: string[];
  /** How many CustomResourceDefinitions the files held. */
  definitions: number;
  /** Entries or files that could not be used: missing, unreadable, too large, not YAML. */
  problems: CrdFileProblem[];
  /** Worth knowing, not wrong: a file named on its own that holds no CRD. */
  notes: CrdFileProblem[];
  /** What to watch so that a change to these files (or a new file matching a glob) is seen. */
  watch: WatchPattern[];
}

// CRD files are larger than manifests (one operator's CRDs can be several MB); the limit only keeps an
// entry that names the wrong file from costing minutes of parsing.
export const MAX_CRD_FILE_MB = 10;
// A glob such as `~/**/*.yaml` must not walk a whole disk.
const MAX_ENTRIES_WALKED = 20_000;
const YAML_FILE = /\.ya?ml$/i;
const NEVER_WALKED = new Set(['.git', 'node_modules']);
const CRD_KIND = 'CustomResourceDefinition';

/** The entries of `kubeGuide.crdFiles`: relative ones are relative to the first workspace folder. */
export function settingCrdEntries(patterns: readonly string[], firstFolder: string | undefined): CrdFileEntry[] {
  return patterns.map((pattern) => ({ pattern, baseDir: firstFolder, namedBy: 'kubeGuide.crdFiles' }));
}

/** The `crds:` entries of config files, each relative to its own file's folder. */
export function configCrdEntries(crds: ReadonlyArray<{ baseDir: string; patterns: readonly string[] }>): CrdFileEntry[] {
  return crds.flatMap(({ baseDir, patterns }) =>
    patterns.map((pattern) => ({ pattern, baseDir, namedBy: path.join(baseDir, CONFIG_FILE_NAME) })),
  );
}

/**
 * The CRD schemas to use beside the workspace's own: for the same apiVersion and kind the workspace's
 * definition wins, since a CRD being edited in the workspace is more current than a copy elsewhere.
 */
export function withOutsideCrds(workspace: readonly CrdSchema[], outside: readonly CrdSchema[]): CrdSchema[] {
  const inWorkspace = new Set(workspace.map(identityOf));
  return [...outside.filter((schema) => !inWorkspace.has(identityOf(schema))), ...workspace];
}

const identityOf = ({ apiVersion, kind }: CrdSchema) => `${apiVersion} ${kind}`;

/** The CRD schemas of a YAML text (several documents, other objects ignored), and its first YAML error. */
export function crdSchemasInText(text: string): { schemas: CrdSchema[]; definitions: number; yamlError?: string } {
  // Cheap test first: most files hold no CRD, and parsing is what costs.
  if (!text.includes(CRD_KIND)) return { schemas: [], definitions: 0 };
  const file = parseManifestFile(text);
  const schemas: CrdSchema[] = [];
  let definitions = 0;
  for (const document of file.documents) {
    if (document.object?.kind !== CRD_KIND) continue;
    definitions++;
    try {
      // As the workspace index reads them (objectSummary.ts): an alias bomb gives no schema.
      schemas.push(...crdSchemas(document.yaml.toJS({ maxAliasCount: 100 })));
    } catch {
      // Nothing usable in this document.
    }
  }
  const error = file.documents.flatMap((document) => document.yaml.errors)[0];
  const yamlError = error ? `not valid YAML (line ${file.positionAt(error.pos[0]).line + 1}): ${error.message.split('\n')[0]}` : undefined;
  return { schemas, definitions, ...(yamlError ? { yamlError } : {}) };
}

/** Finds the files the entries name, then reads their CRDs. Never throws: what fails is in `problems`. */
export async function readExternalCrds(entries: readonly CrdFileEntry[], home = os.homedir()): Promise<ExternalCrdRead> {
  const read: ExternalCrdRead = { schemas: [], files: [], definitions: 0, problems: [], notes: [], watch: [] };
  const found = new Map<string, boolean>(); // file → named on its own (not through a folder or glob)
  for (const entry of entries) {
    const resolved = await resolveEntry(entry, home, read);
    for (const file of resolved.files) found.set(file, (found.get(file) ?? false) || !resolved.viaPattern);
  }
  for (const [file, namedOnItsOwn] of found) {
    const text = await readCrdFile(file, read.problems);
    if (text === undefined) continue;
    read.files.push(file);
    const { schemas, definitions, yamlError } = crdSchemasInText(text);
    if (yamlError) read.problems.push({ file, problem: yamlError });
    else if (definitions === 0 && namedOnItsOwn) read.notes.push({ file, problem: `holds no ${CRD_KIND}` });
    else if (definitions > 0 && schemas.length === 0) {
      read.notes.push({ file, problem: `holds ${CRD_KIND}s without a schema (an openAPIV3Schema per served version of apiextensions.k8s.io/v1)` });
    }
    read.schemas.push(...schemas);
    read.definitions += definitions;
  }
  return read;
}

/** The files one entry names, and what to watch for it. Adds what is wrong with it to `read.problems`. */
async function resolveEntry(entry: CrdFileEntry, home: string, read: ExternalCrdRead): Promise<{ files: string[]; viaPattern: boolean }> {
  const namedBy = `(named by ${entry.namedBy})`;
  const expanded = entry.pattern === '~' || /^~[\\/]/.test(entry.pattern) ? path.join(home, entry.pattern.slice(1)) : entry.pattern;
  if (!path.isAbsolute(expanded) && entry.baseDir === undefined) {
    read.problems.push({ file: entry.pattern, problem: `is a relative path, and there is no workspace folder it could be relative to ${namedBy}` });
    return { files: [], viaPattern: false };
  }
  const absolute = path.resolve(entry.baseDir ?? '/', expanded);
  const scanned = picomatch.scan(absolute.split(path.sep).join('/'));
  if (scanned.isGlob) {
    const baseDir = path.resolve(scanned.base || '/');
    const matches = picomatch(scanned.glob);
    read.watch.push({ baseDir, pattern: scanned.glob });
    const files = await walkFiles(baseDir, (relative) => matches(relative), entry.pattern, read.problems);
    if (files.length === 0) read.problems.push({ file: entry.pattern, problem: `no file matches this pattern ${namedBy}` });
    return { files, viaPattern: true };
  }
  let isFolder: boolean;
  try {
    isFolder = (await fs.stat(absolute)).isDirectory();
  } catch (error) {
    // Watched all the same: creating the file later brings its CRDs in.
    read.watch.push({ baseDir: path.dirname(absolute), pattern: escapeGlob(path.basename(absolute)) });
    const code = (error as NodeJS.ErrnoException).code;
    read.problems.push({ file: absolute, problem: code === 'ENOENT' ? `no such file or folder ${namedBy}` : `cannot be read (${code ?? String(error)}) ${namedBy}` });
    return { files: [], viaPattern: false };
  }
  if (!isFolder) {
    read.watch.push({ baseDir: path.dirname(absolute), pattern: escapeGlob(path.basename(absolute)) });
    return { files: [absolute], viaPattern: false };
  }
  // A folder: every YAML file below it, as a chart's crds/ folder is laid out.
  read.watch.push({ baseDir: absolute, pattern: '**/*.{yaml,yml}' });
  const files = await walkFiles(absolute, (relative) => YAML_FILE.test(relative), absolute, read.problems);
  if (files.length === 0) read.problems.push({ file: absolute, problem: `is a folder without YAML files ${namedBy}` });
  return { files, viaPattern: true };
}

/** The files below `folder` whose slash-separated relative path passes `accept`, in a stable order. */
async function walkFiles(folder: string, accept: (relative: string) => boolean, named: string, problems: CrdFileProblem[]): Promise<string[]> {
  const files: string[] = [];
  const queue = [folder];
  let walked = 0;
  while (queue.length > 0) {
    const current = queue.shift()!;
    let entries: Dirent[];
    try {
      entries = await fs.readdir(current, { withFileTypes: true });
    } catch {
      continue; // a folder that is not there (yet) or cannot be read holds nothing to use
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (++walked > MAX_ENTRIES_WALKED) {
        problems.push({ file: named, problem: `the search stopped after ${MAX_ENTRIES_WALKED.toLocaleString('en')} files and folders; name a narrower folder` });
        return files;
      }
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (!NEVER_WALKED.has(entry.name)) queue.push(full);
        continue;
      }
      if (!accept(path.relative(folder, full).split(path.sep).join('/'))) continue;
      // A link to a file counts; links to folders are not followed (a link back up would loop).
      if (entry.isFile() || (entry.isSymbolicLink() && (await isFileBehindLink(full)))) files.push(full);
    }
  }
  return files;
}

async function isFileBehindLink(link: string): Promise<boolean> {
  try {
    return (await fs.stat(link)).isFile();
  } catch {
    return false; // a dangling link
  }
}

/** A CRD file's text, or undefined with the reason added to `problems`. */
async function readCrdFile(file: string, problems: CrdFileProblem[]): Promise<string | undefined> {
  try {
    const size = (await fs.stat(file)).size;
    if (size > MAX_CRD_FILE_MB * 1024 * 1024) {
      problems.push({ file, problem: `is larger than ${MAX_CRD_FILE_MB} MB, the limit for a CRD file; it was skipped` });
      return undefined;
    }
    const text = await fs.readFile(file, 'utf8');
    if (text.includes('\0')) {
      problems.push({ file, problem: 'is a binary file, not YAML' });
      return undefined;
    }
    return text.startsWith('\uFEFF') ? text.slice(1) : text;
  } catch (error) {
    problems.push({ file, problem: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
    return undefined;
  }
}

/** A file name as a glob that matches only itself. */
function escapeGlob(name: string): string {
  return name.replace(/[*?[\]{}()!]/g, (special) => `[${special}]`);
}

/** True when a file is among what the patterns watch. */
export function isWatchedBy(patterns: readonly WatchPattern[], filePath: string): boolean {
  return patterns.some(({ baseDir, pattern }) => {
    const relative = path.relative(baseDir, filePath);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) && picomatch(pattern)(relative.split(path.sep).join('/'));
  });
}

/**
 * The `crds:` entries of every `.kube-guide.yaml` of the workspace folders and of those above them, as
 * the CLI would meet them linting the folders. A config file that cannot be read or used is left out:
 * the editor reports it where it applies (see workspaceConfig.ts).
 */
export async function workspaceConfigCrdEntries(folders: readonly string[], exclude: readonly string[], ruleIds: ReadonlySet<string>): Promise<CrdFileEntry[]> {
  const loader = createConfigLoader(ruleIds, existsSync);
  const crds: Array<{ baseDir: string; patterns: string[] }> = [];
  const take = (read: () => Array<{ baseDir: string; patterns: string[] }>) => {
    try {
      crds.push(...read());
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
    }
  };
  for (const folder of folders) {
    take(() => loader.resolve(folder).crds);
    const { files } = await findYamlFiles(folder, { exclude, maxFiles: 50_000 });
    for (const file of files) {
      if (path.basename(file) !== CONFIG_FILE_NAME || path.dirname(file) === folder) continue;
      take(() => {
        const config = readConfigFile(file, ruleIds);
        return config.crds ? [{ baseDir: path.dirname(file), patterns: config.crds }] : [];
      });
    }
  }
  const seen = new Set<string>();
  return configCrdEntries(crds).filter((entry) => {
    const key = `${entry.baseDir}\0${entry.pattern}`;
    return !seen.has(key) && !!seen.add(key);
  });
}

/** What the editor side needs around the CRD files: reporting and watching, in its own terms. */
export interface ExternalCrdsHost {
  /** Problems that were not there at the last read; each is told once, until it is fixed and comes back. */
  reportProblems(problems: readonly CrdFileProblem[]): void;
  log(message: string): void;
  /** Report changes to files matching these from now on, instead of the previous ones. */
  watch(patterns: readonly WatchPattern[]): void;
  /** The schemas changed: custom resources need checking again. */
  changed(): void;
}

/**
 * The language server's outside CRDs: what the setting and the config files name, read again when
 * either changes or when a watched file changes on disk. Reads run one after another, never two at once.
 */
export class ExternalCrdFiles {
  private schemasRead: readonly CrdSchema[] = [];
  private changes = 0;
  private settingEntries: CrdFileEntry[] = [];
  private configEntries: CrdFileEntry[] = [];
  private configScanKey: string | undefined;
  private readKey: string | undefined;
  private watched: readonly WatchPattern[] = [];
  private reported = new Set<string>();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: ExternalCrdsHost,
    private readonly ruleIds: ReadonlySet<string>,
  ) {}

  /** The outside CRDs' schemas, as last read. */
  get schemas(): readonly CrdSchema[] {
    return this.schemasRead;
  }

  /** Goes up by one each time `schemas` changes. */
  get revision(): number {
    return this.changes;
  }

  /**
   * Takes the setting and the workspace folders; finds the config files' `crds:` again when the folders
   * or the excludes changed, or when `configFilesChanged`. Reads the files when what they name changed.
   */
  update(options: { setting: readonly string[]; folders: readonly string[]; exclude: readonly string[]; configFilesChanged?: boolean }): Promise<void> {
    return this.enqueue(async () => {
      this.settingEntries = settingCrdEntries(options.setting, options.folders[0]);
      const scanKey = JSON.stringify([options.folders, options.exclude]);
      if (options.configFilesChanged || scanKey !== this.configScanKey) {
        this.configScanKey = scanKey;
        this.configEntries = await workspaceConfigCrdEntries(options.folders, options.exclude, this.ruleIds);
      }
      await this.read(false);
    });
  }

  /** Files changed on disk: reads again when one of them is, or may now be, an outside CRD file. */
  filesChanged(uris: readonly string[]): Promise<void> {
    const ours = uris.some((uri) => uri.startsWith('file:') && isWatchedBy(this.watched, fileURLToPath(uri)));
    return ours ? this.enqueue(() => this.read(true)) : Promise.resolve();
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(work).catch((error: unknown) => this.host.log(`Kube Guide could not read the CRD files: ${error instanceof Error ? error.stack : String(error)}`));
    return this.queue;
  }

  private async read(force: boolean): Promise<void> {
    const entries = [...this.settingEntries, ...this.configEntries];
    const key = JSON.stringify(entries);
    if (!force && key === this.readKey) return;
    this.readKey = key;
    const read = await readExternalCrds(entries);
    if (JSON.stringify(read.watch) !== JSON.stringify(this.watched)) {
      this.watched = read.watch;
      this.host.watch(read.watch);
    }
    const problems = read.problems.map(({ file, problem }) => `${file}: ${problem}`);
    const fresh = problems.filter((problem) => !this.reported.has(problem));
    this.reported = new Set(problems);
    if (fresh.length > 0) this.host.reportProblems(read.problems.filter((_, index) => fresh.includes(problems[index])));
    for (const { file, problem } of read.notes) this.host.log(`Kube Guide: ${file} ${problem}, so it adds no schema.`);
    if (entries.length > 0) {
      this.host.log(`Kube Guide uses ${read.definitions} CustomResourceDefinitions (${read.schemas.length} kinds and versions) from ${read.files.length} CRD files outside the checked files.`);
    }
    if (JSON.stringify(read.schemas) === JSON.stringify(this.schemasRead)) return;
    this.schemasRead = read.schemas;
    this.changes++;
    this.host.changed();
  }
}
