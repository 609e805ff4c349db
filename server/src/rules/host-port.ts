import { isMap, isSeq, type Node as YamlNode, type Pair } from 'yaml';
import { pairOf, removePair } from '../fixes/yamlEdits';
import { containersOf, podSpecOf } from '../model/workloads';
import { containerLabel } from './podSecurity';
import type { Rule } from './rule';

export const hostPort: Rule = {
  meta: {
    id: 'host-port',
    title: 'Container binds a port on the node (hostPort)',
    severity: 'warning',
    category: 'security',
    guideSection: 'Services & Ingress',
    fixable: true,
    baseline: true,
    docs: [
      'A `hostPort` opens the port on the node\'s own address and forwards it to the pod. It bypasses Services',
      'and NetworkPolicies, exposes the pod wherever the node is reachable, and limits scheduling to one such',
      'pod per node (two pods cannot hold the same host port). The `baseline` Pod Security Standard forbids it.',
      '',
      'Reach pods through a Service instead: `ClusterIP` inside the cluster, an Ingress or an internal',
      '`LoadBalancer` from outside. The fix removes `hostPort` and keeps `containerPort`.',
    ].join('\n'),
  },

  check({ root, object, file, report }) {
    const pod = podSpecOf(root, object.kind);
    if (!pod) return;
    for (const location of containersOf(pod)) {
      const ports = location.container.get('ports', true);
      if (!isSeq(ports)) continue;
      for (const port of ports.items) {
        if (!isMap(port)) continue;
        const pair = pairOf(port, 'hostPort');
        if (!pair || pair.value === null) continue;
        const value = (pair.value as YamlNode & { value?: unknown }).value;
        if (value === 0 || value === null) continue;
        const container = containerLabel(location);
        report({
          message: `Container "${container}" binds port ${String(value)} on the node (hostPort).`,
          range: file.rangeOf(pair.key),
          fix: port.flow ? undefined : { title: `Remove hostPort ${String(value)}`, edits: [removePair(file.text, pair as Pair<YamlNode, YamlNode | null>)] },
        });
      }
    }
  },
};
