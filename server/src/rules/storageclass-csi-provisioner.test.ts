import { storageclassCsiProvisioner } from './storageclass-csi-provisioner';
import { testRule, yaml } from './testing/ruleTester';

const storageClass = (name: string, provisioner: string) =>
  ['apiVersion: storage.k8s.io/v1', 'kind: StorageClass', 'metadata:', `  name: ${name}`, `provisioner: ${provisioner}`, 'parameters:', '  skuName: Premium_LRS'];

testRule(storageclassCsiProvisioner, {
  valid: [
    { name: 'CSI drivers', code: yaml(...storageClass('disk', 'disk.csi.azure.com'), '---', ...storageClass('files', 'file.csi.azure.com')) },
    { name: 'other clouds', code: yaml(...storageClass('gp3', 'ebs.csi.aws.com')) },
  ],
  invalid: [
    {
      name: "the guide's two classes",
      code: yaml(...storageClass('azure-disk-sc', 'kubernetes.io/azure-disk'), '---', ...storageClass('azurefile', '"kubernetes.io/azure-file" # shared')),
      errors: [
        { line: 5, message: 'The in-tree provisioner "kubernetes.io/azure-disk" can no longer create volumes on AKS (1.26+); use the CSI driver "disk.csi.azure.com".' },
        { line: 13, message: 'The in-tree provisioner "kubernetes.io/azure-file" can no longer create volumes on AKS (1.26+); use the CSI driver "file.csi.azure.com".' },
      ],
      output: yaml(...storageClass('azure-disk-sc', 'disk.csi.azure.com'), '---', ...storageClass('azurefile', '"file.csi.azure.com" # shared')),
    },
  ],
});
