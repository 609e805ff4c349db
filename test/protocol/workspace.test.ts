import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeLens, Diagnostic, Location } from 'vscode-languageserver-protocol';
import { SHOW_REFERENCES_COMMAND, WORKSPACE_GRAPH_CHANGED_NOTIFICATION, WORKSPACE_GRAPH_REQUEST, type WorkspaceGraph } from '../../server/src/protocol';
import { LspTestClient } from '../support/lspClient';
import { positionIn, SHOP_FILES } from '../support/shopWorkspace';

// The language server over a real folder on disk: it indexes the files nobody opened, checks across them,
// navigates between them, and tells the editor when what it showed may have changed.

const EXTRA_FILES: Record<string, string> = {
  // Selects pods no workload has.
  'shop/legacy-service.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: legacy\n  namespace: shop\nspec:\n  selector:\n    app: legacy\n  ports:\n    - port: 80\n',
  // Route to Services the workspace does not have: one opened, one left on disk.
  'shop/admin-ingress.yaml': ingressTo('admin', 'admin'),
  'shop/legacy-ingress.yaml': ingressTo('legacy-ingress', 'old-storefront'),
  // Scales a Deployment that is not there.
  'shop/batch-hpa.yaml': [
    'apiVersion: autoscaling/v2',
    'kind: HorizontalPodAutoscaler',
    'metadata:',
    '  name: batch',
    '  namespace: shop',
    'spec:',
    '  scaleTargetRef:',
    '    apiVersion: apps/v1',
    '    kind: Deployment',
    '    name: batch',
    '  minReplicas: 2',
    '  maxReplicas: 4',
    '',
  ].join('\n'),
};

function ingressTo(name: string, service: string): string {
  return [
    'apiVersion: networking.k8s.io/v1',
    'kind: Ingress',
    'metadata:',
    `  name: ${name}`,
    '  namespace: shop',
    'spec:',
    '  ingressClassName: webapprouting.kubernetes.azure.com',
    '  defaultBackend:',
    '    service:',
    `      name: ${service}`,
    '      port:',
    '        number: 80',
    '',
  ].join('\n');
}

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => String(d.code));
const messageOf = (diagnostic: Diagnostic | undefined) => (typeof diagnostic?.message === 'string' ? diagnostic.message : (diagnostic?.message.value ?? ''));
const QUIET_MS = 800;

describe('cross-file features over LSP (a workspace folder on disk)', function () {
  this.timeout(60_000);
  const folder = mkdtempSync(path.join(tmpdir(), 'kube-guide-workspace-'));
  const files = { ...SHOP_FILES, ...EXTRA_FILES };
  const uri = (file: string) => pathToFileURL(path.join(folder, file)).href;
  let client: LspTestClient;
  const versions = new Map<string, number>();

  const open = async (file: string) => {
    versions.set(file, 1);
    await client.open(uri(file), files[file]);
  };
  const edit = async (file: string, text: string) => {
    const version = (versions.get(file) ?? 1) + 1;
    versions.set(file, version);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(file), version }, contentChanges: [{ text }] });
    return version;
  };
  /** Waits for diagnostics of a file that satisfy a condition. */
  const diagnosticsWhere = (file: string, what: string, accept: (diagnostics: Diagnostic[]) => boolean) =>
    client.waitFor(() => {
      const published = client.diagnostics.get(uri(file));
      return published && accept(published.diagnostics) ? published.diagnostics : undefined;
    }, `${what} in ${file}`);
  const quiet = () => new Promise((resolve) => setTimeout(resolve, QUIET_MS));

  before(async () => {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
      writeFileSync(path.join(folder, file), text);
    }
    client = new LspTestClient();
    const { capabilities } = await client.initialize({ workspaceFolders: [pathToFileURL(folder).href] });
    assert.ok(capabilities.definitionProvider);
    assert.ok(capabilities.referencesProvider);
    assert.ok(capabilities.codeLensProvider);
    await client.workspaceIndexed();
  });

  after(async () => {
    await client.shutdown();
    rmSync(folder, { recursive: true, force: true });
  });

  it('reports a Service that selects no pods in its open file, knowing the workloads of files nobody opened', async () => {
    await open('shop/legacy-service.yaml');
    const diagnostics = await diagnosticsWhere('shop/legacy-service.yaml', 'service-selects-no-pods', (all) => codes(all).includes('service-selects-no-pods'));
    const finding = diagnostics.find((d) => d.code === 'service-selects-no-pods')!;
    assert.equal(finding.range.start.line, 6, 'on the selector key');
    assert.match(messageOf(finding), /no workload in namespace "shop" has pods with those labels/);
  });

  it('reports an Ingress to a missing Service and an autoscaler with nothing to scale', async () => {
    await open('shop/admin-ingress.yaml');
    await open('shop/batch-hpa.yaml');
    const ingress = await diagnosticsWhere('shop/admin-ingress.yaml', 'ingress-backend-missing', (all) => codes(all).includes('ingress-backend-missing'));
    assert.match(messageOf(ingress.find((d) => d.code === 'ingress-backend-missing')), /Service "admin", which is not in namespace "shop"/);
    const hpa = await diagnosticsWhere('shop/batch-hpa.yaml', 'hpa-target-missing', (all) => codes(all).includes('hpa-target-missing'));
    assert.equal(hpa.find((d) => d.code === 'hpa-target-missing')!.range.start.line, 9);
  });

  it('does not report a Service that selects the Deployment, nor an Ingress to an existing Service', async () => {
    await open('shop/service.yaml');
    await open('shop/ingress.yaml');
    const service = await client.diagnosticsFor(uri('shop/service.yaml'));
    const ingress = await client.diagnosticsFor(uri('shop/ingress.yaml'));
    assert.ok(!codes(service).includes('service-selects-no-pods'), codes(service).join(', '));
    assert.ok(!codes(ingress).includes('ingress-backend-missing'), codes(ingress).join(', '));
  });

  it("goes to the definition of an Ingress backend: the Service's name in its file", async () => {
    const position = positionIn(files['shop/ingress.yaml'], 'name: web', 'web', 1);
    const locations: Location[] = await client.connection.sendRequest('textDocument/definition', { textDocument: { uri: uri('shop/ingress.yaml') }, position });
    assert.deepEqual(locations, [{ uri: uri('shop/service.yaml'), range: { start: { line: 3, character: 8 }, end: { line: 3, character: 11 } } }]);
  });

  it('finds the references of a Deployment in an unopened file: its Service, autoscaler, budget and policy', async () => {
    const position = positionIn(files['shop/deployment.yaml'], 'name: web', 'web', 1);
    const locations: Location[] = await client.connection.sendRequest('textDocument/references', {
      textDocument: { uri: uri('shop/deployment.yaml') },
      position,
      context: { includeDeclaration: false },
    });
    const places = locations.map((l) => `${path.relative(folder, new URL(l.uri).pathname)}:${l.range.start.line + 1}`).sort();
    assert.deepEqual(places, ['shop/deployment.yaml:46', 'shop/deployment.yaml:57', 'shop/policy.yaml:7', 'shop/service.yaml:7']);
  });

  it('puts a CodeLens above the Deployment summing up what attaches to it', async () => {
    await open('shop/deployment.yaml');
    await client.diagnosticsFor(uri('shop/deployment.yaml'));
    const lenses: CodeLens[] = await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: uri('shop/deployment.yaml') } });
    assert.deepEqual(lenses.map((lens) => lens.command?.title), ['Service · PDB · HPA · NetworkPolicy']);
    assert.equal(lenses[0].command?.command, SHOW_REFERENCES_COMMAND);
    assert.equal((lenses[0].command?.arguments?.[2] as Location[]).length, 4);
  });

  it('answers the workspace graph with nodes, edges, missing objects and findings from open and unopened files', async () => {
    const graph: WorkspaceGraph = await client.connection.sendRequest(WORKSPACE_GRAPH_REQUEST, {});
    const ids = new Set(graph.nodes.map((node) => node.id));
    for (const id of ['Ingress/shop/shop', 'Service/shop/web', 'Deployment/shop/web', 'StorageClass//shop-files', 'Service/shop/legacy']) assert.ok(ids.has(id), id);
    const edges = graph.edges.map((edge) => `${edge.kind} ${edge.from} -> ${edge.to}`);
    assert.ok(edges.includes('routes Ingress/shop/shop -> Service/shop/web'));
    assert.ok(edges.includes('selects Service/shop/web -> Deployment/shop/web'));
    assert.ok(edges.includes('routes Ingress/shop/legacy-ingress -> Service/shop/old-storefront'));
    const node = (id: string) => graph.nodes.find((candidate) => candidate.id === id)!;
    assert.equal(node('Service/shop/old-storefront').missing, true);
    assert.ok(node('Service/shop/legacy').findings.warnings >= 1, 'the open Service with no pods: what the editor shows');
    assert.ok(node('Ingress/shop/legacy-ingress').findings.warnings >= 1, 'the unopened Ingress to a missing Service: checked from disk');
    assert.deepEqual(node('Service/shop/web').findings, { errors: 0, warnings: 0, infos: 0 });

    const focused: WorkspaceGraph = await client.connection.sendRequest(WORKSPACE_GRAPH_REQUEST, { uri: uri('shop/service.yaml') });
    assert.deepEqual(focused.nodes.map((n) => n.id).sort(), ['Deployment/shop/web', 'Ingress/shop/shop', 'Service/shop/web']);
  });

  it("re-reports the open Service when the open Deployment's pod labels change, and tells the editor to refresh", async () => {
    const refreshesBefore = client.codeLensRefreshes;
    const graphChangesBefore = client.notifications.filter((n) => n.method === WORKSPACE_GRAPH_CHANGED_NOTIFICATION).length;
    files['shop/deployment.yaml'] = files['shop/deployment.yaml'].replace(/app: web$/gm, 'app: web-v2');
    await edit('shop/deployment.yaml', files['shop/deployment.yaml']);
    const service = await diagnosticsWhere('shop/service.yaml', 'service-selects-no-pods after the edit', (all) => codes(all).includes('service-selects-no-pods'));
    assert.match(messageOf(service.find((d) => d.code === 'service-selects-no-pods')), /^Service "web" selects app=web, but no workload in namespace "shop" has pods with those labels/);
    await client.waitFor(() => (client.codeLensRefreshes > refreshesBefore ? true : undefined), 'a CodeLens refresh request');
    await client.waitFor(
      () => (client.notifications.filter((n) => n.method === WORKSPACE_GRAPH_CHANGED_NOTIFICATION).length > graphChangesBefore ? true : undefined),
      'the workspace graph changed notification',
    );
  });

  it('re-publishes only the edited file when an edit changes nothing other files depend on', async () => {
    await quiet();
    const others = ['shop/service.yaml', 'shop/ingress.yaml', 'shop/legacy-service.yaml', 'shop/admin-ingress.yaml', 'shop/batch-hpa.yaml'];
    const before = others.map((file) => client.publishCounts.get(uri(file)) ?? 0);
    const editedBefore = client.publishCounts.get(uri('shop/deployment.yaml')) ?? 0;
    const refreshesBefore = client.codeLensRefreshes;
    files['shop/deployment.yaml'] = files['shop/deployment.yaml'].replace('web:1.4.2', 'web:1.4.3');
    const version = await edit('shop/deployment.yaml', files['shop/deployment.yaml']);
    await client.diagnosticsFor(uri('shop/deployment.yaml'), version);
    await quiet();
    assert.ok((client.publishCounts.get(uri('shop/deployment.yaml')) ?? 0) > editedBefore);
    assert.deepEqual(others.map((file) => client.publishCounts.get(uri(file)) ?? 0), before, 'no other file was re-published');
    assert.equal(client.codeLensRefreshes, refreshesBefore, 'and CodeLens need no refresh');
  });

  it('with kubeGuide.diagnosticsScope "workspace", publishes the problems of a file nobody opened', async () => {
    assert.equal(client.diagnostics.get(uri('shop/legacy-ingress.yaml')), undefined, 'nothing before');
    client.settings = { diagnosticsScope: 'workspace' };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const diagnostics = await diagnosticsWhere('shop/legacy-ingress.yaml', 'ingress-backend-missing', (all) => codes(all).includes('ingress-backend-missing'));
    assert.match(messageOf(diagnostics.find((d) => d.code === 'ingress-backend-missing')), /Service "old-storefront"/);
  });
});

describe('workspace graph speed over LSP (a few hundred files)', function () {
  this.timeout(120_000);
  const APPS = 100;
  const folder = mkdtempSync(path.join(tmpdir(), 'kube-guide-graph-'));
  let client: LspTestClient;

  before(async () => {
    // Each app: a Deployment, a Service and a ConfigMap in files of their own, in a namespace of its own.
    for (let app = 0; app < APPS; app++) {
      const dir = path.join(folder, `app-${app}`);
      mkdirSync(dir, { recursive: true });
      const rename = (text: string) => text.replace(/namespace: shop/g, `namespace: app-${app}`).replace(/shop-files/g, `files-${app}`);
      writeFileSync(path.join(dir, 'deployment.yaml'), rename(SHOP_FILES['shop/deployment.yaml']));
      writeFileSync(path.join(dir, 'service.yaml'), rename(SHOP_FILES['shop/service.yaml']));
      writeFileSync(path.join(dir, 'config.yaml'), rename(SHOP_FILES['shop/config.yaml']));
    }
    client = new LspTestClient();
    await client.initialize({ workspaceFolders: [pathToFileURL(folder).href] });
    await client.waitFor(
      () => client.notifications.find((n) => n.method === 'window/logMessage' && /indexed \d+ objects/.test((n.params as { message: string }).message)),
      'the index to be built',
      60_000,
    );
  });

  after(async () => {
    await client.shutdown();
    rmSync(folder, { recursive: true, force: true });
  });

  it('answers for 300 files, checking unopened ones from disk once and then from its cache', async () => {
    const timed = async () => {
      const started = performance.now();
      const graph: WorkspaceGraph = await client.connection.sendRequest(WORKSPACE_GRAPH_REQUEST, null);
      return { graph, ms: Math.round(performance.now() - started) };
    };
    const cold = await timed();
    const warm = await timed();
    console.log(`      workspace graph of ${APPS * 3} files, ${cold.graph.nodes.length} nodes, ${cold.graph.edges.length} edges: first ${cold.ms} ms, again ${warm.ms} ms`);
    assert.equal(cold.graph.nodes.filter((node) => !node.missing).length, APPS * 9);
    assert.ok(cold.graph.nodes.some((node) => node.findings.warnings > 0), 'unopened files were checked');
    assert.deepEqual(warm.graph, cold.graph);
    // Generous bounds on a shared machine; the numbers above are what to watch.
    assert.ok(cold.ms < 15_000, `first graph took ${cold.ms} ms`);
    assert.ok(warm.ms < 2_000, `cached graph took ${warm.ms} ms`);
  });
});
