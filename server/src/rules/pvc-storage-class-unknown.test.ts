import { pvcStorageClassUnknown } from './pvc-storage-class-unknown';
import { yaml } from './testing/ruleTester';
import { testWorkspaceRule } from './testing/workspaceRuleTester';

// `storageClassName` is on line 7.
const claim = (storageClass: string) =>
  yaml(
    'apiVersion: v1', 'kind: PersistentVolumeClaim', 'metadata:', '  name: data', 'spec:', '  accessModes: [ReadWriteOnce]', `  storageClassName: ${storageClass}`,
    '  resources:', '    requests:', '      storage: 10Gi',
  );
const storageClass = (name: string) =>
  yaml('apiVersion: storage.k8s.io/v1', 'kind: StorageClass', 'metadata:', `  name: ${name}`, 'provisioner: disk.csi.azure.com', 'parameters:', '  skuName: Premium_ZRS');
// The template's `storageClassName` is on line 22.
const statefulSet = (storageClass: string) =>
  yaml(
    'apiVersion: apps/v1', 'kind: StatefulSet', 'metadata:', '  name: db', 'spec:', '  serviceName: db', '  selector:', '    matchLabels:', '      app: db',
    '  template:', '    metadata:', '      labels:', '        app: db', '    spec:', '      containers:', '      - name: db', '        image: postgres:16',
    '  volumeClaimTemplates:', '  - metadata:', '      name: pgdata', '    spec:', `      storageClassName: ${storageClass}`,
    '      accessModes: [ReadWriteOnce]', '      resources:', '        requests:', '          storage: 20Gi',
  );

testWorkspaceRule(pvcStorageClassUnknown, {
  valid: [
    { name: 'an AKS built-in CSI class', files: { 'pvc.yaml': claim('managed-csi-premium') } },
    { name: 'the cluster default by name', files: { 'pvc.yaml': claim('default') } },
    { name: 'a legacy in-tree name: pvc-legacy-storage-class reports it', files: { 'pvc.yaml': claim('azurefile') } },
    { name: 'a Blob class', files: { 'pvc.yaml': claim('azureblob-nfs-premium') } },
    { name: 'an Azure Container Storage class', files: { 'pvc.yaml': claim('acstor-ephemeraldisk-nvme') } },
    { name: 'a class defined in another file of the workspace', files: { 'pvc.yaml': claim('premium-zrs'), 'classes.yaml': storageClass('premium-zrs') } },
    { name: 'a StatefulSet template using a class of the workspace', files: { 'db.yaml': statefulSet('premium-zrs'), 'classes.yaml': storageClass('premium-zrs') } },
    { name: 'no class: the cluster default', files: { 'pvc.yaml': yaml('apiVersion: v1', 'kind: PersistentVolumeClaim', 'metadata:', '  name: data', 'spec:', '  accessModes: [ReadWriteOnce]') } },
    { name: 'an empty class binds a pre-created volume', files: { 'pvc.yaml': claim('""') } },
  ],
  invalid: [
    {
      name: 'a misspelled built-in class, fixed to it',
      files: { 'pvc.yaml': claim('managed-csi-premum') },
      errors: [{
        file: 'pvc.yaml',
        line: 7,
        message: 'PersistentVolumeClaim "data" asks for StorageClass "managed-csi-premum", which is neither an AKS built-in class nor defined in the workspace: unless the cluster has it, the claim stays Pending, and so do the pods that mount it. Did you mean "managed-csi-premium"?',
      }],
      output: { 'pvc.yaml': claim('managed-csi-premium') },
    },
    {
      name: 'another cloud\'s class name: nothing near to suggest',
      files: { 'pvc.yaml': claim('gp2') },
      errors: [{ file: 'pvc.yaml', line: 7, message: /asks for StorageClass "gp2", which is neither an AKS built-in class nor defined in the workspace: .* mount it\.$/ }],
    },
    {
      name: 'a StatefulSet template with a misspelled workspace class, quoted',
      files: { 'db.yaml': statefulSet('"premium-zr"'), 'classes.yaml': storageClass('premium-zrs') },
      errors: [{
        file: 'db.yaml',
        line: 22,
        message: 'StatefulSet "db" asks for StorageClass "premium-zr" in its volumeClaimTemplate pgdata, which is neither an AKS built-in class nor defined in the workspace: unless the cluster has it, the claim stays Pending, and so do the pods that mount it. Did you mean "premium-zrs"?',
      }],
      output: { 'db.yaml': statefulSet('"premium-zrs"') },
    },
  ],
});
