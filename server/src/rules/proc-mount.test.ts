import { procMount } from './proc-mount';
import { testRule, yaml } from './testing/ruleTester';

const deployment = (...containerLines: string[]) =>
  yaml('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: builder', 'spec:', '  template:', '    spec:', '      containers:', '      - name: builder', ...containerLines);

testRule(procMount, {
  valid: [
    { name: 'not set', code: deployment('        image: builder:1.0') },
    { name: 'Default', code: deployment('        securityContext:', '          procMount: Default') },
  ],
  invalid: [
    {
      name: 'Unmasked, quoted, with a comment',
      code: deployment('        securityContext:', '          procMount: "Unmasked" # for buildkit', '          runAsNonRoot: true'),
      errors: [{ line: 11, message: 'Container "builder" sets procMount: Unmasked: only Default keeps /proc masked.' }],
      output: deployment('        securityContext:', '          procMount: Default # for buildkit', '          runAsNonRoot: true'),
    },
    {
      name: 'an unknown value',
      code: deployment('        securityContext: {procMount: Other}'),
      errors: [{ line: 10, message: 'Container "builder" sets procMount: Other: only Default keeps /proc masked.' }],
      output: deployment('        securityContext: {procMount: Default}'),
    },
  ],
});
