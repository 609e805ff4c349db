// Across files in a real VS Code: the workspace's manifests are indexed without being opened, so the editor
// can jump from a name to the object it names, and show above a workload what attaches to its pods.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, eventually, lineOf, openYaml } from './helpers';

describe('across files in VS Code', () => {
  before(activateExtension);

  it("goes to the definition of an Ingress backend: the Service's name in service.yaml", async () => {
    const ingress = await openYaml('store/ingress.yaml');
    const line = lineOf(ingress, 'name: storefront');
    const position = new vscode.Position(line, ingress.lineAt(line).text.indexOf('storefront') + 3);
    const definitions = await eventually('a definition from the Ingress backend', async () => {
      const found = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', ingress.uri, position);
      return found && found.length > 0 ? found : undefined;
    });
    assert.equal(definitions.length, 1);
    const [definition] = definitions;
    const uri = 'targetUri' in definition ? definition.targetUri : definition.uri;
    const range = 'targetUri' in definition ? (definition.targetSelectionRange ?? definition.targetRange) : definition.range;
    assert.match(uri.path, /\/store\/service\.yaml$/);
    const service = await vscode.workspace.openTextDocument(uri);
    assert.equal(range.start.line, lineOf(service, 'name: storefront'));
    assert.equal(service.getText(range), 'storefront');
  });

  it('shows a CodeLens above the Deployment with what attaches to it, and lists them when clicked', async () => {
    const deployment = await openYaml('store/deployment.yaml');
    const lens = await eventually('the CodeLens of the Deployment', async () => {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', deployment.uri);
      return lenses?.find((candidate) => candidate.command?.title === 'Service · HPA');
    });
    // Above the Deployment's first line (its apiVersion), under the file's leading comment.
    assert.equal(lens.range.start.line, deployment.getText().split(/\r?\n/).findIndex((text) => text.startsWith('apiVersion:')));
    // What a click runs: the client turns the server's locations into VS Code's and opens the references view.
    const command = lens.command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
  });
});
