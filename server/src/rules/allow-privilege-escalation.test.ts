import { allowPrivilegeEscalation } from './allow-privilege-escalation';
import { deploymentWithContainers, testRule, yaml } from './testing/ruleTester';

const deployment = deploymentWithContainers;

testRule(allowPrivilegeEscalation, {
  valid: [
    {
      name: 'allowPrivilegeEscalation: false',
      code: deployment('        - name: web', '          securityContext:', '            allowPrivilegeEscalation: false'),
    },
    { name: 'not a workload', code: yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: web') },
  ],
  invalid: [
    {
      name: 'explicitly true',
      code: deployment('        - name: web', '          securityContext:', '            allowPrivilegeEscalation: true'),
      errors: [{ line: 11, message: 'Container "web" allows privilege escalation.' }],
      output: deployment('        - name: web', '          securityContext:', '            allowPrivilegeEscalation: false'),
    },
    {
      // Found by fuzzing: the container's last key is empty (`: 3`), and securityContext landed at column 0.
      name: 'missing, in a container whose last key is left empty',
      code: deployment('        - name: web', '          image: nginx:1.27', '          : 3'),
      errors: [{ line: 9, message: 'Container "web" does not set allowPrivilegeEscalation: false.' }],
      output: deployment('        - name: web', '          image: nginx:1.27', '          : 3', '          securityContext:', '            allowPrivilegeEscalation: false'),
    },
    {
      name: 'missing, with an existing securityContext and one without any',
      code: deployment(
        '        - name: web',
        '          image: nginx:1.27',
        '          securityContext:',
        '            runAsNonRoot: true',
        '        - name: sidecar',
        '          image: busybox:1.36',
      ),
      errors: [
        { line: 9, message: 'Container "web" does not set allowPrivilegeEscalation: false.' },
        { line: 13, message: 'Container "sidecar" does not set allowPrivilegeEscalation: false.' },
      ],
      output: deployment(
        '        - name: web',
        '          image: nginx:1.27',
        '          securityContext:',
        '            runAsNonRoot: true',
        '            allowPrivilegeEscalation: false',
        '        - name: sidecar',
        '          image: busybox:1.36',
        '          securityContext:',
        '            allowPrivilegeEscalation: false',
      ),
    },
  ],
});
