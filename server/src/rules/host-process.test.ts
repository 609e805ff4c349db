import { hostProcess } from './host-process';
import { testRule, yaml } from './testing/ruleTester';

const pod = (...specLines: string[]) => yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: agent', 'spec:', ...specLines);

testRule(hostProcess, {
  valid: [
    { name: 'a Linux pod', code: pod('  containers:', '  - name: agent', '    image: agent:1.0') },
    { name: 'hostProcess false at both levels', code: pod('  securityContext:', '    windowsOptions:', '      hostProcess: false', '  containers:', '  - name: agent', '    securityContext:', '      windowsOptions: {hostProcess: false}') },
  ],
  invalid: [
    {
      name: 'pod and container level, comments kept',
      code: pod(
        '  securityContext:',
        '    windowsOptions:',
        '      hostProcess: true # node agent',
        '      runAsUserName: "NT AUTHORITY\\\\SYSTEM"',
        '  hostNetwork: true',
        '  containers:',
        '  - name: agent',
        '    securityContext:',
        '      windowsOptions: {hostProcess: true}',
      ),
      errors: [
        { line: 8, message: 'The pod runs as a Windows HostProcess (hostProcess: true), with full access to the node.' },
        { line: 14, message: 'Container "agent" runs as a Windows HostProcess (hostProcess: true), with full access to the node.' },
      ],
      output: pod(
        '  securityContext:',
        '    windowsOptions:',
        '      hostProcess: false # node agent',
        '      runAsUserName: "NT AUTHORITY\\\\SYSTEM"',
        '  hostNetwork: true',
        '  containers:',
        '  - name: agent',
        '    securityContext:',
        '      windowsOptions: {hostProcess: false}',
      ),
    },
  ],
});
