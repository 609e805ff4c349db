import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { MANIFEST_STATUS_NOTIFICATION, WORKSPACE_GRAPH_CHANGED_NOTIFICATION, type ManifestStatus } from '../../server/src/protocol';
import { REPO_ROOT } from './fixtures';

/** The bundled server started as a process and driven over stdio, as an editor would. */
export class LspTestClient {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcessWithoutNullStreams;
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly notifications: Array<{ method: string; params: unknown }> = [];
  /** How many times the server published diagnostics for each URI. */
  readonly publishCounts = new Map<string, number>();
  /** How many times the server asked the editor to ask again for CodeLens. */
  codeLensRefreshes = 0;
  /** What `workspace/configuration` answers; change it, then send `workspace/didChangeConfiguration`. */
  settings: unknown;
  stderr = '';
  private readonly listeners: Array<() => void> = [];

  constructor(options: { env?: NodeJS.ProcessEnv; settings?: unknown; serverPath?: string } = {}) {
    this.process = spawn(process.execPath, [options.serverPath ?? path.join(REPO_ROOT, 'dist', 'server.js'), '--stdio'], {
      env: { ...process.env, ...options.env },
    });
    this.process.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.process.stdout),
      new StreamMessageWriter(this.process.stdin),
    );
    this.settings = options.settings;
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params);
      this.publishCounts.set(params.uri, (this.publishCounts.get(params.uri) ?? 0) + 1);
      this.notify();
    });
    this.connection.onNotification(MANIFEST_STATUS_NOTIFICATION, (params: ManifestStatus) => {
      this.notifications.push({ method: MANIFEST_STATUS_NOTIFICATION, params });
      this.notify();
    });
    this.connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
      this.notifications.push({ method: 'window/logMessage', params });
      this.notify();
    });
    this.connection.onNotification(WORKSPACE_GRAPH_CHANGED_NOTIFICATION, () => {
      this.notifications.push({ method: WORKSPACE_GRAPH_CHANGED_NOTIFICATION, params: {} });
      this.notify();
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.settings ?? {}));
    this.connection.onRequest('workspace/codeLens/refresh', () => {
      this.codeLensRefreshes++;
      this.notify();
      return null;
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.listen();
  }

  /**
   * `workspaceFolders`: folder URIs the server indexes; `definitionLinks`: the client takes LocationLinks;
   * `initializationOptions`: what the extension's client would send (its report on Red Hat YAML, say).
   */
  async initialize(options: { workspaceFolders?: string[]; definitionLinks?: boolean; initializationOptions?: unknown } = {}) {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      ...(options.initializationOptions !== undefined ? { initializationOptions: options.initializationOptions } : {}),
      ...(options.workspaceFolders ? { workspaceFolders: options.workspaceFolders.map((uri) => ({ uri, name: path.basename(uri) })) } : {}),
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, codeLens: { refreshSupport: true } },
        textDocument: {
          definition: { linkSupport: options.definitionLinks ?? false },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } },
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
        },
      },
    });
    await this.connection.sendNotification('initialized', {});
    return result as { capabilities: Record<string, unknown>; serverInfo?: { name: string } };
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
  }

  /** Waits until a condition on what the server sent holds, or fails after `timeoutMs`. */
  /** Waits until the server says it has indexed the workspace folders. */
  workspaceIndexed(): Promise<unknown> {
    return this.waitFor(
      () => this.notifications.find((n) => n.method === 'window/logMessage' && /indexed \d+ objects/.test((n.params as { message: string }).message)),
      'the index to be built',
    );
  }

  waitFor<T>(probe: () => T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = probe();
        if (value === undefined) return false;
        clearTimeout(timer);
        this.listeners.splice(this.listeners.indexOf(listener), 1);
        resolve(value);
        return true;
      };
      const listener = () => void check();
      const timer = setTimeout(() => {
        this.listeners.splice(this.listeners.indexOf(listener), 1);
        reject(new Error(`timed out waiting for ${what}; server stderr:\n${this.stderr}`));
      }, timeoutMs);
      if (!check()) this.listeners.push(listener);
    });
  }

  /** The diagnostics published for a document version (any version when none is given). */
  diagnosticsFor(uri: string, version?: number): Promise<Diagnostic[]> {
    return this.waitFor(() => {
      const published = this.diagnostics.get(uri);
      if (!published || (version !== undefined && published.version !== version)) return undefined;
      return published.diagnostics;
    }, `diagnostics for ${uri}${version === undefined ? '' : ` v${version}`}`);
  }

  /** Asks the server to shut down and exit, and resolves with its exit code. */
  async shutdown(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.process.once('exit', (code) => resolve(code)));
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await exited;
    this.connection.dispose();
    return code;
  }

  private notify(): void {
    [...this.listeners].forEach((listener) => listener());
  }
}
