import { isMap } from 'yaml';
import { prependToMap, replaceNode } from '../fixes/yamlEdits';
import { replicasOf } from '../model/workloads';
import type { Rule } from './rule';
import { autoscalersOf } from './workloadScale';

const KINDS = new Set(['Deployment', 'StatefulSet']);

export const replicasMinimum: Rule = {
  meta: {
    id: 'replicas-minimum',
    title: 'Deployment or StatefulSet with fewer than two replicas',
    severity: 'warning',
    category: 'reliability',
    guideSection: 'How would you design a highly available application on AKS?',
    fixable: true,
    baseline: false,
    docs: [
      'A single pod is a single point of failure: when its node is drained for an AKS upgrade, scaled in by the',
      'cluster autoscaler or lost, the service is down until a replacement has started. The guide\'s high',
      'availability advice is to run several replicas of every service (three for critical ones) and spread them',
      'across nodes and zones.',
      '',
      'Leaving `replicas` out means one pod. That is right when a HorizontalPodAutoscaler owns the count (then',
      'give the HPA a `minReplicas` of at least 2, see `hpa-replica-bounds`). In the editor, where the whole',
      'workspace is indexed, a workload that an HPA targets is not reported; the command-line linter checks one',
      'file at a time for this rule, so there silence it with the `kube-guide.io/ignore: replicas-minimum`',
      'annotation. `replicas: 0` (a workload deliberately stopped) is not reported.',
      '',
      'The fix sets `replicas: 2`, or adds it at the top of `spec`. Two is the least that survives one pod going',
      'away; pair it with a PodDisruptionBudget and pod anti-affinity.',
    ].join('\n'),
  },

  check({ root, object, file, report, workspace }) {
    if (!KINDS.has(object.kind)) return;
    const spec = root.get('spec', true);
    if (!isMap(spec)) return;
    const { node, value } = replicasOf(root);
    const who = `${object.kind} "${object.name ?? 'unnamed'}"`;
    if (node) {
      if (value !== 1) return;
      report({
        message: `${who} runs a single replica: one pod going away takes the service down.`,
        range: file.rangeOf(node),
        fix: { title: 'Set replicas to 2', edits: [replaceNode(node, '2')] },
      });
      return;
    }
    if (spec.has('replicas')) return; // `replicas:` left empty: the schema reports it.
    // An autoscaler owns the count: leaving `replicas` out is then right (hpa-with-fixed-replicas asks for it).
    if (workspace?.summary && autoscalersOf(workspace.summary, workspace.view).length > 0) return;
    const edit = prependToMap(file.text, spec, ['replicas: 2']);
    report({
      message: `${who} does not set replicas, so it runs a single pod unless an autoscaler scales it.`,
      range: object.nameRange ?? object.kindRange,
      fix: edit ? { title: 'Add replicas: 2', edits: [edit] } : undefined,
    });
  },
};
