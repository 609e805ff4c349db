// Faults a person may meet: the language server dies, and the extension brings it back.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { activateExtension, eventually, lineOf, openYaml, revert, waitForDiagnostics } from './helpers';

/** Process ids of our language server(s), children of this extension host. */
function serverProcesses(): number[] {
  const lines = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' }).split('\n');
  return lines.filter((line) => /dist\/server\.js/.test(line)).map((line) => Number(line.trim().split(/\s+/)[0]));
}

describe('when the language server dies', () => {
  let document: vscode.TextDocument;
  before(activateExtension);
  after(async () => revert(document));

  it('is restarted by the client, and diagnostics come back', async () => {
    document = await openYaml('deployment-with-mistakes.yaml');
    const line = lineOf(document, 'replicass:');
    const hasTypo = (all: vscode.Diagnostic[]) => all.some((d) => d.source === 'kube-guide' && d.range.start.line === line);
    await waitForDiagnostics(document.uri, hasTypo, 'the unknown-field diagnostic');

    const [before] = await eventually('the running server process', async () => (serverProcesses().length === 1 ? serverProcesses() : undefined));
    process.kill(before, 'SIGKILL');
    const [after] = await eventually('a new server process', async () => {
      const now = serverProcesses();
      return now.length === 1 && now[0] !== before ? now : undefined;
    });
    assert.notEqual(after, before);

    // An edit after the restart is checked by the new server.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(0, 0), '# edited after the restart\n');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    await waitForDiagnostics(document.uri, (all) => all.some((d) => d.source === 'kube-guide' && d.range.start.line === line + 1), 'the diagnostic from the restarted server');
  });
});
