/** The `kubeGuide.*` settings the server acts on. Their titles and descriptions live in package.json. */
export interface KubeGuideSettings {
  schemaValidation: { enable: boolean };
  hover: { enable: boolean };
  completion: { enable: boolean };
}

export const DEFAULT_SETTINGS: KubeGuideSettings = {
  schemaValidation: { enable: true },
  hover: { enable: true },
  completion: { enable: true },
};

/** Reads the `kubeGuide` settings section, keeping the default for anything missing or of the wrong type. */
export function readSettings(section: unknown): KubeGuideSettings {
  const flag = (group: keyof KubeGuideSettings): boolean => {
    const value = (section as Record<string, { enable?: unknown } | undefined> | undefined)?.[group]?.enable;
    return typeof value === 'boolean' ? value : DEFAULT_SETTINGS[group].enable;
  };
  return {
    schemaValidation: { enable: flag('schemaValidation') },
    hover: { enable: flag('hover') },
    completion: { enable: flag('completion') },
  };
}
