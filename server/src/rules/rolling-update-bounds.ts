import { isMap, isScalar, type Scalar } from 'yaml';
import { replaceNode } from '../fixes/yamlEdits';
import { replicasOf } from '../model/workloads';
import type { Rule } from './rule';

/** An int-or-percent value: `{ percent: true, amount: 25 }` for `25%`. */
function amountOf(node: unknown): { percent: boolean; amount: number } | undefined {
  if (!isScalar(node)) return undefined;
  if (typeof node.value === 'number' && Number.isInteger(node.value)) return { percent: false, amount: node.value };
  const match = typeof node.value === 'string' ? /^(\d+)%$/.exec(node.value.trim()) : null;
  return match ? { percent: true, amount: Number(match[1]) } : undefined;
}

export const rollingUpdateBounds: Rule = {
  meta: {
    id: 'rolling-update-bounds',
    title: 'Rolling update that takes every pod down, or cannot progress',
    severity: 'warning',
    category: 'reliability',
    guideSection: 'Scenario: You need to perform a zero-downtime deployment. How do you achieve this?',
    fixable: true,
    baseline: true,
    docs: [
      'A Deployment\'s rolling update is bounded by two numbers: `maxUnavailable`, how many pods may be missing',
      'below the desired count, and `maxSurge`, how many extra pods may be started. The guide\'s zero-downtime',
      'recipe relies on them. Two settings defeat it:',
      '',
      '- `maxUnavailable: 100%`, or a number at least `replicas`: every old pod may be stopped before a new one is',
      '  ready, an outage on each rollout (the same as the `Recreate` strategy). The fix sets `25%`, the',
      '  Kubernetes default; with few replicas it rounds down to 0, so new pods start before old ones stop.',
      '- `maxSurge: 0` together with `maxUnavailable: 0`: the rollout could neither add nor remove a pod, and the',
      '  API server rejects the Deployment. The fix keeps `maxUnavailable: 0`, the usual intent (never drop',
      '  below the desired count), and sets `maxSurge: 25%`.',
      '',
      'Omitted values default to 25%. When `replicas` is left out (an autoscaler sets it), only percentages are',
      'compared.',
    ].join('\n'),
  },

  check({ root, object, file, report }) {
    if (object.kind !== 'Deployment') return;
    const strategy = root.getIn(['spec', 'strategy'], true);
    if (!isMap(strategy)) return;
    const type = strategy.get('type');
    if (type !== undefined && type !== 'RollingUpdate') return;
    const rolling = strategy.get('rollingUpdate', true);
    if (!isMap(rolling)) return;
    const surgeNode = rolling.get('maxSurge', true) as Scalar | undefined;
    const unavailableNode = rolling.get('maxUnavailable', true) as Scalar | undefined;
    const surge = amountOf(surgeNode);
    const unavailable = amountOf(unavailableNode);
    const who = `Deployment "${object.name ?? 'unnamed'}"`;

    if (surge?.amount === 0 && unavailable?.amount === 0 && surgeNode) {
      report({
        message: `${who} sets both maxSurge and maxUnavailable to 0: the rollout could never replace a pod, and the API server rejects it.`,
        range: file.rangeOf(surgeNode),
        fix: { title: 'Set maxSurge to 25%', edits: [replaceNode(surgeNode, '25%')] },
      });
      return;
    }
    if (!unavailable || !unavailableNode) return;
    const { value: replicas } = replicasOf(root);
    const everyPod = unavailable.percent ? unavailable.amount >= 100 : replicas !== undefined && replicas > 0 && unavailable.amount >= replicas;
    if (!everyPod) return;
    report({
      message: `${who} allows maxUnavailable ${unavailable.percent ? `${unavailable.amount}%` : unavailable.amount}${unavailable.percent ? '' : ` of ${replicas} replicas`}: a rollout may stop every pod at once.`,
      range: file.rangeOf(unavailableNode),
      fix: { title: 'Set maxUnavailable to 25%', edits: [replaceNode(unavailableNode, '25%')] },
    });
  },
};
