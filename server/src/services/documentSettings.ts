// What applies to one document: the user's settings with the team's `.kube-guide.yaml` laid over them,
// the Kubernetes version it targets, and whether we or Red Hat's YAML extension check it against the schema.
import { pathToFileURL } from 'node:url';
import type { WorkspaceConfig } from '../config/workspaceConfig';
import type { ManifestStatus } from '../protocol';
import type { RuleSettings } from '../rules/ruleSettings';
import type { KubeGuideSettings } from '../settings';
import type { SchemaDecider, SchemaDecision } from './schemaCoexistence';

export interface DocumentSettings {
  /** The user's settings, with schema validation resolved to `on` or `off` for this document. */
  settings: KubeGuideSettings;
  ruleSettings: RuleSettings;
  schema: SchemaDecision;
  target: NonNullable<ManifestStatus['target']>;
  /** The nearest config file that applies, as a URI. */
  configFile?: string;
}

export function documentSettingsFor(
  uri: string,
  settings: KubeGuideSettings,
  workspaceConfig: Pick<WorkspaceConfig, 'configFor'>,
  decideSchema: SchemaDecider,
): DocumentSettings {
  const config = workspaceConfig.configFor(uri, settings.rules);
  const schema = decideSchema(settings.schemaValidation, uri);
  return {
    settings: { ...settings, schemaValidation: schema.validate ? 'on' : 'off' },
    ruleSettings: config.ruleSettings,
    schema,
    target: {
      kubernetesVersion: config.ruleSettings.kubernetesVersion,
      chosenBy: config.fromFiles.kubernetesVersion ? 'config-file' : 'settings',
    },
    ...(config.files.length > 0 ? { configFile: pathToFileURL(config.files[0]).href } : {}),
  };
}
