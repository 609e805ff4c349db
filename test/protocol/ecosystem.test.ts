// The server beside other tools and for other clusters, over LSP: leaving the schema to Red Hat's YAML
// extension where the client reports it checks a file (the extension itself cannot be installed on this
// offline machine, so its report is simulated), the Kubernetes version target from the settings and from
// .kube-guide.yaml, and rule-id completion in suppression comments.
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { MANIFEST_STATUS_NOTIFICATION, RED_HAT_YAML_NOTIFICATION, type ManifestStatus } from '../../server/src/protocol';
import { LspTestClient } from '../support/lspClient';

const DEPLOYMENT = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  replicas: 3',
  '  replicass: 3',
  '  selector: {matchLabels: {app: web}}',
  '  template:',
  '    metadata: {labels: {app: web}}',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          image: nginx:latest',
  '',
].join('\n');

const CRONJOB = ['apiVersion: batch/v1beta1', 'kind: CronJob', 'metadata:', '  name: report', ''].join('\n');

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => String(d.code));
const markdownOf = (hover: Hover | null) => (hover?.contents as MarkupContent | undefined)?.value ?? '';

/**
 * The diagnostics last published for a document, once `accept` takes them. Settings reach the server after
 * it may have checked a document once with its defaults: wait for the check that follows them.
 */
function diagnosticsWhere(client: LspTestClient, uri: string, accept: (diagnostics: Diagnostic[]) => boolean, what: string): Promise<Diagnostic[]> {
  return client.waitFor(() => {
    const published = client.diagnostics.get(uri)?.diagnostics;
    return published && accept(published) ? published : undefined;
  }, `${what} on ${uri}`);
}

/** The last status the server sent for a document, once `accept` takes it. */
function statusOf(client: LspTestClient, uri: string, accept: (status: ManifestStatus) => boolean = () => true): Promise<ManifestStatus> {
  return client.waitFor(() => {
    const statuses = client.notifications.filter((n) => n.method === MANIFEST_STATUS_NOTIFICATION && (n.params as ManifestStatus).uri === uri);
    const last = statuses.at(-1)?.params as ManifestStatus | undefined;
    return last && accept(last) ? last : undefined;
  }, `a status for ${uri}`);
}

describe('beside Red Hat YAML, for a Kubernetes version (LSP)', function () {
  this.timeout(30_000);

  describe("Red Hat YAML maps the Kubernetes schema to k8s/*.yaml (the client's report, simulated)", () => {
    let client: LspTestClient;
    const covered = 'file:///workspace/k8s/web.yaml';
    const uncovered = 'file:///workspace/apps/web.yaml';

    before(async () => {
      client = new LspTestClient();
      await client.initialize({ initializationOptions: { redHatYaml: { installed: true, schemas: { kubernetes: 'k8s/*.yaml' }, validate: true } } });
      await client.open(covered, DEPLOYMENT);
      await client.open(uncovered, DEPLOYMENT);
    });
    after(async () => {
      await client.shutdown();
    });

    it('reports no schema errors where Red Hat YAML checks the file, and keeps the rules', async () => {
      const diagnostics = await client.diagnosticsFor(covered);
      assert.ok(codes(diagnostics).includes('image-tag'), codes(diagnostics).join(', '));
      assert.deepEqual(codes(diagnostics).filter((code) => code.startsWith('schema-')), []);
      assert.equal((await statusOf(client, covered)).schemaCheckedBy, 'red-hat-yaml');
    });

    it('reports them itself in files the mapping does not cover', async () => {
      const diagnostics = await client.diagnosticsFor(uncovered);
      assert.ok(codes(diagnostics).includes('schema-unknown-field'), codes(diagnostics).join(', '));
      assert.equal((await statusOf(client, uncovered)).schemaCheckedBy, 'kube-guide');
    });

    it("keeps the guide's hover but leaves the schema's field docs to Red Hat YAML", async () => {
      const hover = (uri: string): Promise<Hover | null> => client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 4 } });
      const coveredHover = markdownOf(await hover(covered));
      assert.match(coveredHover, /^\*\*replicas\*\* — How many copies/);
      assert.doesNotMatch(coveredHover, /\*\*replicas\*\*: integer/);
      assert.match(markdownOf(await hover(uncovered)), /\*\*replicas\*\*: integer/);
    });

    it('checks the schema again once the client reports Red Hat YAML gone', async () => {
      await client.connection.sendNotification(RED_HAT_YAML_NOTIFICATION, { installed: false });
      const diagnostics = await diagnosticsWhere(client, covered, (published) => codes(published).includes('schema-unknown-field'), 'schema diagnostics');
      assert.ok(codes(diagnostics).includes('image-tag'));
      assert.equal((await statusOf(client, covered, (s) => s.schemaCheckedBy === 'kube-guide')).schemaCheckedBy, 'kube-guide');
    });
  });

  describe('the Kubernetes version target', () => {
    let client: LspTestClient;
    const cronUri = 'file:///workspace/cron.yaml';
    const folder = mkdtempSync(path.join(tmpdir(), 'kube-guide-target-'));
    writeFileSync(path.join(folder, '.kube-guide.yaml'), 'kubernetesVersion: "1.26"\n');
    const teamCronUri = pathToFileURL(path.join(folder, 'cron.yaml')).href;

    before(async () => {
      client = new LspTestClient({ settings: { kubernetesVersion: '1.23' } });
      await client.initialize();
      await client.open(cronUri, CRONJOB);
      await client.open(teamCronUri, CRONJOB);
    });
    after(async () => {
      await client.shutdown();
    });

    const finding = (diagnostics: Diagnostic[]) => diagnostics.find((d) => d.code === 'deprecated-api-version');

    it('warns of an API deprecated at the setting’s target, with the fix to its replacement', async () => {
      const deprecated = finding(await diagnosticsWhere(client, cronUri, (published) => finding(published)?.severity === 2, 'a deprecation warning'));
      assert.ok(deprecated);
      assert.equal(deprecated.message, 'batch/v1beta1 CronJob is deprecated since Kubernetes 1.21 and removed in 1.25; use batch/v1.');
      assert.deepEqual((await statusOf(client, cronUri, (s) => s.target?.kubernetesVersion === '1.23')).target, { kubernetesVersion: '1.23', chosenBy: 'settings' });
      const actions: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: cronUri },
        range: deprecated.range,
        context: { diagnostics: [deprecated] },
      });
      const fix = actions.find((action) => action.title === 'Change apiVersion to batch/v1');
      assert.deepEqual(fix?.edit?.changes?.[cronUri], [{ range: { start: { line: 0, character: 12 }, end: { line: 0, character: 25 } }, newText: 'batch/v1' }]);
    });

    it('lets a .kube-guide.yaml target win over the setting: removed there, an error', async () => {
      const removed = finding(await client.diagnosticsFor(teamCronUri));
      assert.equal(removed?.severity, 1);
      assert.equal(removed?.message, 'batch/v1beta1 CronJob was removed in Kubernetes 1.25; use batch/v1.');
      const status = await statusOf(client, teamCronUri, (s) => s.target?.kubernetesVersion === '1.26');
      assert.deepEqual(status.target, { kubernetesVersion: '1.26', chosenBy: 'config-file' });
      assert.equal(status.configFile, pathToFileURL(path.join(folder, '.kube-guide.yaml')).href);
    });

    it('says on hover what happens to the apiVersion at the target', async () => {
      const hover: Hover | null = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: cronUri }, position: { line: 0, character: 15 } });
      assert.match(markdownOf(hover), /is \*\*deprecated since Kubernetes 1\.21\*\*, removed in 1\.25; your target is 1\.23\. Use `batch\/v1`/);
    });

    it('re-checks when the setting changes: nothing to say for a 1.20 cluster', async () => {
      client.settings = { kubernetesVersion: '1.20' };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      await diagnosticsWhere(client, cronUri, (published) => !finding(published), 'no deprecation finding');
      assert.equal((await statusOf(client, cronUri, (s) => s.target?.kubernetesVersion === '1.20')).target?.chosenBy, 'settings');
    });
  });

  describe('suppression comments', () => {
    let client: LspTestClient;
    const uri = 'file:///workspace/suppressed.yaml';

    before(async () => {
      client = new LspTestClient();
      await client.initialize();
      await client.open(uri, `# kube-guide-disable-next-line \n${DEPLOYMENT}`);
      await client.diagnosticsFor(uri);
    });
    after(async () => {
      await client.shutdown();
    });

    it('completes rule ids with their titles after the directive', async () => {
      const list: CompletionList = await client.connection.sendRequest('textDocument/completion', {
        textDocument: { uri },
        position: { line: 0, character: 31 },
        context: { triggerKind: 2, triggerCharacter: ' ' },
      });
      const item: CompletionItem | undefined = list.items.find((i) => i.label === 'image-tag');
      assert.equal(item?.detail, 'Image without a version tag, or tagged latest');
      assert.ok(list.items.every((i) => !String(i.label).startsWith('apiVersion')), 'no schema fields in a comment');
    });
  });
});
