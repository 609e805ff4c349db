import { NEWEST_AKS_KUBERNETES_VERSION } from '../knowledge/kubernetesVersions';
import type { Severity } from './rule';

export type RuleProfile = 'aks-production' | 'baseline';

/** The settings rules read, from `kubeGuide.*` in the editor or `.kube-guide.yaml` in the CLI. */
export interface RuleSettings {
  profile: RuleProfile;
  /** Per-rule severity overrides; `off` disables a rule. */
  severities: Record<string, Severity | 'off'>;
  /** Registries images may come from; empty means every registry is trusted. */
  trustedRegistries: string[];
  /** The Kubernetes minor version the manifests are deployed to ("1.34"): version-aware rules judge against it. */
  kubernetesVersion: string;
}

export const DEFAULT_RULE_SETTINGS: RuleSettings = {
  profile: 'aks-production',
  severities: {},
  trustedRegistries: [],
  kubernetesVersion: NEWEST_AKS_KUBERNETES_VERSION,
};
