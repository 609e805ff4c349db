import { isScalar, isSeq } from 'yaml';
import { replaceInScalar } from '../fixes/yamlEdits';
import type { Rule } from './rule';
import { claimSpecsOf, isAzureDiskClass, storageClassesIn, storageClassNameOf } from './azureStorage';

export const azureDiskAccessMode: Rule = {
  meta: {
    id: 'azure-disk-access-mode',
    title: 'Azure Disk claim asking for ReadWriteMany',
    severity: 'error',
    category: 'storage',
    guideSection: 'Azure Storage Options for AKS',
    fixable: true,
    baseline: true,
    docs: [
      'An Azure managed disk attaches to one node at a time, so an Azure Disk volume supports `ReadWriteOnce`',
      '(one node) and `ReadWriteOncePod` (one pod), not `ReadWriteMany`. A claim for an Azure Disk class with',
      '`ReadWriteMany` is never provisioned and its pods stay Pending. The guide draws the line: Azure Disks',
      'for single-writer workloads such as databases, Azure Files for storage shared between pods.',
      '',
      'A claim counts as Azure Disk when its class is a StorageClass in the same file with the disk provisioner,',
      'one of AKS\'s disk classes (`managed-csi`, `managed-csi-premium`, `default`, the legacy `managed…`), or',
      'when it names no class at all (the AKS default class is an Azure Disk one). Raw block claims',
      '(`volumeMode: Block`) are not reported: shared disks (`maxShares`) serve those to several nodes.',
      '',
      'The fix asks for `ReadWriteOnce`. If several pods really must write the same files, keep',
      '`ReadWriteMany` and use an Azure Files class (`azurefile-csi`, or `azurefile-csi-premium`) instead.',
    ].join('\n'),
  },

  check({ root, object, file, report }) {
    const specs = claimSpecsOf(root, object.kind);
    if (specs.length === 0) return;
    const fileClasses = storageClassesIn(file);
    for (const spec of specs) {
      if (spec.get('volumeMode') === 'Block') continue;
      const className = storageClassNameOf(spec)?.value;
      if (!isAzureDiskClass(className, fileClasses)) continue;
      const modes = spec.get('accessModes', true);
      if (!isSeq(modes)) continue;
      for (const mode of modes.items) {
        if (!isScalar(mode) || mode.value !== 'ReadWriteMany') continue;
        const edit = replaceInScalar(file.text, mode, 'ReadWriteMany', 'ReadWriteOnce');
        report({
          message: `Azure Disks attach to one node at a time: ${className ? `class "${className}"` : 'the default class'} cannot provide ReadWriteMany. Use ReadWriteOnce, or an Azure Files class to share.`,
          range: file.rangeOf(mode),
          fix: edit ? { title: 'Use ReadWriteOnce', edits: [edit] } : undefined,
        });
      }
    }
  },
};
