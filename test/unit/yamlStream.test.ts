import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseManifestFile, type ManifestFile } from '../../server/src/model/manifestFile';
import { partStartsOf } from '../../server/src/model/yamlStream';
import { corpusTexts, HANDWRITTEN_SEEDS, MUTATION_FRAGMENTS } from '../support/robustness';

// A file parsed from its previous version (reusing the documents an edit did not touch) must be the same,
// to the last range and error, as the file parsed afresh: every service reads offsets from these trees.

// Cases for the property (each a chain of edits, every step compared with a fresh parse); `npm run fuzz` runs more.
const RUNS = Math.ceil((Number(process.env.KUBE_GUIDE_FUZZ_RUNS) || 1_000) / 5);

/** Everything a parse says, as plain data: node classes, ranges, values, comments, errors, identities. */
function describeFile(file: ManifestFile): unknown {
  return {
    isManifest: file.isManifest,
    partStarts: file.partStarts,
    documents: file.documents.map((document) => ({
      index: document.index,
      offsets: document.offsets,
      range: document.range,
      object: document.object,
      skipReason: document.skipReason,
      yaml: describeValue(document.yaml),
      errors: document.yaml.errors.map(({ name, code, message, pos }) => ({ name, code, message, pos })),
      warnings: document.yaml.warnings.map(({ name, code, message, pos }) => ({ name, code, message, pos })),
    })),
  };
}

function describeValue(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return typeof value === 'bigint' ? `${value}n` : value;
  if (depth > 200) return '…';
  if (Array.isArray(value)) return value.map((item) => describeValue(item, depth + 1));
  const described: Record<string, unknown> = { class: value.constructor?.name };
  for (const [key, field] of Object.entries(value)) {
    if (key === 'errors' || key === 'warnings' || key === 'options' || key === 'mark' || typeof field === 'function') continue;
    described[key] = describeValue(field, depth + 1);
  }
  return described;
}

function assertSameAsFresh(text: string, previous: ManifestFile): ManifestFile {
  const incremental = parseManifestFile(text, previous);
  assert.deepStrictEqual(describeFile(incremental), describeFile(parseManifestFile(text)), `after the edit to:\n${JSON.stringify(text)}`);
  return incremental;
}

const deployment = (name: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: nginx:1.27\n`;

describe('parsing a file from its previous version', () => {
  it('re-parses only the edited document and moves the ones after it', () => {
    const before = parseManifestFile([deployment('a'), deployment('b'), deployment('c')].join('---\n'));
    // A mark on the old trees tells a moved original (copies keep it) from a new parse (which has none).
    before.documents.forEach((document, index) => Object.assign(document.yaml.contents!, { mark: index }));
    const text = [deployment('a'), deployment('b').replace('nginx:1.27', 'nginx:1.28-alpine'), deployment('c')].join('---\n');

    const after = assertSameAsFresh(text, before);
    assert.equal(after.documents[0].yaml, before.documents[0].yaml, 'the document before the edit is reused as it is');
    assert.equal((after.documents[1].yaml.contents as { mark?: number }).mark, undefined, 'the edited document is parsed again');
    assert.notEqual(after.documents[2].yaml, before.documents[2].yaml, 'the document after the edit is a moved copy');
    assert.equal((after.documents[2].yaml.contents as { mark?: number }).mark, 2, 'the document after the edit is not parsed again');
    assert.equal(before.documents[2].yaml.range[0], before.text.lastIndexOf('---'), 'the old version keeps its own offsets');
  });

  it('parses the rest of the file again when the edited document has errors that reach past it', () => {
    const text = 'a: "x\n---\nb: "y"\n';
    const before = parseManifestFile('a: x\n---\nb: "y"\n');
    assertSameAsFresh(text, before);
    assertSameAsFresh('a: x\n---\nb: "y"\n', parseManifestFile(text));
  });

  it('splits at document markers only where they start a line, and not at all around directives or end markers', () => {
    assert.deepEqual(partStartsOf('a: 1\n---\nb: 2\n--- {c: 3}\nd: --- x\n'), [0, 5, 14]);
    assert.deepEqual(partStartsOf('# comments only\n---\na: 1\n---\nb: 2\n'), [0, 25]);
    assert.deepEqual(partStartsOf('a: 1\n---x\n---\t\nb\n'), [0, 10]);
    assert.equal(partStartsOf('%YAML 1.2\n---\na: 1\n'), undefined);
    assert.equal(partStartsOf('a: 1\n...\n---\nb: 2\n'), undefined);
  });

  it('gives the same result as a fresh parse after any chain of edits (property)', function () {
    this.timeout(120_000);
    const corpus = corpusTexts().texts.filter((text) => text.length < 8_000);
    const documents = [...HANDWRITTEN_SEEDS, deployment('web'), 'kind: Service\n# trailing comment\n', 'a: |\n  text\n---\n', '- *x\n', 'x: &x [1]\n'];
    const stream = fc
      .array(fc.constantFrom(...documents), { minLength: 1, maxLength: 5 })
      .chain((parts) => fc.constantFrom('---\n', '---\r\n', '--- # next\n', '\n---\n').map((marker) => parts.join(marker)));
    const start = corpus.length > 0 ? fc.oneof(stream, fc.constantFrom(...corpus)) : stream;
    const edit = fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      remove: fc.nat({ max: 12 }),
      insert: fc.oneof(fc.constantFrom(...MUTATION_FRAGMENTS, '---\n', '\n---\n', '"', "'", 'x', '\n'), fc.string({ maxLength: 4 })),
    });
    fc.assert(
      fc.property(start, fc.array(edit, { minLength: 1, maxLength: 6 }), (initial, edits) => {
        let text = initial;
        let file = parseManifestFile(text);
        for (const { at, remove, insert } of edits) {
          const offset = Math.floor(at * text.length);
          text = text.slice(0, offset) + insert + text.slice(offset + remove);
          file = assertSameAsFresh(text, file);
        }
      }),
      { numRuns: RUNS, seed: 20_261_125 },
    );
  });
});
