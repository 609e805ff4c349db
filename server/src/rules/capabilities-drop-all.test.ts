import { capabilitiesDropAll } from './capabilities-drop-all';
import { testRule, yaml } from './testing/ruleTester';

const pod = (...containerLines: string[]) => yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', ...containerLines);

testRule(capabilitiesDropAll, {
  valid: [
    { name: 'drops ALL, adds one back', code: pod('  - name: web', '    securityContext:', '      capabilities:', '        drop: [all]', '        add: [NET_BIND_SERVICE]') },
  ],
  invalid: [
    {
      name: 'no securityContext',
      code: pod('  - name: web', '    image: nginx:1.27'),
      errors: [{ line: 7, message: 'Container "web" does not drop all capabilities (capabilities.drop: ["ALL"]).' }],
      output: pod('  - name: web', '    image: nginx:1.27', '    securityContext:', '      capabilities:', '        drop: ["ALL"]'),
    },
    {
      name: 'a block list of some capabilities',
      code: pod('  - name: web', '    securityContext:', '      capabilities:', '        drop:', '          - NET_RAW # spoofing', '        add: [CHOWN]'),
      errors: [{ line: 10, message: 'Container "web" does not drop all capabilities (capabilities.drop: ["ALL"]).' }],
      output: pod('  - name: web', '    securityContext:', '      capabilities:', '        drop:', '          - NET_RAW # spoofing', '          - ALL', '        add: [CHOWN]'),
    },
    {
      name: 'flow lists, empty and not',
      code: pod(
        '  - name: web',
        '    securityContext:',
        '      capabilities: {drop: [NET_RAW]}',
        '  - name: sidecar',
        '    securityContext:',
        '      capabilities:',
        '        drop: []',
      ),
      errors: [
        { line: 9, message: 'Container "web" does not drop all capabilities (capabilities.drop: ["ALL"]).' },
        { line: 13, message: 'Container "sidecar" does not drop all capabilities (capabilities.drop: ["ALL"]).' },
      ],
      output: pod(
        '  - name: web',
        '    securityContext:',
        '      capabilities: {drop: [NET_RAW, ALL]}',
        '  - name: sidecar',
        '    securityContext:',
        '      capabilities:',
        '        drop: [ALL]',
      ),
    },
  ],
});
