import { strict as assert } from 'node:assert';
import { parseManifestFile } from '../model/manifestFile';
import { runRules } from './engine';
import type { Rule } from './rule';
import { DEFAULT_RULE_SETTINGS, type RuleSettings } from './ruleSettings';
import { yaml } from './testing/ruleTester';

// A rule that reports every object's kind, and one that throws: enough to see what the engine does.
const kindRule: Rule = {
  meta: { id: 'every-kind', title: 't', severity: 'warning', category: 'reliability', guideSection: 's', docs: 'd', fixable: false, baseline: false },
  check: ({ object, report }) => report({ message: object.kind, range: object.kindRange }),
};
const throwingRule: Rule = { meta: { ...kindRule.meta, id: 'always-throws' }, check: () => { throw new Error('boom'); } };

const text = yaml(
  '# kube-guide-disable-next-line every-kind',
  'kind: ConfigMap',
  'apiVersion: v1',
  '---',
  'apiVersion: v1',
  'kind: Secret',
  'metadata:',
  '  annotations:',
  '    kube-guide.io/ignore: other-rule, every-kind',
  '---',
  'apiVersion: v1',
  'kind: Service # kube-guide-disable-next-line is only a comment here',
  '---',
  'name: not an object',
);

const run = (settings: Partial<RuleSettings>, source = text, rules = [kindRule]) =>
  runRules(parseManifestFile(source), rules, { ...DEFAULT_RULE_SETTINGS, ...settings });

describe('rules engine', () => {
  it('checks every object, honouring next-line comments and the ignore annotation', () => {
    assert.deepEqual(run({}).findings.map((f) => `${f.range.start.line}: ${f.message} (${f.severity})`), ['11: Service (warning)']);
  });

  it('silences a rule for the whole file, and ignores the reason after --', () => {
    const findings = run({}, '# kube-guide-disable every-kind -- generated file\n' + text).findings;
    assert.deepEqual(findings, []);
  });

  it('silences every rule with a directive that names none', () => {
    assert.deepEqual(run({}, 'apiVersion: v1\n# kube-guide-disable-next-line\nkind: Pod\n').findings, []);
  });

  it('applies severity overrides and turns rules off', () => {
    assert.deepEqual(run({ severities: { 'every-kind': 'error' } }).findings.map((f) => f.severity), ['error']);
    assert.deepEqual(run({ severities: { 'every-kind': 'off' } }).findings, []);
  });

  it('runs only baseline rules in the baseline profile, unless a severity is chosen', () => {
    assert.deepEqual(run({ profile: 'baseline' }).findings, []);
    assert.equal(run({ profile: 'baseline', severities: { 'every-kind': 'info' } }).findings.length, 1);
  });

  it('keeps going when a rule throws, and says which', () => {
    const result = run({}, text, [throwingRule, kindRule]);
    assert.equal(result.findings.length, 1);
    assert.deepEqual(result.failures.map((f) => f.ruleId), ['always-throws', 'always-throws', 'always-throws']);
  });

  it('checks nothing in files that hold no Kubernetes object', () => {
    assert.deepEqual(run({}, 'replicaCount: 1\n').findings, []);
  });
});
