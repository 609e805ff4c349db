import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { formatGithub, escapeData, escapeProperty } from '../../server/src/cli/formatters/github';
import { formatJson } from '../../server/src/cli/formatters/json';
import { formatSarif } from '../../server/src/cli/formatters/sarif';
import { formatStylish } from '../../server/src/cli/formatters/stylish';
import type { FormatContext, LintReport } from '../../server/src/cli/lintResult';
import { SchemaProblem } from '../../server/src/services/diagnosticCodes';
import { ALL_RULES } from '../../server/src/rules/registry';
import { fixturePath } from '../support/fixtures';

const range = (line: number, character: number, endCharacter: number) => ({
  start: { line, character },
  end: { line, character: endCharacter },
});

// Two files: one with a schema error and a fixable rule warning, one clean.
const report: LintReport = {
  results: [
    {
      displayPath: 'k8s/web app.yaml',
      messages: [
        { ruleId: 'schema-unknown-field', severity: 'error', message: 'Property replicass is not allowed. Did you mean "replicas"?', range: range(8, 2, 11) },
        {
          ruleId: 'container-resources',
          severity: 'warning',
          message: 'Container "web" sets no CPU request,\nmemory request: 100% missing',
          range: range(20, 16, 19),
          fix: { title: 'Add resources', edits: [{ range: range(21, 0, 0), text: '          resources: {}\n' }] },
        },
      ],
    },
    { displayPath: 'k8s/clean.yaml', messages: [] },
  ],
  problems: [],
};
const context: FormatContext = { cwd: '/work/repo', rules: ALL_RULES.map((rule) => rule.meta), toolVersion: '0.1.0', color: false };

describe('CLI formatters', () => {
  describe('stylish', () => {
    it('groups findings under their file with 1-based positions, and sums them up', () => {
      const lines = formatStylish(report, context).split('\n');
      assert.equal(lines[0], 'k8s/web app.yaml');
      assert.match(lines[1], /^ {2}9:3 {4}error {4}Property replicass is not allowed\. Did you mean "replicas"\? {2}schema-unknown-field$/);
      // A line break inside a message would break the layout: it is folded into a space.
      assert.match(lines[2], /^ {2}21:17 {2}warning {2}Container "web" sets no CPU request, memory request: 100% missing {2}container-resources$/);
      assert.ok(!lines.some((line) => line.includes('clean.yaml')), 'clean files are not listed');
      assert.ok(lines.includes('2 problems (1 error, 1 warning)'));
      assert.ok(lines.includes('  1 of them can be fixed with --fix.'));
    });

    it('colours only when asked, and prints nothing for a clean run', () => {
      assert.ok(!formatStylish(report, context).includes('\u001b['));
      assert.ok(formatStylish(report, { ...context, color: true }).includes('\u001b[31m'));
      assert.equal(formatStylish({ results: [{ displayPath: 'a.yaml', messages: [] }], problems: [] }, context), '');
    });
  });

  describe('json', () => {
    it('lists every checked file with 1-based regions, counts and fixes', () => {
      const files = JSON.parse(formatJson(report, context));
      assert.equal(files.length, 2);
      assert.deepEqual(files[0].messages[0], {
        ruleId: 'schema-unknown-field', severity: 'error', message: 'Property replicass is not allowed. Did you mean "replicas"?',
        line: 9, column: 3, endLine: 9, endColumn: 12,
      });
      assert.deepEqual(files[0].messages[1].fix, {
        title: 'Add resources', edits: [{ line: 22, column: 1, endLine: 22, endColumn: 1, text: '          resources: {}\n' }],
      });
      assert.deepEqual([files[0].errorCount, files[0].warningCount, files[0].fixableCount], [1, 1, 1]);
      assert.deepEqual(files[1], { filePath: 'k8s/clean.yaml', messages: [], errorCount: 0, warningCount: 0, infoCount: 0, fixableCount: 0 });
    });
  });

  describe('github', () => {
    it('writes one workflow command per finding, escaping what would end the command', () => {
      const lines = formatGithub(report, context).trimEnd().split('\n');
      assert.equal(lines[0], '::error file=k8s/web app.yaml,line=9,col=3,endLine=9,endColumn=12,title=schema-unknown-field::Property replicass is not allowed. Did you mean "replicas"?');
      assert.equal(lines[1], '::warning file=k8s/web app.yaml,line=21,col=17,endLine=21,endColumn=20,title=container-resources::Container "web" sets no CPU request,%0Amemory request: 100%25 missing');
    });

    it('escapes properties harder than messages', () => {
      assert.equal(escapeData('a%b\r\nc:d,e'), 'a%25b%0D%0Ac:d,e');
      assert.equal(escapeProperty('a%b\r\nc:d,e'), 'a%25b%0D%0Ac%3Ad%2Ce');
    });
  });

  describe('sarif', () => {
    const log = JSON.parse(formatSarif(report, context));
    const run = log.runs[0];

    it('is valid SARIF 2.1.0', () => {
      const ajv = new Ajv({ strict: false, allErrors: true });
      addFormats(ajv);
      const validate = ajv.compile(JSON.parse(readFileSync(fixturePath('sarif-schema-2.1.0.json'), 'utf8')));
      assert.ok(validate(log), ajv.errorsText(validate.errors));
    });

    it('describes every rule and every schema code', () => {
      const ids = run.tool.driver.rules.map((rule: { id: string }) => rule.id);
      for (const rule of ALL_RULES) assert.ok(ids.includes(rule.meta.id), rule.meta.id);
      for (const code of Object.values(SchemaProblem)) assert.ok(ids.includes(code), `no rule entry for the schema code ${code}`);
      const resources = run.tool.driver.rules.find((rule: { id: string }) => rule.id === 'container-resources');
      const meta = ALL_RULES.find((rule) => rule.meta.id === 'container-resources')!.meta;
      assert.equal(resources.shortDescription.text, meta.title);
      assert.equal(resources.help.markdown, meta.docs.trim());
      assert.equal(resources.properties.docsPath, 'docs/rules/container-resources.md');
    });

    it('places results in relative artifacts with exact regions, and carries fixes', () => {
      const [schemaResult, ruleResult] = run.results;
      assert.equal(schemaResult.level, 'error');
      assert.equal(run.tool.driver.rules[schemaResult.ruleIndex].id, 'schema-unknown-field');
      assert.deepEqual(schemaResult.locations[0].physicalLocation, {
        artifactLocation: { uri: 'k8s/web%20app.yaml', uriBaseId: '%SRCROOT%' },
        region: { startLine: 9, startColumn: 3, endLine: 9, endColumn: 12 },
      });
      assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, 'file:///work/repo/');
      assert.equal(ruleResult.fixes[0].artifactChanges[0].replacements[0].insertedContent.text, '          resources: {}\n');
      assert.deepEqual(ruleResult.fixes[0].artifactChanges[0].replacements[0].deletedRegion, { startLine: 22, startColumn: 1, endLine: 22, endColumn: 1 });
    });
  });
});
