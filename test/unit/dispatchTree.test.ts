import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService, type LanguageService } from 'yaml-language-server';
import { documentAtOffset, parseManifestFile } from '../../server/src/model/manifestFile';
import { balanceDispatch } from '../../server/src/schema/dispatchTree';
import { KUBERNETES_SCHEMA_URI, loadKubernetesSchema } from '../../server/src/schema/kubernetesSchema';
import type { SchemaNode } from '../../server/src/schema/schemaIndex';
import { fixturePath, yamlFilesUnder } from '../support/fixtures';
import { corpusTexts, HANDWRITTEN_SEEDS, MUTATION_FRAGMENTS } from '../support/robustness';

// yaml-language-server given the schema with its dispatch as a balanced tree (schema/dispatchTree.ts)
// must say exactly what it says with the schema as generated, only sooner, about Kubernetes objects
// (the only documents we check: for a document that is not a mapping, every `if` holds).

const RUNS = Math.ceil((Number(process.env.KUBE_GUIDE_FUZZ_SCHEMA_RUNS) || 300) / 3);

const branch = (field: string, value: string, then: SchemaNode): SchemaNode =>
  ({ if: { properties: { [field]: { const: value } }, required: [field] }, then }) as SchemaNode;

function languageServiceWith(schema: object): LanguageService {
  const service = getLanguageService({
    schemaRequestService: (uri) => Promise.reject(new Error(`no fetching in tests (${uri})`)),
    workspaceContext: { resolveRelativePath: (relativePath) => relativePath },
  });
  service.configure({ validate: true, completion: true, isKubernetes: true, schemas: [{ uri: KUBERNETES_SCHEMA_URI, fileMatch: ['*'], schema }] });
  return service;
}

describe('the schema dispatch as a balanced tree', function () {
  this.timeout(120_000);
  let asGenerated: LanguageService;
  let balanced: LanguageService;
  let version = 0;
  const findings = async (service: LanguageService, text: string) => {
    const file = parseManifestFile(text);
    const found = await service.doValidation(TextDocument.create('file:///workspace/dispatch.yaml', 'yaml', ++version, text), true);
    return found.filter((diagnostic) => documentAtOffset(file, file.offsetAt(diagnostic.range.start))?.object);
  };

  before(() => {
    asGenerated = languageServiceWith(loadKubernetesSchema());
    balanced = languageServiceWith(balanceDispatch(loadKubernetesSchema() as SchemaNode));
  });

  it('tests a handful of values instead of every one, and keeps each branch whole', () => {
    const leaves = ['a', 'b', 'c', 'd', 'e'].map((value) => branch('kind', value, { $ref: `#/definitions/${value}` }));
    const schema = balanceDispatch({ allOf: [...leaves] } as SchemaNode);
    assert.equal(schema.allOf!.length, 1);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const root = schema.allOf![0] as any;
    assert.deepEqual(root.if.properties.kind.enum, ['a', 'b', 'c']);
    assert.equal(root.then.else, leaves[2], 'a leaf is the original branch, with its own test');
    assert.equal(root.else.else, leaves[4]);
  });

  it('leaves alone an allOf that does more than dispatch, or names a value twice', () => {
    const twice = { allOf: [branch('kind', 'a', {}), branch('kind', 'b', {}), branch('kind', 'a', {})] } as SchemaNode;
    assert.equal(balanceDispatch(structuredClone(twice)).allOf!.length, 3);
    const mixed = { allOf: [branch('kind', 'a', {}), branch('kind', 'b', {}), { required: ['x'] }] } as SchemaNode;
    assert.equal(balanceDispatch(structuredClone(mixed)).allOf!.length, 3);
  });

  it('finds the same problems in our fixtures and the corpus', async () => {
    const texts = [...yamlFilesUnder(fixturePath('schema')).map((file) => readFileSync(file, 'utf8')), ...corpusTexts().texts];
    for (const text of texts) assert.deepStrictEqual(await findings(balanced, text), await findings(asGenerated, text), text.slice(0, 200));
  });

  it('offers the same completions', async () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          \n';
    const position = { line: 9, character: 10 };
    const complete = async (service: LanguageService) =>
      (await service.doComplete(TextDocument.create('file:///workspace/complete.yaml', 'yaml', ++version, text), position, true)).items.map((item) => item.label).sort();
    const expected = await complete(asGenerated);
    assert.ok(expected.includes('image'), 'the container fields are offered');
    assert.deepEqual(await complete(balanced), expected);
  });

  it('finds the same problems in edited manifests (property)', async () => {
    const seeds = [...HANDWRITTEN_SEEDS, ...corpusTexts().texts.filter((text) => text.length < 6_000)];
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 8 }), insert: fc.constantFrom(...MUTATION_FRAGMENTS) });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: 3 }), async (seed, edits) => {
        let text = seed;
        for (const { at, remove, insert } of edits) {
          const offset = Math.floor(at * text.length);
          text = text.slice(0, offset) + insert + text.slice(offset + remove);
        }
        assert.deepStrictEqual(await findings(balanced, text), await findings(asGenerated, text));
      }),
      { numRuns: RUNS, seed: 20_261_125 },
    );
  });
});
