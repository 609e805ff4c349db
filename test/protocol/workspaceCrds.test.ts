import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { crdText } from '../support/crdText';
import { LspTestClient } from '../support/lspClient';

// A CustomResourceDefinition in a file nobody opened checks the custom resources of every open file, and
// they are checked again when the definition changes on disk.

const crd = (field: string) => crdText('Widget', [field], ['v1'], 'integer');
const widget = ['apiVersion: example.com/v1', 'kind: Widget', 'metadata:', '  name: gear', 'spec:', '  size: 3', ''].join('\n');

describe('custom resources checked against a CRD of the workspace, over LSP', function () {
  this.timeout(60_000);
  const folder = mkdtempSync(path.join(tmpdir(), 'kube-guide-crds-'));
  const crdFile = path.join(folder, 'widget-crd.yaml');
  const widgetUri = pathToFileURL(path.join(folder, 'gear.yaml')).href;
  let client: LspTestClient;
  const schemaFindings = () =>
    client.waitFor(() => client.diagnostics.get(widgetUri)?.diagnostics, 'diagnostics of the widget');

  before(async () => {
    writeFileSync(crdFile, crd('size'));
    writeFileSync(path.join(folder, 'gear.yaml'), widget);
    client = new LspTestClient();
    await client.initialize({ workspaceFolders: [pathToFileURL(folder).href] });
    await client.workspaceIndexed();
  });
  after(async () => {
    await client.shutdown();
    rmSync(folder, { recursive: true, force: true });
  });

  it('accepts a custom resource that matches the definition in another file', async () => {
    await client.open(widgetUri, widget);
    const diagnostics: Diagnostic[] = await schemaFindings();
    assert.deepEqual(diagnostics.map((d) => d.message), []);
    // And the definition is really used: a value of the wrong type is reported at its line.
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: widgetUri, version: 2 }, contentChanges: [{ text: widget.replace('size: 3', 'size: big') }] });
    const wrongType = await client.waitFor(() => {
      const published = client.diagnostics.get(widgetUri);
      return published?.version === 2 && published.diagnostics.length > 0 ? published.diagnostics : undefined;
    }, 'the wrong type to be reported');
    assert.deepEqual(wrongType.map((d) => d.range.start.line), [5]);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: widgetUri, version: 3 }, contentChanges: [{ text: widget }] });
    await client.waitFor(() => (client.diagnostics.get(widgetUri)?.version === 3 ? true : undefined), 'the widget to be checked again');
  });

  it('reports the field once the definition on disk no longer has it', async () => {
    writeFileSync(crdFile, crd('diameter'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(crdFile).href, type: 2 }] });
    const diagnostics = await client.waitFor(() => {
      const published = client.diagnostics.get(widgetUri)?.diagnostics;
      return published && published.length > 0 ? published : undefined;
    }, 'the widget to be re-checked against the changed definition');
    const finding = diagnostics.find((d) => /size/.test(String(d.message)));
    assert.ok(finding, diagnostics.map((d) => d.message).join(' | '));
    assert.equal(finding.range.start.line, 5);
  });
});
