import { rollingUpdateBounds } from './rolling-update-bounds';
import { testRule, yaml } from './testing/ruleTester';

const deployment = (replicas: string | undefined, ...strategyLines: string[]) =>
  yaml('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', ...(replicas ? [`  replicas: ${replicas}`] : []), '  strategy:', ...strategyLines);

testRule(rollingUpdateBounds, {
  valid: [
    { name: 'the defaults', code: deployment('3', '    type: RollingUpdate') },
    { name: 'surge only, never below the count', code: deployment('3', '    rollingUpdate:', '      maxSurge: 1', '      maxUnavailable: 0') },
    { name: 'one of three may go', code: deployment('3', '    rollingUpdate: {maxUnavailable: 1}') },
    { name: 'a number with replicas left out', code: deployment(undefined, '    rollingUpdate: {maxUnavailable: 2}') },
    { name: 'Recreate is another rule', code: deployment('3', '    type: Recreate') },
  ],
  invalid: [
    {
      name: 'both zero: maxSurge set, comment kept',
      code: deployment('3', '    type: RollingUpdate', '    rollingUpdate:', '      maxSurge: 0 # no extra pods', '      maxUnavailable: "0%"'),
      errors: [{ line: 10, message: 'Deployment "web" sets both maxSurge and maxUnavailable to 0: the rollout could never replace a pod, and the API server rejects it.' }],
      output: deployment('3', '    type: RollingUpdate', '    rollingUpdate:', '      maxSurge: 25% # no extra pods', '      maxUnavailable: "0%"'),
    },
    {
      name: 'every pod may go: 100%',
      code: deployment(undefined, '    rollingUpdate:', '      maxUnavailable: 100%'),
      errors: [{ line: 8, message: 'Deployment "web" allows maxUnavailable 100%: a rollout may stop every pod at once.' }],
      output: deployment(undefined, '    rollingUpdate:', '      maxUnavailable: 25%'),
    },
    {
      name: 'every pod may go: a number at least replicas',
      code: deployment('2', '    rollingUpdate: {maxSurge: 1, maxUnavailable: 2}'),
      errors: [{ line: 8, message: 'Deployment "web" allows maxUnavailable 2 of 2 replicas: a rollout may stop every pod at once.' }],
      output: deployment('2', '    rollingUpdate: {maxSurge: 1, maxUnavailable: 25%}'),
    },
  ],
});
