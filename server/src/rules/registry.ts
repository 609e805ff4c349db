import type { AnyRule } from './rule';
import { containerResources } from './container-resources';
import { aadPodIdentity } from './aad-pod-identity';
import { allowPrivilegeEscalation } from './allow-privilege-escalation';
import { capabilitiesDropAll } from './capabilities-drop-all';
import { configDataUnderMetadata } from './config-data-under-metadata';
import { dangerousCapabilities } from './dangerous-capabilities';
import { hostNamespaces } from './host-namespaces';
import { hostPathVolume } from './host-path-volume';
import { hostPort } from './host-port';
import { ingressClassAnnotation } from './ingress-class-annotation';
import { ingressTls } from './ingress-tls';
import { privilegedContainer } from './privileged-container';
import { rbacClusterAdminBinding } from './rbac-cluster-admin-binding';
import { rbacPodExec } from './rbac-pod-exec';
import { rbacWildcard } from './rbac-wildcard';
import { readOnlyRootFilesystem } from './read-only-root-filesystem';
import { runAsNonRoot } from './run-as-non-root';
import { seccompProfile } from './seccomp-profile';
import { secretInEnv } from './secret-in-env';
import { serviceNodeport } from './service-nodeport';
import { servicePublicLoadBalancer } from './service-public-load-balancer';
import { automountServiceAccountToken } from './automount-service-account-token';
import { sensitiveConfigmapContent } from './sensitive-configmap-content';
import { rbacSecretsRead } from './rbac-secrets-read';
import { hostProcess } from './host-process';
import { procMount } from './proc-mount';
import { istioApiVersion } from './istio-api-version';
import { networkpolicyAllowsAll } from './networkpolicy-allows-all';
import { pdbEmptySelector } from './pdb-empty-selector';

import { readinessProbe } from './readiness-probe';
import { livenessProbe } from './liveness-probe';
import { replicasMinimum } from './replicas-minimum';
import { podAntiAffinity } from './pod-anti-affinity';
import { topologySpreadZones } from './topology-spread-zones';
import { rollingUpdateBounds } from './rolling-update-bounds';
import { recreateStrategy } from './recreate-strategy';
import { hpaReplicaBounds } from './hpa-replica-bounds';
import { pdbBlocksEviction } from './pdb-blocks-eviction';
import { nakedPod } from './naked-pod';
import { defaultNamespace } from './default-namespace';
import { imageTag } from './image-tag';
import { imageRegistryTrusted } from './image-registry-trusted';
import { deprecatedImageRegistry } from './deprecated-image-registry';
import { deprecatedApiVersion } from './deprecated-api-version';
import { storageclassCsiProvisioner } from './storageclass-csi-provisioner';
import { storageclassBindingMode } from './storageclass-binding-mode';
import { pvcLegacyStorageClass } from './pvc-legacy-storage-class';
import { azureDiskAccessMode } from './azure-disk-access-mode';
import { ingressBackendMissing } from './ingress-backend-missing';
import { serviceSelectsNoPods } from './service-selects-no-pods';
import { configReferenceMissing } from './config-reference-missing';
import { secretReferenceMissing } from './secret-reference-missing';
import { pvcStorageClassUnknown } from './pvc-storage-class-unknown';
import { pvcMissing } from './pvc-missing';
import { statefulsetHeadlessServiceMissing } from './statefulset-headless-service-missing';
import { networkPolicySelectsNoPods } from './network-policy-selects-no-pods';
import { workloadWithoutNetworkPolicy } from './workload-without-network-policy';
import { serviceSelectsMultipleWorkloads } from './service-selects-multiple-workloads';
import { pdbSelectsNoPods } from './pdb-selects-no-pods';
import { pdbMinAvailableBlocksDrain } from './pdb-min-available-blocks-drain';
import { workloadWithoutPdb } from './workload-without-pdb';
import { hpaTargetMissing } from './hpa-target-missing';
import { hpaWithFixedReplicas } from './hpa-with-fixed-replicas';
/** Every rule Kube Guide has. Settings, docs pages and the README's rule table are generated from it. */
export const ALL_RULES: readonly AnyRule[] = [
  containerResources,
  // security, networking, RBAC and guide corrections
  privilegedContainer,
  allowPrivilegeEscalation,
  readOnlyRootFilesystem,
  runAsNonRoot,
  capabilitiesDropAll,
  dangerousCapabilities,
  seccompProfile,
  hostNamespaces,
  hostPort,
  hostPathVolume,
  secretInEnv,
  ingressTls,
  ingressClassAnnotation,
  rbacWildcard,
  rbacClusterAdminBinding,
  rbacPodExec,
  configDataUnderMetadata,
  aadPodIdentity,
  serviceNodeport,
  servicePublicLoadBalancer,
  automountServiceAccountToken,
  sensitiveConfigmapContent,
  rbacSecretsRead,
  hostProcess,
  procMount,
  istioApiVersion,
  networkpolicyAllowsAll,
  pdbEmptySelector,
  // reliability, images, API versions and storage
  readinessProbe,
  livenessProbe,
  replicasMinimum,
  podAntiAffinity,
  topologySpreadZones,
  rollingUpdateBounds,
  recreateStrategy,
  hpaReplicaBounds,
  pdbBlocksEviction,
  nakedPod,
  defaultNamespace,
  imageTag,
  imageRegistryTrusted,
  deprecatedImageRegistry,
  deprecatedApiVersion,
  storageclassCsiProvisioner,
  storageclassBindingMode,
  pvcLegacyStorageClass,
  azureDiskAccessMode,
  // cross-resource rules: they read the workspace index
  serviceSelectsNoPods,
  ingressBackendMissing,
  pdbSelectsNoPods,
  pdbMinAvailableBlocksDrain,
  workloadWithoutPdb,
  hpaTargetMissing,
  hpaWithFixedReplicas,
  configReferenceMissing,
  secretReferenceMissing,
  pvcStorageClassUnknown,
  pvcMissing,
  statefulsetHeadlessServiceMissing,
  networkPolicySelectsNoPods,
  workloadWithoutNetworkPolicy,
  serviceSelectsMultipleWorkloads,
];
