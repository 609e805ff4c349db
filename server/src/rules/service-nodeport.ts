import { isMap, isScalar, isSeq } from 'yaml';
import type { TextEdit } from '../fixes/textEdit';
import { pairOf, removePair, replaceInScalar } from '../fixes/yamlEdits';
import type { Rule } from './rule';

// Fields the API server accepts only on Services reachable from outside the cluster: a ClusterIP
// Service that keeps them is refused, so the fix removes them along with the type.
const EXTERNAL_ONLY_FIELDS = ['externalTrafficPolicy', 'healthCheckNodePort'];

export const serviceNodeport: Rule = {
  meta: {
    id: 'service-nodeport',
    title: 'Service of type NodePort opens a port on every node',
    severity: 'warning',
    category: 'networking',
    guideSection: 'Types of Kubernetes Services',
    fixable: true,
    baseline: false,
    docs: [
      'A `NodePort` Service listens on the same high port (30000-32767) on every node of the cluster, whether',
      'or not one of its pods runs there. Anything that can reach a node\'s IP can reach the Service, outside',
      'the Ingress controller, its TLS and its logs; on AKS, node IPs change when nodes are upgraded or scaled,',
      'so clients pinned to them break. The guide keeps NodePort for development and testing.',
      '',
      'For traffic from outside the cluster, put a `ClusterIP` Service behind an Ingress (HTTP) or use a',
      '`LoadBalancer` Service, internal (annotation `service.beta.kubernetes.io/azure-load-balancer-internal:',
      '"true"`) when the clients are in your virtual network.',
      '',
      'The fix changes the type to `ClusterIP` and removes the `nodePort` of each port, along with',
      '`externalTrafficPolicy` and `healthCheckNodePort`, which a ClusterIP Service may not carry. Add an',
      'Ingress rule for the Service if it must stay reachable from outside.',
    ].join('\n'),
  },

  check({ root, object, file, report }) {
    if (object.kind !== 'Service') return;
    const spec = root.get('spec', true);
    if (!isMap(spec)) return;
    const type = spec.get('type', true);
    if (!isScalar(type) || type.value !== 'NodePort') return;

    const typeEdit = replaceInScalar(file.text, type, 'NodePort', 'ClusterIP');
    const edits: TextEdit[] = typeEdit ? [typeEdit] : [];
    let editable = !!typeEdit && !spec.flow;
    const ports = spec.get('ports', true);
    const nodePorts: string[] = [];
    for (const port of isSeq(ports) ? ports.items : []) {
      const nodePort = isMap(port) ? pairOf(port, 'nodePort') : undefined;
      if (!nodePort) continue;
      if (isScalar(nodePort.value)) nodePorts.push(String(nodePort.value.value));
      // Removing whole lines is only right for a block mapping.
      if (!isMap(port) || port.flow || port.items.length < 2) editable = false;
      else edits.push(removePair(file.text, nodePort));
    }
    for (const field of EXTERNAL_ONLY_FIELDS) {
      const pair = pairOf(spec, field);
      if (pair) edits.push(removePair(file.text, pair));
    }
    const where = nodePorts.length === 1 ? `port ${nodePorts[0]}` : nodePorts.length > 1 ? `ports ${nodePorts.join(', ')}` : 'a port';
    report({
      message: `The Service opens ${where} on every node (type: NodePort): prefer ClusterIP behind an Ingress, or an internal LoadBalancer.`,
      range: file.rangeOf(type),
      fix: editable ? { title: 'Change the Service type to ClusterIP', edits } : undefined,
    });
  },
};
