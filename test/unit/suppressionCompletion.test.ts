import { strict as assert } from 'node:assert';
import type { CompletionItem, TextEdit } from 'vscode-languageserver';
import { ALL_RULES } from '../../server/src/rules/registry';
import { suppressionCompletions } from '../../server/src/services/suppressionCompletion';

const RULES = ALL_RULES.map((rule) => rule.meta);

/** Completion at the end of `line` (the text before the cursor), on line 7. */
const completeAfter = (line: string) => suppressionCompletions(line, { line: 7, character: line.length }, RULES);
const labels = (items: CompletionItem[] | undefined) => items?.map((item) => item.label);

describe('completion of rule ids in suppressions', () => {
  it('offers every rule id with its title after a directive', () => {
    const items = completeAfter('# kube-guide-disable-next-line ');
    assert.deepEqual(labels(items), RULES.map((rule) => rule.id));
    const imageTag = items!.find((item) => item.label === 'image-tag')!;
    assert.equal(imageTag.detail, 'Image without a version tag, or tagged latest');
    assert.match((imageTag.documentation as { value: string }).value, /^\*\*Image without a version tag, or tagged latest\*\* \(default: warning\)/);
  });

  it('replaces the id being typed, and leaves out the ids already listed', () => {
    const items = completeAfter('      # kube-guide-disable image-tag, run-as-non-root, run-as');
    assert.ok(!labels(items)!.includes('image-tag'));
    assert.ok(!labels(items)!.includes('run-as-non-root'));
    const edit = items!.find((item) => item.label === 'readiness-probe')!.textEdit as TextEdit;
    assert.deepEqual(edit.range, { start: { line: 7, character: 55 }, end: { line: 7, character: 61 } });
    assert.equal(edit.newText, 'readiness-probe');
  });

  it('works in a comment after a value', () => {
    assert.ok(labels(completeAfter('      hostNetwork: true # kube-guide-disable-next-line host-'))!.includes('host-namespaces'));
  });

  it('offers nothing in the reason after --', () => {
    assert.equal(completeAfter('# kube-guide-disable image-tag -- because '), undefined);
  });

  it('completes ids in the kube-guide.io/ignore annotation, plain or quoted', () => {
    assert.ok(labels(completeAfter('    kube-guide.io/ignore: '))!.includes('replicas-minimum'));
    const items = completeAfter('    "kube-guide.io/ignore": "replicas-minimum,pod-');
    assert.ok(!labels(items)!.includes('replicas-minimum'));
    assert.ok(labels(items)!.includes('pod-anti-affinity'));
  });

  it('completes the directive itself in a comment', () => {
    const items = completeAfter('  # kube-guide-dis');
    assert.deepEqual(labels(items), ['kube-guide-disable-next-line', 'kube-guide-disable']);
    assert.equal((items![0].textEdit as TextEdit).newText, 'kube-guide-disable-next-line ');
  });

  it('stays out of the way elsewhere', () => {
    for (const line of ['  image: nginx', '# a comment', '  annotations: ', '# see kube-guide-disable', 'kube-guide-disable ']) {
      assert.equal(completeAfter(line), undefined, line);
    }
  });
});
