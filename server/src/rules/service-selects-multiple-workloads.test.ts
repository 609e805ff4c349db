import { serviceSelectsMultipleWorkloads } from './service-selects-multiple-workloads';
import { yaml } from './testing/ruleTester';
import { testWorkspaceRule } from './testing/workspaceRuleTester';

// The `selector:` key is on line 6.
const service = (selectorLines: string[], annotations: string[] = []) =>
  yaml('apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', ...annotations, 'spec:', '  selector:', ...selectorLines, '  ports:', '  - port: 80');
const deployment = (name: string, labels: string[], namespace?: string) =>
  yaml(
    'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: ${name}`, ...(namespace ? [`  namespace: ${namespace}`] : []), 'spec:', '  selector:',
    '    matchLabels:', `      ${labels[0]}`, '  template:', '    metadata:', '      labels:', ...labels.map((label) => `        ${label}`),
    '    spec:', '      containers:', `      - name: ${name}`, `        image: ${name}:1`,
  );

testWorkspaceRule(serviceSelectsMultipleWorkloads, {
  valid: [
    { name: 'one workload matches', files: { 'svc.yaml': service(['    app: web']), 'web.yaml': deployment('web', ['app: web']), 'api.yaml': deployment('api', ['app: api']) } },
    {
      name: 'a label of its own keeps the second workload out',
      files: { 'svc.yaml': service(['    app: shop', '    component: web']), 'web.yaml': deployment('web', ['app: shop', 'component: web']), 'worker.yaml': deployment('worker', ['app: shop', 'component: worker']) },
    },
    { name: 'the same Deployment written in two files counts once', files: { 'svc.yaml': service(['    app: web']), 'a.yaml': deployment('web', ['app: web']), 'b.yaml': deployment('web', ['app: web', 'variant: b']) } },
    { name: 'the other workload is in another namespace', files: { 'svc.yaml': service(['    app: web']), 'web.yaml': deployment('web', ['app: web']), 'other.yaml': deployment('web-v2', ['app: web'], 'staging') } },
    {
      name: 'a deliberate canary, silenced on the Service',
      files: {
        'svc.yaml': service(['    app: web'], ['  annotations:', '    kube-guide.io/ignore: service-selects-multiple-workloads -- canary shares traffic']),
        'web.yaml': deployment('web', ['app: web', 'track: stable']),
        'canary.yaml': deployment('web-canary', ['app: web', 'track: canary']),
      },
    },
  ],
  invalid: [
    {
      name: 'a canary Deployment sharing the stable one\'s labels',
      files: { 'svc.yaml': service(['    app: web']), 'web.yaml': deployment('web', ['app: web', 'track: stable']), 'canary.yaml': deployment('web-canary', ['app: web', 'track: canary']) },
      errors: [{
        file: 'svc.yaml',
        line: 6,
        message: 'Service "web" selects app=web, which matches the pods of 2 workloads: Deployment "web-canary" (canary.yaml) and Deployment "web" (web.yaml). Its traffic is shared between them.',
      }],
    },
    {
      name: 'a Job copied from the web Deployment, and more than three workloads',
      files: {
        'svc.yaml': service(['    app: web']),
        'a.yaml': deployment('web', ['app: web']),
        'b.yaml': deployment('web-admin', ['app: web', 'role: admin']),
        'c.yaml': deployment('web-legacy', ['app: web']),
        'd.yaml': yaml('apiVersion: batch/v1', 'kind: Job', 'metadata:', '  name: migrate', 'spec:', '  template:', '    metadata:', '      labels:', '        app: web', '    spec:', '      restartPolicy: Never', '      containers:', '      - name: migrate', '        image: web:1'),
      },
      errors: [{
        file: 'svc.yaml',
        line: 6,
        message: 'Service "web" selects app=web, which matches the pods of 4 workloads: Deployment "web" (a.yaml), Deployment "web-admin" (b.yaml), Deployment "web-legacy" (c.yaml) and 1 more. Its traffic is shared between them.',
      }],
    },
  ],
});
