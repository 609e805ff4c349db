// "Kube Guide: Show Architecture Diagrams": a webview panel with the guide's diagrams and a graph of
// the user's own manifests. The extension only carries data: the language server supplies both
// (GUIDE_DIAGRAMS_REQUEST, WORKSPACE_GRAPH_REQUEST), the webview draws them, and what the webview
// asks for (insert a snippet, reveal an object, save an export) is checked before it is done.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { ResponseError, type LanguageClient } from 'vscode-languageclient/node';
import {
  GUIDE_DIAGRAMS_REQUEST,
  WORKSPACE_GRAPH_CHANGED_NOTIFICATION,
  WORKSPACE_GRAPH_REQUEST,
  type WorkspaceGraph,
} from '../../../server/src/protocol';
import { INSERT_MANIFEST_COMMAND, type InsertManifestArguments } from '../insertManifestCommand';
import { isGuideDiagramList, isWorkspaceGraph, parseWebviewMessage, type ExtensionMessage, type WebviewMessage } from './messages';
import { saveExport } from './saveExport';
import { diagramsWebviewHtml } from './webviewHtml';

export const SHOW_DIAGRAMS_COMMAND = 'kubeGuide.showDiagrams';
const VIEW_TYPE = 'kubeGuide.diagrams';
/** JSON-RPC's "method not found": a server that does not draw the workspace (yet). */
const METHOD_NOT_FOUND = -32601;

/** What the command returns: how the end-to-end tests talk with the panel it opened. */
export interface DiagramsPanelHandle {
  /** The first message of this type (and passing `matches`) the webview has sent since the panel opened, or the next one. */
  message<T extends WebviewMessage['type']>(type: T, matches?: (message: Extract<WebviewMessage, { type: T }>) => boolean): Promise<Extract<WebviewMessage, { type: T }>>;
  /** Handles a message as if the webview had sent it, after the same checks. */
  receive(message: unknown): Promise<void>;
  /** The workspace graph the page was last sent, if any. */
  workspaceGraph(): WorkspaceGraph | undefined;
}

export function registerDiagramsPanel(context: vscode.ExtensionContext, client: LanguageClient): vscode.Disposable {
  let current: DiagramsPanel | undefined;
  // A webview panel has focus when its buttons are used: remember the YAML file the user came from.
  let lastYamlDocument: vscode.Uri | undefined;
  const rememberYaml = (editor: vscode.TextEditor | undefined): void => {
    if (editor?.document.languageId === 'yaml' && editor.document.uri.scheme !== 'kube-guide-snippet') lastYamlDocument = editor.document.uri;
  };
  rememberYaml(vscode.window.activeTextEditor);

  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(rememberYaml),
    client.onNotification(WORKSPACE_GRAPH_CHANGED_NOTIFICATION, () => current?.workspaceGraphChanged()),
    vscode.commands.registerCommand(SHOW_DIAGRAMS_COMMAND, (): DiagramsPanelHandle => {
      if (current) {
        current.reveal();
      } else {
        current = new DiagramsPanel(context.extensionUri, client, () => lastYamlDocument);
        current.onDidDispose(() => (current = undefined));
      }
      return current.handle;
    }),
    { dispose: () => current?.dispose() },
  );
}

class DiagramsPanel {
  private readonly panel: vscode.WebviewPanel;
  private readonly received: WebviewMessage[] = [];
  private readonly waiting = new Set<(message: WebviewMessage) => void>();
  /** Prefixes of the snippets the diagrams offer: the only ones "Insert snippet" may insert. */
  private offeredSnippets = new Set<string>();
  /** The graph the webview shows, to find what "open" means for a box id. */
  private graph: WorkspaceGraph | undefined;
  /** The page asked for the workspace graph, and gets it again whenever the server says it changed. */
  private workspaceWanted = false;
  private graphRequests = 0;
  /** Answers from the server may arrive after the panel is closed: they are dropped then. */
  private disposed = false;
  readonly onDidDispose: vscode.Event<void>;
  readonly handle: DiagramsPanelHandle;

  constructor(
    extensionUri: vscode.Uri,
    private readonly client: LanguageClient,
    private readonly lastYamlDocument: () => vscode.Uri | undefined,
  ) {
    this.panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Kube Guide: Diagrams', vscode.ViewColumn.Beside, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist')],
    });
    this.onDidDispose = this.panel.onDidDispose;
    const webview = this.panel.webview;
    webview.html = diagramsWebviewHtml({
      cspSource: webview.cspSource,
      nonce: randomBytes(18).toString('base64'),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'diagrams.css')).toString(),
    });
    const subscription = webview.onDidReceiveMessage((message: unknown) => void this.receive(message));
    this.panel.onDidDispose(() => {
      this.disposed = true;
      subscription.dispose();
      this.waiting.clear();
    });
    this.handle = {
      message: (type, matches) => this.message(type, matches),
      receive: (message) => this.receive(message),
      workspaceGraph: () => this.graph,
    };
  }

  reveal(): void {
    this.panel.reveal();
  }

  dispose(): void {
    this.panel.dispose();
  }

  workspaceGraphChanged(): void {
    // A hidden panel's page is unloaded; it asks again when it is shown.
    if (this.workspaceWanted && this.panel.visible) void this.sendWorkspaceGraph();
  }

  private message<T extends WebviewMessage['type']>(type: T, matches: (message: Extract<WebviewMessage, { type: T }>) => boolean = () => true): Promise<Extract<WebviewMessage, { type: T }>> {
    type Wanted = Extract<WebviewMessage, { type: T }>;
    const wanted = (message: WebviewMessage): message is Wanted => message.type === type && matches(message as Wanted);
    const seen = this.received.find(wanted);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => {
      const listener = (message: WebviewMessage): void => {
        if (!wanted(message)) return;
        this.waiting.delete(listener);
        resolve(message);
      };
      this.waiting.add(listener);
    });
  }

  private async receive(raw: unknown): Promise<void> {
    const message = parseWebviewMessage(raw);
    if (!message) {
      console.warn('Kube Guide: the diagrams panel sent a message of an unknown shape; ignored');
      return;
    }
    // A short log for the tests' handle (a page sends a handful of messages).
    if (this.received.length < 100) this.received.push(message);
    this.waiting.forEach((listener) => listener(message));
    try {
      await this.handleMessage(message);
    } catch (error) {
      void vscode.window.showErrorMessage(`Kube Guide: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async handleMessage(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        // A new page: it asks for the workspace itself when that tab is shown.
        this.workspaceWanted = false;
        return this.sendGuideDiagrams();
      case 'rendered':
        return;
      case 'requestWorkspaceGraph':
        this.workspaceWanted = true;
        return this.sendWorkspaceGraph();
      case 'insertSnippet':
        return this.insertSnippet(message.snippet);
      case 'openWorkspaceNode':
        return this.openWorkspaceNode(message.id);
      case 'export':
        await saveExport(message.format, message.name, message.data);
        return;
    }
  }

  private post(message: ExtensionMessage): void {
    if (!this.disposed) void this.panel.webview.postMessage(message);
  }

  private async sendGuideDiagrams(): Promise<void> {
    try {
      const diagrams: unknown = await this.client.sendRequest(GUIDE_DIAGRAMS_REQUEST);
      if (!isGuideDiagramList(diagrams)) {
        this.post({ type: 'guideDiagramsError', message: 'the language server sent diagrams this version of the extension cannot read.' });
        return;
      }
      this.offeredSnippets = new Set(diagrams.flatMap((diagram) => diagram.nodes.flatMap((node) => (node.snippet ? [node.snippet] : []))));
      this.post({ type: 'guideDiagrams', diagrams });
    } catch (error) {
      this.post({ type: 'guideDiagramsError', message: describeRequestError(error) });
    }
  }

  private async sendWorkspaceGraph(): Promise<void> {
    const request = ++this.graphRequests;
    let message: ExtensionMessage;
    try {
      const graph: unknown = await this.client.sendRequest(WORKSPACE_GRAPH_REQUEST);
      if (isWorkspaceGraph(graph)) {
        message = { type: 'workspaceGraph', graph };
      } else {
        message = { type: 'workspaceGraphError', message: 'the language server sent a graph this version of the extension cannot read.' };
      }
    } catch (error) {
      const unsupported = error instanceof ResponseError && error.code === METHOD_NOT_FOUND;
      message = { type: 'workspaceGraphError', message: unsupported ? 'this language server does not draw the workspace yet.' : describeRequestError(error) };
    }
    // A later request (the workspace changed again) has the fresher answer.
    if (request !== this.graphRequests) return;
    this.graph = message.type === 'workspaceGraph' ? message.graph : undefined;
    this.post(message);
  }

  /** The column beside the panel, for editors opened from it. */
  private editorColumn(): vscode.ViewColumn {
    return this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
  }

  private async insertSnippet(prefix: string): Promise<void> {
    if (!this.offeredSnippets.has(prefix)) {
      console.warn(`Kube Guide: the diagrams panel asked for a snippet it does not offer (${prefix}); ignored`);
      return;
    }
    const last = this.lastYamlDocument()?.toString();
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === last && !candidate.isClosed);
    if (document) {
      const visible = vscode.window.visibleTextEditors.find((editor) => editor.document === document);
      await vscode.window.showTextDocument(document, visible?.viewColumn ?? this.editorColumn());
    } else {
      // A new YAML file beside the panel rather than in its place.
      const untitled = await vscode.workspace.openTextDocument({ language: 'yaml', content: '' });
      await vscode.window.showTextDocument(untitled, this.editorColumn());
    }
    const args: InsertManifestArguments = { prefix, target: 'active' };
    await vscode.commands.executeCommand(INSERT_MANIFEST_COMMAND, args);
  }

  private async openWorkspaceNode(id: string): Promise<void> {
    const node = this.graph?.nodes.find((candidate) => candidate.id === id);
    if (!node) {
      console.warn('Kube Guide: the diagrams panel asked to open an object that is not in the graph it was sent; ignored');
      return;
    }
    const { start, end } = node.range;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(node.uri, true));
    await vscode.window.showTextDocument(document, {
      viewColumn: this.editorColumn(),
      selection: new vscode.Range(start.line, start.character, end.line, end.character),
    });
  }
}

function describeRequestError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text || 'the language server did not answer.').slice(0, 1000);
}
