import { azureDiskAccessMode } from './azure-disk-access-mode';
import { testRule, yaml } from './testing/ruleTester';

const pvc = (className: string | undefined, ...modes: string[]) => [
  'apiVersion: v1',
  'kind: PersistentVolumeClaim',
  'metadata:',
  '  name: data',
  'spec:',
  '  accessModes:',
  ...modes.map((mode) => `    - ${mode}`),
  ...(className ? [`  storageClassName: ${className}`] : []),
];

testRule(azureDiskAccessMode, {
  valid: [
    { name: 'a disk read-write by one node', code: yaml(...pvc('managed-csi', 'ReadWriteOnce')) },
    { name: 'Azure Files shared', code: yaml(...pvc('azurefile-csi', 'ReadWriteMany')) },
    { name: 'a raw block shared disk', code: yaml(...pvc('managed-csi-premium', 'ReadWriteMany'), '  volumeMode: Block') },
    {
      name: 'a class from this file that is not a disk',
      code: yaml('apiVersion: storage.k8s.io/v1', 'kind: StorageClass', 'metadata: {name: shared}', 'provisioner: file.csi.azure.com', '---', ...pvc('shared', 'ReadWriteMany')),
    },
  ],
  invalid: [
    {
      name: "the guide's own disk class, defined in the same file",
      code: yaml(
        'apiVersion: storage.k8s.io/v1',
        'kind: StorageClass',
        'metadata:',
        '  name: azure-disk-sc',
        'provisioner: kubernetes.io/azure-disk',
        '---',
        ...pvc('azure-disk-sc', 'ReadWriteMany # shared?'),
      ),
      errors: [{ line: 13, message: 'Azure Disks attach to one node at a time: class "azure-disk-sc" cannot provide ReadWriteMany. Use ReadWriteOnce, or an Azure Files class to share.' }],
      output: yaml(
        'apiVersion: storage.k8s.io/v1',
        'kind: StorageClass',
        'metadata:',
        '  name: azure-disk-sc',
        'provisioner: kubernetes.io/azure-disk',
        '---',
        ...pvc('azure-disk-sc', 'ReadWriteOnce # shared?'),
      ),
    },
    {
      name: 'no class: the AKS default is a disk; a StatefulSet template with a flow list',
      code: yaml(
        ...pvc(undefined, '"ReadWriteMany"'),
        '---',
        'apiVersion: apps/v1',
        'kind: StatefulSet',
        'spec:',
        '  volumeClaimTemplates:',
        '  - spec: {accessModes: [ReadWriteMany], storageClassName: managed-csi}',
      ),
      errors: [
        { line: 7, message: 'Azure Disks attach to one node at a time: the default class cannot provide ReadWriteMany. Use ReadWriteOnce, or an Azure Files class to share.' },
        { line: 13, message: /class "managed-csi" cannot provide ReadWriteMany/ },
      ],
      output: yaml(
        ...pvc(undefined, '"ReadWriteOnce"'),
        '---',
        'apiVersion: apps/v1',
        'kind: StatefulSet',
        'spec:',
        '  volumeClaimTemplates:',
        '  - spec: {accessModes: [ReadWriteOnce], storageClassName: managed-csi}',
      ),
    },
  ],
});
