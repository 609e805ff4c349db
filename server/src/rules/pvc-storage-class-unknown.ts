import { renameScalar } from '../fixes/yamlText';
import { closestName } from '../model/didYouMean';
import { AKS_BUILT_IN_CLASSES, isAksProvidedClass } from './azureStorage';
import { objectLabel } from './objectNames';
import type { WorkspaceRule } from './rule';

export const pvcStorageClassUnknown: WorkspaceRule = {
  meta: {
    id: 'pvc-storage-class-unknown',
    title: 'Claim asks for a StorageClass that neither AKS nor the workspace provides',
    severity: 'warning',
    category: 'storage',
    guideSection: '5. Azure Storage Classes in Kubernetes',
    fixable: true,
    baseline: false,
    docs: [
      'A PersistentVolumeClaim (or a StatefulSet\'s `volumeClaimTemplates` entry) names the StorageClass that',
      'provisions its volume. When no class of that name exists in the cluster, nothing provisions the volume:',
      'the claim stays `Pending` without an error on apply, and every pod that mounts it stays `Pending` too.',
      'Typical causes are a typing mistake (`managed-csi-premum`) and a class name copied from another cloud\'s',
      'examples (`gp2`, `standard`, `standard-rwo`).',
      '',
      'Kube Guide accepts the classes AKS creates in every cluster (`default`, `managed-csi`,',
      '`managed-csi-premium`, `azurefile-csi`, `azurefile-csi-premium`, the Blob classes',
      '`azureblob-nfs-premium` and `azureblob-fuse-premium`, and the legacy in-tree names, which',
      '`pvc-legacy-storage-class` reports on its own), the `acstor-` classes of Azure Container Storage, and',
      'every StorageClass defined anywhere in the workspace. An empty `storageClassName: ""` (binding to a',
      'pre-created volume) and a claim without a class (the cluster default) are not judged.',
      '',
      'When a known class is one or two typing mistakes away, the fix writes its name. If your platform team',
      'creates the class outside this repository, add its StorageClass manifest to the workspace, or silence',
      'the finding with a `kube-guide.io/ignore: pvc-storage-class-unknown` annotation.',
    ].join('\n'),
  },

  checkWorkspace({ object, workspace, report, fileText }) {
    if (object.kind !== 'PersistentVolumeClaim' && object.kind !== 'StatefulSet') return;
    for (const reference of object.references) {
      if (reference.via !== 'storage-class') continue;
      const name = reference.target.name;
      if (isAksProvidedClass(name) || workspace.find('StorageClass', name).length > 0) continue;
      const defined = workspace.ofKind('StorageClass').flatMap((storageClass) => (storageClass.name ? [storageClass.name] : []));
      const suggestion = closestName(name, [...new Set([...defined, ...AKS_BUILT_IN_CLASSES])]);
      const where = object.kind === 'PersistentVolumeClaim' ? '' : ` in its ${reference.context}`;
      report({
        message:
          `${objectLabel(object)} asks for StorageClass "${name}"${where}, which is neither an AKS built-in class nor defined in the workspace: ` +
          `unless the cluster has it, the claim stays Pending, and so do the pods that mount it.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
        range: reference.range,
        fix: suggestion ? { title: `Use StorageClass "${suggestion}"`, edits: [renameScalar(fileText(), reference.range, suggestion)] } : undefined,
      });
    }
  },
};
