// "Kube Guide: Insert Manifest from Guide": a gallery of the manifest snippets the extension ships,
// grouped by the guide section each one comes from, with a live preview beside the list. The
// client knows no Kubernetes: everything it shows is read from the contributed snippet files.
//
// The preview is a read-only virtual document (scheme `kube-guide-snippet`) opened beside the list,
// not the quick pick item's `detail`: a detail is a single line, while a manifest is 10 to 100
// lines, and a real editor gives it YAML colouring and closes without a "save changes?" prompt.
import * as vscode from 'vscode';
import { groupByGuideSection, parseGuideDescription, readSnippetFile, resolveSnippetDefaults, type SnippetEntry } from './snippetCatalog';

export const INSERT_MANIFEST_COMMAND = 'kubeGuide.insertManifest';
const PREVIEW_SCHEME = 'kube-guide-snippet';
/** The language whose contributed snippets are manifests (package.json `contributes.snippets`). */
const MANIFEST_LANGUAGE = 'yaml';

/** Arguments that skip the gallery: insert the snippet with this prefix (or name) straight away. */
export interface InsertManifestArguments {
  prefix?: string;
  name?: string;
  /** `active`: the end of the active YAML editor (the default when there is one); `new`: a new untitled file. */
  target?: 'active' | 'new';
}

interface SnippetPickItem extends vscode.QuickPickItem {
  snippet?: SnippetEntry;
}

const NEW_FILE_BUTTON: vscode.QuickInputButton = {
  iconPath: new vscode.ThemeIcon('new-file'),
  tooltip: 'Insert into a new YAML file',
};

export function registerInsertManifestCommand(context: vscode.ExtensionContext): vscode.Disposable {
  // Previews are looked up by URI; the map lives as long as the registration.
  const previews = new Map<string, string>();
  const previewChanged = new vscode.EventEmitter<vscode.Uri>();
  const previewProvider: vscode.TextDocumentContentProvider = {
    onDidChange: previewChanged.event,
    provideTextDocumentContent: (uri) => previews.get(uri.toString()) ?? '',
  };

  const command = vscode.commands.registerCommand(INSERT_MANIFEST_COMMAND, async (args?: InsertManifestArguments) => {
    const snippets = await readManifestSnippets(context);
    const yamlEditor = activeYamlEditor();

    if (args?.prefix || args?.name) {
      const snippet = snippets.find((s) => (args.prefix ? s.prefixes.includes(args.prefix) : s.name === args.name));
      if (!snippet) throw new Error(`Kube Guide: no manifest snippet ${args.prefix ?? args.name}`);
      return insertSnippet(snippet, args.target === 'new' ? undefined : yamlEditor);
    }

    const choice = await pickSnippet(snippets, yamlEditor, (snippet) => previewUri(snippet, previews, previewChanged));
    if (!choice) return undefined;
    return insertSnippet(choice.snippet, choice.newFile ? undefined : yamlEditor);
  });

  return vscode.Disposable.from(command, previewChanged, vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, previewProvider));
}

/** The manifest snippets from the files this extension contributes for YAML, in their files' order. */
async function readManifestSnippets(context: vscode.ExtensionContext): Promise<SnippetEntry[]> {
  const contributed = (context.extension.packageJSON?.contributes?.snippets ?? []) as { language?: string; path?: string }[];
  const files = contributed.filter((entry) => entry.language === MANIFEST_LANGUAGE && typeof entry.path === 'string');
  const texts = await Promise.all(files.map((entry) => vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, entry.path!))));
  return texts.flatMap((bytes) => readSnippetFile(new TextDecoder().decode(bytes)));
}

function activeYamlEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'yaml' || editor.document.uri.scheme === PREVIEW_SCHEME) return undefined;
  return editor;
}

function previewUri(snippet: SnippetEntry, previews: Map<string, string>, changed: vscode.EventEmitter<vscode.Uri>): vscode.Uri {
  // The .yaml ending gives the preview YAML colouring.
  const uri = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${snippet.prefixes[0] ?? 'snippet'}.yaml` });
  const text = `# Preview of "${snippet.name}": tab stops show their defaults.\n${resolveSnippetDefaults(snippet.body)}`;
  if (previews.get(uri.toString()) !== text) {
    previews.set(uri.toString(), text);
    changed.fire(uri);
  }
  return uri;
}

/** The gallery: snippets grouped by guide section, previewed beside as the selection moves. */
function pickSnippet(
  snippets: readonly SnippetEntry[],
  yamlEditor: vscode.TextEditor | undefined,
  preview: (snippet: SnippetEntry) => vscode.Uri,
): Promise<{ snippet: SnippetEntry; newFile: boolean } | undefined> {
  const items: SnippetPickItem[] = [];
  for (const [section, group] of groupByGuideSection(snippets)) {
    items.push({ label: section, kind: vscode.QuickPickItemKind.Separator });
    for (const snippet of group) {
      items.push({
        label: snippet.prefixes[0] ?? snippet.name,
        description: snippet.name,
        detail: parseGuideDescription(snippet.description)?.summary ?? snippet.description,
        buttons: yamlEditor ? [NEW_FILE_BUTTON] : [],
        snippet,
      });
    }
  }

  const quickPick = vscode.window.createQuickPick<SnippetPickItem>();
  quickPick.title = 'Insert Manifest from Guide';
  quickPick.placeholder = yamlEditor
    ? `Adds a new document at the end of ${vscode.workspace.asRelativePath(yamlEditor.document.uri)} (or use the button for a new file)`
    : 'Opens a new YAML file with the manifest';
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  // Showing the preview moves focus briefly; the list must survive that.
  quickPick.ignoreFocusOut = true;
  quickPick.items = items;

  const previewColumn = vscode.ViewColumn.Beside;
  let previewShown: vscode.Uri | undefined;
  const showPreview = async (item: SnippetPickItem | undefined): Promise<void> => {
    if (!item?.snippet) return;
    previewShown = preview(item.snippet);
    await vscode.window.showTextDocument(previewShown, { viewColumn: previewColumn, preview: true, preserveFocus: true });
  };

  return new Promise((resolve) => {
    let result: { snippet: SnippetEntry; newFile: boolean } | undefined;
    const subscriptions = [
      quickPick.onDidChangeActive(([item]) => void showPreview(item)),
      quickPick.onDidAccept(() => {
        const snippet = quickPick.selectedItems[0]?.snippet;
        if (snippet) result = { snippet, newFile: false };
        quickPick.hide();
      }),
      quickPick.onDidTriggerItemButton(({ item }) => {
        if (item.snippet) result = { snippet: item.snippet, newFile: true };
        quickPick.hide();
      }),
      quickPick.onDidHide(async () => {
        subscriptions.forEach((subscription) => subscription.dispose());
        quickPick.dispose();
        await closePreviews();
        resolve(result);
      }),
    ];
    quickPick.show();
  });
}

async function closePreviews(): Promise<void> {
  const tabs = vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.scheme === PREVIEW_SCHEME);
  if (tabs.length > 0) await vscode.window.tabGroups.close(tabs, true);
}

/**
 * Inserts the snippet (tab stops live) as a new `---` document at the end of `editor`, or into a
 * new untitled YAML file when there is none. Returns the document it went into.
 */
async function insertSnippet(snippet: SnippetEntry, editor: vscode.TextEditor | undefined): Promise<vscode.Uri> {
  if (!editor) {
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: '' });
    const newEditor = await vscode.window.showTextDocument(document);
    await newEditor.insertSnippet(new vscode.SnippetString(snippet.body), new vscode.Position(0, 0));
    return document.uri;
  }
  // The editor may have lost focus to the preview: show it again before editing.
  const target = await vscode.window.showTextDocument(editor.document, editor.viewColumn);
  const document = target.document;
  const text = document.getText();
  if (text.trim() === '') {
    await target.insertSnippet(new vscode.SnippetString(snippet.body), new vscode.Range(new vscode.Position(0, 0), document.positionAt(text.length)));
    return document.uri;
  }
  const lastLine = text.trimEnd().split(/\r?\n/).pop() ?? '';
  const separator = (text.endsWith('\n') ? '' : '\n') + (/^---\s*$/.test(lastLine) ? '' : '---\n');
  // `separator` holds no snippet syntax ($, }, \), so it can go into the snippet as it is.
  await target.insertSnippet(new vscode.SnippetString(separator + snippet.body), document.positionAt(text.length));
  return document.uri;
}
