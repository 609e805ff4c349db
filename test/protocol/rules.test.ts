import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../support/lspClient';

const URI = 'file:///workspace/web.yaml';
const text = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: web',
  'spec:',
  '  containers:',
  '    - name: web # no resources yet',
  '      image: nginx:1.27',
  '',
].join('\n');

describe('best-practice rules over LSP', function () {
  this.timeout(30_000);
  let client: LspTestClient;

  before(async () => {
    client = new LspTestClient({ settings: { rules: { 'container-resources': 'error' } } });
    await client.initialize();
  });
  after(async () => {
    await client.shutdown();
  });

  it('publishes rule findings with the severity the settings chose and a link to the rule page', async () => {
    await client.open(URI, text);
    const diagnostics = await client.diagnosticsFor(URI);
    const finding = diagnostics.find((d) => d.code === 'container-resources');
    assert.ok(finding, JSON.stringify(diagnostics));
    assert.equal(finding.severity, 1);
    assert.deepEqual(finding.range, { start: { line: 6, character: 12 }, end: { line: 6, character: 15 } });
    assert.match(finding.codeDescription?.href ?? '', /^file:\/\/.*\/docs\/rules\/container-resources\.md$/);
  });

  it("explains the finding in the hover with the rule's docs, above the field's knowledge", async () => {
    const hover: Hover | null = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 6, character: 13 } });
    const markdown = (hover?.contents as MarkupContent).value;
    assert.match(markdown, /^\*\*Container without resource requests or a memory limit\*\* · Kube Guide rule \[`container-resources`\]/);
    assert.match(markdown, /\n---\n/, 'and what the hover says of the field below it');
  });

  it('answers code actions with the fix, the disable actions and fix-all', async () => {
    const diagnostics = await client.diagnosticsFor(URI);
    const finding = diagnostics.find((d) => d.code === 'container-resources')!;
    const actions: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: finding.range,
      context: { diagnostics: [finding] },
    });
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Add CPU request, memory request or memory limit to "web"'), titles.join(' | '));
    assert.ok(titles.includes('Disable container-resources for this line'));
    const fixAll = actions.find((a) => a.kind === 'source.fixAll.kubeGuide');
    assert.ok(fixAll?.edit?.changes?.[URI]?.length, 'fix-all carries edits');
  });
});

describe("the team's .kube-guide.yaml over LSP", function () {
  this.timeout(30_000);
  let client: LspTestClient;
  const folder = mkdtempSync(path.join(tmpdir(), 'kube-guide-team-'));
  const configPath = path.join(folder, '.kube-guide.yaml');
  const uri = pathToFileURL(path.join(folder, 'web.yaml')).href;
  const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.code}:${d.severity}`).filter((c) => /^(container-resources|image-tag):/.test(c)).sort();

  before(async () => {
    writeFileSync(configPath, 'rules:\n  container-resources: "off"\n  image-tag: error\n');
    // The user's own setting says otherwise: the team's file wins.
    client = new LspTestClient({ settings: { rules: { 'image-tag': 'hint' } } });
    await client.initialize();
  });
  after(async () => {
    await client.shutdown();
  });

  it("applies the file's rule choices over the user's settings", async () => {
    await client.open(uri, text.replace('nginx:1.27', 'nginx'));
    assert.deepEqual(codes(await client.diagnosticsFor(uri)), ['image-tag:1']);
  });

  it('re-checks open documents when the file changes', async () => {
    writeFileSync(configPath, 'rules:\n  image-tag: "off"\n');
    client.diagnostics.delete(uri);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(configPath).href, type: 2 }] });
    assert.deepEqual(codes(await client.diagnosticsFor(uri)), ['container-resources:2']);
  });

  it('marks a mistake in the config file itself', async () => {
    const configUri = pathToFileURL(configPath).href;
    await client.open(configUri, 'rules:\n  image-tag: sometimes\n');
    const [diagnostic] = await client.diagnosticsFor(configUri);
    assert.equal(diagnostic.range.start.line, 1);
    assert.match(String(diagnostic.message), /sometimes/);
  });
});
