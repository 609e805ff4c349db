import { strict as assert } from 'node:assert';
import { parseManifestFile } from '../model/manifestFile';
import { runRules } from './engine';
import { replicasMinimum } from './replicas-minimum';
import { DEFAULT_RULE_SETTINGS } from './ruleSettings';
import { indexOf } from './testing/workspaceRuleTester';
import { testRule, yaml } from './testing/ruleTester';

testRule(replicasMinimum, {
  valid: [
    { name: 'three replicas', code: yaml('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  replicas: 3') },
    { name: 'scaled to zero on purpose', code: yaml('apiVersion: apps/v1', 'kind: StatefulSet', 'spec:', '  replicas: 0') },
    { name: 'other kinds', code: yaml('apiVersion: apps/v1', 'kind: DaemonSet', 'spec:', '  template: {}') },
  ],
  invalid: [
    {
      name: 'one replica, comment kept',
      code: yaml('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  replicas: 1 # for now', '  template: {}'),
      errors: [{ line: 6, message: 'Deployment "web" runs a single replica: one pod going away takes the service down.' }],
      output: yaml('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  replicas: 2 # for now', '  template: {}'),
    },
    {
      name: 'replicas left out: added at the top of spec',
      code: yaml(
        'apiVersion: apps/v1',
        'kind: StatefulSet',
        'metadata:',
        '    name: db',
        'spec:',
        '    # pods',
        '    serviceName: db',
        '    template: {}',
      ),
      errors: [{ line: 4, message: 'StatefulSet "db" does not set replicas, so it runs a single pod unless an autoscaler scales it.' }],
      output: yaml(
        'apiVersion: apps/v1',
        'kind: StatefulSet',
        'metadata:',
        '    name: db',
        'spec:',
        '    # pods',
        '    replicas: 2',
        '    serviceName: db',
        '    template: {}',
      ),
    },
  ],
});

describe('rule replicas-minimum with the workspace index', () => {
  const deployment = yaml('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  template: {}');
  const autoscaler = yaml(
    'apiVersion: autoscaling/v2', 'kind: HorizontalPodAutoscaler', 'metadata:', '  name: web', 'spec:', '  scaleTargetRef:',
    '    apiVersion: apps/v1', '    kind: Deployment', '    name: web', '  minReplicas: 2', '  maxReplicas: 5',
  );
  const findingsWith = (files: Record<string, string>) => {
    const index = indexOf(files);
    return runRules(parseManifestFile(files['web.yaml']), [replicasMinimum], DEFAULT_RULE_SETTINGS, { view: index, uri: 'web.yaml' }).findings;
  };

  it('stays silent on a missing replicas when an HPA in another file owns the count', () => {
    assert.deepEqual(findingsWith({ 'web.yaml': deployment, 'hpa.yaml': autoscaler }), []);
  });

  it('still reports it when no HPA targets the workload', () => {
    assert.equal(findingsWith({ 'web.yaml': deployment, 'hpa.yaml': autoscaler.replace('name: web\n  minReplicas', 'name: api\n  minReplicas') }).length, 1);
  });
});
