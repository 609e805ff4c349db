import { pdbEmptySelector } from './pdb-empty-selector';
import { testRule, yaml } from './testing/ruleTester';

const pdb = (apiVersion: string, ...selectorLines: string[]) =>
  yaml(`apiVersion: ${apiVersion}`, 'kind: PodDisruptionBudget', 'metadata:', '  name: web-pdb', 'spec:', '  maxUnavailable: 1', ...selectorLines);

testRule(pdbEmptySelector, {
  valid: [
    { name: 'one workload\'s labels', code: pdb('policy/v1', '  selector:', '    matchLabels:', '      app: web') },
    { name: 'match expressions', code: pdb('policy/v1', '  selector:', '    matchExpressions:', '    - {key: app, operator: In, values: [web]}') },
    { name: 'policy/v1beta1 reads empty as none (deprecated-api-version reports it)', code: pdb('policy/v1beta1', '  selector: {}') },
    { name: 'no selector at all', code: pdb('policy/v1') },
  ],
  invalid: [
    {
      name: 'selector: {}',
      code: pdb('policy/v1', '  selector: {}'),
      errors: [{ line: 7, message: 'PodDisruptionBudget "web-pdb" has an empty selector: it covers every pod in its namespace.' }],
    },
    {
      name: 'empty matchLabels',
      code: pdb('policy/v1', '  selector:', '    matchLabels: {}'),
      errors: [{ line: 8, message: 'PodDisruptionBudget "web-pdb" has an empty selector: it covers every pod in its namespace.' }],
    },
  ],
});
