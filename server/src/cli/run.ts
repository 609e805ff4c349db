import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createTwoFilesPatch } from 'diff';
import type { Ignore } from 'ignore';
import { ConfigError, applyConfig, createConfigLoader, type ResolvedConfig } from '../config/kubeGuideConfig';
import { WorkspaceIndex } from '../model/workspaceIndex';
import { ALL_RULES } from '../rules/registry';
import { runWorkspaceRules } from '../rules/workspaceEngine';
import { workspaceRuleMessages } from './workspaceMessages';
import { DEFAULT_RULE_SETTINGS } from '../rules/ruleSettings';
import { kubernetesMinorVersion, loadKubernetesSchemaMeta } from '../schema/kubernetesSchema';
import { DEFAULT_SETTINGS, type KubeGuideSettings } from '../settings';
import { DEFAULT_CACHE_LOCATION, HELP_TEXT, parseCommandLine, UsageError, type LintOptions } from './args';
import { collectTargets, displayPath, isExcluded, type Target } from './fileWalker';
import { FORMATTERS } from './formatterRegistry';
import { countMessages, type FileResult, type LintReport, type RunProblem } from './lintResult';
import { contextFingerprint, entryKey, openLintCache, resolveCacheFile, toolKey, type LintCache } from './lintCache';
import type { CrdSchema } from '../schema/crdSchema';
import { configCrdEntries, crdSchemasInText, readExternalCrds, withOutsideCrds } from '../services/externalCrds';
import type { LintJob, LintJobOutcome } from './lintJob';
import { autoscalersIn, type RunContext } from './runContext';
import { parseManifestFile } from '../model/manifestFile';
import { summarizeFile, type ObjectSummary } from '../model/objectSummary';
import { createProgressLine } from './progress';
import { decodeSource, readSourceFile, type SourceText } from './readSource';
import { startWorkerPool, workerCountFor, type WorkerPool } from './workerPool';

/** What the CLI touches of its process, so tests can run it in-process. */
export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  readStdin(): Promise<Buffer>;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_TROUBLE = 2;

/** Runs one command line and resolves with the exit code (ESLint's: 0 clean, 1 findings, 2 trouble). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let request;
  try {
    request = parseCommandLine(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`kube-guide: ${error.message}\n`);
    return EXIT_TROUBLE;
  }
  if (request.command === 'help') {
    io.stdout.write(HELP_TEXT);
    return EXIT_OK;
  }
  if (request.command === 'version') {
    const kubernetes = kubernetesMinorVersion(loadKubernetesSchemaMeta());
    io.stdout.write(`kube-guide ${packageVersion()}${kubernetes ? ` (Kubernetes ${kubernetes} schema)` : ''}\n`);
    return EXIT_OK;
  }
  return runLint(request, io);
}

/** One target's place in the report: what the run learnt about it, kept in the order the files were found. */
interface Slot {
  target: Target;
  shown: string;
  notes: string[];
  problems: RunProblem[];
  source?: SourceText;
  settings?: KubeGuideSettings;
  /** The cache key of the text as read; set only when the cache is on and the target is a file. */
  cacheKey?: string;
  outcome?: Pick<LintJobOutcome, 'fixedText' | 'isManifest' | 'messages' | 'fixable' | 'objects' | 'error'>;
  /** The file's URI, as the index and the editor know it. */
  uri?: string;
  /** The text the report is of (after fixes, when there were any). */
  checkedText?: string;
  fromCache?: boolean;
}

async function runLint(options: LintOptions, io: CliIo): Promise<number> {
  const { cwd } = io;
  const collected = collectTargets(options.paths, cwd);
  const problems: RunProblem[] = [...collected.problems];
  const notes = [...collected.notes];
  const results: FileResult[] = [];
  const diffs: string[] = [];
  const fixing = options.fix || options.fixDryRun;

  const ruleIds = new Set(ALL_RULES.map((rule) => rule.meta.id));
  const configs = createConfigLoader(ruleIds, existsSync);
  const reportedConfigErrors = new Set<string>();
  const excludeMatchers = new Map<string, Ignore>();
  const cache = options.cacheLocation !== undefined ? openCache(options.cacheLocation, cwd, notes) : undefined;

  const configFor = (directory: string, slot: Slot): ResolvedConfig | undefined => {
    try {
      return configs.resolve(directory);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      const key = error.message;
      if (!reportedConfigErrors.has(key)) {
        reportedConfigErrors.add(key);
        slot.problems.push({ path: displayPath(cwd, error.file), problem: `${error.key ? `"${error.key}": ` : ''}${error.problem}` });
      }
      slot.notes.push(`${slot.shown} was not checked: its configuration is broken`);
      return undefined;
    }
  };

  // Without a cache every file found is checked: worker threads can start loading the schema now, while
  // this thread reads the files. With one, how many files need checking is known only after reading.
  const cores = availableParallelism();
  const early = cache ? 0 : workerCountFor(collected.targets.length, options.jobs, cores);
  let pool: WorkerPool | undefined = early > 0 ? startWorkerPool(early) : undefined;

  // 1. In order, on this thread: config, excludes, reading, and what other files' checks need to know of
  // each file: the CRDs and the autoscalers among them.
  const slots: Slot[] = [];
  const lintedCrds: CrdSchema[] = [];
  const autoscalers: ObjectSummary[] = [];
  const configCrds = new Map<string, { baseDir: string; patterns: string[] }>();
  for (const target of collected.targets) {
    const where = locate(target, options, cwd);
    const slot: Slot = { target, shown: where.shown, notes: [], problems: [], uri: where.uri };
    slots.push(slot);
    const config = configFor(where.configDir, slot);
    if (!config) continue;
    if (target.kind === 'file' && isExcluded(config.exclude, target.path, excludeMatchers)) {
      if (target.explicit) slot.notes.push(`${where.shown} is excluded by ${displayPath(cwd, config.files[0] ?? '')} and was not checked`);
      continue;
    }
    const source: SourceText | { problem: string } =
      target.kind === 'stdin' ? decodeSource(await io.readStdin()) : readSourceFile(target.path, options.maxFileSize);
    if ('problem' in source) {
      slot.problems.push({ path: where.shown, problem: source.problem });
      continue;
    }
    const settings: KubeGuideSettings = { ...DEFAULT_SETTINGS, rules: applyConfig(DEFAULT_RULE_SETTINGS, config.ruleSettings) };
    slot.source = source;
    slot.settings = settings;
    // CRDs judge the custom resources of every file, as in the editor: all are known before any check.
    lintedCrds.push(...crdSchemasInText(source.text).schemas);
    // Only files that name a scale target are parsed here: the checks parse every file again anyway.
    if (source.text.includes('scaleTargetRef')) autoscalers.push(...autoscalersIn(summarizeFile(where.uri, parseManifestFile(source.text))));
    for (const named of config.crds) configCrds.set(named.baseDir, named);
  }

  // 1b. The CRDs --crd and the config files' `crds:` name; for the same kind, one among the linted files wins.
  const outside = await readExternalCrds([
    ...(options.crds ?? []).map((pattern) => ({ pattern, baseDir: cwd, namedBy: '--crd' })),
    ...configCrdEntries([...configCrds.values()]),
  ]);
  const shownCrdFile = (file: string) => (path.isAbsolute(file) ? displayPath(cwd, file) : file);
  problems.push(...outside.problems.map(({ file, problem }) => ({ path: shownCrdFile(file), problem })));
  notes.push(...outside.notes.map(({ file, problem }) => `${shownCrdFile(file)} ${problem}, so it adds no schema`));
  const context: RunContext = { crds: withOutsideCrds(lintedCrds, outside.schemas), autoscalers };
  const contextKey = contextFingerprint(context);

  // 1c. In order: the cache (its entries hold for this context only), and the files left to check.
  const jobs: LintJob[] = [];
  for (const [id, slot] of slots.entries()) {
    const { source, settings, target } = slot;
    if (!source || !settings) continue;
    if (cache && target.kind === 'file') {
      slot.cacheKey = entryKey(source.text, settings, contextKey);
      const cached = cache.get(target.path, slot.cacheKey);
      // A file --fix would change is always checked afresh: its findings are those of the fixed text.
      if (cached && !(fixing && cached.fixable)) {
        slot.outcome = cached;
        slot.fromCache = true;
        continue;
      }
    }
    jobs.push({ id, text: source.text, uri: slot.uri!, settings, fix: fixing });
  }

  // 2. The checks themselves: on this thread for a small run, else on this thread and worker threads.
  const workerCount = pool ? pool.size : workerCountFor(jobs.length, options.jobs, cores);
  const progress = createProgressLine(io.stderr, jobs.length);
  try {
    if (jobs.length > 0) {
      // Loaded only now, when there is something to check: the schema is loaded on the first manifest.
      const { createLintJobRunner } = await import('./lintJob.js');
      const runJob = createLintJobRunner();
      if (workerCount === 0) {
        runJob.useContext(context);
        for (const [index, job] of jobs.entries()) {
          slots[job.id].outcome = await runJob(job);
          progress.update(index + 1);
        }
      } else {
        pool ??= startWorkerPool(workerCount);
        const outcomes = await pool.run(jobs, (done) => progress.update(done), context, runJob);
        for (const [id, outcome] of outcomes) slots[id].outcome = outcome;
      }
    }
  } finally {
    progress.end();
    await pool?.close();
  }

  // 3. In order again: write fixes, gather results, remember them for next time.
  for (const slot of slots) {
    notes.push(...slot.notes);
    problems.push(...slot.problems);
    const { outcome, source, target } = slot;
    if (!outcome || !source) continue;
    if (outcome.error !== undefined) {
      problems.push({ path: slot.shown, problem: `could not be checked: ${outcome.error}` });
      continue;
    }
    let checkedText = source.text;
    if (outcome.fixedText !== undefined && outcome.fixedText !== source.text) {
      if (options.fix && target.kind === 'file') {
        try {
          writeFileSync(target.path, (source.byteOrderMark ? '\uFEFF' : '') + outcome.fixedText);
          checkedText = outcome.fixedText;
        } catch (error) {
          problems.push({ path: slot.shown, problem: `the fixes cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
          continue;
        }
      } else {
        diffs.push(unifiedDiff(slot.shown, source.text, outcome.fixedText));
        // The report is of the fixed text, which is not on disk: nothing to remember.
        checkedText = outcome.fixedText;
      }
    }
    if (cache && target.kind === 'file' && slot.settings && !slot.fromCache && (checkedText === source.text || options.fix)) {
      cache.set(target.path, checkedText === source.text ? slot.cacheKey! : entryKey(checkedText, slot.settings, contextKey), outcome);
    }
    slot.checkedText = checkedText;
    if (outcome.isManifest) results.push({ displayPath: slot.shown, messages: outcome.messages });
  }
  addWorkspaceRuleMessages(slots, results);
  if (cache) {
    try {
      cache.save();
    } catch (error) {
      notes.push(`the cache ${displayPath(cwd, cache.file)} cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)}); the next run checks every file again`);
    }
  }
  if (options.debug) {
    const fromCache = slots.filter((slot) => slot.fromCache).length;
    notes.push(
      `debug: files=${slots.length} checked=${jobs.length} cached=${fromCache} workers=${workerCount}` +
        (cache ? ` cache=${displayPath(cwd, cache.file)}` : '') +
        (context.crds.length > 0 ? ` crds=${context.crds.length}` : '') +
        (autoscalers.length > 0 ? ` autoscalers=${autoscalers.length}` : ''),
    );
  }

  const report: LintReport = { results, problems };
  const toFile = options.output !== undefined;
  // With --fix-dry-run standard output carries the diff, so a report not sent to a file goes to stderr.
  const reportStream = options.fixDryRun && !toFile ? io.stderr : io.stdout;
  const forced = !!io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0';
  const onTerminal = !!io.stdout.isTTY && !io.env.NO_COLOR;
  const color = !toFile && !options.fixDryRun && (options.color ?? (forced || onTerminal));
  const formatted = FORMATTERS[options.format]({ ...report }, { cwd, rules: ALL_RULES.map((rule) => rule.meta), toolVersion: packageVersion(), color });
  if (options.fixDryRun) io.stdout.write(diffs.join(''));
  if (toFile) {
    try {
      writeFileSync(path.resolve(cwd, options.output!), formatted);
    } catch (error) {
      problems.push({ path: options.output!, problem: `the report cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
    }
  } else {
    reportStream.write(formatted);
  }
  for (const note of notes) io.stderr.write(`kube-guide: note: ${note}\n`);
  for (const problem of problems) io.stderr.write(`kube-guide: ${problem.path}: ${problem.problem}\n`);

  if (problems.length > 0) return EXIT_TROUBLE;
  const counts = countMessages(results.flatMap((result) => result.messages));
  if (counts.error > 0) return EXIT_FINDINGS;
  if (options.maxWarnings !== undefined && counts.warning > options.maxWarnings) {
    io.stderr.write(`kube-guide: ${counts.warning} warnings, more than --max-warnings ${options.maxWarnings} allows\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

/** Where a target is reported, where its config is looked for, and the URI the checks see. */
/**
 * The cross-resource rules, as the editor runs them over its workspace index: here the index holds every
 * file of this run, so an Ingress and its Service are judged together when both are linted.
 */
function addWorkspaceRuleMessages(slots: readonly Slot[], results: FileResult[]): void {
  const index = new WorkspaceIndex();
  for (const slot of slots) if (slot.uri && slot.outcome?.objects?.length) index.update(slot.uri, slot.outcome.objects, { findDependents: false });
  const resultsByPath = new Map(results.map((result) => [result.displayPath, result]));
  for (const slot of slots) {
    const result = resultsByPath.get(slot.shown);
    if (!result || !slot.uri || !slot.settings || slot.checkedText === undefined) continue;
    const text = slot.checkedText;
    const run = runWorkspaceRules(index.objectsIn(slot.uri), index, ALL_RULES, slot.settings.rules, () => text);
    if (run.findings.length === 0) continue;
    // A new list: the file's own messages are also what the cache keeps, and these are found afresh every run.
    result.messages = [...result.messages, ...workspaceRuleMessages(run.findings)];
    result.messages.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }
}

function openCache(location: string, cwd: string, notes: string[]): LintCache {
  const file = resolveCacheFile(location, cwd, DEFAULT_CACHE_LOCATION);
  const tool = toolKey({
    version: packageVersion(),
    codeFile: __filename,
    rules: ALL_RULES.map((rule) => rule.meta),
    schema: loadKubernetesSchemaMeta(),
  });
  const cache = openLintCache(file, tool);
  if (cache.discarded) notes.push(`the cache ${displayPath(cwd, file)} was not used: ${cache.discarded}`);
  return cache;
}

function locate(target: Target, options: LintOptions, cwd: string): { shown: string; configDir: string; uri: string } {
  if (target.kind === 'file') {
    return { shown: displayPath(cwd, target.path), configDir: path.dirname(target.path), uri: pathToFileURL(target.path).href };
  }
  if (options.stdinFilename !== undefined) {
    const named = path.resolve(cwd, options.stdinFilename);
    return { shown: displayPath(cwd, named), configDir: path.dirname(named), uri: pathToFileURL(named).href };
  }
  return { shown: '<stdin>', configDir: cwd, uri: 'untitled:stdin.yaml' };
}

function unifiedDiff(shown: string, before: string, after: string): string {
  const patch = createTwoFilesPatch(`a/${shown}`, `b/${shown}`, before, after, undefined, undefined, { context: 3 });
  // The library starts with a line of "=" signs that `patch` and `git apply` do not need.
  return patch.replace(/^=+\n/, '');
}

/** The version in package.json, found above this module (dist/ when bundled, out/server/src/cli/ in tests). */
function packageVersion(): string {
  let folder = __dirname;
  for (;;) {
    const candidate = path.join(folder, 'package.json');
    if (existsSync(candidate)) {
      try {
        const manifest = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
        if (manifest.name === 'kube-guide' && manifest.version) return manifest.version;
      } catch {
        // Not ours or unreadable: keep looking upwards.
      }
    }
    const parent = path.dirname(folder);
    if (parent === folder) return 'unknown';
    folder = parent;
  }
}
