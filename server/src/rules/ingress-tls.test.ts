import { ingressTls } from './ingress-tls';
import { testRule, yaml } from './testing/ruleTester';

const ingress = (...lines: string[]) => yaml('apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata:', '  name: shop', ...lines);

testRule(ingressTls, {
  valid: [
    { name: 'tls for its host', code: ingress('spec:', '  tls:', '    - hosts: [shop.example.com]', '      secretName: shop-tls') },
    { name: 'not an Ingress', code: yaml('apiVersion: v1', 'kind: Service', 'metadata:', '  name: shop', 'spec:', '  type: ClusterIP') },
  ],
  invalid: [
    {
      name: 'the guide\'s first Ingress: hosts listed once each',
      code: ingress(
        'spec:',
        '  rules:',
        '  - host: example.com',
        '    http:',
        '      paths:',
        '      - path: /',
        '        pathType: Prefix',
        '        backend:',
        '          service: {name: nginx-service, port: {number: 80}}',
        '  - host: example.com # again',
      ),
      errors: [{ line: 5, message: 'The Ingress has no tls section: its hosts are served over plain HTTP.' }],
      output: ingress(
        'spec:',
        '  rules:',
        '  - host: example.com',
        '    http:',
        '      paths:',
        '      - path: /',
        '        pathType: Prefix',
        '        backend:',
        '          service: {name: nginx-service, port: {number: 80}}',
        '  - host: example.com # again',
        '  tls:',
        '    - secretName: shop-tls',
        '      hosts:',
        '        - example.com',
      ),
    },
    {
      name: 'no host: a default certificate',
      code: ingress('spec:', '  defaultBackend:', '    service: {name: web, port: {number: 80}}'),
      errors: [{ line: 5, message: 'The Ingress has no tls section: its hosts are served over plain HTTP.' }],
      output: ingress('spec:', '  defaultBackend:', '    service: {name: web, port: {number: 80}}', '  tls:', '    - secretName: shop-tls'),
    },
    {
      name: 'an empty tls list is reported without a fix',
      code: ingress('spec:', '  tls: []', '  ingressClassName: nginx'),
      errors: [{ line: 6, message: 'The Ingress has an empty tls section: its hosts are served over plain HTTP.' }],
    },
  ],
});
