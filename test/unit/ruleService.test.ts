import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver-types';
import { parseManifestFile } from '../../server/src/model/manifestFile';
import { runRules } from '../../server/src/rules/engine';
import { containerResources } from '../../server/src/rules/container-resources';
import { DEFAULT_RULE_SETTINGS } from '../../server/src/rules/ruleSettings';
import { FIX_ALL_KIND, mergeDiagnostics, ruleCodeActions, ruleDiagnostics, ruleDocsAt, withRuleDocs } from '../../server/src/services/ruleService';

const URI = 'file:///workspace/pods.yaml';
const text = [
  'apiVersion: v1',
  'kind: Pod',
  'spec:',
  '  containers:',
  '    - name: app',
  '    - name: sidecar',
  '',
].join('\n');

function setUp(source = text) {
  const file = parseManifestFile(source);
  const run = runRules(file, [containerResources], DEFAULT_RULE_SETTINGS);
  const apply = (action: { edit?: { changes?: Record<string, import('vscode-languageserver-types').TextEdit[]> } }) =>
    TextDocument.applyEdits(TextDocument.create(URI, 'yaml', 1, source), action.edit!.changes![URI]);
  return { file, run, apply };
}

describe('rule diagnostics and code actions', () => {
  it('publishes findings with the rule id as code, linked to the rule page', () => {
    const [diagnostic] = ruleDiagnostics(setUp().run, (id) => `file:///ext/docs/rules/${id}.md`);
    assert.equal(diagnostic.code, 'container-resources');
    assert.equal(diagnostic.source, 'kube-guide');
    assert.equal(diagnostic.severity, 2);
    assert.deepEqual(diagnostic.codeDescription, { href: 'file:///ext/docs/rules/container-resources.md' });
  });

  it('offers the fix and both disable actions for the finding under the cursor', () => {
    const { file, run, apply } = setUp();
    const line4 = { start: { line: 4, character: 13 }, end: { line: 4, character: 13 } };
    const actions = ruleCodeActions(URI, file, run, line4, ['quickfix']);
    assert.deepEqual(actions.map((a) => a.title), [
      'Add CPU request, memory request or memory limit to "app"',
      'Disable container-resources for this line',
      'Disable container-resources for this file',
    ]);
    assert.equal(apply(actions[1]), text.replace('    - name: app', '    # kube-guide-disable-next-line container-resources\n    - name: app'));
    assert.equal(apply(actions[2]), '# kube-guide-disable container-resources\n' + text);
    // Once disabled, the finding is gone.
    assert.equal(runRules(parseManifestFile(apply(actions[1])), [containerResources], DEFAULT_RULE_SETTINGS).findings.length, 1);
  });

  it('fixes every finding at once with the fix-all source action', () => {
    const { file, run, apply } = setUp();
    const everywhere = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const [fixAll] = ruleCodeActions(URI, file, run, everywhere, ['source.fixAll']);
    assert.equal(fixAll.kind, FIX_ALL_KIND);
    const fixed = apply(fixAll);
    assert.equal(runRules(parseManifestFile(fixed), [containerResources], DEFAULT_RULE_SETTINGS).findings.length, 0);
    assert.match(fixed, /- name: app\n {6}resources:\n {8}requests:/);
  });

  it('keeps the CRLF line ends of the file in disable comments', () => {
    const crlf = text.replace(/\n/g, '\r\n');
    const { file, run, apply } = setUp(crlf);
    const actions = ruleCodeActions(URI, file, run, { start: { line: 5, character: 14 }, end: { line: 5, character: 14 } }, ['quickfix']);
    assert.equal(apply(actions[1]), crlf.replace('    - name: sidecar', '    # kube-guide-disable-next-line container-resources\r\n    - name: sidecar'));
  });

  it('drops a schema "not allowed" error that a rule explains at the same spot, and nothing else', () => {
    const range = (line: number) => ({ start: { line, character: 2 }, end: { line, character: 6 } });
    const schema = [
      Diagnostic.create(range(3), 'Property data is not allowed.', 1, 'schema-unknown-field', 'kube-guide'),
      Diagnostic.create(range(5), 'Incorrect type.', 1, 'schema-invalid', 'kube-guide'),
      Diagnostic.create(range(7), 'Property x is not allowed.', 1, 'schema-unknown-field', 'kube-guide'),
    ];
    const rules = [
      Diagnostic.create(range(3), 'data belongs at the top level', 1, 'config-data-under-metadata', 'kube-guide'),
      Diagnostic.create(range(5), 'other', 2, 'some-rule', 'kube-guide'),
    ];
    assert.deepEqual(mergeDiagnostics(schema, rules).map((d) => d.code), ['schema-invalid', 'schema-unknown-field', 'config-data-under-metadata', 'some-rule']);
  });

  it("explains a finding in the hover with its rule's title, page link and why", () => {
    const { run } = setUp();
    const docs = ruleDocsAt(run, { line: 4, character: 13 }, [containerResources], (id) => `file:///ext/docs/rules/${id}.md`);
    assert.ok(docs);
    assert.match(docs, /^\*\*Container without resource requests or a memory limit\*\* · Kube Guide rule \[`container-resources`\]\(file:\/\/\/ext\/docs\/rules\/container-resources\.md\)\n\nEvery container should say what it needs/);
    assert.equal(ruleDocsAt(run, { line: 0, character: 0 }, [containerResources], (id) => id), undefined);
  });

  it('puts the rule docs above what the hover already said', () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    const hover = withRuleDocs({ contents: { kind: 'markdown', value: 'field docs' }, range }, 'rule docs', range);
    assert.deepEqual(hover?.contents, { kind: 'markdown', value: 'rule docs\n\n---\n\nfield docs' });
    assert.deepEqual(withRuleDocs(null, 'rule docs', range)?.contents, { kind: 'markdown', value: 'rule docs' });
    assert.equal(withRuleDocs(null, undefined, range), null);
  });
});
