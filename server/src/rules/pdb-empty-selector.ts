import { isMap, isSeq } from 'yaml';
import { pairOf } from '../fixes/yamlEdits';
import type { Rule } from './rule';

/** True for a selector that names no label at all: `{}`, or empty `matchLabels`/`matchExpressions`. */
function selectsEverything(selector: unknown): boolean {
  if (!isMap(selector)) return false;
  return selector.items.every((pair) => {
    const value = pair.value;
    return value === null || ((isMap(value) || isSeq(value)) && value.items.length === 0);
  });
}

export const pdbEmptySelector: Rule = {
  meta: {
    id: 'pdb-empty-selector',
    title: 'PodDisruptionBudget selects every pod in its namespace',
    severity: 'warning',
    category: 'reliability',
    guideSection: 'How do you upgrade a running AKS cluster with minimal disruption?',
    fixable: false,
    baseline: false,
    docs: [
      'In `policy/v1` an empty `selector` (`{}`, or `matchLabels: {}`) matches every pod of the namespace, not',
      'none (`policy/v1beta1` read it the other way). The budget then counts all those pods together: a',
      '`maxUnavailable: 1` means one pod of the whole namespace at a time can be evicted, so node drains during',
      'an AKS upgrade crawl or stall, and pods of other workloads are held by a budget nobody meant for them.',
      'Pods matched by more than one PDB cannot be evicted at all: the eviction API refuses them.',
      '',
      'Select the pods of one workload, with the labels of its own `spec.selector.matchLabels`, as the guide\'s',
      'PDB example does. There is no automatic fix: the rule cannot tell which workload was meant.',
    ].join('\n'),
  },

  check({ root, object, file, report }) {
    if (object.kind !== 'PodDisruptionBudget' || object.apiVersion !== 'policy/v1') return;
    const spec = root.get('spec', true);
    const selectorPair = isMap(spec) ? pairOf(spec, 'selector') : undefined;
    if (!selectorPair?.value || !selectsEverything(selectorPair.value)) return;
    report({
      message: `PodDisruptionBudget "${object.name ?? 'unnamed'}" has an empty selector: it covers every pod in its namespace.`,
      range: file.rangeOf(selectorPair.value),
    });
  },
};
