import { isMap, isScalar, isSeq } from 'yaml';
import { pairOf } from '../fixes/yamlEdits';
import { podSpecOf } from '../model/workloads';
import type { Rule } from './rule';

export const hostPathVolume: Rule = {
  meta: {
    id: 'host-path-volume',
    title: 'Pod mounts a directory of the node (hostPath)',
    severity: 'warning',
    category: 'security',
    guideSection: 'Storage Classes, PV/PVCs',
    fixable: false,
    baseline: true,
    docs: [
      'A `hostPath` volume mounts a file or directory of the node into the pod. Writable, it lets the pod',
      'change the node (kubelet configuration, container runtime socket, other pods\' data); even read-only it',
      'can leak credentials and ties the pod to one node\'s disk, which disappears when AKS replaces the node',
      'during an upgrade or scale-in. The `baseline` Pod Security Standard forbids it.',
      '',
      'For data, use a PersistentVolumeClaim (Azure Disk or Azure Files); for scratch space, `emptyDir`; for',
      'configuration, a ConfigMap or Secret. There is no automatic fix: which one fits depends on the data.',
    ].join('\n'),
  },

  check({ root, object, file, report }) {
    const pod = podSpecOf(root, object.kind);
    const volumes = pod?.spec.get('volumes', true);
    if (!isSeq(volumes)) return;
    for (const volume of volumes.items) {
      if (!isMap(volume)) continue;
      const pair = pairOf(volume, 'hostPath');
      if (!pair) continue;
      const path = isMap(pair.value) ? pair.value.get('path', true) : undefined;
      const name = volume.get('name', true);
      const where = isScalar(path) ? ` ${String(path.value)}` : '';
      report({
        message: `Volume "${isScalar(name) ? String(name.value) : '?'}" mounts the node's${where || ' filesystem'} (hostPath).`,
        range: file.rangeOf(pair.key),
      });
    }
  },
};
