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
import { MANIFEST_STATUS_NOTIFICATION, type ManifestStatus } from '../../server/src/protocol';
import { REPO_ROOT } from './fixtures';

/** The bundled server started as a process and driven over stdio, as an editor would. */
export class LspTestClient {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcessWithoutNullStreams;
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly notifications: Array<{ method: string; params: unknown }> = [];
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
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params);
      this.notify();
    });
    this.connection.onNotification(MANIFEST_STATUS_NOTIFICATION, (params: ManifestStatus) => {
      this.notifications.push({ method: MANIFEST_STATUS_NOTIFICATION, params });
      this.notify();
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => options.settings ?? {}));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.listen();
  }

  async initialize() {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
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
