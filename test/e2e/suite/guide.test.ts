// The guide's knowledge as a person reads it: in the hover, and at length in "Open Guide Topic".
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, eventually, hoverText, lineOf, openYaml } from './helpers';

describe('guide knowledge in VS Code', () => {
  before(activateExtension);

  it('hovers a kind with the guide: what it is and when to choose it, above the API docs', async () => {
    const document = await openYaml('deployment.yaml');
    const line = lineOf(document, 'kind: Deployment');
    const position = new vscode.Position(line, document.lineAt(line).text.indexOf('Deployment') + 3);
    const text = await eventually('a hover with the guide knowledge of Deployment', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
      const joined = hoverText(hovers ?? []);
      return /\*\*Deployment\*\*/.test(joined) ? joined : undefined;
    });
    assert.match(text, /StatefulSet/, 'the Deployment entry says when to choose a StatefulSet instead');
    assert.match(text, /Guide: \*/, 'and names its guide section');
  });

  it('opens the topic under the cursor beside the editor as rendered Markdown', async () => {
    const document = await openYaml('deployment.yaml');
    const editor = await vscode.window.showTextDocument(document);
    const line = lineOf(document, 'replicas: 3');
    editor.selection = new vscode.Selection(line, 4, line, 4);
    await vscode.commands.executeCommand('kubeGuide.openGuideTopic');
    const topic = await eventually('the topic document', async () =>
      vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'kube-guide-topic' && d.getText().length > 0),
    );
    assert.match(topic.getText(), /replicas/i);
    assert.match(topic.getText(), /Guide: \*/);
  });
});
