import { hostPort } from './host-port';
import { testRule, yaml } from './testing/ruleTester';

const pod = (...containerLines: string[]) => yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', ...containerLines);

testRule(hostPort, {
  valid: [{ name: 'containerPort only', code: pod('  - name: web', '    ports:', '    - containerPort: 80') }],
  invalid: [
    {
      name: 'hostPort in a block and in a flow mapping (no fix there)',
      code: pod('  - name: web', '    ports:', '    - containerPort: 80', '      hostPort: 8080', '      protocol: TCP', '    - {containerPort: 443, hostPort: 8443}'),
      errors: [
        { line: 10, message: 'Container "web" binds port 8080 on the node (hostPort).' },
        { line: 12, message: 'Container "web" binds port 8443 on the node (hostPort).' },
      ],
      output: pod('  - name: web', '    ports:', '    - containerPort: 80', '      protocol: TCP', '    - {containerPort: 443, hostPort: 8443}'),
    },
  ],
});
