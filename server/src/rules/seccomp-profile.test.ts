import { seccompProfile } from './seccomp-profile';
import { testRule, yaml } from './testing/ruleTester';

const pod = (...specLines: string[]) => yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', ...specLines);

testRule(seccompProfile, {
  valid: [
    { name: 'RuntimeDefault on the pod', code: pod('  securityContext:', '    seccompProfile:', '      type: RuntimeDefault', '  containers:', '    - name: web') },
    {
      name: 'Unconfined pod, but every container sets Localhost',
      code: pod(
        '  securityContext:',
        '    seccompProfile: {type: Unconfined}',
        '  containers:',
        '    - name: web',
        '      securityContext:',
        '        seccompProfile:',
        '          type: Localhost',
        '          localhostProfile: profiles/web.json',
      ),
    },
  ],
  invalid: [
    {
      name: 'no profile anywhere, 4-space indentation',
      code: yaml('apiVersion: v1', 'kind: Pod', 'spec:', '    containers:', '        - name: web', '          image: nginx:1.27'),
      errors: [{ line: 5, message: 'Container "web" runs without a seccomp profile: set seccompProfile.type: RuntimeDefault on the pod.' }],
      output: yaml(
        'apiVersion: v1',
        'kind: Pod',
        'spec:',
        '    containers:',
        '        - name: web',
        '          image: nginx:1.27',
        '    securityContext:',
        '        seccompProfile:',
        '            type: RuntimeDefault',
      ),
    },
    {
      name: 'seccompProfile without a type on the pod',
      code: pod('  securityContext:', '    seccompProfile:', '  containers:', '    - name: web'),
      errors: [{ line: 9, message: 'Container "web" runs without a seccomp profile: set seccompProfile.type: RuntimeDefault on the pod.' }],
      output: pod('  securityContext:', '    seccompProfile:', '      type: RuntimeDefault', '  containers:', '    - name: web'),
    },
    {
      name: 'Unconfined on a container and on the pod',
      code: pod(
        '  securityContext:',
        '    seccompProfile:',
        '      type: Unconfined',
        '  containers:',
        '    - name: web',
        '      securityContext:',
        '        seccompProfile:',
        '          type: "Unconfined"',
        '    - name: sidecar',
      ),
      errors: [
        { line: 13, message: 'Container "web" uses the seccomp profile Unconfined: use RuntimeDefault or Localhost.' },
        { line: 8, message: 'The pod uses the seccomp profile Unconfined: use RuntimeDefault or Localhost.' },
      ],
      output: pod(
        '  securityContext:',
        '    seccompProfile:',
        '      type: RuntimeDefault',
        '  containers:',
        '    - name: web',
        '      securityContext:',
        '        seccompProfile:',
        '          type: RuntimeDefault',
        '    - name: sidecar',
      ),
    },
  ],
});
