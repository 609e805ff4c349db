// The menu behind the status bar item: the choices a person makes about Kube Guide for the file in view
// (profile, Kubernetes version target, the team's .kube-guide.yaml), and the troubleshooting commands.
import * as vscode from 'vscode';
import type { ManifestStatus } from '../../server/src/protocol';

export const STATUS_MENU_COMMAND = 'kubeGuide.showStatusMenu';
const CONFIG_FILE_NAME = '.kube-guide.yaml';
const MINOR_VERSION = /^(\d+\.\d+)?$/;

interface MenuItem extends vscode.QuickPickItem {
  run(): Thenable<unknown>;
}

export function registerStatusMenu(
  context: vscode.ExtensionContext,
  output: vscode.OutputChannel,
  statusOfActiveFile: () => ManifestStatus | undefined,
): vscode.Disposable {
  return vscode.commands.registerCommand(STATUS_MENU_COMMAND, async () => {
    const document = vscode.window.activeTextEditor?.document;
    const items = menuItems(context, output, document, statusOfActiveFile());
    const choice = await vscode.window.showQuickPick(items, { title: 'Kube Guide', placeHolder: 'Choose for this file, or troubleshoot' });
    await choice?.run();
  });
}

function menuItems(context: vscode.ExtensionContext, output: vscode.OutputChannel, document: vscode.TextDocument | undefined, status: ManifestStatus | undefined): MenuItem[] {
  const settings = vscode.workspace.getConfiguration('kubeGuide', document?.uri);
  const profile = settings.get<string>('profile') ?? 'aks-production';
  const teamFileNote = status?.configFile ? ` (a ${CONFIG_FILE_NAME} applies here: what it sets wins)` : '';
  const target = status?.target;
  const items: MenuItem[] = [
    {
      label: '$(list-filter) Switch profile',
      detail: `Now ${profile}${teamFileNote}`,
      run: () => switchProfile(context, settings, profile),
    },
    {
      label: '$(versions) Set the Kubernetes version target',
      detail: target
        ? `Now ${target.kubernetesVersion}${target.chosenBy === 'config-file' ? `, from ${CONFIG_FILE_NAME}` : ''}`
        : 'The version your clusters run: removed APIs are errors, deprecated ones warnings',
      run: () => setKubernetesVersion(settings),
    },
  ];
  if (status?.configFile) {
    const configUri = vscode.Uri.parse(status.configFile);
    items.push({
      label: `$(go-to-file) Open ${CONFIG_FILE_NAME}`,
      detail: vscode.workspace.asRelativePath(configUri),
      run: () => vscode.window.showTextDocument(configUri),
    });
  } else {
    const folder = folderForNewConfig(document);
    items.push({
      label: `$(new-file) Create ${CONFIG_FILE_NAME}`,
      detail: folder
        ? `In ${vscode.workspace.asRelativePath(folder)}: the team's rules for the files there and below`
        : 'The team\'s rules for a folder: save this file in a folder first',
      run: () => (folder ? createConfigFile(context, folder) : vscode.window.showInformationMessage(`Kube Guide: a ${CONFIG_FILE_NAME} belongs in a folder. Save this file in one (or open a folder) first.`)),
    });
  }
  items.push(
    { label: '$(output) Show output', detail: "The language server's log", run: () => Promise.resolve(output.show(true)) },
    { label: '$(debug-restart) Restart language server', run: () => vscode.commands.executeCommand('kubeGuide.restartServer') },
  );
  return items;
}

/** Settings go to the workspace when a folder is open (shared with its other files), else to the user's. */
const settingsTarget = () => (vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);

async function switchProfile(context: vscode.ExtensionContext, settings: vscode.WorkspaceConfiguration, current: string): Promise<void> {
  // The profiles and what they mean, as the setting declares them in package.json: written once.
  const declared = (context.extension.packageJSON as { contributes: { configuration: { properties: Record<string, { enum: string[]; enumDescriptions: string[] }> } } })
    .contributes.configuration.properties['kubeGuide.profile'];
  const profiles = declared.enum.map((label, index) => ({ label, detail: declared.enumDescriptions[index], description: label === current ? 'current' : undefined }));
  const choice = await vscode.window.showQuickPick(profiles, { title: 'Kube Guide profile' });
  if (choice && choice.label !== current) await settings.update('profile', choice.label, settingsTarget());
}

async function setKubernetesVersion(settings: vscode.WorkspaceConfiguration): Promise<void> {
  const value = await vscode.window.showInputBox({
    title: 'Kubernetes version target',
    prompt: 'The minor version your clusters run, such as 1.33. Empty: the newest version AKS offers.',
    value: settings.get<string>('kubernetesVersion') ?? '',
    validateInput: (text) => (MINOR_VERSION.test(text.trim()) ? undefined : 'A minor version such as 1.33, or nothing'),
  });
  if (value !== undefined) await settings.update('kubernetesVersion', value.trim(), settingsTarget());
}

/** Where a new config file goes: the workspace folder of the file in view, or its own folder. */
function folderForNewConfig(document: vscode.TextDocument | undefined): vscode.Uri | undefined {
  if (document) {
    const workspaceFolder = vscode.workspace.getWorkspaceFolder(document.uri);
    if (workspaceFolder) return workspaceFolder.uri;
    if (document.uri.scheme === 'file') return vscode.Uri.joinPath(document.uri, '..');
  }
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

async function createConfigFile(context: vscode.ExtensionContext, folder: vscode.Uri): Promise<void> {
  const target = vscode.Uri.joinPath(folder, CONFIG_FILE_NAME);
  const template = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'media', 'walkthrough', 'team-config.yaml'));
  try {
    await vscode.workspace.fs.stat(target);
  } catch {
    await vscode.workspace.fs.writeFile(target, template);
  }
  await vscode.window.showTextDocument(target);
}
