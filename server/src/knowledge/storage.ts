// Claims, volumes and storage classes: access modes, provisioners and the Azure disk SKUs.
import { entryOf, type EntryText, fieldEntry, type KnowledgeEntry, link } from './types';

const K8S = 'https://kubernetes.io/docs/concepts/storage';
const AKS = 'https://learn.microsoft.com/en-us/azure/aks';
const STORAGE_CLASSES = '5. Azure Storage Classes in Kubernetes';
const STORAGE_OPTIONS = '3. Azure Storage Options for AKS';

const key = (id: string, title: string, paths: string[], kinds: string[] | undefined, text: EntryText): KnowledgeEntry =>
  fieldEntry(id, title, paths, text, kinds);
const entry = entryOf;

const pvLink = link('Persistent volumes', `${K8S}/persistent-volumes/`);
const accessModesLink = link('Access modes', `${K8S}/persistent-volumes/#access-modes`);
const classesLink = link('Storage classes', `${K8S}/storage-classes/`);
const csiLink = link('CSI storage drivers on AKS', `${AKS}/csi-storage-drivers`);
const ACCESS_MODE_PATHS = ['pvc:accessModes[*]', 'spec.accessModes[*]'];

export const STORAGE_KNOWLEDGE: readonly KnowledgeEntry[] = [
  key('pvc.accessModes', 'accessModes', ['pvc:accessModes', 'spec.accessModes'], ['PersistentVolumeClaim', 'StatefulSet', 'PersistentVolume'], {
    summary: 'How the volume may be mounted: by one node read-write (`ReadWriteOnce`), by many nodes read-write (`ReadWriteMany`), read-only by many (`ReadOnlyMany`), or by one pod (`ReadWriteOncePod`).',
    details: 'The storage behind the class decides what is possible: block storage (Azure Disk) is single-node; file shares (Azure Files, NFS) can be shared.',
    aks: 'Azure Disk: `ReadWriteOnce` / `ReadWriteOncePod`. Azure Files and Blob (NFS/BlobFuse): `ReadWriteMany` too.',
    guideSection: STORAGE_OPTIONS,
    links: [accessModesLink],
  }),
  entry('access-mode/ReadWriteOnce', 'ReadWriteOnce', [{ on: 'value', paths: ACCESS_MODE_PATHS, values: ['ReadWriteOnce'] }], {
    summary: 'Read-write by the pods of a single node at a time.',
    details: 'The mode of block storage such as Azure Disk: right for a database replica that owns its data. Pods on another node cannot mount it until it is detached.',
    guideSection: '2. StatefulSet Example with Persistent Volumes',
    links: [accessModesLink],
    complete: true,
  }),
  entry('access-mode/ReadWriteMany', 'ReadWriteMany', [{ on: 'value', paths: ACCESS_MODE_PATHS, values: ['ReadWriteMany'] }], {
    summary: 'Read-write by pods on many nodes at once: shared storage.',
    details: 'Needs a file system that supports it: on AKS, Azure Files (`azurefile-csi`) or Blob with NFS; Azure Disk cannot do it.',
    guideSection: 'b. Azure Files',
    links: [accessModesLink, link('Azure Files on AKS', `${AKS}/azure-files-csi`)],
    complete: true,
  }),
  entry('access-mode/ReadOnlyMany', 'ReadOnlyMany', [{ on: 'value', paths: ACCESS_MODE_PATHS, values: ['ReadOnlyMany'] }], {
    summary: 'Read-only by pods on many nodes: shared reference data.',
    guideSection: STORAGE_OPTIONS,
    links: [accessModesLink],
    complete: true,
  }),
  entry('access-mode/ReadWriteOncePod', 'ReadWriteOncePod', [{ on: 'value', paths: ACCESS_MODE_PATHS, values: ['ReadWriteOncePod'] }], {
    summary: 'Read-write by exactly one pod in the cluster (stable since Kubernetes 1.29); stricter than ReadWriteOnce.',
    aks: 'Supported by the Azure Disk CSI driver.',
    guideSection: STORAGE_OPTIONS,
    links: [accessModesLink],
    complete: true,
  }),
  key('pvc.storageClassName', 'storageClassName', ['pvc:storageClassName', 'spec.storageClassName'], ['PersistentVolumeClaim', 'StatefulSet', 'PersistentVolume'], {
    summary: 'The StorageClass that provisions the volume; left out, the cluster\'s default class is used, and `""` asks for no class (a pre-made volume).',
    details: 'Choose **Azure Disk** classes for one writer with low latency (databases), **Azure Files** classes for storage shared by many pods, **Blob** for large unstructured data read through NFS or BlobFuse.',
    bestPractice: 'Name the class explicitly so the manifest behaves the same on every cluster.',
    aks: 'Built-in classes: `managed-csi` (Standard SSD, the default), `managed-csi-premium` (Premium SSD), `azurefile-csi`, `azurefile-csi-premium`, and with the Blob driver `azureblob-nfs-premium` / `azureblob-fuse-premium`.',
    correction: 'The guide asks for `azurefile` and its own `azure-disk-sc` backed by in-tree provisioners; use the built-in CSI classes (`azurefile-csi`, `managed-csi-premium`) or your own class on `disk.csi.azure.com` / `file.csi.azure.com`.',
    guideSection: STORAGE_CLASSES,
    links: [link('Class of a claim', `${K8S}/persistent-volumes/#class-1`), csiLink],
  }),
  key('pvc.resources', 'resources', ['pvc:resources', 'pvc:resources.requests'], undefined, {
    summary: 'The size of volume the claim asks for (`requests.storage`).',
    guideSection: 'Storage Classes, PV/PVCs',
    links: [link('Persistent volume claims', `${K8S}/persistent-volumes/#persistentvolumeclaims`)],
  }),
  key('pvc.storage', 'storage', ['pvc:resources.requests.storage', 'spec.capacity.storage'], undefined, {
    summary: 'The volume size, such as `10Gi`; the provisioner may round it up to a size it offers.',
    details: 'With `allowVolumeExpansion: true` on the class you can raise it later; it can never shrink.',
    aks: 'Disk performance grows with size on Premium SSD (IOPS and throughput tiers), and Azure Files premium shares bill by provisioned size (minimum 100 GiB).',
    guideSection: 'Storage Classes, PV/PVCs',
    links: [link('Expanding claims', `${K8S}/persistent-volumes/#expanding-persistent-volumes-claims`)],
  }),
  key('pvc.volumeMode', 'volumeMode', ['pvc:volumeMode', 'spec.volumeMode'], undefined, {
    summary: '`Filesystem` (default: mounted as a directory) or `Block` (a raw device for software that manages its own disk layout).',
    guideSection: 'Storage Classes, PV/PVCs',
    links: [link('Volume mode', `${K8S}/persistent-volumes/#volume-mode`)],
  }),
  key('sc.provisioner', 'provisioner', ['provisioner'], ['StorageClass'], {
    summary: 'The volume plugin that creates volumes for this class.',
    aks: '`disk.csi.azure.com` (Azure Disk), `file.csi.azure.com` (Azure Files), `blob.csi.azure.com` (Azure Blob).',
    correction: 'The guide uses the in-tree `kubernetes.io/azure-disk` and `kubernetes.io/azure-file`; they were removed from Kubernetes (1.27 and 1.30) and AKS has used CSI drivers since 1.21.',
    guideSection: STORAGE_CLASSES,
    links: [classesLink, csiLink],
  }),
  entry('provisioner/disk.csi.azure.com', 'disk.csi.azure.com', [{ on: 'value', paths: ['provisioner', 'spec.csi.driver'], values: ['disk.csi.azure.com'] }], {
    summary: 'The Azure Disk CSI driver: block storage attached to one node at a time.',
    details: 'Low-latency, single-writer (`ReadWriteOnce`) volumes for databases and queues. Disks live in one zone unless you pick a ZRS SKU.',
    bestPractice: 'Set `skuName` (`Premium_LRS`, `PremiumV2_LRS`, `StandardSSD_LRS`, or `*_ZRS` for zone-redundancy), `volumeBindingMode: WaitForFirstConsumer` and `allowVolumeExpansion: true`.',
    guideSection: 'a. Azure Disks',
    links: [link('Azure Disk CSI driver', `${AKS}/azure-disk-csi`)],
    complete: true,
  }),
  entry('provisioner/file.csi.azure.com', 'file.csi.azure.com', [{ on: 'value', paths: ['provisioner', 'spec.csi.driver'], values: ['file.csi.azure.com'] }], {
    summary: 'The Azure Files CSI driver: SMB or NFS file shares that many pods on many nodes can mount (`ReadWriteMany`).',
    details: 'Right for shared uploads, content and configuration. Higher latency than a disk; not for database files.',
    bestPractice: 'Use `skuName: Premium_LRS` and `protocol: nfs` for Linux workloads that need performance.',
    guideSection: 'b. Azure Files',
    links: [link('Azure Files CSI driver', `${AKS}/azure-files-csi`)],
    complete: true,
  }),
  entry('provisioner/blob.csi.azure.com', 'blob.csi.azure.com', [{ on: 'value', paths: ['provisioner', 'spec.csi.driver'], values: ['blob.csi.azure.com'] }], {
    summary: 'The Azure Blob CSI driver: mounts a blob container through NFS 3.0 or BlobFuse, for large unstructured data.',
    details: 'Enable it on the cluster first (`--enable-blob-driver`). For objects an app reads and writes itself, the Storage SDK with Workload Identity is often simpler than a mount.',
    guideSection: 'c. Azure Blob Storage',
    links: [link('Azure Blob CSI driver', `${AKS}/azure-blob-csi`)],
    complete: true,
  }),
  entry('provisioner/in-tree-azure', 'in-tree Azure provisioner', [{ on: 'value', paths: ['provisioner'], values: ['kubernetes.io/azure-disk', 'kubernetes.io/azure-file'] }], {
    summary: 'A provisioner built into old Kubernetes releases, no longer available.',
    correction: 'The guide\'s classes use `kubernetes.io/azure-disk` / `kubernetes.io/azure-file`. Write `disk.csi.azure.com` / `file.csi.azure.com` instead (the parameters such as `skuName` stay the same), or use the built-in classes `managed-csi` and `azurefile-csi`.',
    guideSection: STORAGE_CLASSES,
    links: [csiLink, link('CSI migration', 'https://kubernetes.io/blog/2022/09/26/storage-in-tree-to-csi-migration-status-update-1.25/')],
    deprecated: true,
  }),
  key('sc.parameters', 'parameters', ['parameters'], ['StorageClass'], {
    summary: 'Settings passed to the provisioner; their names depend on it (`skuName`, `protocol`, `cachingMode`...).',
    guideSection: STORAGE_CLASSES,
    links: [link('Azure Disk parameters', 'https://github.com/kubernetes-sigs/azuredisk-csi-driver/blob/master/docs/driver-parameters.md')],
  }),
  key('sc.skuName', 'skuName', ['parameters.skuName'], ['StorageClass'], {
    summary: 'The Azure storage SKU: `Premium_LRS`, `StandardSSD_LRS`, `PremiumV2_LRS`, `Standard_LRS`, or the zone-redundant `*_ZRS`.',
    details: '`LRS` keeps copies in one zone; `ZRS` across zones, so a pod can move to another zone with its volume.',
    bestPractice: 'Premium SSD for production databases; avoid `Standard_LRS` (HDD) for anything latency-sensitive.',
    guideSection: STORAGE_CLASSES,
    links: [link('Azure managed disk types', 'https://learn.microsoft.com/en-us/azure/virtual-machines/disks-types')],
  }),
  entry('sku/values', 'Azure storage SKU', [{ on: 'value', paths: ['parameters.skuName'], values: ['Premium_LRS', 'Premium_ZRS', 'PremiumV2_LRS', 'StandardSSD_LRS', 'StandardSSD_ZRS', 'Standard_LRS'], kinds: ['StorageClass'] }], {
    summary: '`Premium_*`: SSD for production I/O; `StandardSSD_*`: general use; `Standard_LRS`: HDD, cheapest and slowest. `_ZRS` is replicated across zones, `_LRS` within one.',
    guideSection: STORAGE_CLASSES,
    links: [link('Azure managed disk types', 'https://learn.microsoft.com/en-us/azure/virtual-machines/disks-types')],
    complete: true,
  }),
  key('sc.reclaimPolicy', 'reclaimPolicy', ['reclaimPolicy', 'spec.persistentVolumeReclaimPolicy'], ['StorageClass', 'PersistentVolume'], {
    summary: 'What happens to the volume when its claim is deleted: `Delete` (the default for dynamic volumes: the Azure disk goes too) or `Retain` (kept for manual recovery).',
    bestPractice: 'Use `Retain` for data you cannot lose.',
    guideSection: '6. Best Practices for Storage in AKS',
    links: [link('Reclaiming', `${K8S}/persistent-volumes/#reclaiming`)],
  }),
  key('sc.volumeBindingMode', 'volumeBindingMode', ['volumeBindingMode'], ['StorageClass'], {
    summary: '`WaitForFirstConsumer` creates the volume only once a pod is scheduled, in that pod\'s zone; `Immediate` creates it at once, possibly in a zone the pod cannot use.',
    bestPractice: '`WaitForFirstConsumer` for zonal storage such as Azure Disk (the built-in AKS classes use it).',
    guideSection: STORAGE_CLASSES,
    links: [link('Volume binding mode', `${K8S}/storage-classes/#volume-binding-mode`)],
  }),
  key('sc.allowVolumeExpansion', 'allowVolumeExpansion', ['allowVolumeExpansion'], ['StorageClass'], {
    summary: 'Lets claims of this class grow by raising `resources.requests.storage`.',
    guideSection: STORAGE_CLASSES,
    links: [link('Volume expansion', `${K8S}/storage-classes/#allow-volume-expansion`)],
  }),
  key('pv.capacity', 'capacity', ['spec.capacity'], ['PersistentVolume'], {
    summary: 'The size of the existing volume; claims asking for more cannot bind to it.',
    guideSection: 'Storage Classes, PV/PVCs',
    links: [pvLink],
  }),
  key('pv.csi', 'csi', ['spec.csi', 'spec.csi.driver', 'spec.csi.volumeHandle'], ['PersistentVolume'], {
    summary: 'An existing volume served by a CSI driver: the `driver` name and the `volumeHandle` (for an Azure Disk, its resource ID).',
    guideSection: 'Storage Classes, PV/PVCs',
    links: [pvLink, link('Static Azure Disk volume', `${AKS}/azure-csi-disk-storage-provision#statically-provision-a-volume`)],
  }),
  key('pv.claimRef', 'claimRef', ['spec.claimRef'], ['PersistentVolume'], {
    summary: 'Reserves the volume for one claim, by namespace and name.',
    guideSection: 'Storage Classes, PV/PVCs',
    links: [link('Reserving a PersistentVolume', `${K8S}/persistent-volumes/#reserving-a-persistentvolume`)],
  }),
];
