import { recreateStrategy } from './recreate-strategy';
import { testRule, yaml } from './testing/ruleTester';

const deployment = (replicas: string | undefined, type: string) =>
  yaml('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', ...(replicas ? [`  replicas: ${replicas}`] : []), '  strategy:', `    type: ${type}`);

testRule(recreateStrategy, {
  valid: [
    { name: 'rolling update', code: deployment('3', 'RollingUpdate') },
    { name: 'a single replica', code: deployment('1', 'Recreate') },
  ],
  invalid: [
    {
      name: 'three replicas recreated',
      code: deployment('3', 'Recreate'),
      errors: [{ line: 8, message: 'Deployment "web" uses the Recreate strategy: every rollout stops all its pods before new ones start.' }],
    },
    {
      name: 'replicas left out',
      code: deployment(undefined, 'Recreate # RWO disk'),
      errors: [{ line: 7, message: /Recreate strategy/ }],
    },
  ],
});
