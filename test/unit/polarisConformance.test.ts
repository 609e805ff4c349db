import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parseManifestFile } from '../../server/src/model/manifestFile';
import { runRules } from '../../server/src/rules/engine';
import { ALL_RULES } from '../../server/src/rules/registry';
import { DEFAULT_RULE_SETTINGS } from '../../server/src/rules/ruleSettings';
import { REPO_ROOT, SHARED_DIR } from '../support/fixtures';

// Polaris's own check fixtures (../shared/conformance/polaris, used as given): a `failure*.yaml` must be
// flagged by the rule we map the check to, a `success*.yaml` must not. test/conformance/polaris.json
// says which rule answers each check, or why none does.
interface CheckMapping {
  rule: string | null;
  /** When one rule answers several checks (container-resources lists what is missing), the words of this check's part. */
  match?: string;
  /** Fixtures we judge the other way on purpose, each with the reason; the test holds us to it. */
  differences?: Record<string, string>;
  reason?: string;
}
const mapping = JSON.parse(readFileSync(path.join(REPO_ROOT, 'test', 'conformance', 'polaris.json'), 'utf8')) as {
  checks: Record<string, CheckMapping>;
};
const POLARIS_DIR = path.join(SHARED_DIR, 'conformance', 'polaris');

function findingsOf(ruleId: string, file: string) {
  const rule = ALL_RULES.find((candidate) => candidate.meta.id === ruleId);
  assert.ok(rule, `no rule ${ruleId}`);
  // Every rule on, whatever its profile: the fixture asks only whether this rule fires.
  const settings = { ...DEFAULT_RULE_SETTINGS, severities: { [ruleId]: rule.meta.severity } };
  return runRules(parseManifestFile(readFileSync(file, 'utf8')), [rule], settings).findings;
}

describe('Polaris conformance', () => {
  it('maps at least 30 Polaris checks to our rules, and gives a reason for every check left out', () => {
    const entries = Object.entries(mapping.checks);
    const differing = entries.flatMap(([check, m]) => Object.keys(m.differences ?? {}).map((file) => `${check}/${file}`));
    console.log(`      Polaris checks mapped: ${entries.filter(([, m]) => m.rule).length} of ${entries.length}; fixtures judged differently on purpose: ${differing.length}`);
    assert.ok(entries.filter(([, m]) => m.rule).length >= 30, `only ${entries.filter(([, m]) => m.rule).length} checks mapped`);
    for (const [check, m] of entries) assert.ok(m.rule || m.reason, `${check} needs a rule or a reason`);
  });

  if (!existsSync(POLARIS_DIR)) {
    it('is skipped: ../shared/conformance/polaris is not beside this checkout', function () {
      this.skip();
    });
    return;
  }

  it('covers every Polaris check folder in the mapping', () => {
    const folders = readdirSync(POLARIS_DIR).filter((entry) => statSync(path.join(POLARIS_DIR, entry)).isDirectory());
    assert.deepEqual(folders.filter((folder) => !(folder in mapping.checks)), []);
  });

  for (const [check, { rule, match, differences = {} }] of Object.entries(mapping.checks)) {
    if (!rule) continue;
    const folder = path.join(POLARIS_DIR, check);
    for (const fixture of existsSync(folder) ? readdirSync(folder).filter((f) => /^(failure|success)\b.*\.ya?ml$/.test(f)) : []) {
      const differs = fixture in differences;
      const mustFlag = fixture.startsWith('failure') !== differs;
      const why = differs ? ` (on purpose: ${differences[fixture]})` : '';
      it(`${check}/${fixture} is ${mustFlag ? 'flagged' : 'not flagged'} by ${rule}${why}`, () => {
        const findings = findingsOf(rule, path.join(folder, fixture)).filter((f) => !match || f.message.includes(match));
        if (mustFlag) assert.ok(findings.length > 0, 'no finding');
        else assert.deepEqual(findings.map((f) => `${f.range.start.line + 1}: ${f.message}`), []);
      });
    }
  }
});
