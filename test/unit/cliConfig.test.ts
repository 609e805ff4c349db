import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { applyConfig, ConfigError, createConfigLoader, parseConfigText } from '../../server/src/config/kubeGuideConfig';
import { DEFAULT_RULE_SETTINGS } from '../../server/src/rules/ruleSettings';

const RULE_IDS = new Set(['container-resources', 'image-tag']);

function problemOf(text: string): string {
  try {
    parseConfigText(text, '/repo/.kube-guide.yaml', RULE_IDS);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.message;
  }
  assert.fail('expected a ConfigError');
}

describe('.kube-guide.yaml', () => {
  it('reads every key', () => {
    const config = parseConfigText(
      ['root: true', 'profile: baseline', 'rules:', '  image-tag: off', '  container-resources: error',
        'trustedRegistries: [myacr.azurecr.io]', 'exclude: ["generated/", "*.tmp.yaml"]', 'kubernetesVersion: "1.30"'].join('\n'),
      '/repo/.kube-guide.yaml',
      RULE_IDS,
    );
    assert.deepEqual(config, {
      path: '/repo/.kube-guide.yaml',
      root: true,
      profile: 'baseline',
      rules: { 'image-tag': 'off', 'container-resources': 'error' },
      trustedRegistries: ['myacr.azurecr.io'],
      exclude: ['generated/', '*.tmp.yaml'],
      kubernetesVersion: '1.30',
    });
  });

  it('takes an empty file as no settings', () => {
    assert.deepEqual(parseConfigText('# nothing yet\n', '/r/.kube-guide.yaml', RULE_IDS), { path: '/r/.kube-guide.yaml', root: false });
  });

  it('refuses what it cannot honour, naming the file, the key and the problem', () => {
    assert.equal(problemOf('profil: baseline'), '/repo/.kube-guide.yaml: "profil": unknown key; allowed keys are root, profile, rules, trustedRegistries, exclude, kubernetesVersion, crds');
    assert.equal(problemOf('profile: strict'), '/repo/.kube-guide.yaml: "profile": must be one of aks-production, baseline (found "strict")');
    assert.equal(problemOf('rules:\n  image-tags: off'), '/repo/.kube-guide.yaml: "rules.image-tags": no rule has this id');
    assert.equal(problemOf('rules:\n  image-tag: loud'), '/repo/.kube-guide.yaml: "rules.image-tag": must be one of off, hint, info, warning, error (found "loud")');
    assert.equal(problemOf('rules: [image-tag]'), '/repo/.kube-guide.yaml: "rules": must be a mapping of rule id to severity (found a list)');
    assert.equal(problemOf('exclude: generated/'), '/repo/.kube-guide.yaml: "exclude": must be a list of strings (found "generated/")');
    assert.equal(problemOf('trustedRegistries: ["", x]'), '/repo/.kube-guide.yaml: "trustedRegistries[0]": must be a non-empty string (found "")');
    assert.match(problemOf('kubernetesVersion: 1.30'), /"kubernetesVersion": must be a quoted minor version such as "1\.30" \(found 1\.3\)/);
    assert.equal(problemOf('root: yes please'), '/repo/.kube-guide.yaml: "root": must be true or false');
    assert.equal(problemOf('- a\n- b'), '/repo/.kube-guide.yaml: must be a mapping of settings (profile, rules, ...)');
    assert.match(problemOf('rules: {\n'), /^\/repo\/\.kube-guide\.yaml: not valid YAML/);
    assert.match(problemOf('profile: baseline\nprofile: baseline'), /not valid YAML/);
  });

  describe('lookup from a file upwards', () => {
    let top: string;
    before(() => {
      top = mkdtempSync(path.join(tmpdir(), 'kube-guide-config-'));
      mkdirSync(path.join(top, 'repo', 'apps', 'web'), { recursive: true });
      writeFileSync(path.join(top, '.kube-guide.yaml'), 'profile: baseline\ntrustedRegistries: [outside.io]\n');
      writeFileSync(path.join(top, 'repo', '.kube-guide.yaml'), 'root: true\nrules:\n  image-tag: off\n  container-resources: info\nexclude: [generated/]\n');
      writeFileSync(path.join(top, 'repo', 'apps', '.kube-guide.yaml'), 'rules:\n  container-resources: error\nkubernetesVersion: "1.31"\n');
    });
    after(() => rmSync(top, { recursive: true, force: true }));

    it('lets the nearest file win key by key, and stops at root: true', () => {
      const resolved = createConfigLoader(RULE_IDS, existsSync).resolve(path.join(top, 'repo', 'apps', 'web'));
      assert.deepEqual(resolved.files, [path.join(top, 'repo', 'apps', '.kube-guide.yaml'), path.join(top, 'repo', '.kube-guide.yaml')]);
      assert.deepEqual(resolved.ruleSettings, { severities: { 'image-tag': 'off', 'container-resources': 'error' }, kubernetesVersion: '1.31' });
      assert.deepEqual(resolved.exclude, [{ baseDir: path.join(top, 'repo'), patterns: ['generated/'] }]);
      assert.equal(resolved.kubernetesVersion, '1.31');
    });

    it('reads the outer file where no root stops the walk', () => {
      const resolved = createConfigLoader(RULE_IDS, existsSync).resolve(top);
      assert.deepEqual(resolved.ruleSettings, { profile: 'baseline', trustedRegistries: ['outside.io'] });
    });

    it('lays the result over rule settings', () => {
      const settings = applyConfig(DEFAULT_RULE_SETTINGS, { severities: { 'image-tag': 'off' }, trustedRegistries: ['a.io'] });
      assert.deepEqual(settings, { profile: 'aks-production', severities: { 'image-tag': 'off' }, trustedRegistries: ['a.io'], kubernetesVersion: DEFAULT_RULE_SETTINGS.kubernetesVersion });
    });
  });
});
