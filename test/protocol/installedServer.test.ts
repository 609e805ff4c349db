import { strict as assert } from 'node:assert';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { readFixture, REPO_ROOT } from '../support/fixtures';
import { LspTestClient } from '../support/lspClient';

// An installed extension has its bundles and no node_modules: the server must need nothing else.
describe('the bundled server, alone in a folder as in an installed .vsix', function () {
  this.timeout(30_000);
  let client: LspTestClient;
  const uri = 'file:///workspace/deployment.yaml';

  before(async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'kube-guide-installed-'));
    for (const file of ['server.js', 'kubernetes-schema.json', 'kubernetes-schema.meta.json']) {
      copyFileSync(path.join(REPO_ROOT, 'dist', file), path.join(folder, file));
    }
    client = new LspTestClient({ serverPath: path.join(folder, 'server.js'), env: { NODE_PATH: '' } });
    await client.initialize();
  });
  after(async () => {
    await client.shutdown();
  });

  it('checks, hovers and completes with nothing but its own files', async () => {
    await client.open(uri, readFixture('schema', 'deployment-mistakes.yaml'));
    const diagnostics = await client.diagnosticsFor(uri);
    assert.ok(diagnostics.some((d) => d.code === 'schema-unknown-field'), client.stderr);
    const hover: Hover | null = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 8 } });
    assert.match((hover?.contents as MarkupContent).value, /Deployment/);
    assert.equal(client.stderr.includes('Cannot find module'), false, client.stderr);
  });
});
