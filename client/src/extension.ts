// The extension's client: starts the language server and shows what it reports. It knows no Kubernetes.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { MANIFEST_STATUS_NOTIFICATION, type ManifestStatus } from '../../server/src/protocol';
import { GuideTopicView } from './guideTopicView';
import { ManifestStatusItem } from './manifestStatusItem';
import { registerInsertManifestCommand } from './insertManifestCommand';

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
  context.subscriptions.push(configWatcher);
  const clientOptions: LanguageClientOptions = {
    // Every YAML file goes to the server, which decides by content whether it is a manifest.
    documentSelector: [{ language: 'yaml' }],
    synchronize: { configurationSection: 'kubeGuide', fileEvents: configWatcher },
    outputChannel: output,
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
    new GuideTopicView(client),
    registerInsertManifestCommand(context),
  );

  await client.start();
  statusItem.show(vscode.window.activeTextEditor?.document.uri.toString());
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
