import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parseAllDocuments } from 'yaml';
import { fixturePath, REPO_ROOT, SHARED_DIR, yamlFilesUnder } from '../support/fixtures';
import { LspTestClient } from '../support/lspClient';

// `node dist/cli.js` run as a user or CI would run it: exit codes, formats, fixes, and the same
// findings as the language server.

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const SCHEMA_FIXTURES = fixturePath('schema');
const CORPUS_DIR = path.join(SHARED_DIR, 'corpus');

interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

function kubeGuide(args: string[], options: { cwd?: string; input?: string | Buffer } = {}): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonFile {
  filePath: string;
  messages: Array<{ ruleId: string; severity: string; line: number; column: number; endLine: number; endColumn: number }>;
}

const lintJson = (args: string[], options: { cwd?: string; input?: string } = {}) => {
  const run = kubeGuide(['lint', '--format', 'json', ...args], options);
  return { ...run, files: JSON.parse(run.stdout) as JsonFile[] };
};

function tempFolder(): string {
  return mkdtempSync(path.join(tmpdir(), 'kube-guide-cli-'));
}

const commentLines = (text: string) => text.split(/\r?\n/).filter((line) => line.trim().startsWith('#')).map((line) => line.trim());

describe('kube-guide CLI (node dist/cli.js)', function () {
  this.timeout(60_000);
  const temporary: string[] = [];
  const scratch = () => {
    const folder = tempFolder();
    temporary.push(folder);
    return folder;
  };
  after(() => temporary.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

  it('answers --version and --help', () => {
    const version = kubeGuide(['--version']);
    assert.equal(version.status, 0);
    assert.match(version.stdout, /^kube-guide \d+\.\d+\.\d+ \(Kubernetes 1\.\d+ schema\)\n$/);
    const help = kubeGuide(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: kube-guide lint/);
  });

  it('exits 1 when a file has errors, 0 when only warnings, 1 past --max-warnings', () => {
    assert.equal(kubeGuide(['lint', 'test/fixtures/schema/deployment-mistakes.yaml']).status, 1);
    const warningsOnly = lintJson(['test/fixtures/schema/valid-mixed.yaml']);
    assert.equal(warningsOnly.status, 0, warningsOnly.stderr);
    assert.ok(warningsOnly.files[0].messages.some((message) => message.severity === 'warning'));
    const limited = kubeGuide(['lint', '--max-warnings', '0', 'test/fixtures/schema/valid-mixed.yaml']);
    assert.equal(limited.status, 1);
    assert.match(limited.stderr, /more than --max-warnings 0/);
  });

  it('skips YAML that is not Kubernetes, as the editor does', () => {
    const run = lintJson(['test/fixtures/schema/not-kubernetes']);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(run.files, []);
  });

  it('exits 2 with a one-line message for a usage mistake and for a path that is not there', () => {
    const usage = kubeGuide(['lint', '--format', 'xml']);
    assert.equal(usage.status, 2);
    assert.equal(usage.stderr, 'kube-guide: unknown format "xml": choose stylish, json, sarif, github\n');
    const missing = kubeGuide(['lint', 'no/such/folder']);
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, 'kube-guide: no/such/folder: no such file or folder\n');
  });

  it('exits 2 naming the file and key of a broken config, and checks nothing under it', () => {
    const folder = scratch();
    copyFileSync(fixturePath('schema', 'valid-mixed.yaml'), path.join(folder, 'app.yaml'));
    writeFileSync(path.join(folder, '.kube-guide.yaml'), 'root: true\nrules:\n  no-such-rule: off\n');
    const run = lintJson(['.'], { cwd: folder });
    assert.equal(run.status, 2);
    assert.deepEqual(run.files, []);
    assert.match(run.stderr, /^kube-guide: \.kube-guide\.yaml: "rules\.no-such-rule": no rule has this id$/m);
  });

  it('applies the nearest config: severities, profile and excludes', () => {
    const folder = scratch();
    mkdirSync(path.join(folder, 'generated'));
    copyFileSync(fixturePath('schema', 'valid-mixed.yaml'), path.join(folder, 'app.yaml'));
    copyFileSync(fixturePath('schema', 'deployment-mistakes.yaml'), path.join(folder, 'generated', 'out.yaml'));
    writeFileSync(path.join(folder, '.kube-guide.yaml'), 'root: true\nexclude: [generated/]\nrules:\n  liveness-probe: error\n  container-resources: off\n');
    const run = lintJson(['.'], { cwd: folder });
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(run.files.map((file) => file.filePath), ['app.yaml']);
    const ids = run.files[0].messages.map((message) => `${message.ruleId}:${message.severity}`);
    assert.ok(ids.includes('liveness-probe:error'), ids.join());
    assert.ok(!ids.some((id) => id.startsWith('container-resources')), ids.join());
  });

  it('reports and skips a binary file and an oversized one, checks the rest, and exits 2', () => {
    const folder = scratch();
    copyFileSync(fixturePath('schema', 'valid-mixed.yaml'), path.join(folder, 'app.yaml'));
    writeFileSync(path.join(folder, 'image.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]));
    const run = lintJson(['.'], { cwd: folder });
    assert.equal(run.status, 2);
    assert.deepEqual(run.files.map((file) => file.filePath), ['app.yaml']);
    assert.match(run.stderr, /^kube-guide: image\.yaml: skipped: a binary file/m);
    const small = lintJson(['--max-file-size', '100', 'app.yaml'], { cwd: folder });
    assert.equal(small.status, 2);
    assert.match(small.stderr, /^kube-guide: app\.yaml: skipped: .* is larger than the 100 bytes limit/m);
  });

  it('reads standard input', () => {
    const text = readFileSync(fixturePath('schema', 'deployment-mistakes.yaml'), 'utf8');
    const run = lintJson(['-'], { input: text });
    assert.equal(run.status, 1);
    assert.equal(run.files[0].filePath, '<stdin>');
    assert.ok(run.files[0].messages.some((message) => message.ruleId === 'schema-unknown-field' && message.line === 9));
    const named = lintJson(['-', '--stdin-filename', 'k8s/web.yaml'], { input: text });
    assert.equal(named.files[0].filePath, 'k8s/web.yaml');
  });

  it('writes SARIF 2.1.0 that validates, with paths relative to the working folder', () => {
    const out = path.join(scratch(), 'report.sarif');
    const run = kubeGuide(['lint', '-f', 'sarif', '-o', out, 'test/fixtures/schema']);
    assert.equal(run.status, 1, run.stderr);
    assert.equal(run.stdout, '', 'the report went to the file');
    const log = JSON.parse(readFileSync(out, 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(fixturePath('sarif-schema-2.1.0.json'), 'utf8')));
    assert.ok(validate(log as object), ajv.errorsText(validate.errors));
    const uris = new Set(log.runs[0].results.map((result: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => result.locations[0].physicalLocation.artifactLocation.uri));
    assert.ok(uris.has('test/fixtures/schema/deployment-mistakes.yaml'), [...uris].join());
    assert.ok(log.runs[0].results.some((result: { fixes?: unknown[] }) => result.fixes?.length));
  });

  it('writes GitHub annotations and the stylish report', () => {
    const github = kubeGuide(['lint', '-f', 'github', 'test/fixtures/schema/deployment-mistakes.yaml']);
    assert.ok(github.stdout.split('\n').includes('::error file=test/fixtures/schema/deployment-mistakes.yaml,line=9,col=3,endLine=9,endColumn=12,title=schema-unknown-field::Property replicass is not allowed. Did you mean "replicas"?'), github.stdout);
    const stylish = kubeGuide(['lint', 'test/fixtures/schema/deployment-mistakes.yaml']);
    assert.match(stylish.stdout, /^test\/fixtures\/schema\/deployment-mistakes\.yaml\n/);
    assert.match(stylish.stdout, /\d+ problems \(\d+ errors, \d+ warnings/);
    assert.ok(!stylish.stdout.includes('\u001b['), 'no colours when not on a terminal');
  });

  describe('--fix', () => {
    const sources = [
      ...yamlFilesUnder(SCHEMA_FIXTURES),
      ...(existsSync(CORPUS_DIR) ? yamlFilesUnder(CORPUS_DIR) : []),
    ];
    let folder: string;
    const copies = new Map<string, string>();

    before(() => {
      folder = scratch();
      sources.forEach((source, index) => {
        const copy = path.join(folder, `${String(index).padStart(2, '0')}-${path.basename(source)}`);
        copyFileSync(source, copy);
        copies.set(copy, readFileSync(source, 'utf8'));
      });
      // The same manifest with a byte-order mark and Windows line endings.
      const crlf = path.join(folder, 'crlf-bom.yaml');
      writeFileSync(crlf, `\uFEFF${readFileSync(fixturePath('schema', 'valid-mixed.yaml'), 'utf8').replace(/\n/g, '\r\n')}`);
      copies.set(crlf, readFileSync(crlf, 'utf8'));
    });

    it('shows the fixes as a unified diff without touching the files', () => {
      const run = kubeGuide(['lint', '--fix-dry-run', '.'], { cwd: folder });
      assert.match(run.stdout, /^--- a\/\S+\.yaml/m);
      assert.match(run.stdout, /^\+\+\+ b\/\S+\.yaml/m);
      assert.match(run.stdout, /^@@ -\d+,\d+ \+\d+,\d+ @@/m);
      for (const [copy, original] of copies) assert.equal(readFileSync(copy, 'utf8'), original, `${copy} untouched`);
    });

    it('fixes in place, keeping every file parseable, its comments, BOM and line endings', () => {
      const run = kubeGuide(['lint', '--fix', '--format', 'json', '.'], { cwd: folder });
      assert.notEqual(run.status, 2, run.stderr);
      let changed = 0;
      for (const [copy, original] of copies) {
        const fixed = readFileSync(copy, 'utf8');
        if (fixed !== original) changed++;
        const errorsBefore = parseAllDocuments(original).flatMap((document) => ('errors' in document ? document.errors : [])).length;
        const errorsAfter = parseAllDocuments(fixed).flatMap((document) => ('errors' in document ? document.errors : [])).length;
        assert.ok(errorsAfter <= errorsBefore, `${copy} still parses`);
        const keptComments = new Set(commentLines(fixed));
        assert.deepEqual(commentLines(original).filter((comment) => !keptComments.has(comment)), [], `${copy} keeps its comments`);
      }
      assert.ok(changed > 0, 'some file had something to fix');
      const crlf = readFileSync(path.join(folder, 'crlf-bom.yaml'), 'utf8');
      assert.ok(crlf.startsWith('\uFEFF'), 'byte-order mark kept');
      assert.ok(!/(^|[^\r])\n/.test(crlf), 'only CRLF line endings');
      assert.notEqual(crlf, copies.get(path.join(folder, 'crlf-bom.yaml')));
      // What is left in the report has no fix on offer.
      const files = JSON.parse(run.stdout) as Array<{ fixableCount: number }>;
      assert.deepEqual(files.filter((file) => file.fixableCount > 0), []);
    });

    it('has nothing left to fix on a second run', () => {
      const run = kubeGuide(['lint', '--fix-dry-run', '.'], { cwd: folder });
      assert.equal(run.stdout, '');
    });
  });

  describe('parity with the language server', () => {
    const suites: Array<{ name: string; folder: string }> = [{ name: 'test/fixtures/schema', folder: SCHEMA_FIXTURES }];
    if (existsSync(CORPUS_DIR)) suites.push({ name: '../shared/corpus', folder: CORPUS_DIR });
    else it('skips the corpus: ../shared/corpus is not beside this checkout', function () { this.skip(); });

    // The CLI judges each file with the rest of the run (an autoscaler in one file excuses a workload in
    // another from replicas-minimum): the editor gets the same folder as its workspace.
    let client: LspTestClient | undefined;
    afterEach(async () => {
      await client?.shutdown();
      client = undefined;
    });

    const key = (code: string, line: number, character: number, endLine: number, endCharacter: number) =>
      `${line}:${character}-${endLine}:${endCharacter} ${code}`;

    for (const { name, folder } of suites) {
      it(`finds the same rule ids and codes at the same ranges in ${name}`, async () => {
        client = new LspTestClient();
        await client.initialize({ workspaceFolders: [pathToFileURL(folder).href] });
        await client.workspaceIndexed();
        const run = lintJson([folder]);
        assert.notEqual(run.status, 2, run.stderr);
        const fromCli = new Map(run.files.map((file) => [path.resolve(REPO_ROOT, file.filePath), file]));
        const files = yamlFilesUnder(folder);
        assert.ok(files.length > 0);
        for (const file of files) {
          const uri = pathToFileURL(file).href;
          await client.open(uri, readFileSync(file, 'utf8'));
          const published = await client.diagnosticsFor(uri);
          const expected = published.map((d) => key(String(d.code), d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character)).sort();
          const actual = (fromCli.get(file)?.messages ?? []).map((m) => key(m.ruleId, m.line - 1, m.column - 1, m.endLine - 1, m.endColumn - 1)).sort();
          assert.deepEqual(actual, expected, path.relative(folder, file));
        }
      });
    }
  });
});

// Keeps the helper honest about where the CLI bundle is, so a missing build fails clearly.
if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first (found ${readdirSync(path.dirname(CLI)).join(', ')})`);
