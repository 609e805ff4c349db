import { isMap, type Node as YamlNode } from 'yaml';
import { addMissingFields, columnOf, type FieldTree } from '../fixes/yamlEdits';
import { containersOf, podSpecOf } from '../model/workloads';
import type { Rule } from './rule';

// Requests let the scheduler place pods where they fit; a memory limit stops one container from
// starving its neighbours. A CPU limit is left to the user: it throttles and is often not wanted.
const REQUIRED: Array<{ path: ['requests' | 'limits', 'cpu' | 'memory']; words: string; default: string }> = [
  { path: ['requests', 'cpu'], words: 'CPU request', default: '100m' },
  { path: ['requests', 'memory'], words: 'memory request', default: '128Mi' },
  { path: ['limits', 'memory'], words: 'memory limit', default: '256Mi' },
];

export const containerResources: Rule = {
  meta: {
    id: 'container-resources',
    title: 'Container without resource requests or a memory limit',
    severity: 'warning',
    category: 'resources',
    guideSection: 'Resource Quotas & Limits',
    fixable: true,
    baseline: true,
    docs: [
      'Every container should say what it needs: `resources.requests.cpu` and `resources.requests.memory` tell the',
      'scheduler where the pod fits and give it a guaranteed share, and `resources.limits.memory` keeps a leaking',
      'container from taking memory its neighbours need (it is restarted instead, with `OOMKilled`).',
      '',
      'Without requests a pod is scheduled as if it needed nothing and is the first evicted under pressure; the',
      'cluster autoscaler and the HorizontalPodAutoscaler (which scales on a percentage of the request) cannot',
      'work properly either. In a namespace with a ResourceQuota on requests, such a pod is refused outright.',
      '',
      'A CPU limit is not required: it throttles a container even when the node has idle CPU. Set one when you',
      'need predictable, capped usage.',
      '',
      'The fix adds the missing fields with starting values (100m CPU, 128Mi/256Mi memory): measure your',
      'workload (for example with `kubectl top pod` or Azure Monitor container insights) and adjust them.',
    ].join('\n'),
  },

  check({ root, object, file, report }) {
    const pod = podSpecOf(root, object.kind);
    if (!pod) return;
    for (const location of containersOf(pod)) {
      if (location.list === 'ephemeralContainers') continue;
      const resources = location.container.get('resources', true);
      const missing = REQUIRED.filter(({ path }) => {
        const value = isMap(resources) ? resources.getIn(path) : undefined;
        return value === undefined || value === null || value === '';
      });
      if (missing.length === 0) continue;

      const tree: FieldTree = { resources: {} };
      for (const { path, default: value } of missing) {
        const group = (tree.resources as FieldTree)[path[0]] ?? {};
        (group as FieldTree)[path[1]] = value;
        (tree.resources as FieldTree)[path[0]] = group;
      }
      const anchor = (location.container.get('name', true) as YamlNode | undefined) ?? location.container;
      const firstKey = location.container.items[0]?.key as YamlNode | undefined;
      const edits = addMissingFields(file.text, location.container, tree, firstKey ? columnOf(file.text, firstKey) : 0);
      const words = missing.map((m) => m.words);
      const list = words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}` : words[0];
      report({
        message: `Container "${location.name ?? location.index}" sets no ${list}.`,
        range: file.rangeOf(anchor),
        fix: edits.length > 0 ? { title: `Add ${list} to "${location.name ?? location.index}"`, edits } : undefined,
      });
    }
  },
};
