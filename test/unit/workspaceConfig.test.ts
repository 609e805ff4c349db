import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { configFileDiagnostics, isConfigFile, WorkspaceConfig } from '../../server/src/config/workspaceConfig';
import type { ConfigError } from '../../server/src/config/kubeGuideConfig';
import { DEFAULT_RULE_SETTINGS } from '../../server/src/rules/ruleSettings';

const RULE_IDS = new Set(['image-tag', 'readiness-probe']);

describe('team config in the editor (.kube-guide.yaml)', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'kube-guide-config-'));
  mkdirSync(path.join(root, 'apps', 'shop'), { recursive: true });
  writeFileSync(path.join(root, '.kube-guide.yaml'), 'profile: baseline\nrules:\n  image-tag: error\n');
  writeFileSync(path.join(root, 'apps', '.kube-guide.yaml'), 'rules:\n  readiness-probe: "off"\n');
  const uriIn = (...segments: string[]) => pathToFileURL(path.join(root, ...segments)).href;

  it("lays the nearest files over the user's settings, the files winning", () => {
    const errors: ConfigError[] = [];
    const config = new WorkspaceConfig(RULE_IDS, (error) => errors.push(error));
    const user = { ...DEFAULT_RULE_SETTINGS, severities: { 'image-tag': 'hint' as const, 'other-rule': 'info' as const } };
    assert.deepEqual(config.ruleSettingsFor(uriIn('apps', 'shop', 'web.yaml'), user), {
      profile: 'baseline',
      severities: { 'image-tag': 'error', 'other-rule': 'info', 'readiness-probe': 'off' },
      trustedRegistries: [],
      kubernetesVersion: DEFAULT_RULE_SETTINGS.kubernetesVersion,
    });
    assert.deepEqual(errors, []);
  });

  it("keeps the user's settings for documents that are not files", () => {
    const config = new WorkspaceConfig(RULE_IDS, () => assert.fail('no error expected'));
    assert.equal(config.ruleSettingsFor('untitled:Untitled-1', DEFAULT_RULE_SETTINGS), DEFAULT_RULE_SETTINGS);
  });

  it('says when a config file cannot be used, and checks with the user settings meanwhile', () => {
    const broken = mkdtempSync(path.join(tmpdir(), 'kube-guide-config-'));
    writeFileSync(path.join(broken, '.kube-guide.yaml'), 'rules:\n  no-such-rule: warning\n');
    const errors: ConfigError[] = [];
    const config = new WorkspaceConfig(RULE_IDS, (error) => errors.push(error));
    assert.equal(config.ruleSettingsFor(pathToFileURL(path.join(broken, 'a.yaml')).href, DEFAULT_RULE_SETTINGS), DEFAULT_RULE_SETTINGS);
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /no-such-rule/);
  });

  it('reads changed files after a reload', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'kube-guide-config-'));
    const config = new WorkspaceConfig(RULE_IDS, () => undefined);
    const uri = pathToFileURL(path.join(folder, 'a.yaml')).href;
    assert.equal(config.ruleSettingsFor(uri, DEFAULT_RULE_SETTINGS).profile, 'aks-production');
    writeFileSync(path.join(folder, '.kube-guide.yaml'), 'profile: baseline\n');
    config.reload();
    assert.equal(config.ruleSettingsFor(uri, DEFAULT_RULE_SETTINGS).profile, 'baseline');
  });

  it('marks the key at fault in an open config file', () => {
    const uri = 'file:///repo/.kube-guide.yaml';
    assert.equal(isConfigFile(uri), true);
    assert.equal(isConfigFile('file:///repo/kube-guide.yaml'), false);
    assert.deepEqual(configFileDiagnostics(uri, 'profile: baseline\n', RULE_IDS), []);
    const [diagnostic] = configFileDiagnostics(uri, 'profile: baseline\nrules:\n  image-tag: loud\n', RULE_IDS);
    assert.equal(diagnostic.range.start.line, 2);
    assert.equal(diagnostic.severity, 1);
    assert.match(String(diagnostic.message), /loud/);
  });
});
