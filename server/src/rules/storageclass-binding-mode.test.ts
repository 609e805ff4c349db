import { storageclassBindingMode } from './storageclass-binding-mode';
import { testRule, yaml } from './testing/ruleTester';

const storageClass = (provisioner: string, ...rest: string[]) =>
  yaml('apiVersion: storage.k8s.io/v1', 'kind: StorageClass', 'metadata:', '  name: azure-disk-sc', `provisioner: ${provisioner}`, ...rest);

testRule(storageclassBindingMode, {
  valid: [
    { name: 'waits for the pod', code: storageClass('disk.csi.azure.com', 'volumeBindingMode: WaitForFirstConsumer') },
    { name: 'zone-redundant disks', code: storageClass('disk.csi.azure.com', 'parameters:', '  skuName: Premium_ZRS') },
    { name: 'Azure Files is not zonal', code: storageClass('file.csi.azure.com') },
  ],
  invalid: [
    {
      name: "the guide's class, mode left out",
      code: storageClass('kubernetes.io/azure-disk', 'parameters:', '  skuName: Premium_LRS'),
      errors: [{ line: 4, message: 'StorageClass "azure-disk-sc" binds Azure Disks immediately (the default): a disk may be created in a zone where the pod cannot run. Use WaitForFirstConsumer.' }],
      output: storageClass('kubernetes.io/azure-disk', 'parameters:', '  skuName: Premium_LRS', 'volumeBindingMode: WaitForFirstConsumer'),
    },
    {
      name: 'Immediate written out',
      code: storageClass('disk.csi.azure.com', 'volumeBindingMode: Immediate # old', 'reclaimPolicy: Retain'),
      errors: [{ line: 6, message: /^StorageClass "azure-disk-sc" binds Azure Disks immediately:/ }],
      output: storageClass('disk.csi.azure.com', 'volumeBindingMode: WaitForFirstConsumer # old', 'reclaimPolicy: Retain'),
    },
  ],
});
