import { replaceNode } from '../fixes/yamlEdits';
import { containersOf, podSpecOf } from '../model/workloads';
import { containerLabel, scalarAt } from './podSecurity';
import type { Rule } from './rule';

export const procMount: Rule = {
  meta: {
    id: 'proc-mount',
    title: 'Container mounts /proc unmasked',
    severity: 'error',
    category: 'security',
    guideSection: 'Security Hardening',
    fixable: true,
    baseline: true,
    docs: [
      'The container runtime hides and makes read-only the parts of `/proc` that would let a container learn',
      'about or change the node (`/proc/kcore`, `/proc/sys`, `/proc/sysrq-trigger`, ...). `procMount: Unmasked`',
      'turns that protection off; it exists for nested container builds in user-namespaced pods, and is',
      'otherwise a way out of the container. The `baseline` Pod Security Standard allows only `Default`',
      '(or leaving the field out).',
      '',
      'The fix sets `procMount: Default`.',
    ].join('\n'),
  },

  check({ root, object, file, report }) {
    const pod = podSpecOf(root, object.kind);
    if (!pod) return;
    for (const location of containersOf(pod)) {
      const value = scalarAt(location.container, ['securityContext', 'procMount']);
      if (!value || value.value === 'Default') continue;
      report({
        message: `Container "${containerLabel(location)}" sets procMount: ${String(value.value)}: only Default keeps /proc masked.`,
        range: file.rangeOf(value),
        fix: { title: 'Set procMount: Default', edits: [replaceNode(value, 'Default')] },
      });
    }
  },
};
