// A RuleTester in the manner of ESLint's: each rule's tests list valid code that must stay silent and
// invalid code with the findings it must raise (line and message) and the exact text after its fixes.
import { strict as assert } from 'node:assert';
import { parseAllDocuments } from 'yaml';
import { applyTextEdits } from '../../fixes/textEdit';
import { parseManifestFile } from '../../model/manifestFile';
import { runRules } from '../engine';
import type { Rule, Severity } from '../rule';
import { DEFAULT_RULE_SETTINGS, type RuleSettings } from '../ruleSettings';

export interface ValidCase {
  name: string;
  code: string;
  settings?: Partial<RuleSettings>;
}

export interface InvalidCase extends ValidCase {
  /** The findings, in order: 1-based line, the message (exact text, or a pattern) and, when given, the severity. */
  errors: Array<{ line: number; message: string | RegExp; severity?: Severity }>;
  /** The whole text after applying every fix; omit only for findings that have no fix. */
  output?: string;
}

/** Lines joined with line breaks, ending with one: keeps YAML in tests readable. */
export function yaml(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

/** A Deployment named `web` whose pod template lists the given container lines (8-space indented items). */
export function deploymentWithContainers(...containerLines: string[]): string {
  return yaml('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  template:', '    spec:', '      containers:', ...containerLines);
}

function check(rule: Rule, code: string, settings: Partial<RuleSettings> = {}) {
  const merged: RuleSettings = { ...DEFAULT_RULE_SETTINGS, ...settings, severities: { [rule.meta.id]: rule.meta.severity, ...settings.severities } };
  const run = runRules(parseManifestFile(code), [rule], merged);
  assert.deepEqual(run.failures, [], `the rule threw: ${run.failures.map((f) => String(f.error)).join('; ')}`);
  return run.findings;
}

export function testRule(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(`rule ${rule.meta.id}`, () => {
    it('has complete metadata', () => {
      assert.match(rule.meta.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      for (const field of ['title', 'guideSection', 'docs'] as const) assert.ok(rule.meta[field].trim().length > 0, field);
      assert.ok(cases.valid.length > 0 && cases.invalid.length > 0, 'a rule needs valid and invalid cases');
      const fixes = cases.invalid.some((c) => c.output !== undefined);
      assert.equal(fixes, rule.meta.fixable, 'meta.fixable says whether the tests show a fix');
    });

    for (const valid of cases.valid) {
      it(`stays silent: ${valid.name}`, () => {
        assert.deepEqual(check(rule, valid.code, valid.settings).map((f) => `${f.range.start.line + 1}: ${f.message}`), []);
      });
    }

    for (const invalid of cases.invalid) {
      it(`reports: ${invalid.name}`, () => {
        const findings = check(rule, invalid.code, invalid.settings);
        assert.equal(findings.length, invalid.errors.length, findings.map((f) => `${f.range.start.line + 1}: ${f.message}`).join('\n'));
        invalid.errors.forEach((expected, index) => {
          const finding = findings[index];
          assert.equal(finding.range.start.line + 1, expected.line, `line of finding ${index + 1}: ${finding.message}`);
          if (typeof expected.message === 'string') assert.equal(finding.message, expected.message);
          else assert.match(finding.message, expected.message);
          if (expected.severity) assert.equal(finding.severity, expected.severity, `severity of: ${finding.message}`);
        });

        const fixable = findings.filter((f) => f.fix);
        if (invalid.output === undefined) {
          assert.deepEqual(fixable.map((f) => f.fix!.title), [], 'these findings have fixes: give the expected output');
          return;
        }
        const output = applyTextEdits(invalid.code, fixable.flatMap((f) => f.fix!.edits));
        assert.equal(output, invalid.output);
        for (const document of parseAllDocuments(output) as ReturnType<typeof parseAllDocuments> & unknown[]) {
          assert.deepEqual(document.errors.map((e) => e.message), [], 'the fixed text is valid YAML');
        }
        assert.equal(check(rule, output, invalid.settings).length, findings.length - fixable.length, 'fixed findings do not come back');
      });
    }
  });
}
