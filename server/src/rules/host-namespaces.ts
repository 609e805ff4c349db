import { isScalar } from 'yaml';
import { pairOf, removePair } from '../fixes/yamlEdits';
import { podSpecOf } from '../model/workloads';
import type { Rule } from './rule';

const NAMESPACES: Record<string, string> = {
  hostNetwork: 'network',
  hostPID: 'process (PID)',
  hostIPC: 'IPC',
};

export const hostNamespaces: Rule = {
  meta: {
    id: 'host-namespaces',
    title: 'Pod shares the node\'s network, process or IPC namespace',
    severity: 'error',
    category: 'security',
    guideSection: 'Security Hardening',
    fixable: true,
    baseline: true,
    docs: [
      'With `hostNetwork: true` a pod uses the node\'s network stack: it can bind the node\'s ports, reach',
      'services listening on localhost and sidestep NetworkPolicies. `hostPID: true` lets it see (and, as the',
      'same user, signal or trace) every process on the node; `hostIPC: true` shares the node\'s shared memory.',
      'Each breaks the isolation between the pod and the node, so the `baseline` Pod Security Standard forbids',
      'them.',
      '',
      'The fix removes the field (all three default to `false`). A workload that truly needs the host — a CNI',
      'or node monitoring agent — should come from a trusted vendor or an AKS add-on, and be silenced here',
      'with a `kube-guide.io/ignore` annotation that says why.',
    ].join('\n'),
  },

  check({ root, object, file, report }) {
    const pod = podSpecOf(root, object.kind);
    if (!pod) return;
    for (const [field, words] of Object.entries(NAMESPACES)) {
      const pair = pairOf(pod.spec, field);
      if (!pair || !isScalar(pair.value) || pair.value.value !== true) continue;
      report({
        message: `The pod shares the node's ${words} namespace (${field}: true).`,
        range: file.rangeOf(pair.key),
        fix: pod.spec.flow ? undefined : { title: `Remove ${field}`, edits: [removePair(file.text, pair)] },
      });
    }
  },
};
