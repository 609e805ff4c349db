import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isWorkspaceGraph } from '../../client/src/diagrams/messages';
import type { WorkspaceGraph, WorkspaceGraphNode } from '../../server/src/protocol';
import { indexOf } from '../../server/src/rules/testing/workspaceRuleTester';
import { buildWorkspaceGraph, type LineFinding } from '../../server/src/services/workspaceGraph';
import { SHARED_DIR, yamlFilesUnder } from '../support/fixtures';
import { SHOP_FILES } from '../support/shopWorkspace';

const ROOT = 'file:///ws/';
const shopFiles = Object.fromEntries(Object.entries(SHOP_FILES).map(([file, text]) => [ROOT + file, text]));
const edgesOf = (graph: WorkspaceGraph) => graph.edges.map((edge) => `${edge.kind} ${edge.from} -> ${edge.to}${edge.label ? ` (${edge.label})` : ''}`).sort();
const noFindings = () => [];

describe('workspace graph model', () => {
  it('draws every object and what ties them together, with a dashed node for what is missing', async () => {
    const graph = await buildWorkspaceGraph(indexOf(shopFiles), { findingsIn: noFindings });
    assert.deepEqual(graph.nodes.map((node) => `${node.id}${node.missing ? ' (missing)' : ''}`).sort(), [
      'ConfigMap/shop/web-config',
      'CronJob/shop/nightly',
      'Deployment/shop/web',
      'Deployment/shop/worker',
      'HorizontalPodAutoscaler/shop/web',
      'Ingress/shop/shop',
      'NetworkPolicy/shop/web-from-worker',
      'PersistentVolumeClaim/shop/uploads',
      'PodDisruptionBudget/shop/web',
      'Secret/shop/shop-tls (missing)',
      'Secret/shop/web-db',
      'Service/shop/web',
      'ServiceAccount/shop/web',
      'StorageClass//shop-files',
    ]);
    assert.deepEqual(edgesOf(graph), [
      'allows Deployment/shop/worker -> Deployment/shop/web (web-from-worker)',
      'mounts Deployment/shop/web -> PersistentVolumeClaim/shop/uploads',
      'protects PodDisruptionBudget/shop/web -> Deployment/shop/web',
      'routes Ingress/shop/shop -> Service/shop/web (shop.example.com/)',
      'scales HorizontalPodAutoscaler/shop/web -> Deployment/shop/web',
      'selects NetworkPolicy/shop/web-from-worker -> Deployment/shop/web',
      'selects Service/shop/web -> Deployment/shop/web',
      'service-account Deployment/shop/web -> ServiceAccount/shop/web',
      'storage-class PersistentVolumeClaim/shop/uploads -> StorageClass//shop-files',
      'uses-config Deployment/shop/web -> ConfigMap/shop/web-config',
      'uses-secret Deployment/shop/web -> Secret/shop/web-db',
      'uses-secret Ingress/shop/shop -> Secret/shop/shop-tls (TLS)',
    ]);
  });

  it('places each node at its name, and a missing one where it is first named', async () => {
    const graph = await buildWorkspaceGraph(indexOf(shopFiles), { findingsIn: noFindings });
    const node = (id: string) => graph.nodes.find((candidate) => candidate.id === id)!;
    assert.deepEqual(pick(node('Service/shop/web')), { uri: ROOT + 'shop/service.yaml', line: 3, namespace: 'shop', name: 'web' });
    assert.deepEqual(pick(node('StorageClass//shop-files')), { uri: ROOT + 'shop/config.yaml', line: 32, namespace: '', name: 'shop-files' });
    assert.deepEqual(pick(node('Secret/shop/shop-tls')), { uri: ROOT + 'shop/ingress.yaml', line: 9, namespace: 'shop', name: 'shop-tls' });
  });

  it('badges each object with the findings inside its document, asking each file once', async () => {
    const asked: string[] = [];
    const findings: Record<string, LineFinding[]> = {
      [ROOT + 'shop/deployment.yaml']: [
        { line: 18, severity: 'warning' }, // the Deployment's container
        { line: 2, severity: 'info' },
        { line: 20, severity: 'hint' }, // hints are not counted
        { line: 46, severity: 'error' }, // the HPA
      ],
    };
    const graph = await buildWorkspaceGraph(indexOf(shopFiles), {
      findingsIn: async (uri) => {
        asked.push(uri);
        return findings[uri] ?? [];
      },
    });
    const counts = (id: string) => graph.nodes.find((node) => node.id === id)!.findings;
    assert.deepEqual(counts('Deployment/shop/web'), { errors: 0, warnings: 1, infos: 1 });
    assert.deepEqual(counts('HorizontalPodAutoscaler/shop/web'), { errors: 1, warnings: 0, infos: 0 });
    assert.deepEqual(counts('PodDisruptionBudget/shop/web'), { errors: 0, warnings: 0, infos: 0 });
    assert.deepEqual([...asked].sort(), Object.keys(shopFiles).sort(), 'each file once, missing nodes never');
  });

  it("focuses on one file's objects and their neighbours, asking only their files for findings", async () => {
    const asked = new Set<string>();
    const graph = await buildWorkspaceGraph(indexOf(shopFiles), {
      scope: { uri: ROOT + 'shop/service.yaml' },
      findingsIn: (uri) => {
        asked.add(uri);
        return [];
      },
    });
    assert.deepEqual(graph.nodes.map((node) => node.id).sort(), ['Deployment/shop/web', 'Ingress/shop/shop', 'Service/shop/web']);
    assert.deepEqual(edgesOf(graph), ['routes Ingress/shop/shop -> Service/shop/web (shop.example.com/)', 'selects Service/shop/web -> Deployment/shop/web']);
    assert.deepEqual([...asked].sort(), [ROOT + 'shop/deployment.yaml', ROOT + 'shop/ingress.yaml', ROOT + 'shop/service.yaml']);
  });

  it('keeps one namespace with the cluster-wide objects it uses, and leaves out Namespaces', async () => {
    const extra = {
      [ROOT + 'other/namespace.yaml']: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n',
      [ROOT + 'other/api.yaml']: SHOP_FILES['jobs/worker.yaml'].replace(/namespace: shop/g, 'namespace: backoffice'),
    };
    const whole = await buildWorkspaceGraph(indexOf({ ...shopFiles, ...extra }), { findingsIn: noFindings });
    assert.ok(!whole.nodes.some((node) => node.kind === 'Namespace'), 'no Namespace node');
    assert.ok(whole.nodes.some((node) => node.id === 'Deployment/backoffice/worker'));

    const shop = await buildWorkspaceGraph(indexOf({ ...shopFiles, ...extra }), { scope: { namespace: 'shop' }, findingsIn: noFindings });
    assert.ok(shop.nodes.every((node) => node.namespace === 'shop' || node.id === 'StorageClass//shop-files'), shop.nodes.map((node) => node.id).join(', '));
    assert.equal(shop.nodes.length, 14);
    assert.equal(shop.edges.length, 12);
  });

  it('gives each copy of an object defined twice its own node, and links each reference to the nearest copy', async () => {
    const copy = { ...shopFiles, [ROOT + 'overlay/service.yaml']: SHOP_FILES['shop/service.yaml'] };
    const graph = await buildWorkspaceGraph(indexOf(copy), { findingsIn: noFindings });
    const services = graph.nodes.filter((node) => node.kind === 'Service').map((node) => node.id).sort();
    const overlayCopy = `Service/shop/web@${ROOT}overlay/service.yaml#0`;
    assert.deepEqual(services, ['Service/shop/web', overlayCopy]);
    assert.equal(new Set(graph.nodes.map((node) => node.id)).size, graph.nodes.length, 'ids are unique');
    assert.deepEqual(graph.edges.filter((edge) => edge.kind === 'selects' && edge.from.startsWith('Service/')).map((edge) => edge.from).sort(), services, 'both copies select the one Deployment');
    assert.deepEqual(edgesOf(graph).filter((edge) => edge.startsWith('routes')), ['routes Ingress/shop/shop -> Service/shop/web (shop.example.com/)'], 'the Ingress routes to the copy in its folder');
  });

  it('keeps every copy when none is nearer than another', async () => {
    const copies = {
      [ROOT + 'a/service.yaml']: SHOP_FILES['shop/service.yaml'],
      [ROOT + 'b/service.yaml']: SHOP_FILES['shop/service.yaml'],
      [ROOT + 'c/ingress.yaml']: SHOP_FILES['shop/ingress.yaml'],
    };
    const graph = await buildWorkspaceGraph(indexOf(copies), { findingsIn: noFindings });
    assert.equal(graph.edges.filter((edge) => edge.kind === 'routes').length, 2);
  });

  it('draws egress the way traffic flows: from the selected pods to the peer', async () => {
    const egress = SHOP_FILES['shop/policy.yaml']
      .replace('name: web-from-worker', 'name: worker-to-web')
      .replace('      app: web\n', '      app: worker\n')
      .replace('policyTypes: [Ingress]', 'policyTypes: [Egress]')
      .replace('  ingress:\n    - from:', '  egress:\n    - to:')
      .replace('              app: worker', '              app: web');
    const graph = await buildWorkspaceGraph(indexOf({ ...shopFiles, [ROOT + 'shop/policy.yaml']: egress }), { findingsIn: noFindings });
    assert.deepEqual(edgesOf(graph).filter((edge) => /^(allows|selects NetworkPolicy)/.test(edge)), [
      'allows Deployment/shop/worker -> Deployment/shop/web (worker-to-web)',
      'selects NetworkPolicy/shop/worker-to-web -> Deployment/shop/worker',
    ]);
  });

  it('does not call the default ServiceAccount missing, and merges the labels of several paths to one Service', async () => {
    const ingress = SHOP_FILES['shop/ingress.yaml'] + [
      '          - path: /api',
      '            pathType: Prefix',
      '            backend:',
      '              service:',
      '                name: web',
      '                port:',
      '                  number: 80',
      '',
    ].join('\n');
    const deployment = SHOP_FILES['shop/deployment.yaml'].replace('serviceAccountName: web', 'serviceAccountName: default');
    const graph = await buildWorkspaceGraph(
      indexOf({ ...shopFiles, [ROOT + 'shop/ingress.yaml']: ingress, [ROOT + 'shop/deployment.yaml']: deployment }),
      { findingsIn: noFindings },
    );
    assert.ok(!graph.nodes.some((node) => node.id === 'ServiceAccount/shop/default'));
    assert.deepEqual(edgesOf(graph).filter((edge) => edge.startsWith('routes')), ['routes Ingress/shop/shop -> Service/shop/web (shop.example.com/, shop.example.com/api)']);
  });
});

// Real manifests: the AKS store demo (Microsoft's sample app), which keeps the same app in several layouts.
const STORE_DEMO = path.join(SHARED_DIR, 'corpus', 'aks-store-demo');

describe('workspace graph of the AKS store demo', function () {
  this.timeout(30_000);
  if (!existsSync(STORE_DEMO)) {
    it('is skipped: ../shared/corpus/aks-store-demo is not beside this checkout', function () {
      this.skip();
    });
    return;
  }

  const files = Object.fromEntries(yamlFilesUnder(STORE_DEMO).map((file) => [pathToFileURL(file).href, readFileSync(file, 'utf8')]));
  const inFile = (graph: WorkspaceGraph, file: string, kind: string, name: string): WorkspaceGraphNode => {
    const node = graph.nodes.find((candidate) => candidate.uri.endsWith(`/aks-store-demo/${file}`) && candidate.kind === kind && candidate.name === name && !candidate.missing);
    assert.ok(node, `${kind} ${name} in ${file}`);
    return node;
  };
  const hasEdge = (graph: WorkspaceGraph, from: WorkspaceGraphNode, kind: string, to: WorkspaceGraphNode) =>
    graph.edges.some((edge) => edge.from === from.id && edge.kind === kind && edge.to === to.id);
  let graph: WorkspaceGraph;

  before(async () => {
    graph = await buildWorkspaceGraph(indexOf(files), { findingsIn: noFindings });
  });

  it('routes the quickstart Ingress to the store-front Service, which selects the store-front Deployment', () => {
    const file = 'aks-store-ingress-quickstart.yaml';
    const ingress = inFile(graph, file, 'Ingress', 'store-front');
    const service = inFile(graph, file, 'Service', 'store-front');
    const deployment = inFile(graph, file, 'Deployment', 'store-front');
    assert.ok(hasEdge(graph, ingress, 'routes', service));
    assert.ok(hasEdge(graph, service, 'selects', deployment));
    assert.deepEqual(graph.edges.filter((edge) => edge.from === service.id).map((edge) => edge.to), [deployment.id], 'only the copy in its own file');
  });

  it('ties the order service to its ConfigMap and Secret, and RabbitMQ to its Secret', () => {
    const file = 'aks-store-all-in-one.yaml';
    const orders = inFile(graph, file, 'Deployment', 'order-service');
    assert.ok(hasEdge(graph, orders, 'uses-config', inFile(graph, file, 'ConfigMap', 'order-service-configs')));
    assert.ok(hasEdge(graph, orders, 'uses-secret', inFile(graph, file, 'Secret', 'order-service-secrets')));
    assert.ok(hasEdge(graph, inFile(graph, file, 'StatefulSet', 'rabbitmq'), 'uses-secret', inFile(graph, file, 'Secret', 'rabbitmq-secrets')));
  });

  it('leaves out the Kustomization file, and every edge joins two nodes of the graph', () => {
    assert.ok(!graph.nodes.some((node) => node.kind === 'Kustomization'));
    assert.ok(isWorkspaceGraph(graph), 'the webview accepts it as it is');
    const ids = new Set(graph.nodes.map((node) => node.id));
    assert.deepEqual(graph.edges.filter((edge) => !ids.has(edge.from) || !ids.has(edge.to)), []);
    assert.equal(ids.size, graph.nodes.length);
  });
});

function pick(node: WorkspaceGraphNode) {
  return { uri: node.uri, line: node.range.start.line, namespace: node.namespace, name: node.name };
}
