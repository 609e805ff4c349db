import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../support/lspClient';
import { crdText } from '../support/crdText';

// CRD files outside the workspace folder, named by the setting kubeGuide.crdFiles or by `crds:` in a
// .kube-guide.yaml, check the custom resources of open files. The server asks the editor to watch them,
// and follows their changes when the editor reports them.

const WIDGET = ['apiVersion: example.com/v1', 'kind: Widget', 'metadata:', '  name: gear', 'spec:', '  sise: large', ''].join('\n');
const MISSPELT_LINE = 5;
const FILE_CHANGED = 2;

interface Registration {
  method: string;
  registerOptions?: { watchers?: Array<{ globPattern: { baseUri: string; pattern: string } }> };
}

/** A client that, like VS Code, lets the server register file watchers with a folder and a glob. */
async function startClient(workspace: string, settings: unknown) {
  const client = new LspTestClient({ settings });
  const registrations: Registration[] = [];
  const warnings: string[] = [];
  client.connection.onRequest('client/registerCapability', (params: { registrations: Registration[] }) => {
    registrations.push(...params.registrations);
    return null;
  });
  client.connection.onRequest('window/showMessageRequest', (params: { message: string }) => {
    warnings.push(params.message);
    return null;
  });
  await client.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'ws' }],
    capabilities: {
      workspace: {
        configuration: true,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
      },
      textDocument: { publishDiagnostics: { versionSupport: true } },
    },
  });
  await client.connection.sendNotification('initialized', {});
  return { client, registrations, warnings };
}

const schemaFindings = (client: LspTestClient, uri: string): Diagnostic[] | undefined =>
  client.diagnostics.get(uri)?.diagnostics.filter((d) => String(d.code).startsWith('schema-'));

/** Waits until the document's schema findings are on these lines. */
function findingsOnLines(client: LspTestClient, uri: string, lines: number[], what: string): Promise<Diagnostic[]> {
  return client.waitFor(() => {
    const found = schemaFindings(client, uri);
    return found && JSON.stringify(found.map((d) => d.range.start.line)) === JSON.stringify(lines) ? found : undefined;
  }, what);
}

const changed = (client: LspTestClient, file: string) =>
  client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type: FILE_CHANGED }] });

describe('custom resources checked against CRD files outside the workspace, over LSP', function () {
  this.timeout(60_000);
  let top: string;
  let workspace: string;
  let outsideCrd: string;
  let gearUri: string;
  beforeEach(() => {
    top = mkdtempSync(path.join(tmpdir(), 'kube-guide-outside-'));
    workspace = path.join(top, 'ws');
    mkdirSync(workspace);
    mkdirSync(path.join(top, 'platform'));
    outsideCrd = path.join(top, 'platform', 'widget-crd.yaml');
    writeFileSync(outsideCrd, crdText('Widget', ['size']));
    writeFileSync(path.join(workspace, 'gear.yaml'), WIDGET);
    gearUri = pathToFileURL(path.join(workspace, 'gear.yaml')).href;
  });
  afterEach(() => rmSync(top, { recursive: true, force: true }));

  it('uses the file kubeGuide.crdFiles names, watches it, and follows its changes and the setting', async () => {
    const { client, registrations } = await startClient(workspace, { crdFiles: ['../platform/widget-crd.yaml'] });
    try {
      await client.open(gearUri, WIDGET);
      const [finding] = await findingsOnLines(client, gearUri, [MISSPELT_LINE], 'the misspelt field to be reported');
      assert.match(String(finding.message), /Did you mean "size"\?/);
      const watchers = registrations.filter((r) => r.method === 'workspace/didChangeWatchedFiles').flatMap((r) => r.registerOptions?.watchers ?? []);
      assert.deepEqual(watchers.map((w) => w.globPattern), [{ baseUri: pathToFileURL(path.dirname(outsideCrd)).href, pattern: 'widget-crd.yaml' }]);

      // The definition on disk changes and the editor says so: the finding follows.
      writeFileSync(outsideCrd, crdText('Widget', ['sise']));
      await changed(client, outsideCrd);
      await findingsOnLines(client, gearUri, [], 'the field to be accepted by the changed definition');
      writeFileSync(outsideCrd, crdText('Widget', ['size']));
      await changed(client, outsideCrd);
      await findingsOnLines(client, gearUri, [MISSPELT_LINE], 'the field to be reported again');

      // Without the setting the custom resource is unknown again, so unchecked.
      client.settings = { crdFiles: [] };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await findingsOnLines(client, gearUri, [], 'the finding to go with the setting');
    } finally {
      await client.shutdown();
    }
  });

  it("uses the files a .kube-guide.yaml's crds: names, and re-reads when the config file changes", async () => {
    const configFile = path.join(workspace, '.kube-guide.yaml');
    writeFileSync(configFile, 'crds: [../platform/*.yaml]\n');
    const { client } = await startClient(workspace, {});
    try {
      await client.open(gearUri, WIDGET);
      await findingsOnLines(client, gearUri, [MISSPELT_LINE], 'the misspelt field to be reported');
      writeFileSync(outsideCrd, crdText('Widget', ['sise']));
      await changed(client, outsideCrd);
      await findingsOnLines(client, gearUri, [], 'the field to be accepted by the changed definition');
      writeFileSync(outsideCrd, crdText('Widget', ['size']));
      await changed(client, outsideCrd);
      await findingsOnLines(client, gearUri, [MISSPELT_LINE], 'the field to be reported again');
      writeFileSync(configFile, 'profile: baseline\n');
      await changed(client, configFile);
      await findingsOnLines(client, gearUri, [], 'the finding to go with the crds: entry');
    } finally {
      await client.shutdown();
    }
  });

  it('warns once about a CRD file that is not there, and keeps serving', async () => {
    const missing = path.join(top, 'platform', 'missing.yaml');
    const { client, warnings } = await startClient(workspace, { crdFiles: [missing] });
    try {
      await client.open(gearUri, WIDGET);
      await client.waitFor(() => (warnings.length > 0 ? true : undefined), 'a warning about the missing file');
      assert.deepEqual(warnings, [`Kube Guide cannot use a CRD file: ${missing}: no such file or folder (named by kubeGuide.crdFiles)`]);
      await changed(client, missing); // still missing: nothing new to say
      await findingsOnLines(client, gearUri, [], 'the document to be checked');
      writeFileSync(missing, crdText('Widget', ['size']));
      await changed(client, missing);
      await findingsOnLines(client, gearUri, [MISSPELT_LINE], 'the file, once created, to be used');
      assert.equal(warnings.length, 1);
    } finally {
      await client.shutdown();
    }
  });
});
