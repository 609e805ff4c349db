import { hostNamespaces } from './host-namespaces';
import { testRule, yaml } from './testing/ruleTester';

const pod = (...specLines: string[]) => yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: agent', 'spec:', ...specLines);

testRule(hostNamespaces, {
  valid: [
    { name: 'defaults', code: pod('  containers:', '    - name: agent') },
    { name: 'explicitly false', code: pod('  hostNetwork: false', '  hostPID: false', '  containers:', '    - name: agent') },
  ],
  invalid: [
    {
      name: 'all three, comments around them kept',
      code: pod('  # node agent', '  hostNetwork: true', '  hostPID: true # for ps', '  hostIPC: true', '  containers:', '    - name: agent'),
      errors: [
        { line: 7, message: "The pod shares the node's network namespace (hostNetwork: true)." },
        { line: 8, message: "The pod shares the node's process (PID) namespace (hostPID: true)." },
        { line: 9, message: "The pod shares the node's IPC namespace (hostIPC: true)." },
      ],
      output: pod('  # node agent', '  containers:', '    - name: agent'),
    },
  ],
});
