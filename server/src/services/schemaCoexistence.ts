// Living beside Red Hat's YAML extension (redhat.vscode-yaml). Many Kubernetes users already map a
// Kubernetes schema to their manifests in its `yaml.schemas` setting; then it reports schema errors and
// field hovers itself, and ours would say everything twice. In `auto` mode we leave the schema to it for
// the files its setting covers, and keep what only we do (best-practice rules, guide hovers, fixes).
import picomatch from 'picomatch';
import type { RedHatYamlReport } from '../protocol';

/** `kubeGuide.schemaValidation`: `auto` defers to Red Hat YAML where it checks the file; `on` always checks; `off` never. */
export type SchemaValidationMode = 'auto' | 'on' | 'off';

const MODES: readonly SchemaValidationMode[] = ['auto', 'on', 'off'];

/**
 * Reads the setting. Before it was a mode it was `kubeGuide.schemaValidation.enable` (a boolean), which VS
 * Code hands over as `{ enable: false }`: someone who turned the check off keeps it off.
 */
export function readSchemaValidationMode(value: unknown): SchemaValidationMode {
  if (typeof value === 'string' && MODES.includes(value as SchemaValidationMode)) return value as SchemaValidationMode;
  if (typeof value === 'object' && value !== null && (value as { enable?: unknown }).enable === false) return 'off';
  return 'auto';
}

/** Who reports schema problems for a file. */
export type SchemaChecker = 'kube-guide' | 'red-hat-yaml' | 'nobody';

export interface SchemaDecision {
  /** True when Kube Guide publishes schema diagnostics, schema field hovers and schema completion. */
  validate: boolean;
  checkedBy: SchemaChecker;
}

/** Keys of `yaml.schemas` that name a Kubernetes schema: the `kubernetes` keyword or a known schema URL. */
export function isKubernetesSchemaKey(key: string): boolean {
  const name = key.trim().toLowerCase();
  return (
    name === 'kubernetes' ||
    name.includes('kubernetes-json-schema') ||
    name.includes('yannh') ||
    name.includes('instrumenta') ||
    name.endsWith('/all.json') ||
    name === 'all.json'
  );
}

/** The glob lists that `yaml.schemas` maps to Kubernetes schemas (one list per schema entry). */
export function kubernetesSchemaGlobs(schemas: unknown): string[][] {
  if (typeof schemas !== 'object' || schemas === null || Array.isArray(schemas)) return [];
  return Object.entries(schemas as Record<string, unknown>).flatMap(([key, globs]) => {
    if (!isKubernetesSchemaKey(key)) return [];
    const list = (Array.isArray(globs) ? globs : [globs]).filter((glob): glob is string => typeof glob === 'string');
    return list.length > 0 ? [list] : [];
  });
}

/**
 * A test of whether one `yaml.schemas` entry's globs select a document, matching them the way Red Hat's
 * language server (yaml-language-server 2.x) does: each glob, its leading `/` dropped, gets a `**\/` prefix
 * and is tested with picomatch against the document's URI without query or fragment; `!glob` excludes.
 */
function redHatGlobMatcher(globs: readonly string[]): (documentUri: string) => boolean {
  const positive: string[] = [];
  const negative: string[] = [];
  for (const glob of globs) {
    const excluded = glob.startsWith('!');
    const pattern = (excluded ? glob.slice(1) : glob).replace(/^\//, '');
    if (pattern.length > 0) (excluded ? negative : positive).push(`**/${pattern}`);
  }
  if (positive.length === 0) return () => false;
  const options = { noglobstar: false };
  const included = picomatch(positive, options);
  const excluded = negative.length > 0 ? picomatch(negative, options) : () => false;
  return (documentUri) => {
    const resource = resourceForMatching(documentUri);
    return included(resource) && !excluded(resource);
  };
}

/** The URI as yaml-language-server matches it: no query or fragment, percent-escapes decoded. */
function resourceForMatching(uri: string): string {
  const bare = uri.replace(/[?#].*$/, '');
  try {
    return decodeURI(bare);
  } catch {
    return bare;
  }
}

/** Decides for one document whether Kube Guide checks it against the schema, under a mode. */
export type SchemaDecider = (mode: SchemaValidationMode, documentUri: string) => SchemaDecision;

/**
 * The decision for a client's report, with its globs compiled once (the server keeps it until the next
 * report). `redHatYaml` undefined: the client has not said, so nothing is known to check files, and we do.
 */
export function schemaDeciderFor(redHatYaml: RedHatYamlReport | undefined): SchemaDecider {
  const active = redHatYaml?.installed === true && redHatYaml.validate !== false;
  const matchers = active ? kubernetesSchemaGlobs(redHatYaml.schemas).map(redHatGlobMatcher) : [];
  return (mode, documentUri) => {
    if (mode === 'off') return { validate: false, checkedBy: 'nobody' };
    if (mode === 'on') return { validate: true, checkedBy: 'kube-guide' };
    return matchers.some((covers) => covers(documentUri)) ? { validate: false, checkedBy: 'red-hat-yaml' } : { validate: true, checkedBy: 'kube-guide' };
  };
}

/** Whether Kube Guide checks a document against the schema, given the mode, the client's report and the document. */
export function decideSchemaValidation(mode: SchemaValidationMode, redHatYaml: RedHatYamlReport | undefined, documentUri: string): SchemaDecision {
  return schemaDeciderFor(redHatYaml)(mode, documentUri);
}

/** The client's report as sent, or undefined when it is not one (an older client, or none at all). */
export function readRedHatYamlReport(value: unknown): RedHatYamlReport | undefined {
  if (typeof value !== 'object' || value === null || typeof (value as { installed?: unknown }).installed !== 'boolean') return undefined;
  const { installed, schemas, validate } = value as RedHatYamlReport;
  return { installed, schemas, validate };
}
