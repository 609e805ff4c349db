import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { WorkspaceConfig } from '../../server/src/config/workspaceConfig';
import { API_LIFECYCLES, apiLifecycleLines } from '../../server/src/knowledge/apiLifecycle';
import { compareMinorVersions, MINOR_VERSION_PATTERN, NEWEST_AKS_KUBERNETES_VERSION } from '../../server/src/knowledge/kubernetesVersions';
import { parseManifestFile } from '../../server/src/model/manifestFile';
import { runRules } from '../../server/src/rules/engine';
import { ALL_RULES } from '../../server/src/rules/registry';
import type { RuleSettings } from '../../server/src/rules/ruleSettings';
import { documentSettingsFor } from '../../server/src/services/documentSettings';
import { schemaDeciderFor } from '../../server/src/services/schemaCoexistence';
import { createHoverService } from '../../server/src/services/hoverService';
import { hoverMarkdown } from '../../server/src/services/schemaService';
import { readSettings } from '../../server/src/settings';
import { REPO_ROOT } from '../support/fixtures';
import { openDocument, schemaService } from '../support/schemaServiceFactory';

const RULE_IDS = new Set(ALL_RULES.map((rule) => rule.meta.id));
const deprecatedApiVersion = ALL_RULES.find((rule) => rule.meta.id === 'deprecated-api-version')!;

const MANIFEST = ['apiVersion: batch/v1beta1', 'kind: CronJob', '---', 'apiVersion: rbac.authorization.k8s.io/v1beta1', 'kind: Role', ''].join('\n');

/** `severity line: message` of the deprecated-api-version findings under these rule settings. */
function findings(ruleSettings: RuleSettings): string[] {
  return runRules(parseManifestFile(MANIFEST), [deprecatedApiVersion], ruleSettings).findings.map((f) => `${f.severity} ${f.range.start.line + 1}: ${f.message}`);
}

describe('Kubernetes version target', () => {
  it('defaults to the newest version AKS offers, and reads kubeGuide.kubernetesVersion', () => {
    assert.equal(readSettings({}).rules.kubernetesVersion, NEWEST_AKS_KUBERNETES_VERSION);
    assert.equal(readSettings({ kubernetesVersion: '' }).rules.kubernetesVersion, NEWEST_AKS_KUBERNETES_VERSION);
    assert.equal(readSettings({ kubernetesVersion: '1.30' }).rules.kubernetesVersion, '1.30');
    assert.equal(readSettings({ kubernetesVersion: 'v1.30.2' }).rules.kubernetesVersion, NEWEST_AKS_KUBERNETES_VERSION, 'not a minor version');
    assert.equal(readSettings({ kubernetesVersion: 1.3 }).rules.kubernetesVersion, NEWEST_AKS_KUBERNETES_VERSION);
  });

  it('is declared once in package.json, with a pattern that accepts empty or a minor version', () => {
    const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    const setting = manifest.contributes.configuration.properties['kubeGuide.kubernetesVersion'];
    assert.equal(setting.default, '', 'empty: the newest AKS version, from one constant in the server');
    const pattern = new RegExp(setting.pattern);
    for (const valid of ['', '1.29', NEWEST_AKS_KUBERNETES_VERSION]) assert.ok(pattern.test(valid), valid);
    for (const invalid of ['1.3x', 'v1.30', '1.30.1', '1']) assert.ok(!pattern.test(invalid), invalid);
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    assert.ok(readme.includes(`(${NEWEST_AKS_KUBERNETES_VERSION} in this release)`), 'the README names the default target');
  });

  describe('a .kube-guide.yaml target wins over the setting', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'kube-guide-target-'));
    mkdirSync(path.join(root, 'legacy'));
    mkdirSync(path.join(root, 'current'));
    writeFileSync(path.join(root, 'legacy', '.kube-guide.yaml'), 'kubernetesVersion: "1.23"\n');
    const config = new WorkspaceConfig(RULE_IDS, (error) => assert.fail(error.message));
    const userSettings = readSettings({ kubernetesVersion: '1.30' });
    const decideSchema = schemaDeciderFor(undefined);
    const legacy = documentSettingsFor(pathToFileURL(path.join(root, 'legacy', 'jobs.yaml')).href, userSettings, config, decideSchema);
    const current = documentSettingsFor(pathToFileURL(path.join(root, 'current', 'jobs.yaml')).href, userSettings, config, decideSchema);

    it('says which target applies and who chose it', () => {
      assert.deepEqual(legacy.target, { kubernetesVersion: '1.23', chosenBy: 'config-file' });
      assert.equal(legacy.configFile, pathToFileURL(path.join(root, 'legacy', '.kube-guide.yaml')).href);
      assert.deepEqual(current.target, { kubernetesVersion: '1.30', chosenBy: 'settings' });
      assert.equal(current.configFile, undefined);
    });

    it('judges APIs against it: deprecated at 1.23 is a warning, removed by 1.30 an error', () => {
      assert.deepEqual(findings(legacy.ruleSettings), [
        'warning 1: batch/v1beta1 CronJob is deprecated since Kubernetes 1.21 and removed in 1.25; use batch/v1.',
        'error 4: rbac.authorization.k8s.io/v1beta1 Role was removed in Kubernetes 1.22; use rbac.authorization.k8s.io/v1.',
      ]);
      assert.deepEqual(findings(current.ruleSettings), [
        'error 1: batch/v1beta1 CronJob was removed in Kubernetes 1.25; use batch/v1.',
        'error 4: rbac.authorization.k8s.io/v1beta1 Role was removed in Kubernetes 1.22; use rbac.authorization.k8s.io/v1.',
      ]);
    });

    it('a severity chosen for the rule moves both kinds of finding, keeping their order', () => {
      const chosen = (severity: 'warning' | 'hint' | 'off') => findings({ ...legacy.ruleSettings, severities: { 'deprecated-api-version': severity } }).map((f) => f.split(':')[0]);
      assert.deepEqual(chosen('warning'), ['info 1', 'warning 4']);
      assert.deepEqual(chosen('hint'), ['hint 1', 'hint 4']);
      assert.deepEqual(chosen('off'), []);
    });
  });

  describe('apiVersion lifecycle knowledge', () => {
    it('is consistent: minor versions, deprecation before removal, one entry per apiVersion and kind', () => {
      const keys = new Set<string>();
      for (const lifecycle of API_LIFECYCLES) {
        const name = `${lifecycle.apiVersion} ${lifecycle.kind}`;
        assert.ok(!keys.has(name), `${name} twice`);
        keys.add(name);
        assert.ok(lifecycle.deprecatedIn || lifecycle.removedIn, `${name} records something`);
        for (const version of [lifecycle.deprecatedIn, lifecycle.removedIn, lifecycle.replacement?.servedSince]) {
          if (version) assert.match(version, MINOR_VERSION_PATTERN, name);
        }
        if (lifecycle.deprecatedIn && lifecycle.removedIn) assert.ok(compareMinorVersions(lifecycle.deprecatedIn, lifecycle.removedIn) < 0, name);
      }
    });

    it('tells on hover when an apiVersion was removed, is deprecated, or will go, for the target', () => {
      assert.deepEqual(apiLifecycleLines('batch/v1beta1', 'CronJob', '1.34'), [
        '⛔ `batch/v1beta1` CronJob was **removed in Kubernetes 1.25** (deprecated since 1.21); your target is 1.34. Use `batch/v1` (served since 1.21).',
      ]);
      assert.deepEqual(apiLifecycleLines('batch/v1beta1', 'CronJob', '1.23'), [
        '⚠️ `batch/v1beta1` CronJob is **deprecated since Kubernetes 1.21**, removed in 1.25; your target is 1.23. Use `batch/v1` (served since 1.21).',
      ]);
      assert.deepEqual(apiLifecycleLines('batch/v1beta1', 'CronJob', '1.20'), [
        '`batch/v1beta1` CronJob is served at your target, Kubernetes 1.20; Kubernetes deprecates it in 1.21 and removes it in 1.25. Use `batch/v1` (served since 1.21).',
      ]);
      assert.deepEqual(apiLifecycleLines('batch/v1', 'CronJob', '1.34'), ['`batch/v1` CronJob is served since Kubernetes 1.21.']);
      assert.deepEqual(apiLifecycleLines('batch/v1', 'CronJob', '1.20'), ['⚠️ `batch/v1` CronJob is served only from Kubernetes 1.21 on; your target is 1.20.']);
      assert.deepEqual(apiLifecycleLines('apps/v1', 'Gadget', '1.34'), [], 'nothing known, nothing said');
    });

    it('puts it on top of the apiVersion hover, for the target of the document', async function () {
      this.timeout(20_000);
      const { document, file } = openDocument('apiVersion: networking.k8s.io/v1beta1\nkind: Ingress\nmetadata:\n  name: web\n');
      const hover = (kubernetesVersion: string) =>
        createHoverService(schemaService()).hover(document, file, { line: 0, character: 20 }, { kubernetesVersion, schemaFields: true }).then(hoverMarkdown);
      const [lifecycle, ...rest] = (await hover('1.34')).split('\n\n---\n\n');
      assert.match(lifecycle, /^⛔ `networking\.k8s\.io\/v1beta1` Ingress was \*\*removed in Kubernetes 1\.22\*\* \(deprecated since 1\.19\); your target is 1\.34\. Use `networking\.k8s\.io\/v1` \(served since 1\.19\), whose fields differ: each backend's `serviceName`/);
      assert.match(rest.join('\n'), /\*\*apiVersion\*\*: string/, "and the API's own field docs below");
      assert.match(await hover('1.20'), /^⚠️ `networking\.k8s\.io\/v1beta1` Ingress is \*\*deprecated since Kubernetes 1\.19\*\*, removed in 1\.22; your target is 1\.20\./);
    });
  });
});
