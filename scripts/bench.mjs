// Kube Guide's benchmark: how fast the checks are, measured in one run (never in timed tests).
//   npm run bench                     full run
//   npm run bench -- --quick --json   fewer repetitions; the last line is one JSON object
// Needs `npm run build` first (it reads dist/ and out/). Inputs: the microservices-demo release file
// from ../shared/corpus when present, and a generated 5,000-line file of 100 documents.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const quick = process.argv.includes('--quick');
const json = process.argv.includes('--json');
const log = (...parts) => {
  if (!json) console.log(...parts);
  else console.error(...parts);
};

for (const needed of ['dist/server.js', 'dist/kubernetes-schema.json', 'out/server/src/rules/engine.js']) {
  if (!existsSync(path.join(root, needed))) {
    console.error(`Missing ${needed}: run "npm run build" first.`);
    process.exit(2);
  }
}

const { parseAllDocuments } = require('yaml');
const { TextDocument } = require('vscode-languageserver-textdocument');
const { parseManifestFile } = require(path.join(root, 'out/server/src/model/manifestFile.js'));
const { loadKubernetesSchema } = require(path.join(root, 'out/server/src/schema/kubernetesSchema.js'));
const { createSchemaService } = require(path.join(root, 'out/server/src/services/schemaService.js'));
const { runRules } = require(path.join(root, 'out/server/src/rules/engine.js'));
const { ALL_RULES } = require(path.join(root, 'out/server/src/rules/registry.js'));
const { DEFAULT_RULE_SETTINGS } = require(path.join(root, 'out/server/src/rules/ruleSettings.js'));
const { LspTestClient } = require(path.join(root, 'out/test/support/lspClient.js'));

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];
const round = (value, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

function timeMany(times, action) {
  const samples = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    action(i);
    samples.push(performance.now() - start);
  }
  return samples;
}

async function timeManyAsync(times, action) {
  const samples = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await action(i);
    samples.push(performance.now() - start);
  }
  return samples;
}

/** A 5,000-line file of 100 Deployment documents (about 50 lines each), with a few mistakes. */
function generatedManifest() {
  const documents = [];
  for (let i = 0; i < 100; i++) {
    const lines = [
      'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: service-${i}`, '  labels:', `    app: service-${i}`,
      'spec:', `  replicas: ${i % 3 === 0 ? 1 : 3}`, '  selector:', '    matchLabels:', `      app: service-${i}`, '  template:',
      '    metadata:', '      labels:', `        app: service-${i}`, '    spec:', '      securityContext:', '        runAsNonRoot: true',
      '      containers:', `        - name: service-${i}`, `          image: registry.example.com/service-${i}:1.${i}.0`,
      '          ports:', '            - name: http', '              containerPort: 8080', '          env:', '            - name: LOG_LEVEL',
      '              value: info', '          readinessProbe:', '            httpGet:', '              path: /ready', '              port: http',
      '            periodSeconds: 10', '          livenessProbe:', '            httpGet:', '              path: /healthz', '              port: http',
      '            periodSeconds: 20', '          resources:', '            requests:', '              cpu: 100m', '              memory: 128Mi',
      '            limits:', '              memory: 256Mi', '          securityContext:', '            allowPrivilegeEscalation: false',
      '            readOnlyRootFilesystem: true', '            capabilities:', '              drop: [ALL]', `      terminationGracePeriodSeconds: ${i % 7 === 0 ? 'thirty' : 30}`,
    ];
    documents.push(lines.join('\n'));
  }
  return documents.join('\n---\n') + '\n';
}

const corpusFile = path.resolve(root, '..', 'shared', 'corpus', 'microservices-demo', 'release', 'kubernetes-manifests.yaml');
const inputs = [
  ...(existsSync(corpusFile) ? [{ name: 'microservices-demo release', text: readFileSync(corpusFile, 'utf8') }] : []),
  { name: 'generated 100 documents', text: generatedManifest() },
];
if (!existsSync(corpusFile)) log(`(skipping the corpus file: ${corpusFile} is not there)`);

const results = {};
const repetitions = quick ? 15 : 40;

// 1. Full diagnostics in-process, on text none of the checks has seen (every document changed):
//    ours (parse + schema + rules) vs yaml-language-server alone (same schema, whole file) vs a bare parse.
const { getLanguageService } = require('yaml-language-server');
const schema = loadKubernetesSchema();
const yamlLs = getLanguageService({ schemaRequestService: () => Promise.reject(new Error('offline')), workspaceContext: { resolveRelativePath: (p) => p } });
yamlLs.configure({ validate: true, isKubernetes: true, schemas: [{ uri: 'kube-guide://schemas/kubernetes.json', fileMatch: ['*'], schema: structuredClone(schema) }] });
const schemaService = createSchemaService(schema);
// A different comment above every document each run, so no cache of ours or theirs can answer.
const variant = (text, run) => text.replace(/^apiVersion:/gm, `# run ${run}\napiVersion:`);
let version = 0;
for (const { name, text } of inputs) {
  const lines = text.split('\n').length;
  const document = (source) => TextDocument.create(`file:///bench/${name}.yaml`, 'yaml', ++version, source);
  // Warm up: the first validation loads and compiles the schema, in both.
  await yamlLs.doValidation(document(variant(text, -1)), true);
  await schemaService.validate(document(variant(text, -2)), parseManifestFile(variant(text, -2)));
  const parse = timeMany(repetitions, (i) => parseAllDocuments(variant(text, i)));
  const alone = await timeManyAsync(repetitions, (i) => yamlLs.doValidation(document(variant(text, 1000 + i)), true));
  const ours = await timeManyAsync(repetitions, async (i) => {
    const source = variant(text, 2000 + i);
    const file = parseManifestFile(source);
    await schemaService.validate(document(source), file);
    runRules(file, ALL_RULES, DEFAULT_RULE_SETTINGS);
  });
  const parsed = parseManifestFile(variant(text, 3000));
  const rulesOnly = timeMany(repetitions, () => runRules(parsed, ALL_RULES, DEFAULT_RULE_SETTINGS));
  log(`${name} (${lines} lines): parse ${round(median(parse))} ms, yaml-language-server ${round(median(alone))} ms, ours ${round(median(ours))} ms (of which rules ${round(median(rulesOnly))} ms)`);
  results[name] = { lines, parseMs: median(parse), schemaMs: median(alone), oursMs: median(ours), rulesMs: median(rulesOnly) };
}
const main = results['microservices-demo release'] ?? Object.values(results)[0];

// 2. Over the protocol: start-up, keystroke-to-diagnostics, hover and completion.
const text = inputs[0].text;
const uri = 'file:///bench/manifest.yaml';
const startedAt = performance.now();
const client = new LspTestClient();
await client.initialize();
await client.open(uri, text);
await client.diagnosticsFor(uri, 1);
const startupMs = performance.now() - startedAt;

const keystrokes = [];
const lines = text.split('\n');
const editLine = lines.findIndex((line) => /^\s+image:/.test(line));
for (let version = 2; version < (quick ? 40 : 102); version++) {
  const start = performance.now();
  await client.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version },
    contentChanges: [{ range: { start: { line: editLine, character: lines[editLine].length }, end: { line: editLine, character: lines[editLine].length } }, text: version % 2 ? 'x' : '' }],
  });
  // Undo the previous keystroke every other time, so the document stays much the same.
  if (version % 2 === 0) lines[editLine] = lines[editLine].slice(0, -1);
  else lines[editLine] += 'x';
  await client.diagnosticsFor(uri, version);
  keystrokes.push(performance.now() - start);
}

const hoverLine = lines.findIndex((line) => /^\s+replicas:|^\s+containerPort:/.test(line));
const hoverCharacter = Math.max(0, lines[hoverLine].search(/\S/)) + 2;
const hovers = await timeManyAsync(quick ? 50 : 200, () =>
  client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: hoverLine, character: hoverCharacter } }),
);
const completions = await timeManyAsync(quick ? 50 : 200, () =>
  client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: hoverLine, character: hoverCharacter - 2 } }),
);

// 3. Memory after opening 1,000 manifest files (until the workspace index exists, opened documents).
for (let i = 0; i < 1000; i++) {
  await client.open(`file:///bench/many/${i}.yaml`, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config-${i}\ndata:\n  key: value-${i}\n`);
}
await client.diagnosticsFor('file:///bench/many/999.yaml');
const rssMb = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(client.process.pid)], { encoding: 'utf8' }).trim()) / 1024;
await client.shutdown();

// 4. Client activation: load the client bundle with a stand-in `vscode` module (no editor here).
const activationMs = (() => {
  const Module = require('node:module');
  const originalLoad = Module._load;
  // Every name the vscode API exports, as an inert class, so the bundle's top level can run.
  const apiNames = readFileSync(path.join(root, 'node_modules', '@types', 'vscode', 'index.d.ts'), 'utf8').matchAll(/^\s*export (?:class|enum|namespace|const|function|let) (\w+)/gm);
  const stub = Object.fromEntries([...apiNames].map(([, name]) => [name, class {}]));
  Module._load = function load(request, ...rest) {
    return request === 'vscode' ? stub : originalLoad.call(this, request, ...rest);
  };
  const start = performance.now();
  require(path.join(root, 'dist', 'client.js'));
  const elapsed = performance.now() - start;
  Module._load = originalLoad;
  return elapsed;
})();

// 5. Package size: the production .vsix (vsce runs the production build first), in a temporary folder.
let vsixKb = null;
try {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'kube-guide-bench-')), 'kube-guide.vsix');
  execFileSync(path.join(root, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out], {
    cwd: root,
    stdio: 'ignore',
  });
  vsixKb = statSync(out).size / 1024;
} catch (error) {
  log(`could not package the .vsix: ${error.message}`);
}

// 6. The CLI over a tree of small manifest files, against a bare `yaml` parse of the same files read
// from disk; and 2 worker threads against 1. Wall time of whole `kube-guide lint` processes.
function writeManifestTree(folder, count) {
  for (let i = 0; i < count; i++) {
    const subfolder = path.join(folder, `team-${i % 50}`, `app-${i % 7}`);
    if (i < 350) mkdirSync(subfolder, { recursive: true });
    let text;
    if (i % 3 === 0) {
      text = [
        'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: app-${i}`, '  labels:', `    app: app-${i}`, 'spec:',
        `  replicas: ${i % 4 === 0 ? 1 : 3}`, '  selector:', '    matchLabels:', `      app: app-${i}`, '  template:', '    metadata:',
        '      labels:', `        app: app-${i}`, '    spec:', '      containers:', '        - name: app',
        `          image: registry.example.com/app-${i}:1.0.${i}`, '          ports:', '            - containerPort: 8080',
        '          resources:', '            requests:', '              cpu: 100m', '              memory: 128Mi', '            limits:',
        `              memory: ${i % 7 === 0 ? '256Mb' : '256Mi'}`,
      ].join('\n');
    } else if (i % 3 === 1) {
      text = ['apiVersion: v1', 'kind: Service', 'metadata:', `  name: svc-${i}`, 'spec:', '  selector:', `    app: app-${i}`, '  ports:', '    - port: 80', '      targetPort: 8080'].join('\n');
    } else {
      text = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', `  name: config-${i}`, 'data:', '  LOG_LEVEL: info', `  FEATURE_${i}: "true"`].join('\n');
    }
    writeFileSync(path.join(subfolder, `manifest-${i}.yaml`), `${text}\n`);
  }
}

function parseTree(folder) {
  let documents = 0;
  const visit = (directory) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (/\.ya?ml$/.test(entry.name)) documents += parseAllDocuments(readFileSync(full, 'utf8')).length;
    }
  };
  visit(folder);
  return documents;
}

const treeFiles = quick ? 2000 : 10_000;
const tree = mkdtempSync(path.join(tmpdir(), 'kube-guide-bench-tree-'));
let cli = null;
try {
  writeManifestTree(tree, treeFiles);
  parseTree(tree); // Warm up the parser and the file system cache, as the CLI runs below benefit from it too.
  const parseTreeMs = median(timeMany(3, () => parseTree(tree)));
  const lintTree = (jobs) => {
    const start = performance.now();
    try {
      execFileSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'lint', '--format', 'json', ...(jobs ? ['--jobs', String(jobs)] : []), '.'], {
        cwd: tree,
        stdio: ['ignore', 'ignore', 'pipe'],
        maxBuffer: 256 * 1024 * 1024,
      });
    } catch (error) {
      // Exit code 1 (findings at error severity) is expected; anything else is a broken run.
      if (error.status !== 1) throw error;
    }
    return performance.now() - start;
  };
  const oneJobMs = lintTree(1);
  const twoJobsMs = lintTree(2);
  // The default (--jobs auto) is one thread per core: on a two-core machine that is the run just made.
  const defaultMs = availableParallelism() === 2 ? twoJobsMs : lintTree(undefined);
  cli = { files: treeFiles, parseTreeMs, oneJobMs, twoJobsMs, defaultMs };
  log(
    `kube-guide lint over ${treeFiles} files: 1 job ${round(oneJobMs / 1000, 2)} s (${round(treeFiles / (oneJobMs / 1000), 0)} files/s), ` +
      `2 jobs ${round(twoJobsMs / 1000, 2)} s (${round(treeFiles / (twoJobsMs / 1000), 0)} files/s), default ${round(defaultMs / 1000, 2)} s; ` +
      `bare parse ${round(parseTreeMs / 1000, 2)} s`,
  );
} catch (error) {
  log(`could not time the CLI over a tree of files: ${error.message}`);
} finally {
  rmSync(tree, { recursive: true, force: true });
}

const summary = {
  validateRatioVsYamlLs: round(main.oursMs / main.schemaMs, 2),
  validateRatioVsParse: round(main.oursMs / main.parseMs, 2),
  // What the rules add to the schema check (their own time, on an already parsed file).
  rulesShareOfSchemaPct: round((main.rulesMs / main.schemaMs) * 100, 0),
  keystrokeP50Ms: round(percentile(keystrokes, 50)),
  keystrokeP95Ms: round(percentile(keystrokes, 95)),
  hoverP95Ms: round(percentile(hovers, 95)),
  completionP95Ms: round(percentile(completions, 95)),
  startupMs: round(startupMs, 0),
  rssMb: round(rssMb, 0),
  activationMs: round(activationMs, 0),
  vsixKb: vsixKb === null ? null : round(vsixKb, 0),
  // The CLI (default --jobs) over a tree of small files, against reading and parsing them with `yaml`: target at most 5.
  cliRatioVsParse: cli === null ? null : round(cli.defaultMs / cli.parseTreeMs, 2),
  // `--jobs 2` against `--jobs 1` on the same tree: target at least 1.6 (on a machine with two free cores).
  cliJobsSpeedup: cli === null ? null : round(cli.oneJobMs / cli.twoJobsMs, 2),
  cliFilesPerSecond: cli === null ? null : { files: cli.files, oneJob: round(cli.files / (cli.oneJobMs / 1000), 0), twoJobs: round(cli.files / (cli.twoJobsMs / 1000), 0) },
  inputs: Object.fromEntries(Object.entries(results).map(([name, r]) => [name, { lines: r.lines, parseMs: round(r.parseMs), schemaMs: round(r.schemaMs), oursMs: round(r.oursMs) }])),
};
log('');
log(`validate: ${summary.validateRatioVsYamlLs}× yaml-language-server, ${summary.validateRatioVsParse}× a bare parse`);
log(`keystroke → diagnostics: p50 ${summary.keystrokeP50Ms} ms, p95 ${summary.keystrokeP95Ms} ms; hover p95 ${summary.hoverP95Ms} ms; completion p95 ${summary.completionP95Ms} ms`);
log(`start-up to first diagnostics ${summary.startupMs} ms; server RSS ${summary.rssMb} MB; client bundle load ${summary.activationMs} ms; .vsix ${summary.vsixKb} KB`);
if (summary.cliRatioVsParse !== null) {
  log(`kube-guide lint: ${summary.cliRatioVsParse}× a bare parse of the same files; 2 jobs ${summary.cliJobsSpeedup}× as fast as 1`);
}
if (json) console.log(JSON.stringify(summary));
