// Commands the "Get started with Kube Guide" walkthrough links to. They also work from the command
// palette, with or without a folder open.
import * as vscode from 'vscode';

export const OPEN_SAMPLE_COMMAND = 'kubeGuide.openSampleManifest';
export const FIX_ALL_COMMAND = 'kubeGuide.fixAll';
/** The code action kind the server offers "fix all" under (server/src/services/ruleService.ts). */
const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('kubeGuide');
// A fix can bring new advice (two replicas should be spread): go round again, a few times at most.
const MAX_FIX_ROUNDS = 5;

export function registerWalkthroughCommands(context: vscode.ExtensionContext): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(OPEN_SAMPLE_COMMAND, () => openSampleManifest(context)),
    vscode.commands.registerCommand(FIX_ALL_COMMAND, fixAll),
  );
}

/** Opens the sample manifest that ships in the extension as a new, unsaved YAML document. */
async function openSampleManifest(context: vscode.ExtensionContext): Promise<vscode.TextDocument> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'media', 'walkthrough', 'sample.yaml'));
  const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: new TextDecoder().decode(bytes) });
  // From the walkthrough (no text editor active), open beside it so both stay in view.
  const fromWalkthrough = vscode.window.activeTextEditor === undefined && vscode.window.tabGroups.activeTabGroup.activeTab !== undefined;
  await vscode.window.showTextDocument(document, { viewColumn: fromWalkthrough ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active, preview: false });
  return document;
}

/** The YAML editor to act on: the active one, or else a visible one (the walkthrough may have the focus). */
function targetYamlEditor(): vscode.TextEditor | undefined {
  const isYaml = (editor: vscode.TextEditor | undefined) => editor?.document.languageId === 'yaml';
  const active = vscode.window.activeTextEditor;
  return isYaml(active) ? active : vscode.window.visibleTextEditors.find(isYaml);
}

/** Applies Kube Guide's fix-all action, round after round while new fixes appear. Resolves with the rounds applied. */
async function fixAll(): Promise<number> {
  const editor = targetYamlEditor();
  if (!editor) {
    void vscode.window.showInformationMessage('Kube Guide: open a Kubernetes manifest first; Fix All works on the YAML file in the editor.');
    return 0;
  }
  const document = editor.document;
  let rounds = 0;
  while (rounds < MAX_FIX_ROUNDS) {
    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, whole, FIX_ALL_KIND.value);
    const fixAllAction = actions?.find((action) => action.edit && action.kind && FIX_ALL_KIND.contains(action.kind));
    if (!fixAllAction?.edit || !(await vscode.workspace.applyEdit(fixAllAction.edit))) break;
    rounds++;
  }
  if (rounds === 0) {
    void vscode.window.showInformationMessage('Kube Guide: nothing here can be fixed automatically. The remaining findings need your judgement.');
  } else {
    void vscode.window.setStatusBarMessage('Kube Guide: fixed what could be fixed automatically', 4000);
  }
  return rounds;
}
