// The RuleTester for cross-resource rules: each case is a small workspace (file name → YAML); findings
// are expected per file and line, and fixes by the exact text of every file they change.
import { strict as assert } from 'node:assert';
import { parseAllDocuments } from 'yaml';
import { applyTextEdits } from '../../fixes/textEdit';
import { parseManifestFile } from '../../model/manifestFile';
import { summarizeFile } from '../../model/objectSummary';
import { WorkspaceIndex } from '../../model/workspaceIndex';
import type { RuleFinding } from '../engine';
import type { WorkspaceRule } from '../rule';
import { DEFAULT_RULE_SETTINGS, type RuleSettings } from '../ruleSettings';
import { runWorkspaceRules } from '../workspaceEngine';

/** A workspace: file name → text. */
export type Files = Record<string, string>;

export interface ValidWorkspaceCase {
  name: string;
  files: Files;
  settings?: Partial<RuleSettings>;
}

export interface InvalidWorkspaceCase extends ValidWorkspaceCase {
  /** Findings in file-name order, then by position: the file, the 1-based line and the message. */
  errors: Array<{ file: string; line: number; message: string | RegExp }>;
  /** The text of each file the fixes change, after every fix is applied; omit only when nothing is fixable. */
  output?: Files;
}

/** Builds the index of a test workspace. */
export function indexOf(files: Files): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const [uri, text] of Object.entries(files)) index.update(uri, summarizeFile(uri, parseManifestFile(text)));
  return index;
}

/** Every finding of one rule over a test workspace, by file. */
export function checkWorkspace(rule: WorkspaceRule, files: Files, settings: Partial<RuleSettings> = {}): Array<RuleFinding & { file: string }> {
  const merged: RuleSettings = { ...DEFAULT_RULE_SETTINGS, ...settings, severities: { [rule.meta.id]: rule.meta.severity, ...settings.severities } };
  const index = indexOf(files);
  return Object.keys(files)
    .sort()
    .flatMap((file) => {
      const run = runWorkspaceRules(index.objectsIn(file), index, [rule], merged, () => files[file]);
      assert.deepEqual(run.failures, [], `the rule threw: ${run.failures.map((f) => String(f.error)).join('; ')}`);
      return run.findings
        .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
        .map((finding) => ({ ...finding, file }));
    });
}

const describeFinding = (f: RuleFinding & { file: string }) => `${f.file}:${f.range.start.line + 1}: ${f.message}`;

export function testWorkspaceRule(rule: WorkspaceRule, cases: { valid: ValidWorkspaceCase[]; invalid: InvalidWorkspaceCase[] }): void {
  describe(`rule ${rule.meta.id}`, () => {
    it('has complete metadata', () => {
      assert.match(rule.meta.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      for (const field of ['title', 'guideSection', 'docs'] as const) assert.ok(rule.meta[field].trim().length > 0, field);
      assert.ok(cases.valid.length > 0 && cases.invalid.length > 0, 'a rule needs valid and invalid cases');
      assert.equal(cases.invalid.some((c) => c.output !== undefined), rule.meta.fixable, 'meta.fixable says whether the tests show a fix');
    });

    for (const valid of cases.valid) {
      it(`stays silent: ${valid.name}`, () => {
        assert.deepEqual(checkWorkspace(rule, valid.files, valid.settings).map(describeFinding), []);
      });
    }

    for (const invalid of cases.invalid) {
      it(`reports: ${invalid.name}`, () => {
        const findings = checkWorkspace(rule, invalid.files, invalid.settings);
        assert.equal(findings.length, invalid.errors.length, findings.map(describeFinding).join('\n'));
        invalid.errors.forEach((expected, index) => {
          const finding = findings[index];
          assert.equal(finding.file, expected.file, `file of finding ${index + 1}: ${describeFinding(finding)}`);
          assert.equal(finding.range.start.line + 1, expected.line, `line of finding ${index + 1}: ${finding.message}`);
          if (typeof expected.message === 'string') assert.equal(finding.message, expected.message);
          else assert.match(finding.message, expected.message);
        });

        const fixable = findings.filter((f) => f.fix);
        if (invalid.output === undefined) {
          assert.deepEqual(fixable.map((f) => f.fix!.title), [], 'these findings have fixes: give the expected output');
          return;
        }
        const fixed: Files = { ...invalid.files };
        for (const file of Object.keys(fixed)) {
          const edits = fixable.filter((f) => f.file === file).flatMap((f) => f.fix!.edits);
          if (edits.length > 0) fixed[file] = applyTextEdits(fixed[file], edits);
        }
        const changed = Object.fromEntries(Object.entries(fixed).filter(([file, text]) => text !== invalid.files[file]));
        assert.deepEqual(changed, invalid.output);
        for (const text of Object.values(changed)) {
          for (const document of parseAllDocuments(text) as ReturnType<typeof parseAllDocuments> & unknown[]) {
            assert.deepEqual(document.errors.map((e) => e.message), [], 'the fixed text is valid YAML');
          }
        }
        assert.equal(checkWorkspace(rule, fixed, invalid.settings).length, findings.length - fixable.length, 'fixed findings do not come back');
      });
    }
  });
}
