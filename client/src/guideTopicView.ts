import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { GUIDE_TOPIC_REQUEST, type GuideTopicParams, type GuideTopicResult } from '../../server/src/protocol';

const SCHEME = 'kube-guide-topic';

/**
 * "Kube Guide: Open Guide Topic": asks the server for the knowledge under the cursor and shows it in
 * VS Code's Markdown preview beside the editor, so it can be read at length and kept open.
 */
export class GuideTopicView implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly topics = new Map<string, string>();
  private readonly changes = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changes.event;
  private readonly registrations: vscode.Disposable[];

  constructor(private readonly client: LanguageClient) {
    this.registrations = [
      vscode.workspace.registerTextDocumentContentProvider(SCHEME, this),
      vscode.commands.registerCommand('kubeGuide.openGuideTopic', () => this.open()),
    ];
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.topics.get(uri.toString()) ?? '';
  }

  private async open(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'yaml') {
      void vscode.window.showInformationMessage('Open a Kubernetes manifest and put the cursor on a kind, a field or a value first.');
      return;
    }
    const params: GuideTopicParams = { uri: editor.document.uri.toString(), position: editor.selection.active };
    const topic = await this.client.sendRequest<GuideTopicResult>(GUIDE_TOPIC_REQUEST, params);
    if (!topic) {
      void vscode.window.showInformationMessage('Kube Guide has no topic for the text under the cursor. Try a kind, a field or a value of a Kubernetes object.');
      return;
    }
    // One preview per topic title, reused when the same topic is opened again.
    const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${topic.title.replace(/[^\w.-]+/g, '-')}.md` });
    this.topics.set(uri.toString(), topic.markdown);
    this.changes.fire(uri);
    await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
  }

  dispose(): void {
    this.registrations.forEach((registration) => registration.dispose());
    this.changes.dispose();
  }
}
