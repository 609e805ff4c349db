import { strict as assert } from 'node:assert';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { expectedFindings, fixturePath, readFixture, REPO_ROOT, yamlFilesUnder } from '../support/fixtures';
import { LspTestClient } from '../support/lspClient';

// Best-practice rules report on these files too (rules.test.ts covers them): here only the schema counts.
const schemaOnly = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => String(d.code).startsWith('schema-'));
const lineAndCode = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.range.start.line + 1}: ${d.code}`).sort();

describe('custom-resource schemas over LSP (dist/server.js --stdio)', function () {
  this.timeout(60_000);
  const networkLog = path.join(mkdtempSync(path.join(tmpdir(), 'kube-guide-net-')), 'attempts.log');
  let client: LspTestClient;

  before(async () => {
    client = new LspTestClient({
      env: {
        NODE_OPTIONS: `--require ${path.join(REPO_ROOT, 'test', 'support', 'network-guard.cjs')}`,
        KUBE_GUIDE_NETWORK_LOG: networkLog,
      },
    });
    await client.initialize();
  });
  after(async () => {
    await client.shutdown();
  });

  // The same held-out fixtures as the unit tests, one editor document each, opened one after the other so
  // each brings its groups into a server that already has others.
  for (const fixture of yamlFilesUnder(fixturePath('crds'))) {
    const name = path.relative(fixturePath('crds'), fixture);
    it(`publishes what ${name} expects, on its lines`, async () => {
      const text = readFileSync(fixture, 'utf8');
      const uri = `file:///workspace/crds/${name}`;
      await client.open(uri, text);
      const diagnostics = schemaOnly(await client.diagnosticsFor(uri));
      assert.deepEqual(lineAndCode(diagnostics), expectedFindings(text).map((e) => `${e.line + 1}: ${e.code}`).sort(), JSON.stringify(diagnostics, null, 1));
    });
  }

  it('offers the did-you-mean fix on a typo in a SecretProviderClass', async () => {
    const uri = 'file:///workspace/crds/secrets-store.yaml';
    const typo = schemaOnly(await client.diagnosticsFor(uri)).find((d) => (d.data as { suggestion?: string } | undefined)?.suggestion === 'keyvaultName');
    assert.ok(typo, 'the keyVaultName typo is reported');
    const actions: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: typo.range,
      context: { diagnostics: [typo], only: ['quickfix'] },
    });
    assert.deepEqual(actions.map((action) => action.title), ['Change to "keyvaultName"']);
    assert.deepEqual(actions[0].edit?.changes?.[uri], [{ range: typo.range, newText: 'keyvaultName' }]);
  });

  it('re-checks a custom resource after an edit', async () => {
    const uri = 'file:///workspace/crds/istio.yaml';
    const line = readFixture('crds', 'istio.yaml').split('\n').findIndex((text) => text.includes('mode: strict'));
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line, character: 10 }, end: { line, character: 16 } }, text: 'STRICT' }],
    });
    assert.deepEqual(schemaOnly(await client.diagnosticsFor(uri, 2)), []);
  });

  it('explains a custom resource field on hover', async () => {
    const uri = 'file:///workspace/crds/cert-manager.yaml';
    const line = readFixture('crds', 'cert-manager.yaml').split('\n').findIndex((text) => text.includes('renewBefore:'));
    const hover: Hover | null = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: 4 } });
    assert.match((hover?.contents as MarkupContent).value, /^\*\*renewBefore\*\*/);
  });

  it('never touched the network', () => {
    const attempts = existsSync(networkLog) ? readFileSync(networkLog, 'utf8') : '';
    assert.equal(attempts, '', `the server tried to reach the network:\n${attempts}`);
  });
});

// An installed extension has dist/ and nothing else: the schemas must come along (.vscodeignore, .npmignore).
describe('the bundled server with its custom-resource schemas, alone in a folder', function () {
  this.timeout(30_000);

  it('checks custom resources with nothing but its own files', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'kube-guide-installed-crds-'));
    for (const name of ['server.js', 'kubernetes-schema.json', 'kubernetes-schema.meta.json', 'crd-schemas']) {
      cpSync(path.join(REPO_ROOT, 'dist', name), path.join(folder, name), { recursive: true });
    }
    const client = new LspTestClient({ serverPath: path.join(folder, 'server.js'), env: { NODE_PATH: '' } });
    try {
      await client.initialize();
      const uri = 'file:///workspace/certificate.yaml';
      await client.open(uri, 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: web}\nspec:\n  secretName: web-tls\n  issuerRef: {name: ca}\n  dnsName: [web.example.com]\n');
      assert.deepEqual(lineAndCode(schemaOnly(await client.diagnosticsFor(uri))), ['7: schema-unknown-field']);
    } finally {
      await client.shutdown();
    }
  });
});
