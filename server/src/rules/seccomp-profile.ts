import { replaceNode, setScalarAt } from '../fixes/yamlEdits';
import { containersOf, podSpecOf } from '../model/workloads';
import { containerAnchor, containerLabel, quotedList, scalarAt } from './podSecurity';
import type { Rule } from './rule';

const CONFINED = new Set(['RuntimeDefault', 'Localhost']);
const TYPE_PATH = ['securityContext', 'seccompProfile', 'type'];

export const seccompProfile: Rule = {
  meta: {
    id: 'seccomp-profile',
    title: 'Containers run without a seccomp profile',
    severity: 'warning',
    category: 'security',
    guideSection: 'Security Hardening',
    fixable: true,
    baseline: false,
    docs: [
      'Seccomp limits which kernel system calls a process may make. Kubernetes runs containers `Unconfined`',
      'unless a profile is asked for, leaving the whole kernel interface open to an attacker looking for a way',
      'out of the container.',
      '',
      'Set `securityContext.seccompProfile.type: RuntimeDefault` on the pod: the container runtime\'s default',
      'profile blocks the rarely needed, risky calls and almost every application runs unchanged. Use',
      '`Localhost` with a profile file of your own when you need something stricter, and never `Unconfined`.',
      'A container-level profile overrides the pod\'s. The `restricted` Pod Security Standard requires one.',
    ].join('\n'),
  },

  check({ root, object, file, report }) {
    const pod = podSpecOf(root, object.kind);
    if (!pod) return;
    const podType = scalarAt(pod.spec, TYPE_PATH);
    const inheriting: string[] = [];
    let firstInheriting: ReturnType<typeof containersOf>[number] | undefined;
    for (const location of containersOf(pod)) {
      const name = containerLabel(location);
      const own = scalarAt(location.container, TYPE_PATH);
      if (!own) {
        inheriting.push(name);
        firstInheriting ??= location;
      } else if (!CONFINED.has(String(own.value))) {
        report({
          message: `Container "${name}" uses the seccomp profile ${String(own.value)}: use RuntimeDefault or Localhost.`,
          range: file.rangeOf(own),
          fix: { title: `Use the RuntimeDefault seccomp profile for "${name}"`, edits: [replaceNode(own, 'RuntimeDefault')] },
        });
      }
    }
    if (!firstInheriting) return;

    if (podType && !CONFINED.has(String(podType.value))) {
      report({
        message: `The pod uses the seccomp profile ${String(podType.value)}: use RuntimeDefault or Localhost.`,
        range: file.rangeOf(podType),
        fix: { title: 'Use the RuntimeDefault seccomp profile for the pod', edits: [replaceNode(podType, 'RuntimeDefault')] },
      });
    } else if (!podType) {
      const edits = setScalarAt(file.text, pod.spec, TYPE_PATH, 'RuntimeDefault');
      const subject = inheriting.length > 1 ? `Containers ${quotedList(inheriting)} run` : `Container ${quotedList(inheriting)} runs`;
      report({
        message: `${subject} without a seccomp profile: set seccompProfile.type: RuntimeDefault on the pod.`,
        range: file.rangeOf(containerAnchor(firstInheriting)),
        fix: edits.length > 0 ? { title: 'Use the RuntimeDefault seccomp profile for the pod', edits } : undefined,
      });
    }
  },
};
