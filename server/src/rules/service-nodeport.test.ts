import { serviceNodeport } from './service-nodeport';
import { testRule, yaml } from './testing/ruleTester';

const service = (...specLines: string[]) => yaml('apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:', '  selector:', '    app: web', ...specLines);

testRule(serviceNodeport, {
  valid: [
    { name: 'the guide\'s ClusterIP Service', code: service('  ports:', '  - protocol: TCP', '    port: 80', '    targetPort: 80', '  type: ClusterIP') },
    { name: 'no type (ClusterIP)', code: service('  ports:', '  - port: 80') },
    { name: 'a LoadBalancer', code: service('  type: LoadBalancer', '  ports:', '  - port: 80') },
  ],
  invalid: [
    {
      name: 'the guide\'s NodePort example, comments kept',
      code: service('  ports:', '  - protocol: TCP', '    port: 80', '    targetPort: 80', '    nodePort: 30080 # fixed for the firewall', '  type: NodePort # for testing'),
      errors: [{ line: 13, message: 'The Service opens port 30080 on every node (type: NodePort): prefer ClusterIP behind an Ingress, or an internal LoadBalancer.' }],
      output: service('  ports:', '  - protocol: TCP', '    port: 80', '    targetPort: 80', '  type: ClusterIP # for testing'),
    },
    {
      name: 'quoted type, two ports, externalTrafficPolicy',
      code: service('  type: "NodePort"', '  externalTrafficPolicy: Local', '  ports:', '  - name: http', '    port: 80', '    nodePort: 30080', '  - name: https', '    port: 443'),
      errors: [{ line: 8, message: 'The Service opens port 30080 on every node (type: NodePort): prefer ClusterIP behind an Ingress, or an internal LoadBalancer.' }],
      output: service('  type: "ClusterIP"', '  ports:', '  - name: http', '    port: 80', '  - name: https', '    port: 443'),
    },
    {
      name: 'no nodePort written',
      code: service('  type: NodePort', '  ports:', '  - port: 80'),
      errors: [{ line: 8, message: 'The Service opens a port on every node (type: NodePort): prefer ClusterIP behind an Ingress, or an internal LoadBalancer.' }],
      output: service('  type: ClusterIP', '  ports:', '  - port: 80'),
    },
    {
      name: 'nodePort in a flow mapping: reported without a fix',
      code: service('  type: NodePort', '  ports: [{port: 80, nodePort: 30080}, {port: 443, nodePort: 30443}]'),
      errors: [{ line: 8, message: 'The Service opens ports 30080, 30443 on every node (type: NodePort): prefer ClusterIP behind an Ingress, or an internal LoadBalancer.' }],
    },
  ],
});
