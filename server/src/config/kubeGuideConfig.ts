import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import type { Severity } from '../rules/rule';
import type { RuleProfile, RuleSettings } from '../rules/ruleSettings';

// `.kube-guide.yaml` configures the rules for the files in its folder and below. Like .editorconfig,
// files are found by walking up from each checked file: nearer files win key by key, and a file with
// `root: true` ends the walk. The editor and the CLI read it through these functions alike.

export const CONFIG_FILE_NAME = '.kube-guide.yaml';

const SEVERITIES: ReadonlyArray<Severity | 'off'> = ['off', 'hint', 'info', 'warning', 'error'];
const PROFILES: readonly RuleProfile[] = ['aks-production', 'baseline'];
const KNOWN_KEYS = ['root', 'profile', 'rules', 'trustedRegistries', 'exclude', 'kubernetesVersion', 'crds'] as const;

/** One `.kube-guide.yaml`, as written. */
export interface ConfigFile {
  path: string;
  root: boolean;
  profile?: RuleProfile;
  rules?: Record<string, Severity | 'off'>;
  trustedRegistries?: string[];
  /** Gitignore-style patterns, relative to the folder of the file that wrote them. */
  exclude?: string[];
  /** The Kubernetes minor version the manifests target, "1.30" say: wins over the editor's setting. */
  kubernetesVersion?: string;
  /** Files, folders or globs of CustomResourceDefinitions, relative to the folder of the file that wrote them. */
  crds?: string[];
}

/** A config file that cannot be used: which file, which key, and what is wrong. */
export class ConfigError extends Error {
  constructor(readonly file: string, readonly key: string | undefined, readonly problem: string) {
    super(`${file}: ${key ? `"${key}": ` : ''}${problem}`);
    this.name = 'ConfigError';
  }
}

/** What applies to one checked file, with every config file from the nearest up to the root merged. */
export interface ResolvedConfig {
  /** The files that contributed, nearest first. */
  files: string[];
  /** Only the keys some file set: lay it over the editor's or the CLI's own defaults. */
  ruleSettings: Partial<RuleSettings>;
  /** Each file's patterns with the folder they are relative to. */
  exclude: Array<{ baseDir: string; patterns: string[] }>;
  /** Each file's `crds:` entries with the folder they are relative to: they add up, none wins over another. */
  crds: Array<{ baseDir: string; patterns: string[] }>;
  /** Also in `ruleSettings`; here too for callers that only want to know whether a file set it. */
  kubernetesVersion?: string;
}

/** Reads and validates one config file's text. Throws `ConfigError` on anything it cannot honour. */
export function parseConfigText(text: string, filePath: string, knownRuleIds: ReadonlySet<string>): ConfigFile {
  function fail(key: string | undefined, problem: string): never {
    throw new ConfigError(filePath, key, problem);
  }
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const firstError = document.errors[0];
  if (firstError) {
    const line = firstError.linePos?.[0].line;
    fail(undefined, `not valid YAML${line ? ` (line ${line})` : ''}: ${firstError.message.split('\n')[0]}`);
  }
  const config: ConfigFile = { path: filePath, root: false };
  const contents = document.contents as YamlNode | null;
  // An empty file (or one with only comments) sets nothing.
  if (contents === null || (isScalar(contents) && contents.value === null)) return config;
  if (!isMap(contents)) fail(undefined, 'must be a mapping of settings (profile, rules, ...)');

  for (const pair of contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : fail(undefined, 'keys must be plain names');
    const value = pair.value as YamlNode | null;
    const plain = value === null ? null : (value.toJSON() as unknown);
    switch (key) {
      case 'root':
        if (typeof plain !== 'boolean') fail(key, 'must be true or false');
        config.root = plain as boolean;
        break;
      case 'profile':
        if (typeof plain !== 'string' || !PROFILES.includes(plain as RuleProfile)) {
          fail(key, `must be one of ${PROFILES.join(', ')} (found ${describe(plain)})`);
        }
        config.profile = plain as RuleProfile;
        break;
      case 'rules': {
        if (!isMap(value)) fail(key, `must be a mapping of rule id to severity (found ${describe(plain)})`);
        const rules: Record<string, Severity | 'off'> = {};
        for (const [ruleId, severity] of Object.entries(plain as Record<string, unknown>)) {
          if (!knownRuleIds.has(ruleId)) fail(`rules.${ruleId}`, 'no rule has this id');
          if (typeof severity !== 'string' || !SEVERITIES.includes(severity as Severity)) {
            fail(`rules.${ruleId}`, `must be one of ${SEVERITIES.join(', ')} (found ${describe(severity)})`);
          }
          rules[ruleId] = severity as Severity | 'off';
        }
        config.rules = rules;
        break;
      }
      case 'trustedRegistries':
      case 'exclude':
      case 'crds': {
        if (!isSeq(value)) fail(key, `must be a list of strings (found ${describe(plain)})`);
        const items = plain as unknown[];
        items.forEach((item, index) => {
          if (typeof item !== 'string' || item.trim() === '') fail(`${key}[${index}]`, `must be a non-empty string (found ${describe(item)})`);
        });
        config[key] = (items as string[]).map((item) => item.trim());
        break;
      }
      case 'kubernetesVersion': {
        // Written unquoted, 1.30 reads as the number 1.3: insist on a string so the version is the one meant.
        if (typeof plain !== 'string' || !/^\d+\.\d+$/.test(plain)) {
          fail(key, `must be a quoted minor version such as "1.30" (found ${describe(plain)})`);
        }
        config.kubernetesVersion = plain as string;
        break;
      }
      default:
        fail(key, `unknown key; allowed keys are ${KNOWN_KEYS.join(', ')}`);
    }
  }
  return config;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return JSON.stringify(value);
}

/** Reads a config file from disk. Throws `ConfigError` when it cannot be read or used. */
export function readConfigFile(filePath: string, knownRuleIds: ReadonlySet<string>): ConfigFile {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    throw new ConfigError(filePath, undefined, `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return parseConfigText(text, filePath, knownRuleIds);
}

/** How config files are found and read; a fresh one per run, so edits between runs are seen. */
export interface ConfigLoader {
  /** The merged config for a file in `directory` (absolute). Throws `ConfigError` for a bad file on the way up. */
  resolve(directory: string): ResolvedConfig;
}

export function createConfigLoader(
  knownRuleIds: ReadonlySet<string>,
  fileExists: (filePath: string) => boolean,
): ConfigLoader {
  // Per folder: the config files that apply there, nearest first. Folders share their parents' entries.
  const chains = new Map<string, ConfigFile[]>();
  const chainFor = (directory: string): ConfigFile[] => {
    const known = chains.get(directory);
    if (known) return known;
    const candidate = path.join(directory, CONFIG_FILE_NAME);
    const own = fileExists(candidate) ? readConfigFile(candidate, knownRuleIds) : undefined;
    const parent = path.dirname(directory);
    const chain = own?.root || parent === directory ? (own ? [own] : []) : own ? [own, ...chainFor(parent)] : chainFor(parent);
    chains.set(directory, chain);
    return chain;
  };
  return { resolve: (directory) => mergeConfigFiles(chainFor(path.resolve(directory))) };
}

/** Merges config files given nearest first: for each key the nearest file that sets it wins; rules merge per id. */
export function mergeConfigFiles(nearestFirst: readonly ConfigFile[]): ResolvedConfig {
  const farthestFirst = [...nearestFirst].reverse();
  const ruleSettings: Partial<RuleSettings> = {};
  for (const config of farthestFirst) {
    if (config.profile) ruleSettings.profile = config.profile;
    if (config.rules) ruleSettings.severities = { ...ruleSettings.severities, ...config.rules };
    if (config.trustedRegistries) ruleSettings.trustedRegistries = config.trustedRegistries;
    if (config.kubernetesVersion) ruleSettings.kubernetesVersion = config.kubernetesVersion;
  }
  const { kubernetesVersion } = ruleSettings;
  return {
    files: nearestFirst.map((config) => config.path),
    ruleSettings,
    exclude: nearestFirst.flatMap((config) => (config.exclude ? [{ baseDir: path.dirname(config.path), patterns: config.exclude }] : [])),
    crds: nearestFirst.flatMap((config) => (config.crds ? [{ baseDir: path.dirname(config.path), patterns: config.crds }] : [])),
    ...(kubernetesVersion ? { kubernetesVersion } : {}),
  };
}

/** Rule settings with a config laid over them: the config's rules add to (and beat) the base's. */
export function applyConfig(base: RuleSettings, override: Partial<RuleSettings>): RuleSettings {
  return {
    profile: override.profile ?? base.profile,
    severities: { ...base.severities, ...override.severities },
    trustedRegistries: override.trustedRegistries ?? base.trustedRegistries,
    kubernetesVersion: override.kubernetesVersion ?? base.kubernetesVersion,
  };
}
