import { replicasMinimum } from './replicas-minimum';
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
