import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { Rule } from './rule';

const DIRECTIONS = [
  { field: 'ingress', peers: 'from', words: 'from every source' },
  { field: 'egress', peers: 'to', words: 'to every destination' },
] as const;

/** True when a list field is absent, null or empty: for a NetworkPolicy rule that means "no restriction". */
function unrestricted(rule: YamlNode | null, field: string): boolean {
  const value = isMap(rule) ? rule.get(field, true) : undefined;
  return value === undefined || value === null || (isScalar(value) && value.value === null) || (isSeq(value) && value.items.length === 0);
}

export const networkpolicyAllowsAll: Rule = {
  meta: {
    id: 'networkpolicy-allows-all',
    title: 'NetworkPolicy rule allows all traffic',
    severity: 'warning',
    category: 'networking',
    guideSection: '1. Using Network Policies to Restrict Pod-to-Pod Traffic',
    fixable: false,
    baseline: false,
    docs: [
      'In a NetworkPolicy, each item of `ingress` or `egress` is one allowed kind of traffic, and its missing',
      'parts mean "anything": a rule with neither peers (`from`/`to`) nor `ports`, such as `- {}`, allows all',
      'traffic in that direction, on every port. Because policies only ever add what is allowed, that one item',
      'cancels every other rule for the pods the policy selects. It is often left over from debugging, or',
      'written meaning "deny" (which is `ingress: []`, or the direction in `policyTypes` with no rules at all).',
      '',
      'Following the guide\'s advice (deny by default, then allow what is needed), list the peers and ports',
      'the pods need, for example `from: [{podSelector: {matchLabels: {app: frontend}}}]`. There is no',
      'automatic fix: only you know who should be let in. A deliberate allow-all policy can be silenced with',
      'a `kube-guide.io/ignore` annotation.',
    ].join('\n'),
  },

  check({ root, object, file, report }) {
    if (object.kind !== 'NetworkPolicy') return;
    const spec = root.get('spec', true);
    if (!isMap(spec)) return;
    for (const { field, peers, words } of DIRECTIONS) {
      const rules = spec.get(field, true);
      if (!isSeq(rules)) continue;
      for (const item of rules.items as Array<YamlNode | null>) {
        if (item !== null && !isMap(item) && !(isScalar(item) && item.value === null)) continue;
        if (!unrestricted(item, peers) || !unrestricted(item, 'ports')) continue;
        const anchor = item?.range ? item : rules;
        report({
          message: `This ${field} rule has no ${peers} and no ports: it allows all traffic ${words}, so the policy restricts nothing in this direction.`,
          range: file.rangeOf(anchor),
        });
      }
    }
  },
};
