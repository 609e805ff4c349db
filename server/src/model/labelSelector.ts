import { isMap, isScalar, isSeq } from 'yaml';

/** A Kubernetes label selector: equality on `matchLabels`, set logic on `matchExpressions`. */
export interface LabelSelector {
  matchLabels: Record<string, string>;
  matchExpressions: LabelRequirement[];
}

export interface LabelRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values: string[];
}

const OPERATORS = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);

/** True when the selector has no requirement at all: Kubernetes reads that as "everything" (or "nothing" for a Service). */
export function isEmptySelector(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels).length === 0 && selector.matchExpressions.length === 0;
}

/** True when a set of labels satisfies every requirement of the selector. */
export function selectorMatches(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels)) {
    if (labels[key] !== value) return false;
  }
  return selector.matchExpressions.every(({ key, operator, values }) => {
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    switch (operator) {
      case 'In':
        return has && values.includes(labels[key]!);
      case 'NotIn':
        return !has || !values.includes(labels[key]!);
      case 'Exists':
        return has;
      case 'DoesNotExist':
        return !has;
    }
  });
}

/**
 * A mapping of scalar values (labels, `matchLabels`, a Service's `selector`), as strings. Undefined when
 * the node is not a mapping or holds anything but scalars: a value we cannot read is better left unjudged.
 */
export function readStringMap(node: unknown): Record<string, string> | undefined {
  if (!isMap(node)) return undefined;
  const result: Record<string, string> = {};
  for (const pair of node.items) {
    if (!isScalar(pair.key) || !isScalar(pair.value) || pair.value.value === null) return undefined;
    result[String(pair.key.value)] = String(pair.value.value);
  }
  return result;
}

/**
 * A `LabelSelector` mapping (`matchLabels` and `matchExpressions`); undefined when it cannot be read exactly.
 * An empty value (`podSelector:` or `{}`) is the empty selector.
 */
export function readLabelSelector(node: unknown): LabelSelector | undefined {
  if (isScalar(node) && node.value === null) return { matchLabels: {}, matchExpressions: [] };
  if (!isMap(node)) return undefined;
  const matchLabelsNode = node.get('matchLabels', true);
  const matchLabels = matchLabelsNode === undefined || (isScalar(matchLabelsNode) && matchLabelsNode.value === null) ? {} : readStringMap(matchLabelsNode);
  if (!matchLabels) return undefined;
  const expressionsNode = node.get('matchExpressions', true);
  const matchExpressions: LabelRequirement[] = [];
  if (expressionsNode !== undefined && !(isScalar(expressionsNode) && expressionsNode.value === null)) {
    if (!isSeq(expressionsNode)) return undefined;
    for (const item of expressionsNode.items) {
      if (!isMap(item)) return undefined;
      const key = item.get('key');
      const operator = item.get('operator');
      const valuesNode = item.get('values', true);
      if (typeof key !== 'string' || typeof operator !== 'string' || !OPERATORS.has(operator)) return undefined;
      const values = isSeq(valuesNode) ? valuesNode.items.map((value) => (isScalar(value) ? String(value.value) : '')) : [];
      matchExpressions.push({ key, operator: operator as LabelRequirement['operator'], values });
    }
  }
  return { matchLabels, matchExpressions };
}

/** Writes a selector the way people read it: `app=web, tier in (a, b)`. */
export function describeSelector(selector: LabelSelector): string {
  const parts = Object.entries(selector.matchLabels).map(([key, value]) => `${key}=${value}`);
  for (const { key, operator, values } of selector.matchExpressions) {
    if (operator === 'Exists') parts.push(key);
    else if (operator === 'DoesNotExist') parts.push(`!${key}`);
    else parts.push(`${key} ${operator === 'In' ? 'in' : 'notin'} (${values.join(', ')})`);
  }
  return parts.join(', ');
}
