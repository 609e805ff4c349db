import { isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import { appendToMap, appendToSeq, columnOf, lineBreakOf, pairOf, sequenceItemLines } from '../fixes/yamlEdits';
import type { TextEdit } from '../fixes/textEdit';
import { podSelectorLabelsOf, podSpecOf, replicasOf, type PodSpecLocation } from '../model/workloads';
import type { RuleContext } from './rule';

// Shared by `pod-anti-affinity` and `topology-spread-zones`: which workloads should spread their
// pods, how to tell that they do, and how to write the fix.

const KINDS = new Set(['Deployment', 'StatefulSet']);

/**
 * The pod spec of a Deployment or StatefulSet that runs, or may run, several pods: `replicas` of 2 or
 * more, or left out (an autoscaler may own the count). One replica explicitly has nothing to spread.
 */
export function replicatedPodSpec({ root, object }: RuleContext): PodSpecLocation | undefined {
  if (!KINDS.has(object.kind)) return undefined;
  const { node, value } = replicasOf(root);
  if (node && (value === undefined || value < 2)) return undefined;
  return podSpecOf(root, object.kind);
}

/** The topology keys the pod spec's `topologySpreadConstraints` spread over. */
export function spreadTopologyKeys(pod: YAMLMap): string[] {
  const constraints = pod.get('topologySpreadConstraints', true);
  if (!isSeq(constraints)) return [];
  return constraints.items.flatMap((item) => (isMap(item) && typeof item.get('topologyKey') === 'string' ? [item.get('topologyKey') as string] : []));
}

/** The topology keys of the pod spec's pod anti-affinity terms, required or preferred. */
export function antiAffinityTopologyKeys(pod: YAMLMap): string[] {
  const antiAffinity = pod.getIn(['affinity', 'podAntiAffinity'], true);
  if (!isMap(antiAffinity)) return [];
  const required = antiAffinity.get('requiredDuringSchedulingIgnoredDuringExecution', true);
  const preferred = antiAffinity.get('preferredDuringSchedulingIgnoredDuringExecution', true);
  const terms = [
    ...(isSeq(required) ? required.items : []),
    ...(isSeq(preferred) ? preferred.items.map((item) => (isMap(item) ? item.get('podAffinityTerm', true) : undefined)) : []),
  ];
  return terms.flatMap((term) => (isMap(term) && typeof term.get('topologyKey') === 'string' ? [term.get('topologyKey') as string] : []));
}

/** `matchLabels` lines for a selector of the workload's own pods (selector first, else template labels). */
export function matchLabelLines(context: RuleContext, unit: number): string[] | undefined {
  const labels = podSelectorLabelsOf(context.root, context.object.kind);
  if (!labels) return undefined;
  const quote = (value: string) => (/^[\w./-]+$/.test(value) && !/^(true|false|yes|no|on|off|null|~|[-+.\d][\d.eE+-]*)$/i.test(value) ? value : JSON.stringify(value));
  return ['matchLabels:', ...Object.entries(labels).map(([key, value]) => `${' '.repeat(unit)}${quote(key)}: ${quote(value)}`)];
}

/**
 * Adds a sequence item under `key` of `map`: appended to the sequence when it has items, written in
 * place of an empty `[]`, or as a new field at the end of the mapping.
 */
export function addSequenceItem(text: string, map: YAMLMap, key: string, itemLines: string[]): TextEdit | undefined {
  const pair = pairOf(map, key);
  if (!pair) {
    const firstKey = map.items[0]?.key;
    return appendToMap(text, map, [`${key}:`, ...sequenceItemLines(text, itemLines)], isScalar(firstKey) ? columnOf(text, firstKey) : 0);
  }
  const value = pair.value;
  if (isSeq(value) && !value.flow && value.items.length > 0) return appendToSeq(text, value, itemLines);
  if (isSeq(value) && value.flow && value.items.length === 0 && value.range) {
    // `key: []` becomes a block sequence under the key.
    let start = value.range[0];
    while (text[start - 1] === ' ') start--;
    const indent = ' '.repeat(columnOf(text, pair.key));
    const lines = sequenceItemLines(text, itemLines);
    return { start, end: value.range[1], newText: lines.map((line) => lineBreakOf(text) + indent + line).join('') };
  }
  return undefined;
}
