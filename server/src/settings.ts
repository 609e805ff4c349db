import { isMinorVersion } from './knowledge/kubernetesVersions';
import type { Severity } from './rules/rule';
import { DEFAULT_RULE_SETTINGS, type RuleProfile, type RuleSettings } from './rules/ruleSettings';
import { DEFAULT_MAX_FILE_SIZE_MB, readMaxFileSizeMb } from './services/fileSizeLimit';
import { readSchemaValidationMode, type SchemaValidationMode } from './services/schemaCoexistence';

/** The `kubeGuide.*` settings the server acts on. Their titles and descriptions live in package.json. */
export interface KubeGuideSettings {
  /** `auto` leaves schema errors to Red Hat's YAML extension where it already checks a file against Kubernetes. */
  schemaValidation: SchemaValidationMode;
  hover: { enable: boolean };
  completion: { enable: boolean };
  /** The line above each workload saying what selects, scales or protects its pods. */
  codeLens: { enable: boolean };
  /** Includes the Kubernetes version target (a `.kube-guide.yaml` may still choose another per file). */
  rules: RuleSettings;
  /** Manifest files larger than this many MB get one notice instead of a check; 0: no limit. */
  maxFileSizeMb: number;
  /** Globs of files the workspace index leaves out, besides `files.exclude`. */
  exclude: string[];
  /** Whose problems are shown: open files only, or every manifest of the workspace. */
  diagnosticsScope: 'openFiles' | 'workspace';
  /** CRD files, folders or globs from outside the workspace: absolute, `~/`, or relative to the first folder. */
  crdFiles: string[];
}

export const DEFAULT_SETTINGS: KubeGuideSettings = {
  schemaValidation: 'auto',
  hover: { enable: true },
  completion: { enable: true },
  codeLens: { enable: true },
  rules: DEFAULT_RULE_SETTINGS,
  maxFileSizeMb: DEFAULT_MAX_FILE_SIZE_MB,
  exclude: [],
  diagnosticsScope: 'openFiles',
  crdFiles: [],
};

const SEVERITIES = new Set<string>(['off', 'hint', 'info', 'warning', 'error']);
const PROFILES = new Set<string>(['aks-production', 'baseline']);

/** Reads the `kubeGuide` settings section, keeping the default for anything missing or of the wrong type. */
export function readSettings(section: unknown): KubeGuideSettings {
  const values = (section ?? {}) as Record<string, unknown>;
  const flag = (group: 'hover' | 'completion' | 'codeLens'): boolean => {
    const value = (values[group] as { enable?: unknown } | undefined)?.enable;
    return typeof value === 'boolean' ? value : DEFAULT_SETTINGS[group].enable;
  };
  const severities: Record<string, Severity | 'off'> = {};
  for (const [ruleId, severity] of Object.entries((values.rules ?? {}) as Record<string, unknown>)) {
    if (typeof severity === 'string' && SEVERITIES.has(severity)) severities[ruleId] = severity as Severity | 'off';
  }
  const registries = Array.isArray(values.trustedRegistries)
    ? values.trustedRegistries.filter((registry): registry is string => typeof registry === 'string' && registry.trim() !== '')
    : DEFAULT_RULE_SETTINGS.trustedRegistries;
  return {
    schemaValidation: readSchemaValidationMode(values.schemaValidation),
    hover: { enable: flag('hover') },
    completion: { enable: flag('completion') },
    codeLens: { enable: flag('codeLens') },
    rules: {
      profile: typeof values.profile === 'string' && PROFILES.has(values.profile) ? (values.profile as RuleProfile) : DEFAULT_RULE_SETTINGS.profile,
      severities,
      trustedRegistries: registries,
      // Empty (the default) or malformed: the newest version AKS offers.
      kubernetesVersion: isMinorVersion(values.kubernetesVersion) ? values.kubernetesVersion : DEFAULT_RULE_SETTINGS.kubernetesVersion,
    },
    maxFileSizeMb: readMaxFileSizeMb(values),
    exclude: nonEmptyStrings(values.exclude),
    diagnosticsScope: values.diagnosticsScope === 'workspace' ? 'workspace' : 'openFiles',
    crdFiles: nonEmptyStrings(values.crdFiles).map((entry) => entry.trim()),
  };
}

/** The non-blank strings of a list setting; nothing when it is not a list. */
function nonEmptyStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '') : [];
}
