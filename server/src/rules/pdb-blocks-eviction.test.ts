import { pdbBlocksEviction } from './pdb-blocks-eviction';
import { testRule, yaml } from './testing/ruleTester';

const pdb = (...specLines: string[]) =>
  yaml('apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata:', '  name: web', 'spec:', ...specLines, '  selector:', '    matchLabels: {app: web}');

testRule(pdbBlocksEviction, {
  valid: [
    { name: "the guide's minAvailable: 2", code: pdb('  minAvailable: 2') },
    { name: 'a percentage below all', code: pdb('  maxUnavailable: 10%') },
    { name: 'minAvailable 0 allows everything', code: pdb('  minAvailable: 0') },
  ],
  invalid: [
    {
      name: 'maxUnavailable 0',
      code: pdb('  maxUnavailable: 0 # careful'),
      errors: [{ line: 6, message: 'PodDisruptionBudget "web" sets maxUnavailable 0: no pod may ever be evicted, so node drains and AKS upgrades stall.' }],
      output: pdb('  maxUnavailable: 1 # careful'),
    },
    {
      name: 'maxUnavailable "0%"',
      code: pdb('  maxUnavailable: "0%"'),
      errors: [{ line: 6, message: 'PodDisruptionBudget "web" sets maxUnavailable 0%: no pod may ever be evicted, so node drains and AKS upgrades stall.' }],
      output: pdb('  maxUnavailable: 1'),
    },
    {
      name: 'minAvailable 100% becomes maxUnavailable 1',
      code: pdb('  minAvailable: 100%'),
      errors: [{ line: 6, message: 'PodDisruptionBudget "web" requires minAvailable 100%: no pod may ever be evicted, so node drains and AKS upgrades stall.' }],
      output: pdb('  maxUnavailable: 1'),
    },
    {
      name: 'minAvailable 100% next to a maxUnavailable is removed',
      code: pdb('  minAvailable: 100%', '  maxUnavailable: 5'),
      errors: [{ line: 6, message: /requires minAvailable 100%/ }],
      output: pdb('  maxUnavailable: 5'),
    },
  ],
});
