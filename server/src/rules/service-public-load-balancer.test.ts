import { servicePublicLoadBalancer } from './service-public-load-balancer';
import { testRule, yaml } from './testing/ruleTester';

const spec = ['spec:', '  type: LoadBalancer', '  ports:', '  - port: 80'];
const service = (...metadataLines: string[]) => yaml('apiVersion: v1', 'kind: Service', 'metadata:', '  name: api', ...metadataLines, ...spec);

testRule(servicePublicLoadBalancer, {
  valid: [
    { name: 'internal load balancer', code: service('  annotations:', '    service.beta.kubernetes.io/azure-load-balancer-internal: "true"') },
    { name: 'a ClusterIP Service', code: yaml('apiVersion: v1', 'kind: Service', 'metadata:', '  name: api', 'spec:', '  ports:', '  - port: 80') },
    {
      name: 'public, but only for listed source ranges',
      code: yaml('apiVersion: v1', 'kind: Service', 'metadata:', '  name: api', ...spec, '  loadBalancerSourceRanges:', '  - 203.0.113.0/24'),
    },
  ],
  invalid: [
    {
      name: 'the guide\'s LoadBalancer example: annotations created',
      code: service(),
      errors: [{ line: 6, message: 'The LoadBalancer Service gets a public IP on AKS: make it internal unless it must be reached from the internet.' }],
      output: service('  annotations:', '    service.beta.kubernetes.io/azure-load-balancer-internal: "true"'),
    },
    {
      name: 'other annotations kept',
      code: service('  annotations:', '    # DNS label for the public IP', '    service.beta.kubernetes.io/azure-dns-label-name: shop-api'),
      errors: [{ line: 9, message: 'The LoadBalancer Service gets a public IP on AKS: make it internal unless it must be reached from the internet.' }],
      output: service('  annotations:', '    # DNS label for the public IP', '    service.beta.kubernetes.io/azure-dns-label-name: shop-api', '    service.beta.kubernetes.io/azure-load-balancer-internal: "true"'),
    },
    {
      name: 'the annotation says false',
      code: service('  annotations:', '    service.beta.kubernetes.io/azure-load-balancer-internal: "false"'),
      errors: [{ line: 6, message: 'The LoadBalancer Service is public: service.beta.kubernetes.io/azure-load-balancer-internal is "false". Make it "true" unless it must be reached from the internet.' }],
      output: service('  annotations:', '    service.beta.kubernetes.io/azure-load-balancer-internal: "true"'),
    },
    {
      name: 'source ranges that let everyone in',
      code: yaml('apiVersion: v1', 'kind: Service', 'metadata:', '  name: api', '  annotations: {}', ...spec, '  loadBalancerSourceRanges: ["0.0.0.0/0"]'),
      errors: [{ line: 7, message: 'The LoadBalancer Service gets a public IP on AKS: make it internal unless it must be reached from the internet.' }],
      output: yaml('apiVersion: v1', 'kind: Service', 'metadata:', '  name: api', '  annotations:', '    service.beta.kubernetes.io/azure-load-balancer-internal: "true"', ...spec, '  loadBalancerSourceRanges: ["0.0.0.0/0"]'),
    },
  ],
});
