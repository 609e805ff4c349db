// End-to-end tests: the packaged extension (dist/client.js + dist/server.js) running in VS Code's
// real extension host, talking to its language server. They check what a person sees through the
// editor's own APIs: diagnostics, hover, completion, quick fixes and commands.
//
// Waiting is always "until a condition holds or a deadline passes", driven by VS Code's events,
// never a fixed sleep. The only bounded observation is the quiet period used to show that
// something does NOT happen (no diagnostics on YAML that is not Kubernetes).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateExtension,
  describeDiagnostics,
  DIAGNOSTIC_SOURCE,
  diagnosticOnLine,
  eventually,
  hoverText,
  lineOf,
  openYaml,
  ours,
  QUIET_PERIOD_MS,
  revert,
  SCHEMA_PROBLEM,
  waitForDiagnostics,
} from './helpers';

describe('Kube Guide in VS Code', () => {
  before(activateExtension);

  // First on purpose: showing that nothing appears needs a busy server to compare with, so the
  // manifest with mistakes is opened after the files that must stay clean.
  describe('YAML that is not a Kubernetes manifest', () => {
    it('gets no diagnostics from kube-guide (GitHub workflow, docker-compose)', async () => {
      const workflow = await openYaml('.github/workflows/ci.yml');
      const compose = await openYaml('docker-compose.yml');

      // Once the server has published for a manifest opened afterwards, it has seen these too.
      const manifest = await openYaml('deployment-with-mistakes.yaml');
      await waitForDiagnostics(manifest.uri, (all) => all.some((d) => d.source === DIAGNOSTIC_SOURCE), 'any kube-guide diagnostic');

      const quietUntil = Date.now() + QUIET_PERIOD_MS;
      while (Date.now() < quietUntil) {
        for (const document of [workflow, compose]) {
          assert.deepEqual(
            ours(document.uri).map((d) => `line ${d.range.start.line}: ${d.message}`),
            [],
            `${document.uri.path} is not a Kubernetes manifest`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });
  });

  describe('schema validation', () => {
    let document: vscode.TextDocument;
    before(async () => {
      document = await openYaml('deployment-with-mistakes.yaml');
    });

    it('reports an unknown field under a Deployment spec as not allowed', async () => {
      const line = lineOf(document, 'replicass:');
      await waitForDiagnostics(document.uri, (all) => all.some(diagnosticOnLine(line, /replicass.*not allowed|not allowed.*replicass/i)), `"replicass" not allowed on line ${line}`);
    });

    it('reports a non-integer replicas', async () => {
      const line = lineOf(document, 'replicas: 2.5');
      await waitForDiagnostics(document.uri, (all) => all.some(diagnosticOnLine(line, /integer/i)), `an "integer" problem on line ${line}`);
    });

    it('reports a value of the wrong type', async () => {
      const line = lineOf(document, 'ports: 8080');
      await waitForDiagnostics(document.uri, (all) => all.some(diagnosticOnLine(line, /incorrect type|expected/i)), `a type problem on line ${line}`);
      const diagnostic = vscode.languages.getDiagnostics(document.uri).find(diagnosticOnLine(line, /incorrect type|expected/i));
      assert.match(diagnostic!.message, /array/i, 'the message should name the expected type');
    });

    it('reports an enum violation and lists the allowed values', async () => {
      const line = lineOf(document, 'imagePullPolicy: Sometimes');
      const all = await waitForDiagnostics(document.uri, (found) => found.some(diagnosticOnLine(line, /Always/)), `an enum problem on line ${line}`);
      const message = all.find(diagnosticOnLine(line, /Always/))!.message;
      for (const allowed of ['Always', 'IfNotPresent', 'Never']) {
        assert.ok(message.includes(allowed), `message should list ${allowed}: ${message}`);
      }
    });

    it('publishes every diagnostic on a manifest under the kube-guide source', async () => {
      const all = await waitForDiagnostics(document.uri, (found) => found.length >= 4, 'the four schema problems');
      assert.deepEqual(
        all.filter((d) => d.source !== DIAGNOSTIC_SOURCE).map((d) => `[${d.source}] ${d.message}`),
        [],
        'diagnostics from another source',
      );
      const schemaProblem = all.find((d) => SCHEMA_PROBLEM.test(d.message));
      assert.ok(schemaProblem, `no schema problem among:\n${describeDiagnostics(all)}`);
      // The API server refuses every schema violation, so the editor shows them as errors.
      for (const problem of all.filter((d) => SCHEMA_PROBLEM.test(d.message))) {
        assert.equal(problem.severity, vscode.DiagnosticSeverity.Error, `not an error: ${problem.message}`);
      }
    });

    it('reports no schema problems on valid manifests', async () => {
      // Opening the valid files last and waiting for the manifest with mistakes again proves the
      // server is running; then the valid ones must have no schema findings (best-practice hints
      // from other rules are allowed).
      const valid = [await openYaml('service.yaml'), await openYaml('deployment.yaml')];
      await waitForDiagnostics(document.uri, (all) => all.some((d) => d.source === DIAGNOSTIC_SOURCE), 'any kube-guide diagnostic');
      for (const validDocument of valid) {
        const problems = ours(validDocument.uri).filter((d) => SCHEMA_PROBLEM.test(d.message));
        assert.deepEqual(problems.map((d) => `line ${d.range.start.line}: ${d.message}`), [], validDocument.uri.path);
      }
    });
  });

  describe('hover', () => {
    it('shows the Kubernetes description of a Deployment field', async () => {
      const document = await openYaml('deployment.yaml');
      const line = lineOf(document, 'replicas: 3');
      const position = new vscode.Position(line, document.lineAt(line).text.indexOf('replicas') + 2);
      // The first hover can come back empty while the server loads its schema.
      const text = await eventually('a hover mentioning the replicas description', async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
        const joined = hoverText(hovers ?? []);
        return /Number of desired pods/i.test(joined) ? joined : undefined;
      });
      assert.match(text, /Number of desired pods/i);
    });
  });

  describe('completion', () => {
    let document: vscode.TextDocument;
    afterEach(async () => revert(document));

    it('offers replicas, selector and template inside a Deployment spec', async () => {
      document = await openYaml('deployment-being-written.yaml');
      const specLine = lineOf(document, 'spec:');
      // Type a new, indented line under `spec:` as a person would, then ask for completion there.
      const edit = new vscode.WorkspaceEdit();
      edit.insert(document.uri, new vscode.Position(specLine, document.lineAt(specLine).text.length), '\n  ');
      assert.equal(await vscode.workspace.applyEdit(edit), true, 'could not type into the document');
      const position = new vscode.Position(specLine + 1, 2);

      const labels = await eventually('completion items for a Deployment spec', async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
        const found = (list?.items ?? []).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
        return found.includes('replicas') ? found : undefined;
      });
      for (const expected of ['replicas', 'selector', 'template']) {
        assert.ok(labels.includes(expected), `completion should offer ${expected}; got: ${labels.join(', ')}`);
      }
    });
  });

  describe('quick fix', () => {
    let document: vscode.TextDocument;
    after(async () => revert(document));

    it('offers Change to "replicas" for the misspelt field, and applying it fixes the document', async () => {
      document = await openYaml('deployment-with-mistakes.yaml');
      const line = lineOf(document, 'replicass:');
      const all = await waitForDiagnostics(document.uri, (found) => found.some(diagnosticOnLine(line, /not allowed/i)), `"replicass" not allowed on line ${line}`);
      const diagnostic = all.find(diagnosticOnLine(line, /not allowed/i))!;

      const actions = await eventually('code actions for the unknown field', async () => {
        const found = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
          'vscode.executeCodeActionProvider',
          document.uri,
          diagnostic.range,
        );
        return found && found.length > 0 ? found : undefined;
      });
      const fix = actions.find((action) => /change to\W+replicas\b/i.test(action.title));
      assert.ok(fix, `no 'Change to "replicas"' action among: ${JSON.stringify(actions.map((a) => a.title))}`);

      const action = fix as vscode.CodeAction;
      assert.equal(action.kind?.value, vscode.CodeActionKind.QuickFix.value);
      assert.equal(action.isPreferred, true, 'the rename is the preferred fix (applied by "Auto Fix")');
      assert.ok(action.edit, 'the quick fix carries its edit');
      const before = document.lineAt(line).text;
      assert.equal(await vscode.workspace.applyEdit(action.edit), true, 'the quick fix edit did not apply');

      assert.equal(document.lineAt(line).text, before.replace('replicass', 'replicas'), 'only the key changes');
      assert.ok(!document.getText().includes('replicass'), 'the misspelling is still in the document');
      await waitForDiagnostics(document.uri, (found) => !found.some(diagnosticOnLine(line, /not allowed/i)), 'the "not allowed" problem to go away');
    });
  });

  describe('commands', () => {
    it('registers kubeGuide.restartServer', async () => {
      const commands = await vscode.commands.getCommands(true);
      assert.ok(commands.includes('kubeGuide.restartServer'), 'kubeGuide.restartServer is not registered');
    });

    it('restarts the server, which validates again', async () => {
      const document = await openYaml('deployment-with-mistakes.yaml');
      const line = lineOf(document, 'imagePullPolicy: Sometimes');
      await vscode.commands.executeCommand('kubeGuide.restartServer');
      await waitForDiagnostics(document.uri, (all) => all.some(diagnosticOnLine(line, /Always/)), 'the enum problem after a restart');
    });
  });
});
