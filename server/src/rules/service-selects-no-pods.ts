import { describeSelector, isEmptySelector } from '../model/labelSelector';
import { namespaceOf } from '../model/workspaceIndex';
import { objectLabel } from './objectNames';
import { selectorMissHint } from './selectorMissHint';
import type { WorkspaceRule } from './rule';

export const serviceSelectsNoPods: WorkspaceRule = {
  meta: {
    id: 'service-selects-no-pods',
    title: 'Service whose selector matches no pods in the workspace',
    severity: 'warning',
    category: 'networking',
    guideSection: 'What are the different Service types in Kubernetes?',
    fixable: false,
    baseline: true,
    docs: [
      'A Service sends traffic to the pods whose labels match its `selector`. When no pod matches, the Service',
      'exists, has a DNS name and a cluster IP, and every connection to it fails: clients see timeouts or',
      '"connection refused", and nothing in `kubectl apply` warns about it. The usual cause is a label that',
      'changed on one side only (`app: web` on the Service, `app: web-frontend` on the Deployment\'s pod',
      'template), or a Service and its workload in different namespaces.',
      '',
      'Kube Guide compares the selector with the pod template labels of every workload in the same namespace',
      'across the workspace. It judges only namespaces where the workspace has workloads at all, so a folder',
      'of Services whose pods come from elsewhere (a Helm chart, another repository) stays quiet.',
      '',
      'Make the selector a subset of the pod template\'s labels (not of the Deployment\'s own `metadata.labels`,',
      'which the Service never sees).',
    ].join('\n'),
  },

  checkWorkspace({ object, workspace, report }) {
    if (object.kind !== 'Service' || !object.podSelector || isEmptySelector(object.podSelector.selector)) return;
    const namespace = namespaceOf(object)!;
    if (!workspace.hasWorkloads(namespace)) return;
    if (workspace.workloadsSelectedBy(object.podSelector.selector, namespace).length > 0) return;
    const selector = object.podSelector.selector;
    const hint = selectorMissHint(selector, namespace, workspace);
    report({
      message: `${objectLabel(object)} selects ${describeSelector(selector)}, but no workload in namespace "${namespace}" has pods with those labels: its traffic goes nowhere.${hint}`,
      range: object.podSelector.range,
    });
  },
};
