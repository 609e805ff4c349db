import { replaceNode, setScalarAt } from '../fixes/yamlEdits';
import { containersOf, podSpecOf } from '../model/workloads';
import { containerAnchor, containerLabel, isTrue, quotedList, scalarAt } from './podSecurity';
import type { Rule } from './rule';

export const runAsNonRoot: Rule = {
  meta: {
    id: 'run-as-non-root',
    title: 'Containers may run as root',
    severity: 'warning',
    category: 'security',
    guideSection: 'Security Hardening',
    fixable: true,
    baseline: false,
    docs: [
      'Many images still start their process as root (UID 0). Inside a container that is less than root on',
      'the host, but every container escape or mounted host path then becomes a root problem. With',
      '`runAsNonRoot: true` the kubelet refuses to start a container whose user would be 0, so a root image',
      'fails loudly instead of running quietly.',
      '',
      'Set `runAsNonRoot: true` in the pod\'s `securityContext` (it applies to every container; a container can',
      'still override it), never write `runAsNonRoot: false`, and never `runAsUser: 0`. The fix adds the',
      'pod-level field. If the image has no non-root user, also set `runAsUser` (for example `10001`) or add a',
      '`USER` line to the Dockerfile. This is the `restricted` Pod Security Standard.',
    ].join('\n'),
  },

  check({ root, object, file, report }) {
    const pod = podSpecOf(root, object.kind);
    if (!pod) return;
    const podValue = scalarAt(pod.spec, ['securityContext', 'runAsNonRoot']);
    const podUser = scalarAt(pod.spec, ['securityContext', 'runAsUser']);
    const containers = containersOf(pod);

    if (podValue && !isTrue(podValue)) {
      report({
        message: 'The pod sets runAsNonRoot to false: its containers may run as root.',
        range: file.rangeOf(podValue),
        fix: { title: 'Set runAsNonRoot: true on the pod', edits: [replaceNode(podValue, 'true')] },
      });
    }
    if (podUser?.value === 0) {
      report({ message: 'The pod runs its containers as root (runAsUser: 0).', range: file.rangeOf(podUser) });
    }

    const unprotected: string[] = [];
    let firstUnprotected: (typeof containers)[number] | undefined;
    for (const location of containers) {
      const name = containerLabel(location);
      const own = scalarAt(location.container, ['securityContext', 'runAsNonRoot']);
      const user = scalarAt(location.container, ['securityContext', 'runAsUser']);
      if (own && !isTrue(own)) {
        report({
          message: `Container "${name}" sets runAsNonRoot to false: it may run as root.`,
          range: file.rangeOf(own),
          fix: { title: `Set runAsNonRoot: true on "${name}"`, edits: [replaceNode(own, 'true')] },
        });
      }
      if (user?.value === 0) {
        report({ message: `Container "${name}" runs as root (runAsUser: 0).`, range: file.rangeOf(user) });
      }
      if (!own && !podValue) {
        unprotected.push(name);
        firstUnprotected ??= location;
      }
    }

    // One finding for the pod, because one pod-level field fixes every container at once.
    if (firstUnprotected) {
      const edits = setScalarAt(file.text, pod.spec, ['securityContext', 'runAsNonRoot'], 'true');
      const subject = unprotected.length > 1 ? `Containers ${quotedList(unprotected)} may` : `Container ${quotedList(unprotected)} may`;
      report({
        message: `${subject} run as root: neither they nor the pod set runAsNonRoot: true.`,
        range: file.rangeOf(containerAnchor(firstUnprotected)),
        fix: edits.length > 0 ? { title: 'Set runAsNonRoot: true on the pod', edits } : undefined,
      });
    }
  },
};
