// The walkthrough's shipped files: the sample manifest must show exactly the mistakes its pages promise,
// the config template must be a config Kube Guide accepts (also with its examples switched on), and every
// step must point at media and commands that exist.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseConfigText } from '../../server/src/config/kubeGuideConfig';
import { ALL_RULES } from '../../server/src/rules/registry';
import { checkFile } from '../../server/src/services/checkFile';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { REPO_ROOT } from '../support/fixtures';
import { schemaService } from '../support/schemaServiceFactory';

const WALKTHROUGH = path.join(REPO_ROOT, 'media', 'walkthrough');
const RULE_IDS = new Set(ALL_RULES.map((rule) => rule.meta.id));
const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));

describe('walkthrough', () => {
  it('sample manifest: the six mistakes open-sample.md lists, and nothing else', async function () {
    this.timeout(20_000);
    const text = readFileSync(path.join(WALKTHROUGH, 'sample.yaml'), 'utf8');
    const { diagnostics } = await checkFile(text, 'untitled:Untitled-1', { schemaService, rules: ALL_RULES, docsLink: (id) => id }, DEFAULT_SETTINGS);
    const found = diagnostics.map((d) => `${d.range.start.line + 1} ${d.code}`);
    const lineOf = (needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;
    assert.deepEqual(found.sort(), [
      `${lineOf('replicas: 1')} replicas-minimum`,
      `${lineOf('revisionHistoryLimt')} schema-unknown-field`,
      `${lineOf('hostNetwork: true')} host-namespaces`,
      `${lineOf('image: nginx:latest')} image-tag`,
      `${lineOf('type: NodePort')} service-nodeport`,
      `${lineOf('apiVersion: batch/v1beta1')} deprecated-api-version`,
    ].sort());
    const page = readFileSync(path.join(WALKTHROUGH, 'open-sample.md'), 'utf8');
    for (const shown of ['replicas: 1', 'revisionHistoryLimt', 'hostNetwork: true', 'image: nginx:latest', 'type: NodePort', 'batch/v1beta1']) {
      assert.ok(page.includes(`\`${shown}\``), `open-sample.md names ${shown}`);
    }
  });

  it('config template: accepted as it ships, and with every example line switched on', () => {
    const template = readFileSync(path.join(WALKTHROUGH, 'team-config.yaml'), 'utf8');
    assert.deepEqual(parseConfigText(template, '/repo/.kube-guide.yaml', RULE_IDS), { path: '/repo/.kube-guide.yaml', root: false, profile: 'aks-production' });
    // "# key: value" lines (and the rules' indented entries under them) are examples meant to be uncommented.
    const switchedOn = template.replace(/^# (?=(?:[a-zA-Z]+:| {2}[a-z-]+:))/gm, '');
    const config = parseConfigText(switchedOn, '/repo/.kube-guide.yaml', RULE_IDS);
    assert.equal(config.root, true);
    assert.equal(config.kubernetesVersion, '1.33');
    assert.deepEqual(config.rules, { 'image-tag': 'error', 'topology-spread-zones': 'off' });
    assert.deepEqual(config.trustedRegistries, ['myregistry.azurecr.io', 'mcr.microsoft.com']);
  });

  it('every step has its media, and links to commands the extension contributes or VS Code has', () => {
    const ours = new Set((manifest.contributes.commands as Array<{ command: string }>).map((c) => c.command));
    const builtIn = new Set(['workbench.actions.view.problems']);
    const steps = manifest.contributes.walkthroughs[0].steps as Array<{ id: string; description: string; media: Record<string, string>; completionEvents: string[] }>;
    for (const step of steps) {
      const media = step.media.markdown ?? step.media.svg ?? step.media.image;
      assert.ok(existsSync(path.join(REPO_ROOT, media)), `${step.id}: ${media}`);
      const links = [...step.description.matchAll(/\(command:([\w.]+)\)/g)].map((match) => match[1]);
      assert.ok(links.length > 0, `${step.id} has a button`);
      for (const command of links) assert.ok(ours.has(command) || builtIn.has(command), `${step.id}: ${command}`);
      assert.ok(step.completionEvents.length > 0, `${step.id} completes by itself`);
    }
  });
});
