import { readOnlyRootFilesystem } from './read-only-root-filesystem';
import { testRule, yaml } from './testing/ruleTester';

const pod = (...containerLines: string[]) => yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', ...containerLines);

testRule(readOnlyRootFilesystem, {
  valid: [
    { name: 'read-only root', code: pod('  - name: web', '    securityContext:', '      readOnlyRootFilesystem: true') },
  ],
  invalid: [
    {
      name: 'explicitly writable',
      code: pod('  - name: web', '    securityContext:', '      readOnlyRootFilesystem: false'),
      errors: [{ line: 9, message: 'Container "web" has a writable root filesystem.' }],
      output: pod('  - name: web', '    securityContext:', '      readOnlyRootFilesystem: true'),
    },
    {
      name: 'empty securityContext in flow style',
      code: pod('  - name: web', '    securityContext: {}'),
      errors: [{ line: 7, message: 'Container "web" does not set readOnlyRootFilesystem: true.' }],
      output: pod('  - name: web', '    securityContext:', '      readOnlyRootFilesystem: true'),
    },
    {
      name: 'securityContext key without a value',
      code: pod('  - name: web', '    securityContext:', '    image: nginx:1.27'),
      errors: [{ line: 7, message: 'Container "web" does not set readOnlyRootFilesystem: true.' }],
      output: pod('  - name: web', '    securityContext:', '      readOnlyRootFilesystem: true', '    image: nginx:1.27'),
    },
  ],
});
