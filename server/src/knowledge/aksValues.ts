// Values with a meaning on AKS: built-in storage class names, topology and node labels, recommended labels.
import { entryOf, type EntryText, keyIn, type KnowledgeEntry, type KnowledgeMatch, link } from './types';

const AKS = 'https://learn.microsoft.com/en-us/azure/aks';
const STORAGE_CLASS_PATHS = ['pvc:storageClassName', 'spec.storageClassName'];
const STORAGE_CLASSES = '5. Azure Storage Classes in Kubernetes';
const ANTI_AFFINITY = 'Pod Anti-Affinity: Spreading Pods Across Nodes';

type Entry = EntryText;
const entry = entryOf;
const storageClass = (name: string, rest: Entry): KnowledgeEntry =>
  entry(`storage-class/${name}`, `storageClassName: ${name}`, [{ on: 'value', paths: STORAGE_CLASS_PATHS, values: [name] }], rest);

const csiLink = link('CSI storage drivers on AKS', `${AKS}/csi-storage-drivers`);
const diskLink = link('Azure Disk CSI driver', `${AKS}/azure-disk-csi`);
const filesLink = link('Azure Files CSI driver', `${AKS}/azure-files-csi`);
const wellKnownLink = link('Well-known labels', 'https://kubernetes.io/docs/reference/labels-annotations-taints/');

// A node label is met as a topology key, as a node selector key, and as the key of a node affinity rule.
const nodeLabel = (name: string): KnowledgeMatch[] => [
  { on: 'value', paths: ['**.topologyKey', '**.nodeSelectorTerms[*].matchExpressions[*].key', '**.preference.matchExpressions[*].key'], values: [name] },
  { on: 'key', paths: [keyIn('pod:nodeSelector', name), keyIn('meta:labels', name)] },
];

export const AKS_VALUE_KNOWLEDGE: readonly KnowledgeEntry[] = [
  storageClass('managed-csi', {
    summary: 'AKS built-in class (the cluster default): Azure Standard SSD disks (`StandardSSD_LRS`) through the Azure Disk CSI driver.',
    details: 'Block storage for one node at a time (`ReadWriteOnce`): good for dev/test and light databases. For shared access choose an Azure Files class.',
    guideSection: STORAGE_CLASSES,
    links: [csiLink, diskLink],
    complete: true,
  }),
  storageClass('managed-csi-premium', {
    summary: 'AKS built-in class: Azure Premium SSD disks (`Premium_LRS`) through the Azure Disk CSI driver.',
    details: 'Low latency and high IOPS for one writer (`ReadWriteOnce`): the choice for production databases in StatefulSets.',
    aks: 'LRS disks stay in their zone; for zone-redundancy create your own class with `skuName: Premium_ZRS`.',
    guideSection: 'a. Azure Disks',
    links: [csiLink, diskLink],
    complete: true,
  }),
  storageClass('azurefile-csi', {
    summary: 'AKS built-in class: Azure Files standard SMB shares through the Azure Files CSI driver; `ReadWriteMany`.',
    details: 'One share mounted by many pods on many nodes: shared uploads, content, legacy apps that need a common directory. Slower than a disk; not for database files.',
    guideSection: 'b. Azure Files',
    links: [csiLink, filesLink],
    complete: true,
  }),
  storageClass('azurefile-csi-premium', {
    summary: 'AKS built-in class: Azure Files premium (SSD) shares through the Azure Files CSI driver; `ReadWriteMany`.',
    details: 'Shared storage with lower latency and higher throughput; billed by provisioned size, minimum 100 GiB.',
    guideSection: 'b. Azure Files',
    links: [csiLink, filesLink],
    complete: true,
  }),
  storageClass('azureblob-nfs-premium', {
    summary: 'AKS built-in class once the Blob CSI driver is enabled: a blob container mounted over NFS 3.0.',
    guideSection: 'c. Azure Blob Storage',
    links: [link('Azure Blob CSI driver', `${AKS}/azure-blob-csi`)],
    complete: true,
  }),
  storageClass('azureblob-fuse-premium', {
    summary: 'AKS built-in class once the Blob CSI driver is enabled: a blob container mounted through BlobFuse.',
    guideSection: 'c. Azure Blob Storage',
    links: [link('Azure Blob CSI driver', `${AKS}/azure-blob-csi`)],
    complete: true,
  }),
  storageClass('default', {
    summary: 'AKS: the name of the cluster\'s default class, today the same as `managed-csi` (Standard SSD through the disk CSI driver).',
    bestPractice: 'Name `managed-csi` or `managed-csi-premium` instead, so the manifest says what it gets.',
    guideSection: STORAGE_CLASSES,
    links: [csiLink],
    complete: true,
  }),
  storageClass('azurefile', {
    summary: 'Legacy name of the AKS Azure Files class, from the in-tree driver era.',
    details: 'Azure Files gives `ReadWriteMany` shares that many pods can mount, the right choice for shared files.',
    correction: 'The guide asks for `azurefile` (and defines a class of that name on the in-tree `kubernetes.io/azure-file` provisioner). AKS now provides `azurefile-csi` and `azurefile-csi-premium` on the CSI driver `file.csi.azure.com`; use those.',
    guideSection: 'b. Azure Files',
    links: [csiLink, filesLink],
    deprecated: true,
  }),
  entry('storage-class/legacy-disk', 'legacy AKS disk class', [{ on: 'value', paths: STORAGE_CLASS_PATHS, values: ['managed-premium', 'managed', 'azurefile-premium'] }], {
    summary: 'Legacy name of an AKS built-in class from the in-tree driver era.',
    correction: 'Use the CSI classes: `managed-csi-premium` instead of `managed-premium`, `managed-csi` instead of `managed`, `azurefile-csi-premium` instead of `azurefile-premium`.',
    guideSection: STORAGE_CLASSES,
    links: [csiLink],
    deprecated: true,
  }),
  entry('storage-class/azure-disk-sc', 'azure-disk-sc', [{ on: 'value', paths: STORAGE_CLASS_PATHS, values: ['azure-disk-sc'] }], {
    summary: 'The guide\'s own example class name: it exists only if you create that StorageClass.',
    details: 'Azure Disk storage suits one writer per volume (databases).',
    correction: 'The guide\'s `azure-disk-sc` class uses the removed in-tree `kubernetes.io/azure-disk` provisioner. Use the built-in `managed-csi-premium`, or define the class on `disk.csi.azure.com`.',
    guideSection: STORAGE_CLASSES,
    links: [diskLink],
  }),
  entry('node-label/zone', 'topology.kubernetes.io/zone', nodeLabel('topology.kubernetes.io/zone'), {
    summary: 'The node label naming the availability zone a node is in: "the same place" means the same zone.',
    details: 'As a topology key, anti-affinity or spread constraints place replicas in different zones, so a whole zone can fail and the app keeps serving.',
    bestPractice: 'Spread critical replicas across zones first, then across nodes (`kubernetes.io/hostname`).',
    aks: 'Values look like `westeurope-1`; node pools must be created with `--zones 1 2 3`, otherwise every node reports `0`. Azure Disks (LRS) are zonal, which pins their pods to a zone.',
    correction: 'Older manifests use `failure-domain.beta.kubernetes.io/zone`, deprecated for this label.',
    guideSection: ANTI_AFFINITY,
    links: [wellKnownLink, link('AKS availability zones', `${AKS}/availability-zones`)],
    complete: true,
  }),
  entry('node-label/hostname', 'kubernetes.io/hostname', nodeLabel('kubernetes.io/hostname'), {
    summary: 'The node label holding the node\'s name: as a topology key, each node is its own domain.',
    details: 'Anti-affinity on it keeps replicas on different nodes, so one node failure or drain takes only one replica.',
    guideSection: ANTI_AFFINITY,
    links: [wellKnownLink],
    complete: true,
  }),
  entry('node-label/region', 'topology.kubernetes.io/region', nodeLabel('topology.kubernetes.io/region'), {
    summary: 'The node label naming the cloud region; every node of an AKS cluster has the same value.',
    guideSection: ANTI_AFFINITY,
    links: [wellKnownLink],
    complete: true,
  }),
  entry('node-label/os', 'kubernetes.io/os', nodeLabel('kubernetes.io/os'), {
    summary: 'The node\'s operating system, `linux` or `windows`: pods of Linux images must not land on Windows nodes.',
    aks: 'In clusters with Windows node pools, give Linux workloads `nodeSelector: {kubernetes.io/os: linux}`.',
    guideSection: 'Cluster Architecture & Node Pools',
    links: [wellKnownLink],
    complete: true,
  }),
  entry('node-label/agentpool', 'agentpool', nodeLabel('agentpool'), {
    summary: 'AKS node label with the node pool\'s name: select it to run pods on one pool.',
    guideSection: 'Cluster Architecture & Node Pools',
    links: [link('AKS node pools', `${AKS}/create-node-pools`)],
    complete: true,
  }),
  entry('node-label/mode', 'kubernetes.azure.com/mode', nodeLabel('kubernetes.azure.com/mode'), {
    summary: 'AKS node label: `system` for pools that host cluster add-ons, `user` for application pools.',
    bestPractice: 'Keep application pods off the system pool (taint it `CriticalAddonsOnly=true:NoSchedule`).',
    guideSection: 'Cluster Architecture & Node Pools',
    links: [link('System node pools', `${AKS}/use-system-pools`)],
    complete: true,
  }),
  entry('node-label/spot', 'kubernetes.azure.com/scalesetpriority', nodeLabel('kubernetes.azure.com/scalesetpriority'), {
    summary: 'AKS node label: `spot` on spot node pools, whose VMs can be evicted at any time at a lower price.',
    details: 'Spot pools are also tainted with it; pods need a toleration and should be interruptible (batch, dev).',
    guideSection: 'Cost Optimization',
    links: [link('AKS spot node pools', `${AKS}/spot-node-pool`)],
    complete: true,
  }),
  entry('label/app.kubernetes.io', 'app.kubernetes.io/*', [{ on: 'key', paths: ['name', 'instance', 'version', 'component', 'part-of', 'managed-by'].map((name) => `meta:labels["app.kubernetes.io/${name}"]`) }], {
    summary: 'A recommended label: tools (dashboards, Helm, Azure Monitor workbooks) group objects by these shared keys.',
    guideSection: 'How Services Work',
    links: [link('Recommended labels', 'https://kubernetes.io/docs/concepts/overview/working-with-objects/common-labels/')],
  }),
];
