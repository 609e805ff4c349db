// Best-practice rules as a person meets them: a warning in the editor, a link to the rule's page,
// and a light-bulb fix that keeps the file as it was written.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, eventually, lineOf, openYaml, revert, waitForDiagnostics } from './helpers';

describe('best-practice rules in VS Code', () => {
  let document: vscode.TextDocument;
  before(activateExtension);
  after(async () => revert(document));

  it('warns about a container without resources, links its rule page and fixes it', async () => {
    document = await openYaml('pod-without-resources.yaml');
    const line = lineOf(document, '- name: worker');
    const isResourcesFinding = (d: vscode.Diagnostic) =>
      d.source === 'kube-guide' && typeof d.code === 'object' && d.code.value === 'container-resources';
    const all = await waitForDiagnostics(document.uri, (found) => found.some(isResourcesFinding), 'a container-resources warning');
    const finding = all.find(isResourcesFinding)!;
    assert.equal(finding.range.start.line, line);
    assert.equal(finding.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(finding.message, 'Container "worker" sets no CPU request, memory request or memory limit.');
    const target = (finding.code as { target: vscode.Uri }).target;
    assert.match(target.path, /\/docs\/rules\/container-resources\.md$/);
    // The page ships with the extension, so the link opens offline.
    assert.ok((await vscode.workspace.fs.stat(target)).size > 0);

    const actions = await eventually('code actions for the finding', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, finding.range);
      return found?.some((a) => a.title.startsWith('Add ')) ? found : undefined;
    });
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Disable container-resources for this line'), titles.join(' | '));
    const fix = actions.find((a) => a.title === 'Add CPU request, memory request or memory limit to "worker"')!;
    assert.equal(await vscode.workspace.applyEdit(fix.edit!), true);
    assert.equal(
      document.getText(),
      [
        '# A Pod whose container says nothing about the CPU and memory it needs.',
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: worker',
        'spec:',
        '  containers:',
        '    - name: worker # keeps this comment through the fix',
        '      image: registry.k8s.io/pause:3.10',
        '      resources:',
        '        requests:',
        '          cpu: 100m',
        '          memory: 128Mi',
        '        limits:',
        '          memory: 256Mi',
        '',
      ].join('\n'),
    );
    await waitForDiagnostics(document.uri, (found) => !found.some(isResourcesFinding), 'the warning to go away');
  });
});
