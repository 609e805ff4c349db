import { privilegedContainer } from './privileged-container';
import { testRule, yaml } from './testing/ruleTester';

const pod = (...specLines: string[]) => yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: tools', 'spec:', ...specLines);

testRule(privilegedContainer, {
  valid: [
    { name: 'no securityContext', code: pod('  containers:', '    - name: app', '      image: nginx:1.27') },
    { name: 'privileged: false', code: pod('  containers:', '    - name: app', '      securityContext:', '        privileged: false') },
  ],
  invalid: [
    {
      name: 'privileged: true, comment kept',
      code: pod('  containers:', '    - name: app', '      securityContext:', '        privileged: true # needs the host'),
      errors: [{ line: 9, message: 'Container "app" runs privileged: it gets full access to the node.' }],
      output: pod('  containers:', '    - name: app', '      securityContext:', '        privileged: false # needs the host'),
    },
    {
      name: 'an init container in a DaemonSet, flow style',
      code: yaml(
        'apiVersion: apps/v1',
        'kind: DaemonSet',
        'spec:',
        '  template:',
        '    spec:',
        '      initContainers:',
        '        - name: sysctl',
        '          securityContext: {privileged: true}',
      ),
      errors: [{ line: 8, message: 'Container "sysctl" runs privileged: it gets full access to the node.' }],
      output: yaml(
        'apiVersion: apps/v1',
        'kind: DaemonSet',
        'spec:',
        '  template:',
        '    spec:',
        '      initContainers:',
        '        - name: sysctl',
        '          securityContext: {privileged: false}',
      ),
    },
  ],
});
