import type { Rule } from './rule';
import { containerBooleanCheck } from './podSecurity';

export const privilegedContainer: Rule = {
  meta: {
    id: 'privileged-container',
    title: 'Container runs privileged',
    severity: 'error',
    category: 'security',
    guideSection: 'Security Hardening',
    fixable: true,
    baseline: true,
    docs: [
      'A privileged container runs with every Linux capability and sees the host\'s devices: a process that',
      'breaks out of it owns the node, and with it every other pod scheduled there. The Pod Security Standards',
      'forbid it even at the `baseline` level, and Azure Policy for AKS can refuse such pods.',
      '',
      'Remove `privileged: true` or set it to `false`. If the workload needs one specific power (binding a low',
      'port, changing network settings), add just that capability under `securityContext.capabilities.add`.',
      'Node-level agents that truly need the host are better shipped as AKS add-ons or extensions.',
    ].join('\n'),
  },
  check: containerBooleanCheck({
    field: 'privileged',
    wanted: false,
    wrong: (name) => `Container "${name}" runs privileged: it gets full access to the node.`,
  }),
};
