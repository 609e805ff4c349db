// The extension's client: starts the language server and shows what it reports. It knows no Kubernetes.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type Location, type Position, type ServerOptions } from 'vscode-languageclient/node';
import { MANIFEST_STATUS_NOTIFICATION, RED_HAT_YAML_NOTIFICATION, SHOW_REFERENCES_COMMAND, type ManifestStatus } from '../../server/src/protocol';
import { GuideTopicView } from './guideTopicView';
import { ManifestStatusItem } from './manifestStatusItem';
import { registerInsertManifestCommand } from './insertManifestCommand';
import { registerDiagramsPanel } from './diagrams/diagramsPanel';
import { onRedHatYamlChange, readRedHatYaml } from './redHatYamlReport';
import { registerStatusMenu } from './statusMenu';
import { registerWalkthroughCommands } from './walkthroughCommands';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Kube Guide', { log: true });
  const statusItem = new ManifestStatusItem();
  context.subscriptions.push(output, statusItem);

  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  // The team's .kube-guide.yaml files change which rules apply: the server re-checks when they change.
  const configWatcher = vscode.workspace.createFileSystemWatcher('**/.kube-guide.yaml');
  // The server's workspace index follows manifests that change on disk (git checkout, generators, deletes).
  const yamlWatcher = vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}');
  context.subscriptions.push(configWatcher, yamlWatcher);
  const clientOptions: LanguageClientOptions = {
    // Every YAML file goes to the server, which decides by content whether it is a manifest.
    documentSelector: [{ language: 'yaml' }],
    synchronize: { configurationSection: 'kubeGuide', fileEvents: [configWatcher, yamlWatcher] },
    outputChannel: output,
    // Read at each (re)start: whether Red Hat YAML checks manifests too, so the first check knows already.
    initializationOptions: () => ({ redHatYaml: readRedHatYaml() }),
    // Each document sent to the server is being checked until its status comes back.
    middleware: {
      didOpen: (document, next) => {
        statusItem.checking(document.uri.toString());
        return next(document);
      },
      didChange: (event, next) => {
        statusItem.checking(event.document.uri.toString());
        return next(event);
      },
    },
  };
  client = new LanguageClient('kubeGuide', 'Kube Guide', serverOptions, clientOptions);

  context.subscriptions.push(
    client.onNotification(MANIFEST_STATUS_NOTIFICATION, (status: ManifestStatus) => statusItem.update(status)),
    vscode.window.onDidChangeActiveTextEditor((editor) => statusItem.show(editor?.document.uri.toString())),
    vscode.workspace.onDidCloseTextDocument((document) => statusItem.forget(document.uri.toString())),
    vscode.commands.registerCommand('kubeGuide.restartServer', async () => {
      await client?.restart();
      void vscode.window.setStatusBarMessage('Kube Guide: language server restarted', 3000);
    }),
    vscode.commands.registerCommand('kubeGuide.showOutput', () => output.show(true)),
    // The server's CodeLens lists locations as LSP data; VS Code's references view wants its own types.
    vscode.commands.registerCommand(SHOW_REFERENCES_COMMAND, (uri: string, position: Position, locations: Location[]) => {
      const converter = client!.protocol2CodeConverter;
      return vscode.commands.executeCommand(
        'editor.action.showReferences',
        converter.asUri(uri),
        converter.asPosition(position),
        locations.map((location) => converter.asLocation(location)),
      );
    }),
    new GuideTopicView(client),
    registerInsertManifestCommand(context),
    registerDiagramsPanel(context, client),
    registerStatusMenu(context, output, () => statusItem.activeStatus()),
    registerWalkthroughCommands(context),
    onRedHatYamlChange((report) => void client?.sendNotification(RED_HAT_YAML_NOTIFICATION, report)),
  );

  await client.start();
  statusItem.show(vscode.window.activeTextEditor?.document.uri.toString());
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
