import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { CodeAction, CompletionList, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { MANIFEST_STATUS_NOTIFICATION, type ManifestStatus } from '../../server/src/protocol';
import { expectedFindings, readFixture, REPO_ROOT } from '../support/fixtures';
import { LspTestClient } from '../support/lspClient';

const MANIFEST_URI = 'file:///workspace/deployment.yaml';
// These tests are about the schema check; best-practice rules have their own (rules.test.ts).
const schemaOnly = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => String(d.code).startsWith('schema-'));
const WORKFLOW_URI = 'file:///workspace/.github/workflows/ci.yml';

describe('language server over LSP (dist/server.js --stdio)', function () {
  this.timeout(30_000);
  const networkLog = path.join(mkdtempSync(path.join(tmpdir(), 'kube-guide-net-')), 'attempts.log');
  let client: LspTestClient;
  const fixtureText = readFixture('schema', 'deployment-mistakes.yaml');
  const expected = expectedFindings(fixtureText);
  const typoLine = fixtureText.split('\n').findIndex((line) => line.startsWith('  replicass:'));
  const replicasLine = fixtureText.split('\n').findIndex((line) => line.startsWith('  revisionHistoryLimit:'));

  before(async () => {
    client = new LspTestClient({
      env: {
        NODE_OPTIONS: `--require ${path.join(REPO_ROOT, 'test', 'support', 'network-guard.cjs')}`,
        KUBE_GUIDE_NETWORK_LOG: networkLog,
      },
    });
    const { capabilities, serverInfo } = await client.initialize();
    assert.equal(serverInfo?.name, 'Kube Guide');
    assert.ok(capabilities.hoverProvider);
    assert.ok(capabilities.completionProvider);
    assert.ok(capabilities.codeActionProvider);
  });

  after(async () => {
    if (client.process.exitCode === null) client.process.kill();
  });

  it('publishes schema diagnostics for a manifest with mistakes, on the right lines', async () => {
    await client.open(MANIFEST_URI, fixtureText);
    const diagnostics = schemaOnly(await client.diagnosticsFor(MANIFEST_URI));
    const actual = diagnostics.map((d) => `${d.range.start.line + 1} ${d.code}`).sort();
    assert.deepEqual(actual, expected.map((e) => `${e.line + 1} ${e.code}`).sort());
    assert.ok(diagnostics.every((d) => d.source === 'kube-guide'));
  });

  it('tells the client the document is a manifest and what it holds', async () => {
    const status = await client.waitFor(
      () => client.notifications.find((n) => n.method === MANIFEST_STATUS_NOTIFICATION && (n.params as ManifestStatus).uri === MANIFEST_URI)?.params as ManifestStatus | undefined,
      'manifest status',
    );
    assert.equal(status.isManifest, true);
    assert.deepEqual(status.objects, [{ kind: 'Deployment', name: 'web' }]);
    assert.match(status.kubernetesVersion ?? '', /^1\.\d+$/);
  });

  it('publishes no diagnostics at all for YAML that is not Kubernetes', async () => {
    await client.open(WORKFLOW_URI, readFixture('schema', 'not-kubernetes', 'github-workflow.yml'));
    assert.deepEqual(await client.diagnosticsFor(WORKFLOW_URI), []);
  });

  it('tells the client a Helm template is skipped, and reports nothing on it', async () => {
    const uri = 'file:///workspace/chart/templates/deployment.yaml';
    await client.open(uri, readFixture('schema', 'not-kubernetes', 'helm-template.yaml'));
    assert.deepEqual(await client.diagnosticsFor(uri), []);
    const status = await client.waitFor(
      () => client.notifications.find((n) => (n.params as ManifestStatus).uri === uri)?.params as ManifestStatus | undefined,
      'the template status',
    );
    assert.equal(status.isManifest, false);
    assert.equal(status.templatesSkipped, 1);
  });

  it('answers a hover with the field documentation', async () => {
    const hover: Hover | null = await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: MANIFEST_URI },
      position: { line: replicasLine, character: 4 },
    });
    assert.match((hover?.contents as MarkupContent).value, /number of old ReplicaSets to retain/);
  });

  it("answers a hover on a kind with the guide's knowledge", async () => {
    const kindLine = fixtureText.split('\n').findIndex((line) => line.startsWith('kind: Deployment'));
    const hover: Hover | null = await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: MANIFEST_URI },
      position: { line: kindLine, character: 'kind: '.length + 2 },
    });
    const markdown = (hover?.contents as MarkupContent).value;
    assert.match(markdown, /^\*\*Deployment\*\* — Runs interchangeable copies of a stateless pod/);
    assert.match(markdown, /Guide: \*Pods & Deployments\*/);
  });

  it('completes fields inside a container', async () => {
    const list: CompletionList = await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: MANIFEST_URI },
      position: { line: fixtureText.split('\n').findIndex((line) => line.includes('image: nginx')), character: 10 },
    });
    const labels = list.items.map((item) => item.label);
    assert.ok(labels.includes('livenessProbe'), labels.join(', '));
  });

  it('offers the did-you-mean quick-fix for a near-miss field', async () => {
    const diagnostics = await client.diagnosticsFor(MANIFEST_URI);
    const typo = diagnostics.find((d) => d.range.start.line === typoLine)!;
    const actions: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: MANIFEST_URI },
      range: typo.range,
      context: { diagnostics: [typo], only: ['quickfix'] },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].title, 'Change to "replicas"');
    assert.deepEqual(actions[0].edit?.changes?.[MANIFEST_URI], [{ range: typo.range, newText: 'replicas' }]);
  });

  it('re-checks after an edit and publishes for the new version', async () => {
    // Apply the quick-fix's edit, as the editor would.
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: MANIFEST_URI, version: 2 },
      contentChanges: [{ range: { start: { line: typoLine, character: 2 }, end: { line: typoLine, character: 11 } }, text: 'replicas' }],
    });
    const diagnostics = schemaOnly(await client.diagnosticsFor(MANIFEST_URI, 2));
    assert.equal(diagnostics.some((d) => d.range.start.line === typoLine), false);
    assert.equal(diagnostics.length, expected.length - 1);
  });

  it('never touched the network', () => {
    const attempts = existsSync(networkLog) ? readFileSync(networkLog, 'utf8') : '';
    assert.equal(attempts, '');
  });

  it('shuts down cleanly when asked', async () => {
    assert.equal(await client.shutdown(), 0);
  });
});

describe('the network guard used above', () => {
  it('really records an attempt to reach the network', async () => {
    const { spawnSync } = await import('node:child_process');
    const log = path.join(mkdtempSync(path.join(tmpdir(), 'kube-guide-net-')), 'attempts.log');
    const probe = "try { require('node:https').get('https://example.com/schema.json') } catch {}";
    spawnSync(process.execPath, ['--require', path.join(REPO_ROOT, 'test', 'support', 'network-guard.cjs'), '-e', probe], {
      env: { ...process.env, KUBE_GUIDE_NETWORK_LOG: log },
    });
    assert.match(readFileSync(log, 'utf8'), /https\.get https:\/\/example\.com/);
  });
});
