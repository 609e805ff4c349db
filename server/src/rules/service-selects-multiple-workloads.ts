import { describeSelector, isEmptySelector } from '../model/labelSelector';
import { namespaceOf } from '../model/workspaceIndex';
import { distinctObjects, objectInFile, objectLabel } from './objectNames';
import type { WorkspaceRule } from './rule';

export const serviceSelectsMultipleWorkloads: WorkspaceRule = {
  meta: {
    id: 'service-selects-multiple-workloads',
    title: 'Service whose selector matches the pods of several workloads',
    severity: 'warning',
    category: 'networking',
    guideSection: 'Services & Ingress',
    fixable: false,
    baseline: false,
    docs: [
      'A Service load-balances over every ready pod of its namespace whose labels match its `selector`, whoever',
      'created them. When two workloads share the selected labels (a second app that also carries `app: web`,',
      'a worker or migration Job copied from the web Deployment, an old version left running), part of the',
      'requests reach pods that were never meant to serve them: some calls fail or get the wrong answer, and',
      'the errors come and go with the load balancing, which makes them hard to trace.',
      '',
      'Kube Guide matches the selector against the pod template labels of every workload in the Service\'s',
      'namespace across the workspace, and reports when pods of two or more different workloads match. The',
      'same workload written in several files (variants of one app) counts once.',
      '',
      'Give each workload a label of its own (`app.kubernetes.io/name`, `app.kubernetes.io/component`) and add',
      'it to the selector. Sharing is sometimes the design: a blue/green or canary release where one Service',
      'deliberately spans the stable and the new Deployment. Silence the finding there with a',
      '`kube-guide.io/ignore: service-selects-multiple-workloads` annotation on the Service.',
    ].join('\n'),
  },

  checkWorkspace({ object, workspace, report }) {
    if (object.kind !== 'Service' || !object.podSelector || isEmptySelector(object.podSelector.selector)) return;
    const selector = object.podSelector.selector;
    // In file order, so the message does not depend on the order files were indexed in.
    const matched = workspace.workloadsSelectedBy(selector, namespaceOf(object)!);
    matched.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.documentIndex - b.documentIndex));
    const workloads = distinctObjects(matched);
    if (workloads.length < 2) return;
    const named = workloads.slice(0, 3).map(objectInFile);
    const list = workloads.length > 3 ? `${named.join(', ')} and ${workloads.length - 3} more` : `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
    report({
      message: `${objectLabel(object)} selects ${describeSelector(selector)}, which matches the pods of ${workloads.length} workloads: ${list}. Its traffic is shared between them.`,
      range: object.podSelector.range,
    });
  },
};
