import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { entryKey, openLintCache, resolveCacheFile, toolKey } from '../../server/src/cli/lintCache';
import { createProgressLine, PROGRESS_DELAY_MS } from '../../server/src/cli/progress';
import { runCliInProcess } from '../support/cliInProcess';
import { AUTO_WORKER_THRESHOLD, workerCountFor } from '../../server/src/cli/workerPool';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { fixturePath } from '../support/fixtures';

// --jobs, --cache and the progress line: the pieces, without timing anything.

describe('CLI worker threads (--jobs)', () => {
  it('stays in-process for a small run unless threads were asked for; the main thread counts as one', () => {
    assert.equal(workerCountFor(AUTO_WORKER_THRESHOLD - 1, undefined, 8), 0);
    assert.equal(workerCountFor(AUTO_WORKER_THRESHOLD, undefined, 8), 1);
    assert.equal(workerCountFor(10_000, undefined, 8), 7, 'one thread per core, this one included');
    assert.equal(workerCountFor(10_000, undefined, 1), 0, 'one core: no threads');
    assert.equal(workerCountFor(5, 4, 2), 3, 'an explicit --jobs is honoured');
    assert.equal(workerCountFor(3, 4, 2), 2, 'never more threads than files');
    assert.equal(workerCountFor(1, 4, 2), 0, 'one file: this thread alone');
    assert.equal(workerCountFor(10_000, 1, 8), 0, '--jobs 1 is in-process');
  });
});

describe('CLI cache', () => {
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(path.join(tmpdir(), 'kube-guide-cache-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const result = { isManifest: true, messages: [], fixable: false, objects: [] };

  it('keys an entry by the text and the resolved settings', () => {
    const strict = { ...DEFAULT_SETTINGS, rules: { ...DEFAULT_SETTINGS.rules, severities: { 'image-tag': 'error' as const } } };
    assert.equal(entryKey('kind: Pod\n', DEFAULT_SETTINGS), entryKey('kind: Pod\n', { ...DEFAULT_SETTINGS }));
    assert.notEqual(entryKey('kind: Pod\n', DEFAULT_SETTINGS), entryKey('kind: Pod \n', DEFAULT_SETTINGS));
    assert.notEqual(entryKey('kind: Pod\n', DEFAULT_SETTINGS), entryKey('kind: Pod\n', strict));
  });

  it('keeps entries across runs of the same tool, by path relative to the cache file', () => {
    const file = path.join(folder, '.kube-guide-cache');
    const manifest = path.join(folder, 'app.yaml');
    writeFileSync(manifest, 'kind: Pod\n');
    const first = openLintCache(file, 'tool-a');
    first.set(manifest, 'k1', result);
    first.save();
    assert.ok(JSON.parse(readFileSync(file, 'utf8')).entries['app.yaml']);
    const second = openLintCache(file, 'tool-a');
    assert.equal(second.discarded, undefined);
    assert.deepEqual(second.get(manifest, 'k1'), result);
    assert.equal(second.get(manifest, 'k2'), undefined, 'another text or config misses');
  });

  it('throws the whole cache away for another tool, and survives a corrupt file', () => {
    const file = path.join(folder, '.kube-guide-cache');
    const manifest = path.join(folder, 'app.yaml');
    writeFileSync(manifest, 'kind: Pod\n');
    const first = openLintCache(file, 'tool-a');
    first.set(manifest, 'k1', result);
    first.save();
    const other = openLintCache(file, 'tool-b');
    assert.match(other.discarded ?? '', /another version/);
    assert.equal(other.get(manifest, 'k1'), undefined);
    writeFileSync(file, '{ not json');
    assert.match(openLintCache(file, 'tool-a').discarded ?? '', /cannot be read/);
  });

  it('changes the tool key with the version, the rules or the code', () => {
    const code = path.join(folder, 'cli.js');
    writeFileSync(code, 'one');
    const base = { version: '1.0.0', codeFile: code, rules: [{ id: 'a' }], schema: { kubernetesVersion: '1.36.0' } };
    const key = toolKey(base);
    assert.equal(toolKey(base), key);
    assert.notEqual(toolKey({ ...base, version: '1.0.1' }), key);
    assert.notEqual(toolKey({ ...base, rules: [{ id: 'a' }, { id: 'b' }] }), key);
    writeFileSync(code, 'two');
    assert.notEqual(toolKey(base), key);
  });

  it('puts the cache file inside a folder given as the location', () => {
    mkdirSync(path.join(folder, 'caches'));
    assert.equal(resolveCacheFile('caches', folder, '.kube-guide-cache'), path.join(folder, 'caches', '.kube-guide-cache'));
    assert.equal(resolveCacheFile('new/', folder, '.kube-guide-cache'), path.join(folder, 'new', '.kube-guide-cache'));
    assert.equal(resolveCacheFile('my.cache', folder, '.kube-guide-cache'), path.join(folder, 'my.cache'));
  });
});

describe('CLI progress line', () => {
  const terminal = () => {
    const writes: string[] = [];
    return { writes, stream: { isTTY: true, write: (text: string) => writes.push(text) } };
  };

  it('says nothing for a quick run, then redraws in place and wipes itself', () => {
    let clock = 0;
    const { writes, stream } = terminal();
    const progress = createProgressLine(stream, 10_000, () => clock);
    progress.update(10);
    assert.deepEqual(writes, [], 'not in the first seconds');
    clock = PROGRESS_DELAY_MS + 1;
    progress.update(2_500);
    progress.update(2_501);
    assert.deepEqual(writes, ['\r\u001b[Kkube-guide: checked 2,500 of 10,000 files (25%)'], 'redrawn a few times a second, not per file');
    clock += 1000;
    progress.update(5_000);
    progress.end();
    assert.equal(writes.at(-1), '\r\u001b[K');
  });

  it('never writes when standard error is not a terminal, nor clears what it never drew', () => {
    let clock = 0;
    const writes: string[] = [];
    const progress = createProgressLine({ write: (text: string) => writes.push(text) }, 100, () => clock);
    clock = 60_000;
    progress.update(50);
    progress.end();
    const { writes: quiet, stream } = terminal();
    const quick = createProgressLine(stream, 100, () => 0);
    quick.update(100);
    quick.end();
    assert.deepEqual([...writes, ...quiet], []);
  });
});

describe('CLI run in-process with --jobs and --cache', function () {
  this.timeout(60_000);
  let folder: string;
  before(() => (folder = mkdtempSync(path.join(tmpdir(), 'kube-guide-run-'))));
  after(() => rmSync(folder, { recursive: true, force: true }));

  const run = (argv: string[]) => runCliInProcess(argv, folder);

  it('gives the same report on two worker threads as in-process, and then from the cache', async () => {
    writeFileSync(path.join(folder, 'mistakes.yaml'), readFileSync(fixturePath('schema', 'deployment-mistakes.yaml')));
    writeFileSync(path.join(folder, 'mixed.yaml'), readFileSync(fixturePath('schema', 'valid-mixed.yaml')));
    const inProcess = await run(['lint', '-f', 'json', '--jobs', '1', '--debug', '.']);
    assert.match(inProcess.stderr, /debug: files=2 checked=2 cached=0 workers=0/);
    const threaded = await run(['lint', '-f', 'json', '--jobs', '2', '--debug', '--cache', '.']);
    assert.match(threaded.stderr, /debug: files=2 checked=2 cached=0 workers=1/);
    assert.equal(threaded.stdout, inProcess.stdout);
    assert.equal(threaded.code, inProcess.code);
    const cached = await run(['lint', '-f', 'json', '--debug', '--cache', '.']);
    assert.match(cached.stderr, /debug: files=2 checked=0 cached=2 workers=0/);
    assert.equal(cached.stdout, inProcess.stdout);
  });

  it('knows the autoscalers of the whole run in every file\'s check and fix, on any thread', async () => {
    const deployment = (name: string) =>
      ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: ${name}`, 'spec:', '  selector:', '    matchLabels:', `      app: ${name}`,
        '  template:', '    metadata:', '      labels:', `        app: ${name}`, '    spec:', '      containers:', `      - name: ${name}`, `        image: ${name}:1.0.0`, ''].join('\n');
    const autoscaler = ['apiVersion: autoscaling/v2', 'kind: HorizontalPodAutoscaler', 'metadata:', '  name: web', 'spec:', '  scaleTargetRef:',
      '    apiVersion: apps/v1', '    kind: Deployment', '    name: web', '  minReplicas: 2', '  maxReplicas: 5', ''].join('\n');
    const app = path.join(folder, 'scaled');
    mkdirSync(app);
    // Enough files that the main thread checks some of them beside the worker.
    for (const name of ['web', 'api', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6']) writeFileSync(path.join(app, `${name}.yaml`), deployment(name));
    writeFileSync(path.join(app, 'zz-hpa.yaml'), autoscaler);
    const replicaFindings = (stdout: string) =>
      (JSON.parse(stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string }> }>)
        .filter((result) => result.messages.some((message) => message.ruleId === 'replicas-minimum'))
        .map((result) => path.basename(result.filePath))
        .sort();
    const inProcess = await run(['lint', '-f', 'json', '--jobs', '1', '--debug', 'scaled']);
    assert.match(inProcess.stderr, /workers=0 autoscalers=1/);
    assert.deepEqual(replicaFindings(inProcess.stdout), ['a1.yaml', 'a2.yaml', 'a3.yaml', 'a4.yaml', 'a5.yaml', 'a6.yaml', 'api.yaml'], 'the autoscaled web needs no replicas');
    const threaded = await run(['lint', '-f', 'json', '--jobs', '2', '--debug', 'scaled']);
    assert.match(threaded.stderr, /workers=1 autoscalers=1/);
    assert.equal(threaded.stdout, inProcess.stdout);
    const dryRun = await run(['lint', '--fix-dry-run', '--jobs', '2', 'scaled']);
    const patchOf = (file: string) => dryRun.stdout.split(/^(?=--- a\/)/m).find((patch) => patch.startsWith(`--- a/scaled/${file}`)) ?? '';
    assert.match(patchOf('api.yaml'), /^\+  replicas: 2$/m);
    assert.match(patchOf('web.yaml'), /^\+ /m, 'other fixes still apply to web.yaml');
    assert.doesNotMatch(patchOf('web.yaml'), /^\+\s*replicas:/m, '--fix leaves the autoscaled Deployment without replicas');
  });
});
