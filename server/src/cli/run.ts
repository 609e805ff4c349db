import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createTwoFilesPatch } from 'diff';
import type { Ignore } from 'ignore';
import { ConfigError, applyConfig, createConfigLoader, type ResolvedConfig } from '../config/kubeGuideConfig';
import { ALL_RULES } from '../rules/registry';
import { DEFAULT_RULE_SETTINGS } from '../rules/ruleSettings';
import { kubernetesMinorVersion, loadKubernetesSchema, loadKubernetesSchemaMeta } from '../schema/kubernetesSchema';
import type { CheckServices } from '../services/checkFile';
import { createSchemaService, type SchemaService } from '../services/schemaService';
import { DEFAULT_SETTINGS, type KubeGuideSettings } from '../settings';
import { HELP_TEXT, parseCommandLine, UsageError, type LintOptions } from './args';
import { collectTargets, displayPath, isExcluded, type Target } from './fileWalker';
import { FORMATTERS } from './formatterRegistry';
import { countMessages, type FileResult, type LintReport, type RunProblem } from './lintResult';
import { fixText, lintText } from './lintText';
import { decodeSource, readSourceFile, type SourceText } from './readSource';

/** What the CLI touches of its process, so tests can run it in-process. */
export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
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

async function runLint(options: LintOptions, io: CliIo): Promise<number> {
  const { cwd } = io;
  const collected = collectTargets(options.paths, cwd);
  const problems: RunProblem[] = [...collected.problems];
  const notes = [...collected.notes];
  const results: FileResult[] = [];
  const diffs: string[] = [];

  const ruleIds = new Set(ALL_RULES.map((rule) => rule.meta.id));
  const configs = createConfigLoader(ruleIds, existsSync);
  const reportedConfigErrors = new Set<string>();
  const excludeMatchers = new Map<string, Ignore>();
  let schemaService: SchemaService | undefined;
  const services: CheckServices = {
    rules: ALL_RULES,
    // The rule pages ship beside dist/, as they do for the editor.
    docsLink: (ruleId) => pathToFileURL(path.resolve(__dirname, '..', 'docs', 'rules', `${ruleId}.md`)).href,
    schemaService: () => (schemaService ??= createSchemaService(loadKubernetesSchema())),
  };

  const configFor = (directory: string, shownAs: string): ResolvedConfig | undefined => {
    try {
      return configs.resolve(directory);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      const key = error.message;
      if (!reportedConfigErrors.has(key)) {
        reportedConfigErrors.add(key);
        problems.push({ path: displayPath(cwd, error.file), problem: `${error.key ? `"${error.key}": ` : ''}${error.problem}` });
      }
      notes.push(`${shownAs} was not checked: its configuration is broken`);
      return undefined;
    }
  };

  for (const target of collected.targets) {
    const where = locate(target, options, cwd);
    const config = configFor(where.configDir, where.shown);
    if (!config) continue;
    if (target.kind === 'file' && isExcluded(config.exclude, target.path, excludeMatchers)) {
      if (target.explicit) notes.push(`${where.shown} is excluded by ${displayPath(cwd, config.files[0] ?? '')} and was not checked`);
      continue;
    }
    const source: SourceText | { problem: string } =
      target.kind === 'stdin' ? decodeSource(await io.readStdin()) : readSourceFile(target.path, options.maxFileSize);
    if ('problem' in source) {
      problems.push({ path: where.shown, problem: source.problem });
      continue;
    }
    const settings: KubeGuideSettings = { ...DEFAULT_SETTINGS, rules: applyConfig(DEFAULT_RULE_SETTINGS, config.ruleSettings) };
    try {
      let text = source.text;
      if (options.fix || options.fixDryRun) {
        const fixed = fixText(text, services, settings);
        if (fixed !== text) {
          if (options.fix && target.kind === 'file') {
            writeFileSync(target.path, (source.byteOrderMark ? '\uFEFF' : '') + fixed);
          } else {
            diffs.push(unifiedDiff(where.shown, text, fixed));
          }
          text = fixed;
        }
      }
      const linted = await lintText(text, where.uri, services, settings);
      if (linted.isManifest) results.push({ displayPath: where.shown, messages: linted.messages });
    } catch (error) {
      problems.push({ path: where.shown, problem: `could not be checked: ${error instanceof Error ? error.message : String(error)}` });
    }
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
