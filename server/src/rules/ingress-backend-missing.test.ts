import { ingressBackendMissing } from './ingress-backend-missing';
import { yaml } from './testing/ruleTester';
import { testWorkspaceRule } from './testing/workspaceRuleTester';

const ingress = (service: string, port: string, namespace?: string) =>
  yaml(
    'apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata:', '  name: shop', ...(namespace ? [`  namespace: ${namespace}`] : []),
    'spec:', '  ingressClassName: webapprouting.kubernetes.azure.com', '  rules:', '  - host: shop.example.com', '    http:', '      paths:',
    '      - path: /', '        pathType: Prefix', '        backend:', '          service:', `            name: ${service}`, '            port:', `              ${port}`,
  );
const service = (name: string, ports: string[], namespace?: string) =>
  yaml('apiVersion: v1', 'kind: Service', 'metadata:', `  name: ${name}`, ...(namespace ? [`  namespace: ${namespace}`] : []), 'spec:', '  selector:', '    app: web', '  ports:', ...ports);

testWorkspaceRule(ingressBackendMissing, {
  valid: [
    { name: 'Service and port number exist in another file', files: { 'ingress.yaml': ingress('storefront', 'number: 80'), 'svc.yaml': service('storefront', ['  - port: 80']) } },
    { name: 'port by name', files: { 'ingress.yaml': ingress('storefront', 'name: http'), 'svc.yaml': service('storefront', ['  - name: http', '    port: 8080']) } },
    {
      name: 'both in the same non-default namespace',
      files: { 'ingress.yaml': ingress('storefront', 'number: 80', 'shop'), 'svc.yaml': service('storefront', ['  - port: 80'], 'shop') },
    },
  ],
  invalid: [
    {
      name: 'a misspelled Service name, fixed to the near one',
      files: { 'ingress.yaml': ingress('storefrnt', 'number: 80'), 'svc.yaml': service('storefront', ['  - port: 80']) },
      errors: [{ file: 'ingress.yaml', line: 15, message: 'Ingress "shop" routes shop.example.com/ to Service "storefrnt", which is not in namespace "default" in the workspace. Did you mean "storefront"?' }],
      output: { 'ingress.yaml': ingress('storefront', 'number: 80') },
    },
    {
      name: 'no Service at all, nothing to suggest',
      files: { 'ingress.yaml': ingress('payments', 'number: 80'), 'svc.yaml': service('storefront', ['  - port: 80']) },
      errors: [{ file: 'ingress.yaml', line: 15, message: /to Service "payments", which is not in namespace "default" in the workspace\.$/ }],
    },
    {
      name: 'the Service is in another namespace',
      files: { 'ingress.yaml': ingress('storefront', 'number: 80', 'shop'), 'svc.yaml': service('storefront', ['  - port: 80']) },
      errors: [{ file: 'ingress.yaml', line: 16, message: /which is not in namespace "shop"/ }],
    },
    {
      name: 'a port the Service does not have, fixed to its only port',
      files: { 'ingress.yaml': ingress('storefront', 'number: 8080'), 'svc.yaml': service('storefront', ['  - name: http', '    port: 80']) },
      errors: [{ file: 'ingress.yaml', line: 17, message: 'Ingress "shop" routes shop.example.com/ to port 8080 of Service "storefront", which has no such port (its ports: 80 (http)).' }],
      output: { 'ingress.yaml': ingress('storefront', 'number: 80') },
    },
    {
      name: 'a port name the Service does not have, with several ports to choose from',
      files: { 'ingress.yaml': ingress('storefront', 'name: web'), 'svc.yaml': service('storefront', ['  - name: http', '    port: 80', '  - name: metrics', '    port: 9090']) },
      errors: [{ file: 'ingress.yaml', line: 17, message: /port web of Service "storefront", which has no such port \(its ports: 80 \(http\), 9090 \(metrics\)\)/ }],
    },
  ],
});
