import type { Rule } from './rule';
import { containerBooleanCheck } from './podSecurity';

export const allowPrivilegeEscalation: Rule = {
  meta: {
    id: 'allow-privilege-escalation',
    title: 'Container may gain more privileges than it started with',
    severity: 'warning',
    category: 'security',
    guideSection: 'Security Hardening',
    fixable: true,
    baseline: false,
    docs: [
      'Unless `allowPrivilegeEscalation` is `false`, a process in the container can gain privileges through',
      'setuid binaries or file capabilities (the kernel\'s `no_new_privs` flag stays off). The field defaults',
      'to allowing it, so it has to be written on every container; the `restricted` Pod Security Standard',
      'requires it.',
      '',
      'The fix sets `securityContext.allowPrivilegeEscalation: false` on the container. Almost every',
      'application runs unchanged; only tools that rely on `sudo` or setuid helpers notice.',
    ].join('\n'),
  },
  check: containerBooleanCheck({
    field: 'allowPrivilegeEscalation',
    wanted: false,
    wrong: (name) => `Container "${name}" allows privilege escalation.`,
    missing: (name) => `Container "${name}" does not set allowPrivilegeEscalation: false.`,
  }),
};
