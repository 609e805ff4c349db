import { isScalar } from 'yaml';
import { replaceInScalar } from '../fixes/yamlEdits';
import type { Rule } from './rule';
import { IN_TREE_PROVISIONERS } from './azureStorage';

export const storageclassCsiProvisioner: Rule = {
  meta: {
    id: 'storageclass-csi-provisioner',
    title: 'StorageClass using a retired in-tree Azure provisioner',
    severity: 'error',
    category: 'guide-corrections',
    guideSection: 'Storage Classes, PV/PVCs',
    fixable: true,
    baseline: true,
    docs: [
      'The guide\'s StorageClasses use `kubernetes.io/azure-disk` and `kubernetes.io/azure-file`, the storage',
      'drivers that used to be built into Kubernetes. AKS moved to the Container Storage Interface drivers',
      '(`disk.csi.azure.com`, `file.csi.azure.com`) from Kubernetes 1.21, and since 1.26 it no longer creates',
      'new volumes through the in-tree names. Volumes that already exist keep working through CSI migration.',
      'This is one of the guide\'s corrections.',
      '',
      'The fix changes the `provisioner` to the CSI driver. Common parameters such as `skuName` and',
      '`cachingMode` mean the same to the CSI drivers, and the CSI drivers add features (zone-redundant disks,',
      'snapshots, NFS shares, private endpoints). A StorageClass cannot be edited in place: delete and',
      're-create it (existing volumes are not affected). Often you need no class of your own: AKS ships',
      '`managed-csi`, `managed-csi-premium`, `azurefile-csi` and `azurefile-csi-premium`.',
    ].join('\n'),
  },

  check({ root, object, file, report }) {
    if (object.kind !== 'StorageClass') return;
    const node = root.get('provisioner', true);
    if (!isScalar(node) || typeof node.value !== 'string') return;
    const csi = IN_TREE_PROVISIONERS[node.value];
    if (!csi) return;
    const edit = replaceInScalar(file.text, node, node.value, csi);
    report({
      message: `The in-tree provisioner "${node.value}" can no longer create volumes on AKS (1.26+); use the CSI driver "${csi}".`,
      range: file.rangeOf(node),
      fix: edit ? { title: `Use ${csi}`, edits: [edit] } : undefined,
    });
  },
};
