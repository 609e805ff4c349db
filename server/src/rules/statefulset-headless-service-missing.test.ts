import { statefulsetHeadlessServiceMissing } from './statefulset-headless-service-missing';
import { yaml } from './testing/ruleTester';
import { testWorkspaceRule } from './testing/workspaceRuleTester';

// `serviceName` is on line 6 (7 with a namespace).
const statefulSet = (serviceName: string, options: { replicas?: number; namespace?: string; selector?: string[]; ports?: string[] } = {}) =>
  yaml(
    'apiVersion: apps/v1', 'kind: StatefulSet', 'metadata:', '  name: kafka', ...(options.namespace ? [`  namespace: ${options.namespace}`] : []),
    'spec:', `  serviceName: ${serviceName}`,
    ...(options.replicas !== undefined ? [`  replicas: ${options.replicas}`] : []),
    '  selector:', ...(options.selector ?? ['    matchLabels:', '      app: kafka', '      tier: "1"']),
    '  template:', '    metadata:', '      labels:', '        app: kafka', '        tier: "1"', '    spec:', '      containers:', '      - name: kafka', '        image: apache/kafka:3.8.0',
    ...(options.ports ?? []),
  );
const service = (name: string, headless: boolean) =>
  yaml('apiVersion: v1', 'kind: Service', 'metadata:', `  name: ${name}`, 'spec:', ...(headless ? ['  clusterIP: None'] : []), '  selector:', '    app: kafka', '  ports:', '  - port: 9092');
const indentedStatefulSet = yaml(
  'apiVersion: apps/v1', 'kind: StatefulSet', 'metadata:', '  name: kafka', 'spec:', '  serviceName: kafka', '  selector:', '    matchLabels:', '      app: kafka',
  '  template:', '    metadata:', '      labels:', '        app: kafka', '    spec:', '      containers:', '        - name: kafka', '          image: apache/kafka:3.8.0',
  '          ports:', '            - containerPort: 9092', '            - containerPort: 9093', '              protocol: UDP',
);
const kafkaPorts = ['        ports:', '        - name: broker', '          containerPort: 9092', '        - name: controller', '          containerPort: 9093'];

testWorkspaceRule(statefulsetHeadlessServiceMissing, {
  valid: [
    { name: 'a headless Service in another file', files: { 'sts.yaml': statefulSet('kafka-headless', { replicas: 3 }), 'svc.yaml': service('kafka-headless', true) } },
    { name: 'a single replica behind its ordinary Service', files: { 'sts.yaml': statefulSet('kafka', { replicas: 1 }), 'svc.yaml': service('kafka', false) } },
    { name: 'replicas not written (one) behind its ordinary Service', files: { 'sts.yaml': statefulSet('kafka'), 'svc.yaml': service('kafka', false) } },
    {
      name: 'the same Service written twice, one of them headless',
      files: { 'sts.yaml': statefulSet('kafka', { replicas: 3 }), 'a.yaml': service('kafka', false), 'b.yaml': service('kafka', true) },
    },
  ],
  invalid: [
    {
      name: 'no Service of that name: the fix adds a headless one with the containers\' ports',
      files: { 'sts.yaml': statefulSet('kafka-headless', { replicas: 3, namespace: 'events', ports: kafkaPorts }) },
      errors: [{
        file: 'sts.yaml',
        line: 7,
        message: 'StatefulSet "kafka" names Service "kafka-headless" as its serviceName, but no Service of that name is in namespace "events" in the workspace: its pods get no DNS names such as kafka-0.kafka-headless.',
      }],
      output: {
        'sts.yaml': statefulSet('kafka-headless', { replicas: 3, namespace: 'events', ports: kafkaPorts }) + yaml(
          '---', 'apiVersion: v1', 'kind: Service', 'metadata:', '  name: kafka-headless', '  namespace: events', 'spec:', '  clusterIP: None', '  selector:',
          '    app: kafka', '    tier: "1"', '  ports:', '  - name: broker', '    port: 9092', '  - name: controller', '    port: 9093',
        ),
      },
    },
    {
      // Found by fuzzing: a Service appended after broken YAML became part of it, and the finding stayed.
      name: 'no fix when a later document of the file does not parse',
      files: { 'sts.yaml': statefulSet('kafka', { replicas: 3 }) + yaml('---', 'apiVersion: v1', 'kind: ConfigMap', 'data: {broken: [unclosed') },
      errors: [{ file: 'sts.yaml', line: 6, message: /names Service "kafka" as its serviceName, but no Service of that name/ }],
    },
    {
      name: 'unnamed ports, and a file that indents sequence dashes',
      files: { 'sts.yaml': indentedStatefulSet },
      errors: [{ file: 'sts.yaml', line: 6, message: /names Service "kafka" as its serviceName, but no Service of that name is in namespace "default"/ }],
      output: {
        'sts.yaml': indentedStatefulSet + yaml(
          '---', 'apiVersion: v1', 'kind: Service', 'metadata:', '  name: kafka', 'spec:', '  clusterIP: None', '  selector:', '    app: kafka', '  ports:',
          '    - name: port-9092', '      port: 9092', '    - name: port-9093', '      port: 9093', '      protocol: UDP',
        ),
      },
    },
    {
      name: 'a misspelled name of a headless Service, fixed to it',
      files: { 'sts.yaml': statefulSet('kafka-headles', { replicas: 3 }), 'svc.yaml': service('kafka-headless', true) },
      errors: [{ file: 'sts.yaml', line: 6, message: /such as kafka-0\.kafka-headles\. Did you mean "kafka-headless"\?$/ }],
      output: { 'sts.yaml': statefulSet('kafka-headless', { replicas: 3 }) },
    },
    {
      name: 'a selector with expressions: reported without a fix',
      files: { 'sts.yaml': statefulSet('kafka', { selector: ['    matchExpressions:', '    - {key: app, operator: In, values: [kafka]}'] }) },
      errors: [{ file: 'sts.yaml', line: 6, message: /names Service "kafka" as its serviceName, but no Service/ }],
    },
    {
      name: 'several replicas governed by an ordinary Service: no fix',
      files: { 'sts.yaml': statefulSet('kafka', { replicas: 3 }), 'svc.yaml': service('kafka', false) },
      errors: [{
        file: 'sts.yaml',
        line: 6,
        message: 'StatefulSet "kafka" runs 3 replicas governed by Service "kafka" (svc.yaml), which is not headless: without clusterIP: None, no per-pod DNS names such as kafka-0.kafka exist. Add a headless Service for serviceName (a live Service\'s cluster IP cannot be changed in place).',
      }],
    },
  ],
});
