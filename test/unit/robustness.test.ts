import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { excessiveAliasExpansion, measureDocumentAliases } from '../../server/src/model/aliasExpansion';
import { parseManifestFile } from '../../server/src/model/manifestFile';
import { createHoverService } from '../../server/src/services/hoverService';
import { fileTooLargeDiagnostic, oversizedManifest, readMaxFileSizeMb } from '../../server/src/services/fileSizeLimit';
import { SchemaProblem } from '../../server/src/services/schemaService';
import { appendToMap } from '../../server/src/fixes/yamlEdits';
import { applyTextEdits } from '../../server/src/fixes/textEdit';
import { assertRangeInside, checkRulesInvariants } from '../support/robustness';
import { fixturePath } from '../support/fixtures';
import { schemaService } from '../support/schemaServiceFactory';
import { isMap, parseDocument, type YAMLMap } from 'yaml';

// Inputs no one should write but an editor will see: each goes through parse, rules, fixes, schema
// validation, hover and completion at every line, without an exception, in bounded time, with every range
// inside the document.

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n';

/** Nine aliases of nine aliases ... `levels` deep: 9^levels nodes once expanded. */
export function billionLaughs(levels: number): string {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: lol}', 'data:', '  l0: &l0 "lol"'];
  for (let level = 1; level <= levels; level++) {
    lines.push(`  l${level}: &l${level} [${Array.from({ length: 9 }, () => `*l${level - 1}`).join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

/** The same bomb where the schema descends into every branch (a CRD's openAPIV3Schema is recursive). */
function crdBomb(levels: number): string {
  const lines = ['apiVersion: apiextensions.k8s.io/v1', 'kind: CustomResourceDefinition', 'metadata: {name: bombs.example.com}', 'spec:',
    '  group: example.com', '  names: {kind: Bomb, plural: bombs}', '  scope: Namespaced', '  versions:', '  - name: v1', '    served: true',
    '    storage: true', '    schema:', '      openAPIV3Schema:', '        type: object', '        properties:', '          l0: &l0 {type: string}'];
  for (let level = 1; level <= levels; level++) {
    lines.push(`          l${level}: &l${level} {type: object, properties: {${Array.from({ length: 9 }, (_, i) => `p${i}: *l${level - 1}`).join(', ')}}}`);
  }
  return `${lines.join('\n')}\n`;
}

const BAD_INPUTS: Array<[string, string]> = [
  ['NUL bytes and other binary', `apiVersion: v1\nkind: Pod\x00\x01\x02\nmetadata:\n  name: a\x00b\n${'\x00\xff\xfe'.repeat(100)}\n`],
  ['CRLF line ends', POD.replace(/\n/g, '\r\n')],
  ['a lone CR as line break', POD.replace(/\n/g, '\r')],
  ['a byte-order mark', `\uFEFF${POD}`],
  ['tabs for indentation', POD.replace(/^ {2}/gm, '\t')],
  ['an unterminated double quote', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "web\nspec: {}\n'],
  ['an unterminated single quote', "apiVersion: v1\nkind: Pod\nmetadata:\n  name: 'web\n"],
  ['an unterminated flow mapping', 'apiVersion: v1\nkind: Pod\nmetadata: {name: web\n'],
  ['duplicate keys', 'apiVersion: v1\nkind: Pod\nkind: Service\nmetadata:\n  name: a\n  name: b\nspec:\n  type: NodePort\n  type: LoadBalancer\n'],
  ['10,000 nested flow sequences', `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`],
  ['10,000 nested flow mappings', `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\nspec: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`],
  ['10,000 nested block sequences on one line', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\nspec:\n  a: ${'- '.repeat(10_000)}x\n`],
  ['2,000 nested block mappings', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n${Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(2 + i)}k${i}:`).join('\n')}\n`],
  ['a 1 MB line', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  blob: ${'x'.repeat(1_000_000)}\n`],
  ['an empty file', ''],
  ['only ---', '---'],
  ['only document markers', '---\n---\n...\n---\n'],
  ['only a comment', '# nothing here yet\n'],
  ['unpaired UTF-16 surrogates', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: "\uD800"\n  \uDC00b: \uD83D\n  c: \uDE00\uD800\n'],
  ['an alias inside its own anchor', 'apiVersion: v1\nkind: ConfigMap\nmetadata: &m\n  name: x\n  self: *m\n'],
  ['a pod spec that aliases itself', 'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec: &s\n  containers:\n  - name: a\n    image: n\n    x: *s\n'],
  ['an alias bomb', billionLaughs(9)],
  ['an alias bomb the schema descends into', crdBomb(9)],
];

describe('bad input through the server functions', function () {
  this.timeout(60_000);
  const schema = schemaService();
  const hover = createHoverService(schema);

  for (const [name, text] of BAD_INPUTS) {
    it(`survives ${name}`, async () => {
      const started = Date.now();
      const { file } = checkRulesInvariants(text);
      const document = TextDocument.create('file:///bad.yaml', 'yaml', 1, text);
      const diagnostics = await schema.validate(document, file);
      diagnostics.forEach((d) => assertRangeInside(document, d.range, `diagnostic ${d.code}`));
      for (let line = 0; line < Math.min(document.lineCount, 5); line++) {
        const position = { line, character: 2 };
        const found = await hover.hover(document, file, position);
        if (found?.range) assertRangeInside(document, found.range, 'hover');
        await hover.complete(document, file, position);
        hover.topic(file, position);
      }
      assert.ok(Date.now() - started < 20_000, `${name} took ${Date.now() - started} ms`);
    });
  }

  it('reports an alias bomb once, on an alias, and skips the schema work (bounded time)', async () => {
    for (const text of [billionLaughs(9), crdBomb(9)]) {
      const document = TextDocument.create('file:///bomb.yaml', 'yaml', 1, text);
      const started = Date.now();
      const diagnostics = await schema.validate(document, parseManifestFile(text));
      assert.ok(Date.now() - started < 1_000);
      assert.deepEqual(diagnostics.map((d) => d.code), [SchemaProblem.aliasLimit]);
      assert.match(String(diagnostics[0].message), /expand to more than 100,000 nodes/);
      assert.equal(text.slice(document.offsetAt(diagnostics[0].range.start), document.offsetAt(diagnostics[0].range.end)), '*l8');
    }
  });

  it('says an alias that refers to itself never ends', async () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata: &d\n  self: *d\n';
    const diagnostics = await schema.validate(TextDocument.create('file:///self.yaml', 'yaml', 1, text), parseManifestFile(text));
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line]), [[SchemaProblem.aliasLimit, 5]]);
    assert.match(String(diagnostics[0].message), /refers to the node that contains it/);
  });

  it('leaves ordinary aliases (merge keys, shared labels) to the schema check', async () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels: &labels {app: web}\n  annotations: *labels\ndata:\n  <<: {a: "1"}\n';
    assert.equal(excessiveAliasExpansion(parseManifestFile(text)), undefined);
    const diagnostics = await schema.validate(TextDocument.create('file:///ok.yaml', 'yaml', 1, text), parseManifestFile(text));
    assert.deepEqual(diagnostics.filter((d) => d.code === SchemaProblem.aliasLimit), []);
  });

  it('measures expansion in linear time, exactly for a small case', () => {
    const text = 'a: &a [1, 2]\nb: &b [*a, *a, *a]\nc: [*b, *b]\n';
    const document = parseDocument(text);
    // b adds 3 × 3 (each *a is a seq of 2 scalars: 3 nodes) − 3 alias nodes; c adds 2 × (1 + 9) − 2.
    const measured = measureDocumentAliases(document, () => ({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }));
    assert.equal(measured.cyclic, false);
    assert.equal(measured.addedNodes, (9 - 3) + (2 * 10 - 2));
    const started = Date.now();
    assert.ok(measureDocumentAliases(parseDocument(billionLaughs(60)), () => ({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } })).addedNodes > 1e50);
    assert.ok(Date.now() - started < 500);
  });

  it('fixes refuse to turn `{}` into a block inside another flow collection', () => {
    for (const text of ['{kind: X, spec: {}}\n', '{\n  kind: X,\n  spec: {}\n}\n']) {
      const root = parseDocument(text).contents as YAMLMap;
      const spec = root.get('spec', true);
      assert.ok(isMap(spec));
      assert.equal(appendToMap(text, spec, ['minReplicas: 2']), undefined);
    }
    const block = 'spec: {}\n';
    const spec = (parseDocument(block).contents as YAMLMap).get('spec', true) as unknown as YAMLMap;
    assert.equal(applyTextEdits(block, [appendToMap(block, spec, ['minReplicas: 2'])!]), 'spec:\n  minReplicas: 2\n');
  });

  it('appends after a trailing comment, not under the next key', () => {
    const text = 'a:\n  b:\n    env:\n    - x\n      # note\n  c: 1\n';
    const b = (parseDocument(text).contents as YAMLMap).getIn(['a', 'b'], true) as YAMLMap;
    assert.equal(applyTextEdits(text, [appendToMap(text, b, ['d: 2'])!]), 'a:\n  b:\n    env:\n    - x\n      # note\n    d: 2\n  c: 1\n');
  });

  it('keeps line numbers right after a lone CR (an editor counts it as a line break)', () => {
    const file = parseManifestFile('apiVersion: v1\n# a comment\rwith a stray CR\nkind: Pod\nmetadata:\n  name: web\n');
    assert.deepEqual(file.documents[0].object?.nameRange?.start, { line: 5, character: 8 });
  });

  it('no fix is offered inside a document whose YAML does not parse', () => {
    const broken = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 1\n  template:\n    spec:\n      containers:\n      - name: a\n         image: x\n';
    const { run } = checkRulesInvariants(broken);
    assert.ok(run.findings.length > 0);
    assert.deepEqual(run.findings.filter((f) => f.fix).map((f) => f.ruleId), []);
  });
});

describe('Helm chart templates (templates/ next to Chart.yaml)', () => {
  const chart = fixturePath('bad-input', 'helm-chart');
  for (const name of ['deployment.yaml', 'service.yaml']) {
    it(`raises no schema error and no rule finding in templates/${name}`, async () => {
      const text = readFileSync(path.join(chart, 'templates', name), 'utf8');
      const file = parseManifestFile(text);
      assert.ok(file.documents.length > 0 && file.documents.every((d) => d.skipReason));
      const diagnostics = await schemaService().validate(TextDocument.create(`file://${chart}/templates/${name}`, 'yaml', 1, text), file);
      assert.deepEqual(diagnostics, []);
      assert.deepEqual(checkRulesInvariants(text).run.findings, []);
    });
  }
});

describe('file size limit (kubeGuide.maxFileSize)', () => {
  const big = (megabytes: number) => {
    const chunk = POD.replace('name: web', 'name: web-0') + '---\n';
    return chunk.repeat(Math.ceil((megabytes * 1024 * 1024) / chunk.length));
  };

  it('reads the setting: a number of MB, 0 for no limit, 1 MB otherwise', () => {
    assert.equal(readMaxFileSizeMb({ maxFileSize: 5 }), 5);
    assert.equal(readMaxFileSizeMb({ maxFileSize: 0 }), 0);
    assert.equal(readMaxFileSizeMb({ maxFileSize: -1 }), 1);
    assert.equal(readMaxFileSizeMb({ maxFileSize: '5' }), 1);
    assert.equal(readMaxFileSizeMb(undefined), 1);
  });

  it('flags a 10 MB manifest quickly, without parsing it, in one line', () => {
    const text = big(10);
    const started = Date.now();
    const oversized = oversizedManifest(text, 1);
    assert.ok(Date.now() - started < 1_000, `${Date.now() - started} ms`);
    assert.ok(oversized);
    const diagnostic = fileTooLargeDiagnostic(oversized);
    assert.equal(diagnostic.message, 'File too large to check (10 MB > 1 MB limit): raise kubeGuide.maxFileSize to check it.');
    assert.deepEqual(diagnostic.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.equal(diagnostic.code, 'file-too-large');
  });

  it('leaves files under the limit, other large YAML, and "no limit" alone', () => {
    assert.equal(oversizedManifest(big(0.5), 1), undefined);
    assert.equal(oversizedManifest(`items:\n${'- a: 1\n'.repeat(300_000)}`, 1), undefined);
    assert.equal(oversizedManifest(big(2), 0), undefined);
    // Size is counted in UTF-8 bytes: 400,000 three-byte characters are 1.1 MB.
    assert.ok(oversizedManifest(`apiVersion: v1\nkind: ConfigMap\ndata:\n  a: ${'€'.repeat(400_000)}\n`, 1));
  });
});
