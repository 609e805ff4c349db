import { pvcLegacyStorageClass } from './pvc-legacy-storage-class';
import { testRule, yaml } from './testing/ruleTester';

const pvc = (className: string, accessMode = 'ReadWriteMany') =>
  ['apiVersion: v1', 'kind: PersistentVolumeClaim', 'metadata:', '  name: files', 'spec:', '  accessModes:', `    - ${accessMode}`, `  storageClassName: ${className}`];

testRule(pvcLegacyStorageClass, {
  valid: [
    { name: 'CSI classes', code: yaml(...pvc('azurefile-csi'), '---', ...pvc('managed-csi-premium', 'ReadWriteOnce')) },
    {
      name: 'a class of that name defined in the same file',
      code: yaml('apiVersion: storage.k8s.io/v1', 'kind: StorageClass', 'metadata:', '  name: azurefile', 'provisioner: file.csi.azure.com', '---', ...pvc('azurefile')),
    },
  ],
  invalid: [
    {
      name: "the guide's azurefile claim, and a quoted managed-premium",
      code: yaml(...pvc('azurefile # shared'), '---', ...pvc("'managed-premium'", 'ReadWriteOnce')),
      errors: [
        { line: 8, message: '"azurefile" is AKS\'s legacy in-tree storage class; use "azurefile-csi", backed by the CSI driver.' },
        { line: 17, message: '"managed-premium" is AKS\'s legacy in-tree storage class; use "managed-csi-premium", backed by the CSI driver.' },
      ],
      output: yaml(...pvc('azurefile-csi # shared'), '---', ...pvc("'managed-csi-premium'", 'ReadWriteOnce')),
    },
    {
      name: 'a StatefulSet claim template',
      code: yaml(
        'apiVersion: apps/v1',
        'kind: StatefulSet',
        'spec:',
        '  volumeClaimTemplates:',
        '  - metadata: {name: data}',
        '    spec:',
        '      accessModes: [ReadWriteOnce]',
        '      storageClassName: managed',
      ),
      errors: [{ line: 8, message: /use "managed-csi"/ }],
      output: yaml(
        'apiVersion: apps/v1',
        'kind: StatefulSet',
        'spec:',
        '  volumeClaimTemplates:',
        '  - metadata: {name: data}',
        '    spec:',
        '      accessModes: [ReadWriteOnce]',
        '      storageClassName: managed-csi',
      ),
    },
  ],
});
