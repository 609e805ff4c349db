import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { stringify } from 'yaml';
import { applyTextEdits } from '../../server/src/fixes/textEdit';
import { parseManifestFile } from '../../server/src/model/manifestFile';
import { createHoverService } from '../../server/src/services/hoverService';
import {
  assertRangeInside,
  checkRulesInvariants,
  corpusTexts,
  HANDWRITTEN_SEEDS,
  MUTATION_FRAGMENTS,
  snippetTexts,
  yamlErrorCount,
} from '../support/robustness';
import { schemaService } from '../support/schemaServiceFactory';

// Property-based fuzzing of the server's functions with fast-check: manifests from the corpus, the
// snippets and our own seeds, mutated at random, and random YAML. The runs are repeatable: the seed is
// fixed unless KUBE_GUIDE_FUZZ_SEED says otherwise, and a failure prints the seed and the path that
// replays it (KUBE_GUIDE_FUZZ_SEED=<seed> KUBE_GUIDE_FUZZ_PATH=<path> npm run test:unit).
//   KUBE_GUIDE_FUZZ_RUNS         cases for parse + rules + fixes (default 1,000; `npm run fuzz` runs 10,000)
//   KUBE_GUIDE_FUZZ_SCHEMA_RUNS  cases for schema validation, hover, completion and schema fixes (default 300; `npm run fuzz` runs 1,000)

const numberFromEnv = (name: string, fallback: number): number => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value >= 0 && process.env[name] !== '' && process.env[name] !== undefined ? value : fallback;
};
const RULE_RUNS = numberFromEnv('KUBE_GUIDE_FUZZ_RUNS', 1_000);
const SCHEMA_RUNS = numberFromEnv('KUBE_GUIDE_FUZZ_SCHEMA_RUNS', 300);
const SEED = numberFromEnv('KUBE_GUIDE_FUZZ_SEED', 20_261_125);
const LONE_CR = /\r(?!\n)/;
const REPLAY_PATH = process.env.KUBE_GUIDE_FUZZ_PATH || undefined;

const parameters = (numRuns: number): fc.Parameters<unknown> => ({
  numRuns,
  seed: SEED,
  ...(REPLAY_PATH ? { path: REPLAY_PATH } : {}),
  // A shrunk counterexample is what one debugs; a bounded shrink keeps a failing run short.
  endOnFailure: false,
  interruptAfterTimeLimit: 10 * 60_000,
});

/** Kubernetes documents one at a time: whole corpus files are too large to re-check after every fix. */
function documentsOf(text: string): string[] {
  return text.split(/^---[^\n]*\n/m).filter((part) => /\bkind\s*:/.test(part));
}

const corpus = corpusTexts();
const corpusDocuments = corpus.texts.flatMap(documentsOf);
const snippetDocuments = snippetTexts();
const seeds = [...corpusDocuments, ...snippetDocuments, ...HANDWRITTEN_SEEDS];

// --- generators ---------------------------------------------------------------------------------

const fragment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...MUTATION_FRAGMENTS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8, unit: 'binary' }) },
);

type Mutation = (text: string) => string;
const lineMutation = (change: (lines: string[], at: number) => void) => (at: number): Mutation => (text) => {
  const lines = text.split('\n');
  change(lines, at % Math.max(1, lines.length));
  return lines.join('\n');
};
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fragment).map(([at, piece]): Mutation => (text) => {
    const offset = at % (text.length + 1);
    return text.slice(0, offset) + piece + text.slice(offset);
  }),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 40 })).map(([at, length]): Mutation => (text) => {
    const offset = at % (text.length + 1);
    return text.slice(0, offset) + text.slice(offset + length);
  }),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 12 }), fragment).map(([at, length, piece]): Mutation => (text) => {
    const offset = at % (text.length + 1);
    return text.slice(0, offset) + piece + text.slice(offset + length);
  }),
  fc.nat().map(lineMutation((lines, at) => lines.splice(at, 0, lines[at]))),
  fc.nat().map(lineMutation((lines, at) => lines.splice(at, 1))),
  fc.tuple(fc.nat(), fc.constantFrom(' ', '  ', '\t', '- ')).map(([at, indent]) => lineMutation((lines, line) => (lines[line] = indent + lines[line]))(at)),
  fc.nat().map(lineMutation((lines, at) => (lines[at] = lines[at].replace(/^\s{1,2}/, '')))),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => lineMutation((lines, at) => {
    const other = b % lines.length;
    [lines[at], lines[other]] = [lines[other], lines[at]];
  })(a)),
);

const mutatedSeed = fc
  .tuple(fc.array(fc.constantFrom(...seeds), { minLength: 1, maxLength: 3 }), fc.array(mutation, { maxLength: 6 }))
  .map(([parts, mutations]) => mutations.reduce((text, mutate) => mutate(text), parts.join('---\n')));

const KINDS = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Service', 'Ingress', 'ConfigMap', 'Secret',
  'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'NetworkPolicy', 'PersistentVolumeClaim', 'StorageClass',
  'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'Widget'];
const API_VERSIONS = ['v1', 'apps/v1', 'batch/v1', 'networking.k8s.io/v1', 'rbac.authorization.k8s.io/v1', 'policy/v1',
  'autoscaling/v2', 'storage.k8s.io/v1', 'extensions/v1beta1', 'example.com/v1'];
const FIELD_NAMES = ['spec', 'template', 'containers', 'initContainers', 'name', 'image', 'securityContext', 'privileged',
  'resources', 'limits', 'requests', 'memory', 'ports', 'hostPort', 'replicas', 'selector', 'matchLabels', 'rules', 'verbs',
  'data', 'type', 'volumes', 'hostPath', 'env', 'value', 'tls', 'strategy', 'minAvailable', 'maxUnavailable', 'x'];

// Random values shaped like objects: known keys, any JSON below them.
const looseValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.jsonValue({ maxDepth: 1 }),
    fc.dictionary(fc.constantFrom(...FIELD_NAMES), tie('value'), { maxKeys: 4 }),
    fc.array(tie('value'), { maxLength: 3 }),
  ),
})).value;
const randomObjectYaml = fc
  .record({
    apiVersion: fc.constantFrom(...API_VERSIONS),
    kind: fc.constantFrom(...KINDS),
    metadata: fc.record({ name: fc.string({ maxLength: 10 }) }, { requiredKeys: [] }),
    spec: looseValue,
  }, { requiredKeys: ['apiVersion', 'kind'] })
  .chain((object) => fc.constantFrom(...(['block', 'flow', 'any'] as const).map((collectionStyle) => stringify(object, { collectionStyle }))));
const randomText = fc.string({ maxLength: 200, unit: fc.constantFrom(...'apiVersion: kind\n-[]{}&*!|>\'"#%@` \t\r,?:v1Pod'.split('')) })
  .map((text) => `apiVersion: v1\nkind: Pod\n${text}`);

const anyManifestText = fc.oneof(
  { weight: 6, arbitrary: mutatedSeed },
  { weight: 2, arbitrary: randomObjectYaml },
  { weight: 1, arbitrary: randomText },
);

// --- properties -----------------------------------------------------------------------------------

describe('fuzzing the server functions with generated and mutated manifests', function () {
  this.timeout(0);

  it(`draws from ${corpusDocuments.length} corpus documents, ${snippetDocuments.length} snippets and ${HANDWRITTEN_SEEDS.length} seeds of our own`, function () {
    if (corpus.skipped) console.log(`      (the corpus is left out: ${corpus.skipped})`);
    assert.ok(snippetDocuments.length > 10);
  });

  it(`parse, rules, quick-fixes and fix-all: ${RULE_RUNS} cases (seed ${SEED})`, function () {
    fc.assert(fc.property(anyManifestText, (text) => void checkRulesInvariants(text)), parameters(RULE_RUNS));
  });

  it(`schema validation, hover, completion and schema fixes: ${SCHEMA_RUNS} cases (seed ${SEED})`, async function () {
    const schema = schemaService();
    const hover = createHoverService(schema);
    const positions = fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { minLength: 1, maxLength: 4 });
    let cases = 0;
    let knownUpstreamFailures = 0;
    // Known, in yaml-language-server 2.0.0: formatting its additionalProperties message throws a TypeError
    // on some mappings (replay: seed 20261125, KUBE_GUIDE_FUZZ_SCHEMA_RUNS=301). The server logs it and
    // publishes nothing for that version. Counted and printed here, not hidden.
    const unlessKnownFailure = async <T>(work: Promise<T>): Promise<T | undefined> => {
      try {
        return await work;
      } catch (error) {
        if (!(error instanceof TypeError) || !String(error.stack).includes('applyAdditionalProperties')) throw error;
        knownUpstreamFailures++;
        return undefined;
      }
    };
    const validateUnlessKnownFailure = (document: TextDocument, file: ReturnType<typeof parseManifestFile>) =>
      unlessKnownFailure(schema.validate(document, file));
    await fc.assert(
      fc.asyncProperty(anyManifestText, positions, async (text, picks) => {
        const uri = `file:///fuzz/${cases++}.yaml`;
        const document = TextDocument.create(uri, 'yaml', 1, text);
        const file = parseManifestFile(text);
        const diagnostics = await validateUnlessKnownFailure(document, file);
        if (!diagnostics) return;
        for (const diagnostic of diagnostics) assertRangeInside(document, diagnostic.range, `diagnostic ${diagnostic.code}`);

        for (const [lineSeed, characterSeed, onHover] of picks) {
          const line = lineSeed % document.lineCount;
          const lineLength = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '').length;
          const position = { line, character: characterSeed % (lineLength + 1) };
          if (onHover) {
            const found = await unlessKnownFailure(hover.hover(document, file, position));
            if (found?.range) assertRangeInside(document, found.range, 'hover');
            hover.topic(file, position);
          } else {
            const list = await unlessKnownFailure(hover.complete(document, file, position));
            for (const item of list?.items ?? []) {
              const edit = item.textEdit;
              // Known, in yaml-language-server: it counts a lone CR as no line break, the editor counts it as one.
              if (edit && 'range' in edit && !LONE_CR.test(text)) assertRangeInside(document, edit.range, `completion "${item.label}"`);
            }
          }
        }

        const fixes = schema.quickFixes(document, diagnostics);
        if (fixes.length === 0) return;
        const errorsBefore = yamlErrorCount(text);
        for (const fix of fixes) {
          const edits = fix.edit?.changes?.[uri] ?? [];
          edits.forEach((edit) => assertRangeInside(document, edit.range, `schema fix "${fix.title}"`));
          const fixedText = applyTextEdits(text, edits.map((edit) => ({ start: document.offsetAt(edit.range.start), end: document.offsetAt(edit.range.end), newText: edit.newText })));
          if (errorsBefore === 0) assert.equal(yamlErrorCount(fixedText), 0, `schema fix "${fix.title}" breaks the YAML`);
          const fixedDocument = TextDocument.create(`${uri}-fixed`, 'yaml', 1, fixedText);
          const after = (await validateUnlessKnownFailure(fixedDocument, parseManifestFile(fixedText))) ?? [];
          const target = fix.diagnostics?.[0];
          const back = after.find((d) => d.code === target?.code && d.range.start.line === target?.range.start.line && d.range.start.character === target?.range.start.character);
          assert.equal(back, undefined, `schema fix "${fix.title}" brings its own finding back:\n${fixedText}`);
        }
      }),
      parameters(SCHEMA_RUNS),
    );
    if (knownUpstreamFailures > 0) console.log(`      (${knownUpstreamFailures} cases hit the known yaml-language-server TypeError)`);
  });
});
