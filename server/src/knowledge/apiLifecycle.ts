// When Kubernetes deprecated and removed the API versions manifests still use, and what replaced them.
// Only versions we are sure of are written down: a missing `deprecatedIn` means "not recorded", not
// "never deprecated". Sources: the Kubernetes deprecated-API migration guide and the API server's own
// deprecation warnings ("X is deprecated in v1.21+, unavailable in v1.25+").
import { isAtLeast } from './kubernetesVersions';

/**
 * Whether changing only `apiVersion` to the replacement keeps the object's meaning:
 * - `same-shape`: yes;
 * - `needs-selector`: only when `spec.selector` is set (required by `apps/v1`, defaulted by the betas);
 * - `needs-non-empty-selector`: only when `spec.selector` selects something (in `policy/v1` an empty
 *   selector means every pod of the namespace, in `policy/v1beta1` none);
 * - `changed-shape`: no, fields were renamed or moved.
 */
export type Migration = 'same-shape' | 'needs-selector' | 'needs-non-empty-selector' | 'changed-shape';

export interface ApiLifecycle {
  apiVersion: string;
  kind: string;
  /** The first minor version whose API server warns that this version is deprecated. */
  deprecatedIn?: string;
  /** The first minor version that no longer serves it. */
  removedIn?: string;
  /** What to use instead; `kind` only when the replacement is another kind. */
  replacement?: { apiVersion: string; kind?: string; servedSince?: string; migration: Migration };
  /** What changes in a migration whose fields differ, where it is short to say (Markdown). */
  migrationNote?: string;
}

const replacedBy = (apiVersion: string, migration: Migration, servedSince?: string, kind?: string) => ({ apiVersion, migration, servedSince, kind });

const apps = replacedBy('apps/v1', 'needs-selector', '1.9');
const rbac = replacedBy('rbac.authorization.k8s.io/v1', 'same-shape', '1.8');
const flowControl = (migration: Migration) => replacedBy('flowcontrol.apiserver.k8s.io/v1', migration, '1.29');

/** `[apiVersion, kind, deprecatedIn, removedIn, replacement]`, grouped by the release that removed them. */
const LIFECYCLES: ReadonlyArray<[string, string, string | undefined, string | undefined, ApiLifecycle['replacement']]> = [
  // 1.16: the workload betas, and the first PodSecurityPolicy group.
  ['extensions/v1beta1', 'Deployment', undefined, '1.16', apps],
  ['extensions/v1beta1', 'DaemonSet', undefined, '1.16', apps],
  ['extensions/v1beta1', 'ReplicaSet', undefined, '1.16', apps],
  ['apps/v1beta1', 'Deployment', undefined, '1.16', apps],
  ['apps/v1beta1', 'StatefulSet', undefined, '1.16', apps],
  ['apps/v1beta2', 'Deployment', undefined, '1.16', apps],
  ['apps/v1beta2', 'StatefulSet', undefined, '1.16', apps],
  ['apps/v1beta2', 'DaemonSet', undefined, '1.16', apps],
  ['apps/v1beta2', 'ReplicaSet', undefined, '1.16', apps],
  ['extensions/v1beta1', 'NetworkPolicy', undefined, '1.16', replacedBy('networking.k8s.io/v1', 'same-shape')],
  ['extensions/v1beta1', 'PodSecurityPolicy', undefined, '1.16', undefined],
  // 1.22: most v1beta1 groups.
  ['extensions/v1beta1', 'Ingress', '1.14', '1.22', replacedBy('networking.k8s.io/v1', 'changed-shape', '1.19')],
  ['networking.k8s.io/v1beta1', 'Ingress', '1.19', '1.22', replacedBy('networking.k8s.io/v1', 'changed-shape', '1.19')],
  ['networking.k8s.io/v1beta1', 'IngressClass', undefined, '1.22', replacedBy('networking.k8s.io/v1', 'same-shape', '1.19')],
  ['rbac.authorization.k8s.io/v1beta1', 'Role', '1.17', '1.22', rbac],
  ['rbac.authorization.k8s.io/v1beta1', 'ClusterRole', '1.17', '1.22', rbac],
  ['rbac.authorization.k8s.io/v1beta1', 'RoleBinding', '1.17', '1.22', rbac],
  ['rbac.authorization.k8s.io/v1beta1', 'ClusterRoleBinding', '1.17', '1.22', rbac],
  ['storage.k8s.io/v1beta1', 'StorageClass', undefined, '1.22', replacedBy('storage.k8s.io/v1', 'same-shape')],
  ['storage.k8s.io/v1beta1', 'VolumeAttachment', undefined, '1.22', replacedBy('storage.k8s.io/v1', 'same-shape')],
  ['storage.k8s.io/v1beta1', 'CSIDriver', undefined, '1.22', replacedBy('storage.k8s.io/v1', 'same-shape')],
  ['storage.k8s.io/v1beta1', 'CSINode', undefined, '1.22', replacedBy('storage.k8s.io/v1', 'same-shape')],
  ['scheduling.k8s.io/v1beta1', 'PriorityClass', undefined, '1.22', replacedBy('scheduling.k8s.io/v1', 'same-shape')],
  ['coordination.k8s.io/v1beta1', 'Lease', undefined, '1.22', replacedBy('coordination.k8s.io/v1', 'same-shape')],
  ['apiregistration.k8s.io/v1beta1', 'APIService', undefined, '1.22', replacedBy('apiregistration.k8s.io/v1', 'same-shape')],
  ['apiextensions.k8s.io/v1beta1', 'CustomResourceDefinition', '1.16', '1.22', replacedBy('apiextensions.k8s.io/v1', 'changed-shape', '1.16')],
  ['admissionregistration.k8s.io/v1beta1', 'MutatingWebhookConfiguration', '1.16', '1.22', replacedBy('admissionregistration.k8s.io/v1', 'changed-shape', '1.16')],
  ['admissionregistration.k8s.io/v1beta1', 'ValidatingWebhookConfiguration', '1.16', '1.22', replacedBy('admissionregistration.k8s.io/v1', 'changed-shape', '1.16')],
  ['certificates.k8s.io/v1beta1', 'CertificateSigningRequest', '1.19', '1.22', replacedBy('certificates.k8s.io/v1', 'changed-shape', '1.19')],
  // 1.25
  ['batch/v1beta1', 'CronJob', '1.21', '1.25', replacedBy('batch/v1', 'same-shape', '1.21')],
  ['policy/v1beta1', 'PodDisruptionBudget', '1.21', '1.25', replacedBy('policy/v1', 'needs-non-empty-selector', '1.21')],
  ['policy/v1beta1', 'PodSecurityPolicy', '1.21', '1.25', undefined],
  ['autoscaling/v2beta1', 'HorizontalPodAutoscaler', '1.22', '1.25', replacedBy('autoscaling/v2', 'changed-shape', '1.23')],
  ['discovery.k8s.io/v1beta1', 'EndpointSlice', '1.21', '1.25', replacedBy('discovery.k8s.io/v1', 'changed-shape', '1.21')],
  ['events.k8s.io/v1beta1', 'Event', undefined, '1.25', replacedBy('events.k8s.io/v1', 'changed-shape', '1.19')],
  ['node.k8s.io/v1beta1', 'RuntimeClass', undefined, '1.25', replacedBy('node.k8s.io/v1', 'same-shape', '1.20')],
  // 1.26 to 1.32
  ['autoscaling/v2beta2', 'HorizontalPodAutoscaler', '1.23', '1.26', replacedBy('autoscaling/v2', 'same-shape', '1.23')],
  ['flowcontrol.apiserver.k8s.io/v1beta1', 'FlowSchema', '1.23', '1.26', flowControl('changed-shape')],
  ['flowcontrol.apiserver.k8s.io/v1beta1', 'PriorityLevelConfiguration', '1.23', '1.26', flowControl('changed-shape')],
  ['storage.k8s.io/v1beta1', 'CSIStorageCapacity', '1.24', '1.27', replacedBy('storage.k8s.io/v1', 'same-shape', '1.24')],
  ['flowcontrol.apiserver.k8s.io/v1beta2', 'FlowSchema', '1.26', '1.29', flowControl('changed-shape')],
  ['flowcontrol.apiserver.k8s.io/v1beta2', 'PriorityLevelConfiguration', '1.26', '1.29', flowControl('changed-shape')],
  ['flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema', '1.29', '1.32', flowControl('same-shape')],
  ['flowcontrol.apiserver.k8s.io/v1beta3', 'PriorityLevelConfiguration', '1.29', '1.32', flowControl('changed-shape')],
  // Deprecated and still served, with no removal planned: EndpointSlices replace the Endpoints API.
  ['v1', 'Endpoints', '1.33', undefined, replacedBy('discovery.k8s.io/v1', 'changed-shape', '1.21', 'EndpointSlice')],
];

const key = (apiVersion: string, kind: string) => `${apiVersion} ${kind}`;

const INGRESS_NOTE = 'each backend\'s `serviceName`/`servicePort` become `service.name` and `service.port.number` (or `.name`), and every path needs a `pathType`';
const MIGRATION_NOTES: Readonly<Record<string, string>> = {
  'extensions/v1beta1 Ingress': INGRESS_NOTE,
  'networking.k8s.io/v1beta1 Ingress': INGRESS_NOTE,
  'autoscaling/v2beta1 HorizontalPodAutoscaler': 'metric targets move under `target` (`targetAverageUtilization: 70` becomes `target: {type: Utilization, averageUtilization: 70}`)',
  'v1 Endpoints': 'an EndpointSlice lists `endpoints` (each with `addresses`), needs an `addressType`, and names its Service in the label `kubernetes.io/service-name`',
};

const BY_API: ReadonlyMap<string, ApiLifecycle> = new Map(
  LIFECYCLES.map(([apiVersion, kind, deprecatedIn, removedIn, replacement]) => [
    key(apiVersion, kind),
    { apiVersion, kind, deprecatedIn, removedIn, replacement, migrationNote: MIGRATION_NOTES[key(apiVersion, kind)] },
  ]),
);

// The replacements are the stable versions: when we know since when one is served, say so on hover.
const SERVED_SINCE: ReadonlyMap<string, string> = new Map(
  LIFECYCLES.flatMap(([, kind, , , replacement]) =>
    replacement?.servedSince ? [[key(replacement.apiVersion, replacement.kind ?? kind), replacement.servedSince] as const] : [],
  ),
);

/** Every lifecycle we know, for documentation and tests. */
export const API_LIFECYCLES: readonly ApiLifecycle[] = [...BY_API.values()];

/** What we know of an apiVersion and kind going away, if anything. */
export function apiLifecycle(apiVersion: string, kind: string): ApiLifecycle | undefined {
  return BY_API.get(key(apiVersion, kind));
}

/** The first minor version that serves this apiVersion and kind, where we know it. */
export function apiServedSince(apiVersion: string, kind: string): string | undefined {
  return SERVED_SINCE.get(key(apiVersion, kind));
}

/** How an apiVersion fares on a cluster of the target version. */
export type ApiStatus = 'removed' | 'deprecated' | 'served';

export function apiStatusAt(lifecycle: ApiLifecycle, target: string): ApiStatus {
  if (lifecycle.removedIn && isAtLeast(target, lifecycle.removedIn)) return 'removed';
  if (lifecycle.deprecatedIn && isAtLeast(target, lifecycle.deprecatedIn)) return 'deprecated';
  return 'served';
}

/** True when a cluster of the target version serves the replacement (assumed when we do not know since when). */
export function replacementServedAt(lifecycle: ApiLifecycle, target: string): boolean {
  const since = lifecycle.replacement?.servedSince;
  return since === undefined || isAtLeast(target, since);
}

/** "batch/v1", or "discovery.k8s.io/v1 EndpointSlice" when the replacement is another kind. */
export function replacementName(lifecycle: ApiLifecycle): string | undefined {
  const replacement = lifecycle.replacement;
  if (!replacement) return undefined;
  return replacement.kind ? `${replacement.apiVersion} ${replacement.kind}` : replacement.apiVersion;
}

/**
 * Markdown lines for the hover on an apiVersion value: when it was deprecated or removed and what
 * replaces it, or since when it is served, each judged against the target version. Empty when we know
 * nothing of this apiVersion and kind.
 */
export function apiLifecycleLines(apiVersion: string, kind: string, target: string): string[] {
  const lifecycle = apiLifecycle(apiVersion, kind);
  const name = `\`${apiVersion}\` ${kind}`;
  if (!lifecycle) {
    const since = apiServedSince(apiVersion, kind);
    if (!since) return [];
    return isAtLeast(target, since)
      ? [`${name} is served since Kubernetes ${since}.`]
      : [`⚠️ ${name} is served only from Kubernetes ${since} on; your target is ${target}.`];
  }
  const lines: string[] = [];
  const instead = replacementName(lifecycle);
  const differs = lifecycle.replacement?.migration === 'changed-shape' ? `, whose fields differ${lifecycle.migrationNote ? `: ${lifecycle.migrationNote}` : ''}` : '';
  const use = instead
    ? ` Use \`${instead}\`${lifecycle.replacement?.servedSince ? ` (served since ${lifecycle.replacement.servedSince})` : ''}${differs}.`
    : ' Nothing replaces it.';
  const status = apiStatusAt(lifecycle, target);
  if (status === 'removed') {
    lines.push(`⛔ ${name} was **removed in Kubernetes ${lifecycle.removedIn}**${lifecycle.deprecatedIn ? ` (deprecated since ${lifecycle.deprecatedIn})` : ''}; your target is ${target}.${use}`);
  } else if (status === 'deprecated') {
    const removal = lifecycle.removedIn ? `, removed in ${lifecycle.removedIn}` : ', with no removal announced';
    lines.push(`⚠️ ${name} is **deprecated since Kubernetes ${lifecycle.deprecatedIn}**${removal}; your target is ${target}.${use}`);
  } else {
    const future = [
      lifecycle.deprecatedIn ? `deprecates it in ${lifecycle.deprecatedIn}` : undefined,
      lifecycle.removedIn ? `removes it in ${lifecycle.removedIn}` : undefined,
    ].filter(Boolean).join(' and ');
    lines.push(`${name} is served at your target, Kubernetes ${target}; Kubernetes ${future}.${use}`);
  }
  return lines;
}
