import type { Diagnostic } from 'vscode-languageserver-types';

// kubeGuide.diagnosticsScope "workspace": manifests nobody opened get their problems too, checked one at a
// time in the background from their text on disk, yielding between files so the editor's own requests
// (a keystroke's check, a hover) never wait behind a whole workspace.

export interface UnopenedFileChecksHost {
  /** True while the setting asks for the whole workspace. */
  enabled(): boolean;
  isOpen(uri: string): boolean;
  /** The file's text when it is an indexed manifest within the size limit; undefined otherwise. */
  readManifest(uri: string): Promise<string | undefined>;
  check(uri: string, text: string): Promise<Diagnostic[]>;
  publish(uri: string, diagnostics: Diagnostic[]): Promise<void>;
  logError(message: string): void;
}

export class UnopenedFileChecks {
  private readonly queue = new Set<string>();
  /** Files whose problems we published: they are withdrawn when the file goes or the scope narrows. */
  private readonly published = new Set<string>();
  private draining = false;

  constructor(private readonly host: UnopenedFileChecksHost) {}

  /** Checks the file (again) soon, unless it is open (the editor checks it) or the scope is open files. */
  schedule(uri: string): void {
    if (!this.host.enabled() || this.host.isOpen(uri)) return;
    this.queue.add(uri);
    if (this.draining) return;
    this.draining = true;
    setImmediate(() => void this.drain());
  }

  /** The file was deleted: its problems go with it. */
  deleted(uri: string): void {
    this.queue.delete(uri);
    if (this.published.delete(uri)) void this.host.publish(uri, []);
  }

  /** Applies the setting: checks every given manifest, or withdraws what was published for unopened ones. */
  applyScope(uris: Iterable<string>): void {
    if (this.host.enabled()) {
      for (const uri of uris) this.schedule(uri);
      return;
    }
    this.queue.clear();
    for (const uri of this.published) if (!this.host.isOpen(uri)) void this.host.publish(uri, []);
    this.published.clear();
  }

  private async drain(): Promise<void> {
    for (const uri of this.queue) {
      this.queue.delete(uri);
      if (this.host.isOpen(uri) || !this.host.enabled()) continue;
      try {
        const text = await this.host.readManifest(uri);
        if (text === undefined) {
          if (this.published.delete(uri)) await this.host.publish(uri, []);
          continue;
        }
        const diagnostics = await this.host.check(uri, text);
        if (this.host.isOpen(uri)) continue; // opened meanwhile: the editor's own check wins
        this.published.add(uri);
        await this.host.publish(uri, diagnostics);
      } catch (error) {
        this.host.logError(`Kube Guide could not check ${uri}: ${error instanceof Error ? error.stack : String(error)}`);
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.draining = false;
  }
}
