import { isMap, isSeq } from 'yaml';
import type { Rule } from './rule';

export const nakedPod: Rule = {
  meta: {
    id: 'naked-pod',
    title: 'Pod without a controller',
    severity: 'warning',
    category: 'reliability',
    guideSection: 'Explain the difference between a Deployment, StatefulSet, and DaemonSet. When would you use each?',
    fixable: false,
    baseline: false,
    docs: [
      'A Pod created on its own has nothing watching over it. When its node is drained for an AKS upgrade, scaled',
      'in or lost, the pod is gone for good: no controller creates a replacement, and it cannot be rolled out,',
      'scaled or rolled back. The guide\'s self-healing, rolling updates and scaling all come from controllers:',
      'a Deployment for stateless services, a StatefulSet for stateful ones, a DaemonSet for per-node agents, a',
      'Job for work that finishes.',
      '',
      'Not reported: Pods with `metadata.ownerReferences` (written by a controller), and Pods in `kube-system`,',
      'where static control-plane pods (such as the guide\'s kube-apiserver example) are plain Pod manifests read',
      'by the kubelet. There is no automatic fix: wrapping the pod in a Deployment needs a selector and labels',
      'only you can choose (the `deployment` snippet is a start).',
    ].join('\n'),
  },

  check({ root, object, report }) {
    if (object.kind !== 'Pod' || object.apiVersion !== 'v1') return;
    if (object.namespace === 'kube-system') return;
    const owners = root.getIn(['metadata', 'ownerReferences'], true);
    if (isSeq(owners) && owners.items.some((owner) => isMap(owner))) return;
    report({
      message: `Pod "${object.name ?? 'unnamed'}" has no controller: nothing replaces it when its node is drained or fails. Run it from a Deployment, StatefulSet or Job.`,
      range: object.kindRange,
    });
  },
};
