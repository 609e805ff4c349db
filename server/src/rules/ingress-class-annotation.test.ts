import { ingressClassAnnotation } from './ingress-class-annotation';
import { testRule, yaml } from './testing/ruleTester';

const ingress = (...lines: string[]) => yaml('apiVersion: networking.k8s.io/v1', 'kind: Ingress', ...lines);

testRule(ingressClassAnnotation, {
  valid: [
    { name: 'ingressClassName', code: ingress('metadata:', '  name: app', 'spec:', '  ingressClassName: nginx') },
    { name: 'other annotations', code: ingress('metadata:', '  name: app', '  annotations:', '    nginx.ingress.kubernetes.io/rewrite-target: /') },
  ],
  invalid: [
    {
      name: 'the guide\'s Ingress: the only annotation',
      code: ingress(
        'metadata:',
        '  name: app-ingress',
        '  annotations:',
        '    kubernetes.io/ingress.class: nginx',
        'spec:',
        '  tls:',
        '  - hosts:',
        '    - myapp.example.com',
        '    secretName: tls-secret',
      ),
      errors: [{ line: 6, message: 'The kubernetes.io/ingress.class annotation is deprecated: use spec.ingressClassName: nginx.' }],
      output: ingress(
        'metadata:',
        '  name: app-ingress',
        'spec:',
        '  ingressClassName: nginx',
        '  tls:',
        '  - hosts:',
        '    - myapp.example.com',
        '    secretName: tls-secret',
      ),
    },
    {
      name: 'other annotations stay; an existing ingressClassName is kept',
      code: ingress(
        'metadata:',
        '  name: app',
        '  annotations:',
        '    kubernetes.io/ingress.class: "nginx" # old',
        '    cert-manager.io/cluster-issuer: letsencrypt',
        'spec:',
        '  ingressClassName: webapprouting.kubernetes.azure.com',
      ),
      errors: [{ line: 6, message: 'The kubernetes.io/ingress.class annotation is deprecated: use spec.ingressClassName: nginx.' }],
      output: ingress(
        'metadata:',
        '  name: app',
        '  annotations:',
        '    cert-manager.io/cluster-issuer: letsencrypt',
        'spec:',
        '  ingressClassName: webapprouting.kubernetes.azure.com',
      ),
    },
  ],
});
