import type { Severity } from './rules/rule';
import { DEFAULT_RULE_SETTINGS, type RuleProfile, type RuleSettings } from './rules/ruleSettings';
import { DEFAULT_MAX_FILE_SIZE_MB, readMaxFileSizeMb } from './services/fileSizeLimit';

/** The `kubeGuide.*` settings the server acts on. Their titles and descriptions live in package.json. */
export interface KubeGuideSettings {
  schemaValidation: { enable: boolean };
  hover: { enable: boolean };
  completion: { enable: boolean };
  rules: RuleSettings;
  /** Manifest files larger than this many MB get one notice instead of a check; 0: no limit. */
  maxFileSizeMb: number;
}

export const DEFAULT_SETTINGS: KubeGuideSettings = {
  schemaValidation: { enable: true },
  hover: { enable: true },
  completion: { enable: true },
  rules: DEFAULT_RULE_SETTINGS,
  maxFileSizeMb: DEFAULT_MAX_FILE_SIZE_MB,
};

const SEVERITIES = new Set<string>(['off', 'hint', 'info', 'warning', 'error']);
const PROFILES = new Set<string>(['aks-production', 'baseline']);

/** Reads the `kubeGuide` settings section, keeping the default for anything missing or of the wrong type. */
export function readSettings(section: unknown): KubeGuideSettings {
  const values = (section ?? {}) as Record<string, unknown>;
  const flag = (group: 'schemaValidation' | 'hover' | 'completion'): boolean => {
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
    schemaValidation: { enable: flag('schemaValidation') },
    hover: { enable: flag('hover') },
    completion: { enable: flag('completion') },
    rules: {
      profile: typeof values.profile === 'string' && PROFILES.has(values.profile) ? (values.profile as RuleProfile) : DEFAULT_RULE_SETTINGS.profile,
      severities,
      trustedRegistries: registries,
    },
    maxFileSizeMb: readMaxFileSizeMb(values),
  };
}
