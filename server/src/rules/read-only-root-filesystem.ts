import type { Rule } from './rule';
import { containerBooleanCheck } from './podSecurity';

export const readOnlyRootFilesystem: Rule = {
  meta: {
    id: 'read-only-root-filesystem',
    title: 'Container can write to its root filesystem',
    severity: 'warning',
    category: 'security',
    guideSection: 'Security Hardening',
    fixable: true,
    baseline: false,
    docs: [
      'With a writable root filesystem, an attacker who gets code running in the container can drop tools,',
      'rewrite binaries or configuration, and keep them until the pod is replaced. A read-only root makes the',
      'image the only source of code and keeps containers identical to what was scanned.',
      '',
      'The fix sets `securityContext.readOnlyRootFilesystem: true`. Applications that write scratch files',
      '(to `/tmp`, caches, PID files) then need a writable volume at those paths: mount an `emptyDir` there.',
    ].join('\n'),
  },
  check: containerBooleanCheck({
    field: 'readOnlyRootFilesystem',
    wanted: true,
    wrong: (name) => `Container "${name}" has a writable root filesystem.`,
    missing: (name) => `Container "${name}" does not set readOnlyRootFilesystem: true.`,
  }),
};
