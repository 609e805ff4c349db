// End to end: the contributed manifest snippets and the "Insert Manifest from Guide" command in a
// real VS Code. What we insert must be a manifest the extension itself finds nothing wrong with.
// Waiting is "until a condition holds or a deadline passes", never a fixed sleep.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ALL_RULES } from '../../../server/src/rules/registry';
import { isWorkspaceRule } from '../../../server/src/rules/rule';
import { activateExtension, DEADLINE_MS, ours } from './helpers';

// A snippet is one object: what it lacks from the rest of a workspace (a PodDisruptionBudget beside a
// Deployment) is the cross-resource rules' concern, not a flaw of the snippet.
const CROSS_RESOURCE_RULES = new Set(ALL_RULES.filter(isWorkspaceRule).map((rule) => rule.meta.id));
const ruleIdOf = (diagnostic: vscode.Diagnostic) => String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code);
const singleObjectFindings = (uri: vscode.Uri) => ours(uri).filter((d) => !CROSS_RESOURCE_RULES.has(ruleIdOf(d)));

/** A ConfigMap with one unknown top-level field: a finding that proves the server validates the document. */
const MANIFEST_WITH_ONE_MISTAKE = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: placeholder\nbogus: true\n';

/** Resolves once `isSatisfied` holds for the document (checked now, on every diagnostics or text change). */
function waitUntil(document: vscode.TextDocument, isSatisfied: () => boolean, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (!isSatisfied()) return;
      finish();
      resolve();
    };
    const subscriptions = [
      vscode.languages.onDidChangeDiagnostics((event) => {
        if (event.uris.some((uri) => uri.toString() === document.uri.toString())) check();
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === document) check();
      }),
    ];
    const timer = setTimeout(() => {
      finish();
      const found = ours(document.uri).map((d) => `  line ${d.range.start.line}: ${d.message}`);
      reject(new Error(`timed out after ${DEADLINE_MS} ms waiting for ${what}; kube-guide diagnostics:\n${found.join('\n') || '  (none)'}\ntext:\n${document.getText()}`));
    }, DEADLINE_MS);
    function finish(): void {
      clearTimeout(timer);
      subscriptions.forEach((subscription) => subscription.dispose());
    }
    check();
  });
}

/** Resolves once `isSatisfied` holds for the open tabs (checked now and on every tab change). */
function waitForTabs(isSatisfied: (tabs: vscode.Tab[]) => boolean, what: string): Promise<void> {
  const allTabs = (): vscode.Tab[] => vscode.window.tabGroups.all.flatMap((group) => group.tabs);
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (!isSatisfied(allTabs())) return;
      finish();
      resolve();
    };
    const subscription = vscode.window.tabGroups.onDidChangeTabs(check);
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`timed out after ${DEADLINE_MS} ms waiting for ${what}; tabs: ${allTabs().map((t) => t.label).join(', ')}`));
    }, DEADLINE_MS);
    function finish(): void {
      clearTimeout(timer);
      subscription.dispose();
    }
    check();
  });
}

const isPreviewTab = (tab: vscode.Tab): boolean => tab.input instanceof vscode.TabInputText && tab.input.uri.scheme === 'kube-guide-snippet';

/** A new untitled YAML editor holding a manifest the server has already flagged once. */
async function untitledManifestSeenByServer(): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: MANIFEST_WITH_ONE_MISTAKE });
  const editor = await vscode.window.showTextDocument(document);
  await waitUntil(document, () => ours(document.uri).some((d) => d.range.start.line === 4), 'the "bogus" finding on line 4');
  return editor;
}

async function closeWithoutSaving(editor: vscode.TextEditor): Promise<void> {
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

describe('manifest snippets', () => {
  before(activateExtension);

  it('inserts the Deployment snippet through VS Code\'s own snippet command, and the result has no kube-guide findings', async () => {
    const editor = await untitledManifestSeenByServer();
    const document = editor.document;
    // Select everything so the snippet replaces the flagged ConfigMap: its finding must then go away.
    editor.selection = new vscode.Selection(new vscode.Position(0, 0), document.positionAt(document.getText().length));
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'yaml', name: 'Deployment (nginx)' });

    await waitUntil(
      document,
      () => document.getText().includes('kind: Deployment') && singleObjectFindings(document.uri).length === 0,
      'the inserted Deployment to be free of kube-guide diagnostics',
    );
    assert.match(document.getText(), /name: nginx-deployment/);
    assert.doesNotMatch(document.getText(), /\$\{?\d/, 'tab stops are resolved in the text');
    await closeWithoutSaving(editor);
  });

  it('kubeGuide.insertManifest appends the snippet as a new --- document at the end of the YAML editor', async () => {
    const editor = await untitledManifestSeenByServer();
    const document = editor.document;
    const inserted = await vscode.commands.executeCommand<vscode.Uri>('kubeGuide.insertManifest', { prefix: 'k8s-service-loadbalancer' });
    assert.equal(inserted?.toString(), document.uri.toString(), 'inserted into the active YAML editor');

    await waitUntil(document, () => document.getText().includes('kind: Service'), 'the Service in the document');
    assert.ok(document.getText().startsWith(`${MANIFEST_WITH_ONE_MISTAKE}---\napiVersion: v1\nkind: Service\n`), document.getText());
    // The ConfigMap keeps its single finding; the Service adds none.
    await waitUntil(
      document,
      () => ours(document.uri).length === 1 && ours(document.uri)[0].range.start.line === 4,
      'only the original finding on line 4',
    );
    await closeWithoutSaving(editor);
  });

  it('kubeGuide.insertManifest opens a new YAML file when asked to', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('kubeGuide.insertManifest', { prefix: 'k8s-statefulset-postgres', target: 'new' });
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri?.toString());
    assert.ok(document, 'the new document is open');
    assert.equal(document.languageId, 'yaml');
    assert.equal(document.isUntitled, true);
    await waitUntil(document, () => document.getText().includes('kind: StatefulSet'), 'the StatefulSet in the new file');
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
    if (editor) await closeWithoutSaving(editor);
  });

  it('kubeGuide.insertManifest without arguments shows the gallery with a read-only preview beside it', async () => {
    const picked = vscode.commands.executeCommand<vscode.Uri | undefined>('kubeGuide.insertManifest');
    // The first snippet becomes the active item, whose resolved text opens beside the list.
    await waitForTabs((tabs) => tabs.some(isPreviewTab), 'a kube-guide-snippet preview tab');
    const preview = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'kube-guide-snippet');
    assert.ok(preview, 'the preview document is open');
    assert.equal(preview.languageId, 'yaml');
    assert.match(preview.getText(), /^apiVersion: /m);
    assert.doesNotMatch(preview.getText(), /\$\{?\d/, 'the preview shows defaults, not tab stops');

    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await picked, undefined, 'dismissing the gallery inserts nothing');
    await waitForTabs((tabs) => !tabs.some(isPreviewTab), 'the preview to close with the gallery');
  });
});
