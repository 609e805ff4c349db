// End to end: the walkthrough and what it links to, the injection grammar's contribution, the status
// menu, and schema validation with Red Hat YAML absent, in a real VS Code.
// Waiting is "until a condition holds or a deadline passes", never a fixed sleep.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, EXTENSION_ID, eventually, ours, waitForDiagnostics } from './helpers';

interface WalkthroughStep {
  id: string;
  description: string;
  media: { markdown?: string; svg?: string; image?: string };
  completionEvents?: string[];
}

const extension = () => vscode.extensions.getExtension(EXTENSION_ID)!;
const walkthroughSteps = (): WalkthroughStep[] => extension().packageJSON.contributes.walkthroughs[0].steps;
/** The command ids a step's description links to, as `[title](command:id)`. */
const linkedCommands = (step: WalkthroughStep) => [...step.description.matchAll(/\(command:([\w.]+)\)/g)].map((match) => match[1]);

describe('Kube Guide beside the editor (walkthrough, grammar, status menu)', () => {
  before(activateExtension);

  describe('the walkthrough', () => {
    it('is contributed with its media, and links only to commands that exist', async () => {
      const steps = walkthroughSteps();
      assert.deepEqual(steps.map((step) => step.id), ['openSample', 'readFinding', 'quickFix', 'fixAll', 'insertManifest', 'diagrams', 'teamChoices']);
      const commands = new Set(await vscode.commands.getCommands(true));
      for (const step of steps) {
        const media = step.media.markdown ?? step.media.svg ?? step.media.image;
        assert.ok(media && fs.existsSync(path.join(extension().extensionPath, media)), `${step.id}: media ${media}`);
        for (const command of linkedCommands(step)) assert.ok(commands.has(command), `${step.id} links to ${command}, which no one registered`);
      }
      assert.deepEqual(linkedCommands(steps[0]), ['kubeGuide.openSampleManifest']);
    });

    describe("its first step's command", () => {
      let sample: vscode.TextDocument;

      before(async () => {
        sample = (await vscode.commands.executeCommand<vscode.TextDocument>('kubeGuide.openSampleManifest'))!;
      });
      after(async () => {
        // Unsaved and untitled: close without the "save changes?" prompt.
        await vscode.window.showTextDocument(sample);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      });

      it('opens the shipped sample as a new, unsaved YAML document in the editor', () => {
        assert.equal(sample.uri.scheme, 'untitled');
        assert.equal(sample.languageId, 'yaml');
        const shipped = fs.readFileSync(path.join(extension().extensionPath, 'media', 'walkthrough', 'sample.yaml'), 'utf8');
        assert.equal(sample.getText(), shipped);
        assert.equal(vscode.window.activeTextEditor?.document, sample);
      });

      it('shows its mistakes, schema errors included: Red Hat YAML is not installed here, so auto means Kube Guide checks', async () => {
        assert.equal(vscode.extensions.getExtension('redhat.vscode-yaml'), undefined, 'no marketplace offline: the extension cannot be installed on this machine');
        const expected = ['replicas-minimum', 'schema-unknown-field', 'host-namespaces', 'image-tag', 'service-nodeport', 'deprecated-api-version'];
        const found = await waitForDiagnostics(sample.uri, (all) => expected.every((code) => all.some((d) => d.code === code || (d.code as { value?: string })?.value === code)), 'the sample\'s six findings');
        assert.equal(ours(sample.uri).length, found.filter((d) => d.source === 'kube-guide').length);
      });

      it('Fix All applies every sure fix, round after round, and leaves what needs judgement', async () => {
        const rounds = await vscode.commands.executeCommand<number>('kubeGuide.fixAll');
        assert.ok(rounds !== undefined && rounds >= 2, `rounds: ${rounds}`);
        const text = sample.getText();
        assert.match(text, /^apiVersion: batch\/v1$/m);
        assert.doesNotMatch(text, /hostNetwork/);
        assert.match(text, /^ {2}replicas: 2$/m);
        assert.match(text, /podAntiAffinity:/, 'the second round spreads the two replicas');
        assert.match(text, /image: nginx:latest/, 'choosing a version is left to the user');
        await waitForDiagnostics(sample.uri, (all) => !all.some((d) => d.code === 'deprecated-api-version'), 'the fixed findings to go');
      });
    });
  });

  it('contributes the injection grammar for YAML', () => {
    const grammars: Array<{ injectTo?: string[]; scopeName: string; path: string }> = extension().packageJSON.contributes.grammars;
    const injection = grammars.find((grammar) => grammar.injectTo?.includes('source.yaml'));
    assert.ok(injection, 'a grammar injected into source.yaml');
    const file = JSON.parse(fs.readFileSync(path.join(extension().extensionPath, injection.path), 'utf8')) as { scopeName: string; injectionSelector: string };
    assert.equal(file.scopeName, injection.scopeName);
    assert.match(file.injectionSelector, /comment\.line\.number-sign\.yaml/);
  });

  it('opens the status menu, and closes it again', async () => {
    const menu = vscode.commands.executeCommand('kubeGuide.showStatusMenu');
    // The quick pick is open once closing it ends the command.
    await eventually('the status menu to close', async () => {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      return Promise.race([menu.then(() => true), new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 200))]);
    });
  });
});
