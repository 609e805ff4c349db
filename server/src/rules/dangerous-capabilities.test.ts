import { dangerousCapabilities } from './dangerous-capabilities';
import { testRule, yaml } from './testing/ruleTester';

const pod = (...containerLines: string[]) => yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', ...containerLines);

testRule(dangerousCapabilities, {
  valid: [
    { name: 'adds a harmless one', code: pod('  - name: web', '    securityContext:', '      capabilities:', '        drop: [ALL]', '        add: [NET_BIND_SERVICE]') },
    { name: 'empty add', code: pod('  - name: web', '    securityContext:', '      capabilities:', '        add:') },
  ],
  invalid: [
    {
      name: 'block list, any case, CAP_ prefix',
      code: pod('  - name: web', '    securityContext:', '      capabilities:', '        add:', '          - nEt_aDmIn', '          - CHOWN', '          - CAP_SYS_ADMIN # mounts'),
      errors: [
        { line: 11, message: 'Container "web" adds the capability nEt_aDmIn.' },
        { line: 13, message: 'Container "web" adds the capability CAP_SYS_ADMIN.' },
      ],
      output: pod('  - name: web', '    securityContext:', '      capabilities:', '        add:', '          - CHOWN'),
    },
    {
      name: 'flow list',
      code: pod('  - name: web', '    securityContext:', '      capabilities:', '        add: ["ALL", "NET_RAW"]'),
      errors: [
        { line: 10, message: 'Container "web" adds the capability ALL.' },
        { line: 10, message: 'Container "web" adds the capability NET_RAW.' },
      ],
      output: pod('  - name: web', '    securityContext:', '      capabilities:', '        add: []'),
    },
  ],
});
