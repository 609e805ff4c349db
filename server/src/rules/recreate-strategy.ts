import { isMap, isScalar } from 'yaml';
import { replicasOf } from '../model/workloads';
import type { Rule } from './rule';

export const recreateStrategy: Rule = {
  meta: {
    id: 'recreate-strategy',
    title: 'Multi-replica Deployment that is replaced all at once',
    severity: 'info',
    category: 'reliability',
    guideSection: 'Scenario: You need to perform a zero-downtime deployment. How do you achieve this?',
    fixable: false,
    baseline: false,
    docs: [
      'With `strategy.type: Recreate` a Deployment stops all of its pods before it starts the new version, so',
      'every rollout is an outage, however many replicas run. The guide\'s zero-downtime recipe is a rolling',
      'update with readiness probes.',
      '',
      'Recreate has real uses: an application that must never run two versions side by side, or pods that share',
      'a ReadWriteOnce volume (an Azure Disk attaches to one node at a time). That is why this is only',
      'information and there is no automatic fix. When neither applies, remove the `strategy` type (rolling',
      'update is the default) or write `type: RollingUpdate`. Deployments with `replicas: 1` (or 0) are not',
      'reported; with `replicas` left out an autoscaler may run several pods, so they are.',
    ].join('\n'),
  },

  check({ root, object, file, report }) {
    if (object.kind !== 'Deployment') return;
    const strategy = root.getIn(['spec', 'strategy'], true);
    const type = isMap(strategy) ? strategy.get('type', true) : undefined;
    if (!isScalar(type) || type.value !== 'Recreate') return;
    const { node, value } = replicasOf(root);
    if (node && (value === undefined || value < 2)) return;
    report({
      message: `Deployment "${object.name ?? 'unnamed'}" uses the Recreate strategy: every rollout stops all its pods before new ones start.`,
      range: file.rangeOf(type),
    });
  },
};
