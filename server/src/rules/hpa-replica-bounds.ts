import { isMap, isScalar, type Node as YamlNode, type Scalar } from 'yaml';
import { appendToMap, lineBreakOf, lineStart, pairOf, replaceNode } from '../fixes/yamlEdits';
import type { Rule } from './rule';

const wholeNumber = (node: unknown): number | undefined =>
  isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value) ? node.value : undefined;

export const hpaReplicaBounds: Rule = {
  meta: {
    id: 'hpa-replica-bounds',
    title: 'HorizontalPodAutoscaler whose replica bounds defeat it',
    severity: 'warning',
    category: 'reliability',
    guideSection: 'Scaling Strategies',
    fixable: true,
    baseline: true,
    docs: [
      'A HorizontalPodAutoscaler keeps its target between `minReplicas` and `maxReplicas`. The guide\'s examples',
      'use a floor of 2 and a ceiling of 10. The rule reports three ways the bounds go wrong:',
      '',
      '- `minReplicas` above `maxReplicas`: the API server rejects the object.',
      '- `minReplicas` below 2, or left out (it defaults to 1): at quiet times the service runs on one pod, a',
      '  single point of failure during node drains and upgrades. The fix sets `minReplicas: 2` (when',
      '  `maxReplicas` allows it).',
      '- `minReplicas` equal to `maxReplicas`: the autoscaler can never change anything; set `replicas` on the',
      '  workload instead, or widen the range.',
      '',
      'An `autoscaling/v2` HPA without `metrics` is not reported: it scales on 80% average CPU by default, which',
      'needs CPU requests on the pods (see `container-resources`).',
    ].join('\n'),
  },

  check({ root, object, file, report }) {
    if (object.kind !== 'HorizontalPodAutoscaler') return;
    const spec = root.get('spec', true);
    if (!isMap(spec)) return;
    const minNode = spec.get('minReplicas', true) as YamlNode | undefined;
    const maxNode = spec.get('maxReplicas', true) as YamlNode | undefined;
    const min = wholeNumber(minNode);
    const max = wholeNumber(maxNode);
    const who = `HorizontalPodAutoscaler "${object.name ?? 'unnamed'}"`;

    if (min !== undefined && max !== undefined && min > max) {
      report({ message: `${who} has minReplicas ${min} above maxReplicas ${max}: the API server rejects it.`, range: file.rangeOf(minNode!) });
      return;
    }
    if (min !== undefined && min === max && min >= 2) {
      report({ message: `${who} has minReplicas equal to maxReplicas (${max}): it can never scale.`, range: file.rangeOf(maxNode!) });
      return;
    }
    if (minNode !== undefined && min === undefined) return; // not a number: the schema reports it
    if (min !== undefined && min >= 2) return;

    const canFix = max === undefined || max >= 2;
    let edits;
    if (canFix && minNode) {
      edits = [replaceNode(minNode as Scalar, '2')];
    } else if (canFix) {
      // Write the floor just above the ceiling, where people look for it.
      const maxPair = pairOf(spec, 'maxReplicas');
      const keyStart = maxPair?.key.range?.[0];
      if (!spec.flow && keyStart !== undefined && file.text.slice(lineStart(file.text, keyStart), keyStart).trim() === '') {
        const start = lineStart(file.text, keyStart);
        edits = [{ start, end: start, newText: `${' '.repeat(keyStart - start)}minReplicas: 2${lineBreakOf(file.text)}` }];
      } else {
        const edit = appendToMap(file.text, spec, ['minReplicas: 2']);
        edits = edit ? [edit] : undefined;
      }
    }
    report({
      message: minNode
        ? `${who} can scale down to ${min} pod${min === 1 ? '' : 's'}: keep at least 2 for availability.`
        : `${who} does not set minReplicas, so it can scale down to 1 pod: keep at least 2 for availability.`,
      range: minNode ? file.rangeOf(minNode) : object.nameRange ?? object.kindRange,
      fix: edits ? { title: 'Set minReplicas to 2', edits } : undefined,
    });
  },
};
