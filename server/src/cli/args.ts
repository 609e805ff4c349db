import { parseArgs } from 'node:util';
import { FORMATTERS } from './formatterRegistry';

/** A mistake on the command line: exit code 2, with this message. */
export class UsageError extends Error {}

export interface LintOptions {
  command: 'lint';
  /** Files, folders, globs, or `-` for standard input. The working folder when none is given. */
  paths: string[];
  format: string;
  output?: string;
  fix: boolean;
  fixDryRun: boolean;
  /** More warnings than this fail the run; undefined: no limit. */
  maxWarnings?: number;
  maxFileSize: number;
  /** The name standard input is reported under, and where its config is looked for. */
  stdinFilename?: string;
  color?: boolean;
  /** Worker threads to spread files over; undefined: one per core, and none for a small run. */
  jobs?: number;
  /** Where `--cache` keeps results; undefined: no cache. */
  cacheLocation?: string;
  /** Print counters (files, cache hits, workers) to standard error at the end. */
  debug: boolean;
  /** `--crd`: files, folders or globs of CustomResourceDefinitions, besides those among the linted files. */
  crds?: string[];
}

export type CliRequest = LintOptions | { command: 'help' } | { command: 'version' };

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;
/** Like ESLint's `.eslintcache`: a file in the working folder, unless `--cache-location` says otherwise. */
export const DEFAULT_CACHE_LOCATION = '.kube-guide-cache';

export const HELP_TEXT = `Usage: kube-guide lint [options] [paths...]

Checks Kubernetes manifests with the same schema validation and rules as the Kube Guide editor
extension. Paths are files, folders (searched for *.yaml and *.yml, honouring .gitignore) or quoted
globs such as "k8s/**/*.yaml"; "-" reads standard input. With no path, the current folder.
YAML files that hold no Kubernetes object are skipped, as in the editor.

Options:
  -f, --format <name>       stylish (default), json, sarif or github
  -o, --output <file>       write the report to a file instead of standard output
      --fix                 apply every automatic fix in place
      --fix-dry-run         print the fixes as a unified diff instead of writing them
      --max-warnings <n>    fail when there are more than n warnings
      --max-file-size <n>   skip files larger than n bytes (suffix k or m allowed; default 5m)
      --stdin-filename <p>  the name to report standard input under (also picks its config)
      --color, --no-color   force colours on or off in the stylish format
  -j, --jobs <n|auto>       threads to check files on, the main one included (default auto: one
                            per core, and one when fewer than 200 files need checking)
      --cache               only check files that changed since the last run (content, config,
                            CRDs and tool version are compared)
      --cache-location <p>  the cache file, or a folder to put it in (default .kube-guide-cache)
      --crd <file|glob>     also check custom resources against the CustomResourceDefinitions in
                            this file, folder or glob (repeatable); CRDs among the linted files
                            are always used
      --debug               print counters (files, cache hits, worker threads) to standard error
  -h, --help                show this help
  -v, --version             show the version

Configuration: .kube-guide.yaml files, looked up from each file's folder towards the root
(the nearest wins; "root: true" stops the search): profile, rules, trustedRegistries, exclude,
kubernetesVersion, crds (CRD files, relative to the config file's folder).

Exit codes: 0 no errors; 1 errors found, or more warnings than --max-warnings;
2 a usage, configuration or file problem.
`;

function parseSize(text: string, option: string): number {
  const match = /^(\d+)([km]?)b?$/i.exec(text.trim());
  if (!match) throw new UsageError(`${option} expects a size in bytes such as 5000000 or 5m, not "${text}"`);
  const unit = match[2].toLowerCase() === 'm' ? 1024 * 1024 : match[2].toLowerCase() === 'k' ? 1024 : 1;
  return Number(match[1]) * unit;
}

/** Reads the command line (without `node` and the script). Throws `UsageError` on anything it does not understand. */
export function parseCommandLine(argv: readonly string[]): CliRequest {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        'max-warnings': { type: 'string' },
        'max-file-size': { type: 'string' },
        'stdin-filename': { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        jobs: { type: 'string', short: 'j' },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
        debug: { type: 'boolean' },
        crd: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals[0] === 'help') return { command: 'help' };
  if (values.version) return { command: 'version' };
  const [command, ...paths] = positionals;
  if (command === undefined) throw new UsageError('missing command: try "kube-guide lint ." or "kube-guide --help"');
  if (command !== 'lint') throw new UsageError(`unknown command "${command}": the only command is "lint"`);

  const format = values.format ?? 'stylish';
  if (!Object.hasOwn(FORMATTERS, format)) {
    throw new UsageError(`unknown format "${format}": choose ${Object.keys(FORMATTERS).join(', ')}`);
  }
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    const text = values['max-warnings'];
    if (!/^-?\d+$/.test(text)) throw new UsageError(`--max-warnings expects a whole number, not "${text}"`);
    // -1, as in ESLint, means no limit.
    maxWarnings = Number(text) < 0 ? undefined : Number(text);
  }
  if (values.fix && values['fix-dry-run']) throw new UsageError('choose one of --fix and --fix-dry-run');
  if (values.color && values['no-color']) throw new UsageError('choose one of --color and --no-color');
  const stdinUsed = paths.includes('-');
  if (values.fix && stdinUsed) throw new UsageError('--fix cannot write back to standard input; use --fix-dry-run');
  if (values['stdin-filename'] !== undefined && !stdinUsed) throw new UsageError('--stdin-filename needs "-" among the paths');

  let jobs: number | undefined;
  if (values.jobs !== undefined && values.jobs !== 'auto') {
    if (!/^\d+$/.test(values.jobs) || Number(values.jobs) < 1) throw new UsageError(`--jobs expects a number of threads of at least 1, or auto, not "${values.jobs}"`);
    jobs = Number(values.jobs);
  }
  if (values['cache-location'] !== undefined && !values.cache) throw new UsageError('--cache-location needs --cache');
  if (values.crd?.some((entry) => entry.trim() === '')) throw new UsageError('--crd expects a file, folder or glob, not an empty string');

  return {
    command: 'lint',
    paths: paths.length > 0 ? paths : ['.'],
    format,
    ...(values.output !== undefined ? { output: values.output } : {}),
    fix: values.fix ?? false,
    fixDryRun: values['fix-dry-run'] ?? false,
    ...(maxWarnings !== undefined ? { maxWarnings } : {}),
    maxFileSize: values['max-file-size'] !== undefined ? parseSize(values['max-file-size'], '--max-file-size') : DEFAULT_MAX_FILE_SIZE,
    ...(values['stdin-filename'] !== undefined ? { stdinFilename: values['stdin-filename'] } : {}),
    ...(values.color ? { color: true } : values['no-color'] ? { color: false } : {}),
    ...(jobs !== undefined ? { jobs } : {}),
    ...(values.cache ? { cacheLocation: values['cache-location'] ?? DEFAULT_CACHE_LOCATION } : {}),
    debug: values.debug ?? false,
    ...(values.crd ? { crds: values.crd } : {}),
  };
}
