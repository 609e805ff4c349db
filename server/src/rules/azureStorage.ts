import { isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import type { ManifestFile } from '../model/manifestFile';

// What the storage rules know about Azure storage on AKS, shared between them.

export const DISK_CSI = 'disk.csi.azure.com';
export const FILE_CSI = 'file.csi.azure.com';

/** In-tree provisioners and the CSI drivers that replace them. */
export const IN_TREE_PROVISIONERS: Record<string, string> = {
  'kubernetes.io/azure-disk': DISK_CSI,
  'kubernetes.io/azure-file': FILE_CSI,
};

export const isAzureDiskProvisioner = (provisioner: unknown) => provisioner === DISK_CSI || provisioner === 'kubernetes.io/azure-disk';

/** AKS's built-in classes named for the in-tree drivers, and their CSI counterparts. */
export const LEGACY_AKS_CLASSES: Record<string, string> = {
  managed: 'managed-csi',
  'managed-premium': 'managed-csi-premium',
  azurefile: 'azurefile-csi',
  'azurefile-premium': 'azurefile-csi-premium',
};

/**
 * The storage classes an AKS cluster has without anyone writing them: `default`, the CSI classes, the Blob
 * classes once that driver is enabled, and the legacy in-tree names (still created, see pvc-legacy-storage-class).
 */
export const AKS_BUILT_IN_CLASSES: readonly string[] = [
  'default', 'managed-csi', 'managed-csi-premium', 'azurefile-csi', 'azurefile-csi-premium', 'azureblob-nfs-premium', 'azureblob-fuse-premium',
  ...Object.keys(LEGACY_AKS_CLASSES),
];

/** True for a class AKS provides: a built-in, or one Azure Container Storage creates for a storage pool (`acstor-<pool>`). */
export const isAksProvidedClass = (name: string): boolean => AKS_BUILT_IN_CLASSES.includes(name) || name.startsWith('acstor-');

/** AKS's built-in Azure Disk classes (`default` is managed-csi on current AKS). */
const AKS_DISK_CLASSES = new Set(['default', 'managed', 'managed-premium', 'managed-csi', 'managed-csi-premium']);

/** The provisioners of the StorageClasses defined in the same file, by name. */
export function storageClassesIn(file: ManifestFile): Map<string, string> {
  const classes = new Map<string, string>();
  for (const document of file.documents) {
    const root = document.yaml.contents;
    if (document.object?.kind !== 'StorageClass' || !document.object.name || !isMap(root)) continue;
    const provisioner = root.get('provisioner');
    classes.set(document.object.name, typeof provisioner === 'string' ? provisioner : '');
  }
  return classes;
}

/**
 * True when a claim's class provisions Azure Disks: a class of that name in this file says so, else the
 * AKS built-in names. A claim without a class gets the cluster default, Azure Disk on AKS.
 */
export function isAzureDiskClass(className: string | undefined, fileClasses: Map<string, string>): boolean {
  if (className === undefined) return true;
  const local = fileClasses.get(className);
  return local !== undefined ? isAzureDiskProvisioner(local) : AKS_DISK_CLASSES.has(className);
}

/** The PersistentVolumeClaim specs an object holds: a PVC's own, a StatefulSet's claim templates. */
export function claimSpecsOf(root: YAMLMap, kind: string): YAMLMap[] {
  if (kind === 'PersistentVolumeClaim') {
    const spec = root.get('spec', true);
    return isMap(spec) ? [spec] : [];
  }
  if (kind !== 'StatefulSet') return [];
  const templates = root.getIn(['spec', 'volumeClaimTemplates'], true);
  if (!isSeq(templates)) return [];
  return templates.items.flatMap((template) => {
    const spec = isMap(template) ? template.get('spec', true) : undefined;
    return isMap(spec) ? [spec] : [];
  });
}

/** A claim spec's `storageClassName` node, when it is a non-empty string. */
export function storageClassNameOf(spec: YAMLMap) {
  const node = spec.get('storageClassName', true);
  return isScalar(node) && typeof node.value === 'string' && node.value !== '' ? (node as typeof node & { value: string }) : undefined;
}
