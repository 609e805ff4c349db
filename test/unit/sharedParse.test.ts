import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService, type Diagnostic, type LanguageService } from 'yaml-language-server';
import { parseManifestFile, type ManifestDocument } from '../../server/src/model/manifestFile';
import { KUBERNETES_SCHEMA_URI, loadKubernetesSchema } from '../../server/src/schema/kubernetesSchema';
import { shareParse } from '../../server/src/services/sharedParse';
import { readFixture, yamlFilesUnder, fixturePath } from '../support/fixtures';
import { corpusTexts, HANDWRITTEN_SEEDS, MUTATION_FRAGMENTS } from '../support/robustness';
import { readFileSync } from 'node:fs';

// yaml-language-server reads our parse instead of parsing the text again (services/sharedParse.ts): its
// findings must be exactly those it reports when it parses the text itself.

const RUNS = Math.ceil((Number(process.env.KUBE_GUIDE_FUZZ_SCHEMA_RUNS) || 300) / 3);

let languageService: LanguageService;
let version = 0;
const URI = 'file:///workspace/shared-parse.yaml';

/** yaml-language-server's findings on the text, from its own parse and from ours (every document, then each alone). */
async function findingsBothWays(text: string): Promise<{ own: Diagnostic[]; shared: Diagnostic[]; perDocument: Diagnostic[]; wasShared: boolean }> {
  const own = await languageService.doValidation(TextDocument.create(URI, 'yaml', ++version, text), true);
  const file = parseManifestFile(text);
  const sharedWith = async (documents: readonly ManifestDocument[]) => {
    const snapshot = TextDocument.create(URI, 'yaml', ++version, text);
    const wasShared = shareParse(snapshot, file, documents);
    return { wasShared, found: await languageService.doValidation(snapshot, true) };
  };
  const { wasShared, found: shared } = await sharedWith(file.documents);
  const perDocument: Diagnostic[] = [];
  for (const document of file.documents) perDocument.push(...(await sharedWith([document])).found);
  return { own, shared, perDocument, wasShared };
}

describe("sharing our parse with yaml-language-server's check", function () {
  this.timeout(120_000);

  before(() => {
    languageService = getLanguageService({
      schemaRequestService: (uri) => Promise.reject(new Error(`no fetching in tests (${uri})`)),
      workspaceContext: { resolveRelativePath: (relativePath) => relativePath },
    });
    languageService.configure({ validate: true, isKubernetes: true, schemas: [{ uri: KUBERNETES_SCHEMA_URI, fileMatch: ['*'], schema: loadKubernetesSchema() }] });
  });

  it('finds the same problems in our fixtures and the corpus, whole or one document at a time', async () => {
    const files = [...yamlFilesUnder(fixturePath('schema')).map((file) => readFileSync(file, 'utf8')), ...corpusTexts().texts];
    // Without a final line break yaml-language-server counts lines, which changes some ranges' ends.
    const texts = [...files, ...files.map((text) => text.trimEnd())];
    let sharedTexts = 0;
    for (const text of texts) {
      const { own, shared, perDocument, wasShared } = await findingsBothWays(text);
      if (!wasShared) continue;
      sharedTexts++;
      assert.deepStrictEqual(shared, own, text.slice(0, 200));
      assert.deepStrictEqual(perDocument, own, text.slice(0, 200));
    }
    assert.ok(sharedTexts > texts.length / 2, `shared ${sharedTexts} of ${texts.length} texts`);
  });

  it('finds the problems the fixture expects, and none in another document when checking one', async () => {
    const text = readFixture('schema', 'deployment-mistakes.yaml');
    const file = parseManifestFile(text);
    const snapshot = TextDocument.create(URI, 'yaml', ++version, text);
    assert.equal(shareParse(snapshot, file, [file.documents[0]]), true);
    const found = await languageService.doValidation(snapshot, true);
    assert.ok(found.length > 0, 'the first document has mistakes');
    assert.ok(found.every((diagnostic) => diagnostic.range.start.line <= file.documents[0].range.end.line));
  });

  it('counts lines as yaml-language-server does when the last line is not blank', async () => {
    // Found by fuzzing: the range of "Incorrect type" ends on the next line unless lines are counted.
    const text = [
      'apiVersion: v1', 'kind: Service', 'metadata: {name: web}', 'spec:', '  type: NodePort', '---', 'apiVersion: networking.k8s.io/v1',
      'kind: Ingress', 'metadata:', '  name: w  name: x', 'eb', '  annotations:', '    kubernetes.io/ingress.class: nginx', '---',
      'apiVersion: v1', 'kind: Pod', 'metadata: {name: lone}', 'spec: {containers: [{name: c, image: nginx}]}', '# end',
    ].join('\n');
    const { own, shared, wasShared } = await findingsBothWays(text);
    assert.equal(wasShared, true);
    assert.notDeepEqual(own, (await findingsBothWays(`${text}\n`)).own, 'the final line break changes a range');
    assert.deepStrictEqual(shared, own);
  });

  it('leaves texts with yaml-language-server-only features to its own parse', () => {
    for (const text of ['apiVersion: v1\nkind: ConfigMap\ndata:\n  a: !include other.yaml\n', '# yaml-language-server: $schema=x.json\napiVersion: v1\nkind: Pod\n']) {
      const file = parseManifestFile(text);
      assert.equal(shareParse(TextDocument.create(URI, 'yaml', ++version, text), file, file.documents), false);
    }
  });

  it('finds the same problems in edited manifests (property)', async () => {
    const seeds = [...HANDWRITTEN_SEEDS, ...corpusTexts().texts.filter((text) => text.length < 6_000)];
    const edit = fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      remove: fc.nat({ max: 8 }),
      insert: fc.constantFrom(...MUTATION_FRAGMENTS, '\n', '  ', 'x'),
    });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: 3 }), async (seed, edits) => {
        let text = seed;
        for (const { at, remove, insert } of edits) {
          const offset = Math.floor(at * text.length);
          text = text.slice(0, offset) + insert + text.slice(offset + remove);
        }
        const { own, shared, wasShared } = await findingsBothWays(text);
        if (wasShared) assert.deepStrictEqual(shared, own);
      }),
      { numRuns: RUNS, seed: 20_261_125 },
    );
  });
});
