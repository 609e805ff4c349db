import { strict as assert } from 'node:assert';
import type { LabelSelector } from '../../server/src/model/labelSelector';
import { parseManifestFile } from '../../server/src/model/manifestFile';
import { summarizeFile } from '../../server/src/model/objectSummary';
import { namespaceOf, WorkspaceIndex } from '../../server/src/model/workspaceIndex';

const yaml = (...lines: string[]) => lines.join('\n') + '\n';
const summaries = (uri: string, text: string) => summarizeFile(uri, parseManifestFile(text));

const deployment = (name: string, podLabels: string[], namespace?: string) =>
  yaml(
    'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: ${name}`, ...(namespace ? [`  namespace: ${namespace}`] : []),
    'spec:', '  selector:', '    matchLabels:', `      ${podLabels[0]}`, '  template:', '    metadata:', '      labels:',
    ...podLabels.map((label) => `        ${label}`), '    spec:', '      containers:', '      - name: app', '        image: app:1',
  );
const service = (name: string, selector: string, namespace?: string) =>
  yaml('apiVersion: v1', 'kind: Service', 'metadata:', `  name: ${name}`, ...(namespace ? [`  namespace: ${namespace}`] : []), 'spec:', '  selector:', `    ${selector}`, '  ports:', '  - port: 80');
const budget = (name: string, selector: string, namespace?: string) =>
  yaml('apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata:', `  name: ${name}`, ...(namespace ? [`  namespace: ${namespace}`] : []), 'spec:', '  maxUnavailable: 1', '  selector:', '    matchLabels:', `      ${selector}`);
const ingress = (serviceName: string, namespace?: string) =>
  yaml(
    'apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata:', '  name: shop', ...(namespace ? [`  namespace: ${namespace}`] : []), 'spec:', '  rules:', '  - http:',
    '      paths:', '      - path: /', '        pathType: Prefix', '        backend:', '          service:', `            name: ${serviceName}`, '            port:', '              number: 80',
  );
const autoscaler = (target: string, minReplicas: number) =>
  yaml('apiVersion: autoscaling/v2', 'kind: HorizontalPodAutoscaler', 'metadata:', '  name: hpa', 'spec:', '  scaleTargetRef:', '    apiVersion: apps/v1', '    kind: Deployment', `    name: ${target}`, `  minReplicas: ${minReplicas}`, '  maxReplicas: 10');
const configMap = (name: string) => yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata:', `  name: ${name}`, 'data:', '  LOG_LEVEL: info');
const storageClass = (name: string) => yaml('apiVersion: storage.k8s.io/v1', 'kind: StorageClass', 'metadata:', `  name: ${name}`, 'provisioner: disk.csi.azure.com');
const claim = (storageClassName: string, namespace: string) =>
  yaml('apiVersion: v1', 'kind: PersistentVolumeClaim', 'metadata:', '  name: data', `  namespace: ${namespace}`, 'spec:', `  storageClassName: ${storageClassName}`, '  accessModes: [ReadWriteOnce]');

/** An index of the given files (uri → text). */
function indexOf(files: Record<string, string>): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const [uri, text] of Object.entries(files)) index.update(uri, summaries(uri, text));
  return index;
}

const names = (objects: ReadonlyArray<{ kind: string; name?: string }>) => objects.map((object) => `${object.kind}/${object.name}`).sort();
const selector = (matchLabels: Record<string, string>, matchExpressions: LabelSelector['matchExpressions'] = []): LabelSelector => ({ matchLabels, matchExpressions });

describe('workspace index', () => {
  describe('lookups', () => {
    it('finds objects by kind, name and namespace, with `default` for objects that name none', () => {
      const index = indexOf({ 'a.yaml': deployment('web', ['app: web']) + '---\n' + deployment('web', ['app: web'], 'shop'), 'b.yaml': service('web', 'app: web') });
      assert.equal(index.fileCount, 2);
      assert.deepEqual(index.find('Deployment', 'web').map((o) => o.uri), ['a.yaml']);
      assert.equal(index.find('Deployment', 'web', 'default')[0], index.find('Deployment', 'web')[0]);
      assert.equal(index.find('Deployment', 'web', 'shop')[0]?.namespace, 'shop');
      assert.deepEqual(index.find('Deployment', 'web', 'other'), []);
      assert.deepEqual(index.find('Service', 'api'), []);
      assert.deepEqual(names(index.ofKind('Deployment')), ['Deployment/web', 'Deployment/web']);
      assert.deepEqual(index.ofKind('Deployment', 'shop').map(namespaceOf), ['shop']);
      assert.deepEqual(index.ofKind('Deployment', 'default').map(namespaceOf), ['default']);
      assert.deepEqual(index.ofKind('Ingress'), []);
      assert.deepEqual(names([...index.all()]), ['Deployment/web', 'Deployment/web', 'Service/web']);
      assert.deepEqual(names(index.objectsIn('b.yaml')), ['Service/web']);
    });

    it('keeps cluster-scoped objects outside namespaces', () => {
      const index = indexOf({ 'sc.yaml': storageClass('fast') });
      const [found] = index.find('StorageClass', 'fast');
      assert.ok(found);
      assert.equal(namespaceOf(found), undefined);
      assert.equal(index.find('StorageClass', 'fast', 'shop')[0], found, 'a namespace asked for does not hide a cluster-scoped object');
      assert.equal(namespaceOf({ kind: 'ConfigMap', namespace: undefined }), 'default');
      assert.equal(namespaceOf({ kind: 'ConfigMap', namespace: '' }), 'default');
      assert.equal(namespaceOf({ kind: 'Namespace', namespace: 'shop' }), undefined);
    });

    it('replaces a file\'s objects on update, and forgets them on remove or when a file has none left', () => {
      const index = indexOf({ 'a.yaml': deployment('web', ['app: web']), 'b.yaml': configMap('settings') });
      index.update('a.yaml', summaries('a.yaml', deployment('api', ['app: api'])));
      assert.deepEqual(index.find('Deployment', 'web'), []);
      assert.equal(index.find('Deployment', 'api').length, 1);
      index.remove('a.yaml');
      assert.deepEqual(index.ofKind('Deployment'), []);
      assert.deepEqual(index.objectsIn('a.yaml'), []);
      index.update('b.yaml', summaries('b.yaml', '# only a comment now\n'));
      assert.equal(index.fileCount, 0);
      assert.deepEqual([...index.uris()], []);
    });

    it('finds the workloads a selector matches, matchExpressions included, in one namespace', () => {
      const index = indexOf({
        'front.yaml': deployment('front', ['app: shop', 'tier: front']),
        'back.yaml': deployment('back', ['app: shop', 'tier: back', 'canary: "true"']),
        'other.yaml': deployment('elsewhere', ['app: shop', 'tier: front'], 'staging'),
        'svc.yaml': service('shop', 'app: shop'),
      });
      const found = (s: LabelSelector, namespace = 'default') => names(index.workloadsSelectedBy(s, namespace));
      assert.deepEqual(found(selector({ app: 'shop' })), ['Deployment/back', 'Deployment/front']);
      assert.deepEqual(found(selector({ app: 'shop' }), 'staging'), ['Deployment/elsewhere']);
      assert.deepEqual(found(selector({}, [{ key: 'tier', operator: 'In', values: ['back', 'batch'] }])), ['Deployment/back']);
      assert.deepEqual(found(selector({ app: 'shop' }, [{ key: 'tier', operator: 'NotIn', values: ['back'] }])), ['Deployment/front']);
      assert.deepEqual(found(selector({}, [{ key: 'canary', operator: 'Exists', values: [] }])), ['Deployment/back']);
      assert.deepEqual(found(selector({ app: 'shop' }, [{ key: 'canary', operator: 'DoesNotExist', values: [] }])), ['Deployment/front']);
      assert.deepEqual(found(selector({ app: 'web' })), []);
      assert.equal(index.hasWorkloads('default'), true);
      assert.equal(index.hasWorkloads('staging'), true);
      assert.equal(index.hasWorkloads('prod'), false);
    });

    it('finds the objects whose selectors match a workload\'s pods, of the kinds asked for, in its namespace', () => {
      const index = indexOf({
        'deploy.yaml': deployment('web', ['app: web', 'tier: front']),
        'svc.yaml': service('web', 'app: web') + '---\n' + service('api', 'app: api'),
        'pdb.yaml': budget('web-pdb', 'tier: front') + '---\n' + budget('web-pdb', 'app: web', 'staging'),
      });
      const [web] = index.find('Deployment', 'web');
      assert.deepEqual(names(index.selectorsOf(web, ['Service', 'PodDisruptionBudget'])), ['PodDisruptionBudget/web-pdb', 'Service/web']);
      assert.deepEqual(names(index.selectorsOf(web, ['PodDisruptionBudget'])), ['PodDisruptionBudget/web-pdb']);
      assert.equal(index.selectorsOf(web, ['PodDisruptionBudget'])[0].namespace, undefined, 'the staging budget is not counted');
      const [webService] = index.find('Service', 'web');
      assert.deepEqual(index.selectorsOf(webService, ['Service']), [], 'an object without pods is selected by nothing');
    });

    it('keeps its label lookups right through updates: expression-only and empty selectors, order, relabelled pods', () => {
      const expressionOnly = yaml(
        'apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata:', '  name: by-expression', 'spec:', '  maxUnavailable: 1', '  selector:',
        '    matchExpressions:', '    - key: tier', '      operator: In', '      values: [front]',
      );
      const everything = yaml('apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata:', '  name: everything', 'spec:', '  maxUnavailable: 1', '  selector: {}');
      const index = indexOf({
        '1.yaml': budget('by-label', 'app: web'),
        '2.yaml': expressionOnly,
        '3.yaml': everything,
        'deploy.yaml': deployment('web', ['app: web', 'tier: front']),
      });
      const [web] = index.find('Deployment', 'web');
      const budgetsOf = (workload = web) => index.selectorsOf(workload, ['PodDisruptionBudget']).map((object) => object.name);
      assert.deepEqual(budgetsOf(), ['by-label', 'by-expression', 'everything'], 'in the order they were indexed');
      index.update('1.yaml', summaries('1.yaml', budget('by-label', 'app: api')));
      assert.deepEqual(budgetsOf(), ['by-expression', 'everything'], 'a selector that changed its label leaves the old label\'s lookup');
      index.update('deploy.yaml', summaries('deploy.yaml', deployment('web', ['app: api', 'tier: back'])));
      const [relabelled] = index.find('Deployment', 'web');
      assert.deepEqual(budgetsOf(relabelled), ['everything', 'by-label'], 'an updated file is indexed anew, after the others');
      assert.deepEqual(names(index.workloadsSelectedBy(selector({ app: 'web' }), 'default')), [], 'the pods\' old label no longer finds them');
      assert.deepEqual(names(index.workloadsSelectedBy(selector({ app: 'api', tier: 'back' }), 'default')), ['Deployment/web']);
      index.remove('2.yaml');
      index.remove('3.yaml');
      assert.deepEqual(budgetsOf(relabelled), ['by-label']);
    });

    it('finds the references that name an object, in its namespace (or any, for cluster-scoped objects)', () => {
      const index = indexOf({
        'svc.yaml': service('web', 'app: web'),
        'ingress.yaml': ingress('web'),
        'staging-ingress.yaml': ingress('web', 'staging'),
        'deploy.yaml': deployment('web', ['app: web']),
        'hpa.yaml': autoscaler('web', 2),
        'sc.yaml': storageClass('fast'),
        'pvc.yaml': claim('fast', 'shop') + '---\n' + claim('fast', 'data').replace('name: data', 'name: other'),
      });
      const referencesTo = (kind: string, name: string) => index.referencesTo(index.find(kind, name)[0]).map(({ from, reference }) => `${from.uri} ${reference.via}`).sort();
      assert.deepEqual(referencesTo('Service', 'web'), ['ingress.yaml ingress-backend']);
      assert.deepEqual(referencesTo('Deployment', 'web'), ['hpa.yaml scale-target']);
      assert.deepEqual(referencesTo('StorageClass', 'fast'), ['pvc.yaml storage-class', 'pvc.yaml storage-class']);
    });
  });

  describe('changes', () => {
    const workspace = () =>
      indexOf({
        'deploy.yaml': deployment('web', ['app: web']),
        'svc.yaml': service('web', 'app: web'),
        'pdb.yaml': budget('web-pdb', 'app: web'),
        'ingress.yaml': ingress('web'),
        'settings.yaml': configMap('settings'),
        'staging.yaml': service('web', 'app: web', 'staging') + '---\n' + budget('web-pdb', 'app: web', 'staging'),
      });

    it('reports no change when an edit only moves things (comments, blank lines, key order)', () => {
      const index = workspace();
      const generation = index.generation;
      const moved = '# the storefront\n\n' + deployment('web', ['app: web']).replace('apiVersion: apps/v1\nkind: Deployment\n', 'kind: Deployment\napiVersion: apps/v1\n');
      const change = index.update('deploy.yaml', summaries('deploy.yaml', moved));
      assert.deepEqual(change, { changed: false, affectedUris: new Set() });
      assert.equal(index.generation, generation);
      assert.equal(index.find('Deployment', 'web')[0].kindRange.start.line, 2, 'the new positions are kept');
    });

    it('reports the files with Services and budgets of the namespace when pod labels change, and no others', () => {
      const index = workspace();
      const generation = index.generation;
      const change = index.update('deploy.yaml', summaries('deploy.yaml', deployment('web', ['app: web-frontend'])));
      assert.equal(change.changed, true);
      assert.equal(index.generation, generation + 1);
      assert.deepEqual([...change.affectedUris].sort(), ['pdb.yaml', 'svc.yaml']);
    });

    it('reports the Ingress file when the Service it names is renamed', () => {
      const index = workspace();
      const change = index.update('svc.yaml', summaries('svc.yaml', service('storefront', 'app: web')));
      assert.equal(change.changed, true);
      assert.ok(change.affectedUris.has('ingress.yaml'));
      assert.ok(!change.affectedUris.has('settings.yaml'));
      assert.ok(!change.affectedUris.has('svc.yaml'), 'the changed file itself is not listed');
    });

    it('reports the workload and the budgets over its pods when an autoscaler\'s floor changes', () => {
      const index = workspace();
      index.update('hpa.yaml', summaries('hpa.yaml', autoscaler('web', 2)));
      const change = index.update('hpa.yaml', summaries('hpa.yaml', autoscaler('web', 3)));
      assert.equal(change.changed, true);
      assert.deepEqual([...change.affectedUris].filter((uri) => uri !== 'svc.yaml').sort(), ['deploy.yaml', 'pdb.yaml']);
      assert.ok(!change.affectedUris.has('staging.yaml'));
    });

    it('reports autoscalers of the namespace when its workloads change (whether their target can be judged)', () => {
      const index = workspace();
      index.update('hpa.yaml', summaries('hpa.yaml', autoscaler('checkout', 2)));
      const change = index.remove('deploy.yaml');
      assert.ok(change.affectedUris.has('hpa.yaml'));
      assert.ok(!change.affectedUris.has('settings.yaml'));
    });

    it('reports the dependents of a removed file', () => {
      const index = workspace();
      const change = index.remove('svc.yaml');
      assert.equal(change.changed, true);
      assert.ok(change.affectedUris.has('ingress.yaml'));
      assert.deepEqual(index.find('Service', 'web'), []);
      assert.deepEqual(index.remove('never-indexed.yaml'), { changed: false, affectedUris: new Set() });
    });
  });
});
