import { strict as assert } from 'node:assert';
import type { CodeAction } from 'vscode-languageserver-protocol';
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
