import { isScalar } from 'yaml';
import { appendToMap, replaceNode } from '../fixes/yamlEdits';
import type { Rule } from './rule';
import { isAzureDiskProvisioner } from './azureStorage';

export const storageclassBindingMode: Rule = {
  meta: {
    id: 'storageclass-binding-mode',
    title: 'Azure Disk StorageClass that binds before the pod is scheduled',
    severity: 'warning',
    category: 'storage',
    guideSection: 'Storage Classes, PV/PVCs',
    fixable: true,
    baseline: false,
    docs: [
      'An Azure managed disk (LRS) lives in one availability zone and can only attach to a node in that zone.',
      'With the default `volumeBindingMode: Immediate` the disk is created as soon as the claim exists, in',
      'whatever zone the driver picks, before the scheduler has chosen a node for the pod. In a cluster spread',
      'across zones, which the guide recommends for high availability, the pod can then only run in the disk\'s',
      'zone and may stay Pending ("volume node affinity conflict").',
      '',
      '`WaitForFirstConsumer` delays creating the disk until the pod is scheduled, so the disk is made where the',
      'pod runs, and the scheduler can honour your zone spreading. AKS\'s own `managed-csi` classes use it.',
      'Zone-redundant SKUs (`Premium_ZRS`, `StandardSSD_ZRS`) attach from any zone and are not reported.',
      '',
      'The fix sets `volumeBindingMode: WaitForFirstConsumer`. The field cannot be changed on an existing',
      'StorageClass: delete and re-create it (volumes already provisioned are not affected).',
    ].join('\n'),
  },

  check({ root, object, file, report }) {
    if (object.kind !== 'StorageClass' || !isAzureDiskProvisioner(root.get('provisioner'))) return;
    const sku = root.getIn(['parameters', 'skuName']) ?? root.getIn(['parameters', 'storageaccounttype']);
    if (typeof sku === 'string' && /_ZRS$/i.test(sku)) return;
    const mode = root.get('volumeBindingMode', true);
    const who = `StorageClass "${object.name ?? 'unnamed'}"`;
    if (isScalar(mode)) {
      if (mode.value !== 'Immediate') return;
      report({
        message: `${who} binds Azure Disks immediately: a disk may be created in a zone where the pod cannot run. Use WaitForFirstConsumer.`,
        range: file.rangeOf(mode),
        fix: { title: 'Use volumeBindingMode: WaitForFirstConsumer', edits: [replaceNode(mode, 'WaitForFirstConsumer')] },
      });
      return;
    }
    if (mode !== undefined) return;
    const edit = appendToMap(file.text, root, ['volumeBindingMode: WaitForFirstConsumer']);
    report({
      message: `${who} binds Azure Disks immediately (the default): a disk may be created in a zone where the pod cannot run. Use WaitForFirstConsumer.`,
      range: object.nameRange ?? object.kindRange,
      fix: edit ? { title: 'Add volumeBindingMode: WaitForFirstConsumer', edits: [edit] } : undefined,
    });
  },
};
