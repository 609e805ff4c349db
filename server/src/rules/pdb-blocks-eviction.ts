import { isMap, isScalar, type Node as YamlNode, type Pair } from 'yaml';
import { pairOf, removePair, replaceNode } from '../fixes/yamlEdits';
import type { Rule } from './rule';

const isZero = (value: unknown) => value === 0 || (typeof value === 'string' && /^0+%$/.test(value.trim()));
const isAll = (value: unknown) => typeof value === 'string' && /^\d+%$/.test(value.trim()) && parseInt(value, 10) >= 100;

export const pdbBlocksEviction: Rule = {
  meta: {
    id: 'pdb-blocks-eviction',
    title: 'PodDisruptionBudget that allows no disruption',
    severity: 'warning',
    category: 'reliability',
    guideSection: 'How do you upgrade a running AKS cluster with minimal disruption?',
    fixable: true,
    baseline: true,
    docs: [
      'During an AKS upgrade (and a cluster autoscaler scale-in) nodes are cordoned and drained: their pods are',
      'evicted through the Eviction API, which honours PodDisruptionBudgets. The guide recommends PDBs so that',
      'enough pods stay up while this happens. A budget that allows *no* eviction, `maxUnavailable: 0` (or',
      '`0%`) or `minAvailable: 100%`, blocks the drain instead: the upgrade stalls on that node until it times',
      'out or someone deletes the PDB.',
      '',
      'The fix allows one pod at a time to be evicted: it sets `maxUnavailable: 1`, replacing a',
      '`minAvailable: 100%` (or removing it when `maxUnavailable` is already set, since the API accepts only one',
      'of the two). With one pod evicted at a time and two or more replicas, the service stays up.',
      '',
      'A `minAvailable` number equal to the workload\'s replica count blocks drains too. This rule sees the PDB',
      'alone; `pdb-min-available-blocks-drain` compares it with the workloads it selects across the workspace.',
    ].join('\n'),
  },

  check({ root, object, file, report }) {
    if (object.kind !== 'PodDisruptionBudget') return;
    const spec = root.get('spec', true);
    if (!isMap(spec)) return;
    const who = `PodDisruptionBudget "${object.name ?? 'unnamed'}"`;
    const maxPair = pairOf(spec, 'maxUnavailable');
    const minPair = pairOf(spec, 'minAvailable');

    if (maxPair && isScalar(maxPair.value) && isZero(maxPair.value.value)) {
      report({
        message: `${who} sets maxUnavailable ${String(maxPair.value.value)}: no pod may ever be evicted, so node drains and AKS upgrades stall.`,
        range: file.rangeOf(maxPair.value),
        fix: { title: 'Allow one pod at a time: maxUnavailable 1', edits: [replaceNode(maxPair.value, '1')] },
      });
    }
    if (minPair && isScalar(minPair.value) && isAll(minPair.value.value)) {
      const value = minPair.value as YamlNode;
      let fix;
      if (maxPair) {
        if (!spec.flow) fix = { title: 'Remove minAvailable (maxUnavailable is set)', edits: [removePair(file.text, minPair as Pair<YamlNode, YamlNode | null>)] };
      } else {
        const [start] = minPair.key.range ?? [0];
        const [, end] = value.range ?? [0, 0];
        fix = { title: 'Allow one pod at a time: maxUnavailable 1', edits: [{ start, end, newText: 'maxUnavailable: 1' }] };
      }
      report({
        message: `${who} requires minAvailable ${String(minPair.value.value)}: no pod may ever be evicted, so node drains and AKS upgrades stall.`,
        range: file.rangeOf(value),
        fix,
      });
    }
  },
};
