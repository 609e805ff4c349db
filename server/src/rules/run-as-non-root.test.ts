import { runAsNonRoot } from './run-as-non-root';
import { testRule, yaml } from './testing/ruleTester';

const deployment = (...podSpecLines: string[]) =>
  yaml('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  template:', '    spec:', ...podSpecLines);

testRule(runAsNonRoot, {
  valid: [
    {
      name: 'set at the pod level',
      code: deployment('      securityContext:', '        runAsNonRoot: true', '      containers:', '        - name: web'),
    },
    {
      name: 'set on every container',
      code: deployment('      containers:', '        - name: web', '          securityContext:', '            runAsNonRoot: true', '            runAsUser: 10001'),
    },
  ],
  invalid: [
    {
      name: 'nothing set: one finding for the pod, fixed at the pod level',
      code: deployment(
        '      # pod spec',
        '      containers:',
        '        - name: web',
        '          image: nginx:1.27',
        '        - name: sidecar',
        '          image: busybox:1.36',
      ),
      errors: [{ line: 10, message: 'Containers "web" and "sidecar" may run as root: neither they nor the pod set runAsNonRoot: true.' }],
      output: deployment(
        '      # pod spec',
        '      containers:',
        '        - name: web',
        '          image: nginx:1.27',
        '        - name: sidecar',
        '          image: busybox:1.36',
        '      securityContext:',
        '        runAsNonRoot: true',
      ),
    },
    {
      name: 'an existing pod securityContext gains the field',
      code: deployment('      securityContext:', '        fsGroup: 2000', '      containers:', '        - name: web'),
      errors: [{ line: 11, message: 'Container "web" may run as root: neither they nor the pod set runAsNonRoot: true.' }],
      output: deployment('      securityContext:', '        fsGroup: 2000', '        runAsNonRoot: true', '      containers:', '        - name: web'),
    },
    {
      name: 'false on the container, and runAsUser 0 (no fix for the user)',
      code: deployment(
        '      securityContext:',
        '        runAsNonRoot: true',
        '      containers:',
        '        - name: web',
        '          securityContext:',
        '            runAsNonRoot: false',
        '            runAsUser: 0',
      ),
      errors: [
        { line: 13, message: 'Container "web" sets runAsNonRoot to false: it may run as root.' },
        { line: 14, message: 'Container "web" runs as root (runAsUser: 0).' },
      ],
      output: deployment(
        '      securityContext:',
        '        runAsNonRoot: true',
        '      containers:',
        '        - name: web',
        '          securityContext:',
        '            runAsNonRoot: true',
        '            runAsUser: 0',
      ),
    },
    {
      name: 'false on the pod',
      code: deployment('      securityContext:', '        runAsNonRoot: false', '      containers:', '        - name: web'),
      errors: [{ line: 9, message: 'The pod sets runAsNonRoot to false: its containers may run as root.' }],
      output: deployment('      securityContext:', '        runAsNonRoot: true', '      containers:', '        - name: web'),
    },
  ],
});
