import { isMap, type Node as YamlNode } from 'yaml';
import { appendToMap, columnOf, indentUnitOf, sequenceItemLines } from '../fixes/yamlEdits';
import type { Rule } from './rule';
import { antiAffinityTopologyKeys, matchLabelLines, replicatedPodSpec, spreadTopologyKeys } from './workloadSpreading';

const HOSTNAME = 'kubernetes.io/hostname';

export const podAntiAffinity: Rule = {
  meta: {
    id: 'pod-anti-affinity',
    title: 'Replicated workload not spread across nodes',
    severity: 'warning',
    category: 'reliability',
    guideSection: 'Pod Anti-Affinity: Spreading Pods Across Nodes',
    fixable: true,
    baseline: false,
    docs: [
      'Replicas only protect you if they do not share a fate. Nothing stops the scheduler from putting every pod',
      'of a Deployment on the same node, and then one node drain (an AKS upgrade, a scale-in) or one VM failure',
      'takes them all at once. The guide recommends pod anti-affinity for every critical, replicated workload.',
      '',
      'The rule checks Deployments and StatefulSets with two or more replicas, or with `replicas` left out (an',
      'autoscaler may run several). It is satisfied by a pod anti-affinity term, required or preferred, on',
      '`kubernetes.io/hostname`, or by a `topologySpreadConstraints` entry on that key.',
      '',
      'The fix adds a *preferred* anti-affinity on `kubernetes.io/hostname` that selects the workload\'s own pods',
      '(by `spec.selector.matchLabels`, else the template\'s labels): the scheduler spreads pods when it can and',
      'still schedules them when there are fewer nodes than replicas. Use the `required…` form only when you',
      'always have more nodes than replicas. No fix is offered when the pod spec already has a',
      '`podAntiAffinity` (add a term to it yourself) or when there are no labels to select the pods by.',
    ].join('\n'),
  },

  check(context) {
    const pod = replicatedPodSpec(context);
    if (!pod) return;
    if (antiAffinityTopologyKeys(pod.spec).includes(HOSTNAME) || spreadTopologyKeys(pod.spec).includes(HOSTNAME)) return;

    const { file, object, report } = context;
    const text = file.text;
    const unit = indentUnitOf(text);
    const pad = (lines: string[]) => lines.map((line) => ' '.repeat(unit) + line);
    const labels = matchLabelLines(context, unit);
    let edit;
    if (labels) {
      const term = ['weight: 100', 'podAffinityTerm:', ...pad([`topologyKey: ${HOSTNAME}`, 'labelSelector:', ...pad(labels)])];
      const antiAffinity = ['podAntiAffinity:', ...pad(['preferredDuringSchedulingIgnoredDuringExecution:', ...sequenceItemLines(text, term)])];
      const affinity = pod.spec.get('affinity', true);
      if (affinity === undefined) {
        const firstKey = pod.spec.items[0]?.key as YamlNode | undefined;
        edit = appendToMap(text, pod.spec, ['affinity:', ...pad(antiAffinity)], firstKey ? columnOf(text, firstKey) : 0);
      } else if (isMap(affinity) && !affinity.has('podAntiAffinity')) {
        const affinityKey = pod.spec.items.find((pair) => pair.value === affinity)?.key as YamlNode | undefined;
        edit = appendToMap(text, affinity, antiAffinity, affinityKey ? columnOf(text, affinityKey) : 0);
      }
    }
    report({
      message: `${object.kind} "${object.name ?? 'unnamed'}" does not spread its replicas across nodes: one node going down can take them all.`,
      range: object.nameRange ?? object.kindRange,
      fix: edit ? { title: 'Prefer scheduling its pods on different nodes (pod anti-affinity)', edits: [edit] } : undefined,
    });
  },
};
