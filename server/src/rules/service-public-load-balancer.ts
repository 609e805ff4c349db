import { isMap, isScalar, isSeq } from 'yaml';
import { setScalarAt } from '../fixes/yamlEdits';
import { nodeAtPath } from '../model/yamlPath';
import type { Rule } from './rule';

const INTERNAL_ANNOTATION = 'service.beta.kubernetes.io/azure-load-balancer-internal';

/** True when `loadBalancerSourceRanges` limits who can connect (and does not let everyone in). */
function restrictsSources(spec: unknown): boolean {
  const ranges = isMap(spec) ? spec.get('loadBalancerSourceRanges', true) : undefined;
  if (!isSeq(ranges) || ranges.items.length === 0) return false;
  return ranges.items.every((item) => isScalar(item) && !['0.0.0.0/0', '::/0'].includes(String(item.value).trim()));
}

export const servicePublicLoadBalancer: Rule = {
  meta: {
    id: 'service-public-load-balancer',
    title: 'LoadBalancer Service gets a public IP',
    severity: 'info',
    category: 'networking',
    guideSection: 'Types of Kubernetes Services',
    fixable: true,
    baseline: false,
    docs: [
      'On AKS a `type: LoadBalancer` Service is given a public IP on the cluster\'s Azure load balancer unless it',
      'carries the annotation `service.beta.kubernetes.io/azure-load-balancer-internal: "true"`. Every port of',
      'the Service is then open to the internet, with no TLS or authentication in front of it unless the',
      'application brings its own. The guide asks to restrict public access.',
      '',
      'That is right for the one real entry point of a system (usually the Ingress controller, ideally behind',
      'Azure Application Gateway or Front Door with a web application firewall), which is why this rule only',
      'informs. For anything whose clients are inside the virtual network (other clusters, VMs, peered or',
      'on-premises networks), the fix adds the annotation, so Azure gives the Service a private IP from the',
      'cluster\'s subnet instead. The rule stays silent when `loadBalancerSourceRanges` already limits who',
      'can connect.',
    ].join('\n'),
  },

  check({ root, object, file, report }) {
    if (object.kind !== 'Service') return;
    const spec = root.get('spec', true);
    const type = isMap(spec) ? spec.get('type', true) : undefined;
    if (!isScalar(type) || type.value !== 'LoadBalancer' || restrictsSources(spec)) return;

    const annotation = nodeAtPath(root, ['metadata', 'annotations', INTERNAL_ANNOTATION]);
    if (isScalar(annotation) && String(annotation.value).toLowerCase() === 'true') return;
    const edits = setScalarAt(file.text, root, ['metadata', 'annotations', INTERNAL_ANNOTATION], '"true"');
    const written = isScalar(annotation);
    report({
      message: written
        ? `The LoadBalancer Service is public: ${INTERNAL_ANNOTATION} is "${String(annotation.value)}". Make it "true" unless it must be reached from the internet.`
        : 'The LoadBalancer Service gets a public IP on AKS: make it internal unless it must be reached from the internet.',
      range: file.rangeOf(written ? annotation : type),
      fix: edits.length > 0 ? { title: 'Make the load balancer internal', edits } : undefined,
    });
  },
};
