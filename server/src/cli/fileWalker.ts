import { existsSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { globToRegExp, hasGlobMagic, splitGlob } from './glob';
import type { RunProblem } from './lintResult';

// Turns the command line's paths into the files to check. Folders are searched for *.yaml and *.yml,
// honouring each walked folder's .gitignore; Helm charts' templates/ are not YAML until rendered.

/** A file to check: a path on disk, or standard input. */
export type Target = { kind: 'file'; path: string; explicit: boolean } | { kind: 'stdin' };

export interface CollectedTargets {
  targets: Target[];
  /** Things the user may want to know were skipped (stderr, never in the report). */
  notes: string[];
  problems: RunProblem[];
}

const YAML_FILE = /\.ya?ml$/i;
// Never manifests of this project, and slow to walk.
const ALWAYS_SKIPPED = new Set(['.git', 'node_modules']);

interface IgnoreRules {
  baseDir: string;
  rules: Ignore;
}

/** A path for messages: relative to the working folder when inside it, with forward slashes. */
export function displayPath(cwd: string, absolutePath: string): string {
  const relative = path.relative(cwd, absolutePath);
  const shown = relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? absolutePath : relative;
  return shown.split(path.sep).join('/');
}

export function collectTargets(inputs: readonly string[], cwd: string): CollectedTargets {
  const collected: CollectedTargets = { targets: [], notes: [], problems: [] };
  const seen = new Set<string>();
  const visitedFolders = new Set<string>();
  const add = (filePath: string, explicit: boolean) => {
    if (seen.has(filePath)) return;
    seen.add(filePath);
    collected.targets.push({ kind: 'file', path: filePath, explicit });
  };

  const walk = (folder: string, inherited: readonly IgnoreRules[], accept: (filePath: string) => boolean) => {
    let real: string;
    try {
      real = realpathSync(folder);
    } catch {
      return;
    }
    // A symbolic link back up the tree would otherwise loop forever.
    if (visitedFolders.has(real)) return;
    visitedFolders.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      collected.problems.push({ path: displayPath(cwd, folder), problem: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
      return;
    }
    const ignoreRules = [...inherited];
    const gitignore = path.join(folder, '.gitignore');
    if (entries.some((entry) => entry.name === '.gitignore')) {
      try {
        ignoreRules.push({ baseDir: folder, rules: ignore().add(readFileSync(gitignore, 'utf8')) });
      } catch {
        collected.notes.push(`${displayPath(cwd, gitignore)} could not be read; its patterns are not applied`);
      }
    }
    const isHelmChart = entries.some((entry) => entry.name === 'Chart.yaml' && !entry.isDirectory());
    for (const entry of [...entries].sort((a, b) => a.name.localeCompare(b.name))) {
      if (ALWAYS_SKIPPED.has(entry.name)) continue;
      const full = path.join(folder, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = statSync(full);
          isDirectory = target.isDirectory();
          isFile = target.isFile();
        } catch {
          continue; // A dangling link: nothing to check.
        }
      }
      if (isIgnored(ignoreRules, full, isDirectory)) continue;
      if (isDirectory) {
        if (isHelmChart && entry.name === 'templates') {
          collected.notes.push(`skipped ${displayPath(cwd, full)}/: Helm chart templates are checked after rendering (helm template ... | kube-guide lint -)`);
          continue;
        }
        walk(full, ignoreRules, accept);
      } else if (isFile && accept(full)) {
        add(full, false);
      }
    }
  };

  // A walk that starts below the working folder still honours the .gitignore files between the two.
  const ancestorRules = (folder: string): IgnoreRules[] => {
    const relative = path.relative(cwd, folder);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return [];
    const rules: IgnoreRules[] = [];
    let current = cwd;
    for (const segment of relative.split(path.sep)) {
      const gitignore = path.join(current, '.gitignore');
      if (existsSync(gitignore)) {
        try {
          rules.push({ baseDir: current, rules: ignore().add(readFileSync(gitignore, 'utf8')) });
        } catch {
          // Unreadable: the walk itself notes it when it passes there.
        }
      }
      current = path.join(current, segment);
    }
    return rules;
  };

  for (const input of inputs) {
    if (input === '-') {
      if (!collected.targets.some((target) => target.kind === 'stdin')) collected.targets.push({ kind: 'stdin' });
      continue;
    }
    const absolute = path.resolve(cwd, input);
    if (existsSync(absolute)) {
      let isDirectory: boolean;
      try {
        isDirectory = statSync(absolute).isDirectory();
      } catch (error) {
        collected.problems.push({ path: input, problem: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
        continue;
      }
      if (isDirectory) walk(absolute, ancestorRules(absolute), (filePath) => YAML_FILE.test(filePath));
      else add(absolute, true);
    } else if (hasGlobMagic(input)) {
      const { baseDir, pattern } = splitGlob(input);
      const base = path.resolve(cwd, baseDir);
      const matcher = globToRegExp(pattern);
      const before = collected.targets.length;
      if (existsSync(base)) walk(base, ancestorRules(base), (filePath) => matcher.test(path.relative(base, filePath).split(path.sep).join('/')));
      if (collected.targets.length === before) collected.problems.push({ path: input, problem: 'no file matches this pattern' });
    } else {
      collected.problems.push({ path: input, problem: 'no such file or folder' });
    }
  }
  return collected;
}

function isIgnored(ignoreRules: readonly IgnoreRules[], full: string, isDirectory: boolean): boolean {
  return ignoreRules.some(({ baseDir, rules }) => {
    const relative = path.relative(baseDir, full).split(path.sep).join('/');
    return relative !== '' && !relative.startsWith('..') && rules.ignores(isDirectory ? `${relative}/` : relative);
  });
}

/** True when one of the config's `exclude` patterns covers the file. */
export function isExcluded(exclude: ReadonlyArray<{ baseDir: string; patterns: string[] }>, filePath: string, cache: Map<string, Ignore>): boolean {
  return exclude.some(({ baseDir, patterns }) => {
    const relative = path.relative(baseDir, filePath).split(path.sep).join('/');
    if (relative === '' || relative.startsWith('..')) return false;
    const key = `${baseDir}\0${patterns.join('\0')}`;
    let rules = cache.get(key);
    if (!rules) {
      rules = ignore().add(patterns);
      cache.set(key, rules);
    }
    return rules.ignores(relative);
  });
}
