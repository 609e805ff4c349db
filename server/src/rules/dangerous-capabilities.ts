import { isScalar, isSeq, type Scalar } from 'yaml';
import { removeSeqItem } from '../fixes/yamlEdits';
import { containersOf, podSpecOf } from '../model/workloads';
import { nodeAtPath } from '../model/yamlPath';
import { containerLabel } from './podSecurity';
import type { Rule } from './rule';

// The capabilities the `baseline` Pod Security Standard lets a container add: the runtime's usual
// defaults. Anything else (SYS_ADMIN, NET_ADMIN, NET_RAW, SYS_PTRACE, ALL...) widens the container's power.
const ALLOWED = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD',
  'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
]);

export const dangerousCapabilities: Rule = {
  meta: {
    id: 'dangerous-capabilities',
    title: 'Container adds a dangerous Linux capability',
    severity: 'error',
    category: 'security',
    guideSection: 'Security Hardening',
    fixable: true,
    baseline: true,
    docs: [
      'Capabilities split root\'s powers into pieces, and some pieces are nearly all of it: `SYS_ADMIN` allows',
      'mounting filesystems and much more, `NET_ADMIN` reconfigures networking, `SYS_PTRACE` reads other',
      'processes\' memory, `NET_RAW` forges packets, and `ALL` is everything. The `baseline` Pod Security',
      'Standard only lets a container add back the runtime\'s usual defaults (`CHOWN`, `NET_BIND_SERVICE`,',
      '`SETUID`...).',
      '',
      'The fix removes the capability from `capabilities.add`. If the workload really needs it (a network or',
      'storage driver), silence this rule for that object with a `kube-guide.io/ignore` annotation saying why.',
    ].join('\n'),
  },

  check({ root, object, file, report }) {
    const pod = podSpecOf(root, object.kind);
    if (!pod) return;
    for (const location of containersOf(pod)) {
      const add = nodeAtPath(location.container, ['securityContext', 'capabilities', 'add']);
      if (!isSeq(add)) continue;
      const isDangerous = (item: unknown): item is Scalar<string> =>
        isScalar(item) && typeof item.value === 'string' && !ALLOWED.has(item.value.toUpperCase().replace(/^CAP_/, ''));
      const removed = new Set(add.items.flatMap((item, index) => (isDangerous(item) ? [index] : [])));
      add.items.forEach((item, index) => {
        if (!isDangerous(item)) return;
        const edit = removeSeqItem(file.text, add, index, removed);
        report({
          message: `Container "${containerLabel(location)}" adds the capability ${item.value}.`,
          range: file.rangeOf(item),
          fix: edit ? { title: `Remove ${item.value} from capabilities.add`, edits: [edit] } : undefined,
        });
      });
    }
  },
};
