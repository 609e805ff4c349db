import { replaceInScalar } from '../fixes/yamlEdits';
import type { Rule } from './rule';
import { claimSpecsOf, LEGACY_AKS_CLASSES, storageClassesIn, storageClassNameOf } from './azureStorage';

export const pvcLegacyStorageClass: Rule = {
  meta: {
    id: 'pvc-legacy-storage-class',
    title: "Claim using one of AKS's legacy in-tree storage classes",
    severity: 'warning',
    category: 'guide-corrections',
    guideSection: 'Storage Integration',
    fixable: true,
    baseline: false,
    docs: [
      'AKS ships two sets of built-in storage classes. `managed`, `managed-premium`, `azurefile` and',
      '`azurefile-premium` are named after the old in-tree drivers; `managed-csi`, `managed-csi-premium`,',
      '`azurefile-csi` and `azurefile-csi-premium` use the CSI drivers that replaced them, which AKS has used by',
      'default since Kubernetes 1.21 (and `default` is `managed-csi`). The guide\'s claims still ask for',
      '`azurefile`; this is one of its corrections.',
      '',
      'The fix renames the class to its `-csi` counterpart, keeping the quoting. A claim\'s class cannot change',
      'once it is bound: for existing data, create a new claim and copy the data (or restore a snapshot)',
      'rather than editing the live object. Claims that name a StorageClass defined in the same file are',
      'left alone: the name is then yours, not AKS\'s.',
    ].join('\n'),
  },

  check({ root, object, file, report }) {
    const specs = claimSpecsOf(root, object.kind);
    if (specs.length === 0) return;
    const ownClasses = storageClassesIn(file);
    for (const spec of specs) {
      const node = storageClassNameOf(spec);
      if (!node) continue;
      const csi = LEGACY_AKS_CLASSES[node.value];
      if (!csi || ownClasses.has(node.value)) continue;
      const edit = replaceInScalar(file.text, node, node.value, csi);
      report({
        message: `"${node.value}" is AKS's legacy in-tree storage class; use "${csi}", backed by the CSI driver.`,
        range: file.rangeOf(node),
        fix: edit ? { title: `Use ${csi}`, edits: [edit] } : undefined,
      });
    }
  },
};
