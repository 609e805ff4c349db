// Shared by the end-to-end test files: open workspace files, and wait for what the extension publishes.
// Waiting is always "until a condition holds or a deadline passes", driven by VS Code's events,
// never a fixed sleep.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'kube-guide.kube-guide';
export const DIAGNOSTIC_SOURCE = 'kube-guide';
/** Below mocha's 60 s so that a miss fails with our message, not mocha's timeout. */
export const DEADLINE_MS = 30_000;
/** How long YAML that is not Kubernetes must stay free of our diagnostics once the server is busy. */
export const QUIET_PERIOD_MS = 1_500;

/** Messages yaml-language-server gives for schema problems (other rules may add other findings). */
export const SCHEMA_PROBLEM = /is not allowed|is not an allowed value|incorrect type|value is not accepted|missing property/i;

export function workspaceUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test run must open test/e2e/workspace as its folder');
  return vscode.Uri.joinPath(folder.uri, ...relativePath.split('/'));
}

export async function openYaml(relativePath: string): Promise<vscode.TextDocument> {
  let document = await vscode.workspace.openTextDocument(workspaceUri(relativePath));
  // VS Code gives some YAML files a language of their own (docker-compose.yml is `dockercompose`).
  // Force `yaml` so the extension really sees them: it must decide by content, not by file name.
  if (document.languageId !== 'yaml') {
    document = await vscode.languages.setTextDocumentLanguage(document, 'yaml');
  }
  // Opening is enough for the language client to sync it; no editor is needed for the providers.
  return document;
}

/** The 0-based line of the only line whose YAML (not its comment) contains `text`. */
export function lineOf(document: vscode.TextDocument, text: string): number {
  const lines = document.getText().split(/\r?\n/);
  const withoutComment = (line: string): string => line.replace(/(^|\s)#.*$/, '');
  const matches = lines.flatMap((line, index) => (withoutComment(line).includes(text) ? [index] : []));
  assert.equal(matches.length, 1, `expected exactly one line containing ${JSON.stringify(text)} in ${document.uri.path}`);
  return matches[0];
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
}

export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return '  (none)';
  return diagnostics
    .map((d) => `  line ${d.range.start.line}: [${d.source ?? 'no source'}] ${d.message}`)
    .join('\n');
}

/**
 * Resolves with the document's diagnostics as soon as `isSatisfied` accepts them; checks now and on
 * every diagnostics change for that document, and fails with what it last saw at the deadline.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  isSatisfied: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!isSatisfied(diagnostics)) return false;
      finish();
      resolve(diagnostics);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      finish();
      reject(
        new Error(
          `timed out after ${DEADLINE_MS} ms waiting for ${what} on ${uri.path}; diagnostics were:\n` +
            describeDiagnostics(vscode.languages.getDiagnostics(uri)),
        ),
      );
    }, DEADLINE_MS);
    function finish(): void {
      clearTimeout(timer);
      subscription.dispose();
    }
    check();
  });
}

/** Retries `attempt` until it returns a value (not undefined) or the deadline passes. */
export async function eventually<T>(what: string, attempt: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + DEADLINE_MS;
  let lastError: unknown;
  for (let delay = 50; Date.now() < deadline; delay = Math.min(delay * 2, 500)) {
    try {
      const value = await attempt();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
  throw new Error(`timed out after ${DEADLINE_MS} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
}

export function diagnosticOnLine(line: number, message: RegExp) {
  return (diagnostic: vscode.Diagnostic): boolean =>
    diagnostic.source === DIAGNOSTIC_SOURCE && diagnostic.range.start.line === line && message.test(diagnostic.message);
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

export async function revert(document: vscode.TextDocument): Promise<void> {
  if (!document.isDirty) return;
  await vscode.window.showTextDocument(document, { preview: false });
  await vscode.commands.executeCommand('workbench.action.files.revert');
  assert.equal(document.isDirty, false, `could not revert ${document.uri.path}`);
}

/** Activates the extension under test, failing clearly when it is missing or does not start. */
export async function activateExtension(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed in this VS Code`);
  await extension.activate();
  assert.equal(extension.isActive, true, `${EXTENSION_ID} did not activate`);
}
