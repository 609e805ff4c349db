import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fixturePath, REPO_ROOT, SHARED_DIR, yamlFilesUnder } from '../support/fixtures';

// `node dist/cli.js` at scale: --jobs must not change a single byte of the report, and --cache must
// reuse what is still valid and nothing else. Counters come from --debug, never from timing.

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const CORPUS_DIR = path.join(SHARED_DIR, 'corpus');

function kubeGuide(args: string[], cwd = REPO_ROOT) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    input: '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The --debug counters of a run, e.g. { files: 12, checked: 2, cached: 10, workers: 0 }. */
function counters(stderr: string): Record<string, number> {
  const line = /debug: (files=.*)$/m.exec(stderr)?.[1];
  assert.ok(line, `no debug line in: ${stderr}`);
  // What the run did with its files; the context it found (crds=, autoscalers=) is not counted here.
  const counts = Object.fromEntries([...line.matchAll(/(\w+)=(\d+)/g)].map(([, key, value]) => [key, Number(value)]));
  return { files: counts.files, checked: counts.checked, cached: counts.cached, workers: counts.workers };
}

describe('kube-guide CLI at scale (--jobs, --cache)', function () {
  this.timeout(120_000);
  const temporary: string[] = [];
  const scratch = () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'kube-guide-scale-'));
    temporary.push(folder);
    return folder;
  };
  after(() => temporary.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

  const inputs = ['test/fixtures/schema', ...(existsSync(CORPUS_DIR) ? [CORPUS_DIR] : [])];

  for (const format of ['json', 'sarif']) {
    it(`gives a byte-identical ${format} report on 2 worker threads and in-process, fixtures and corpus`, () => {
      const single = kubeGuide(['lint', '-f', format, '--jobs', '1', '--debug', ...inputs]);
      const threaded = kubeGuide(['lint', '-f', format, '--jobs', '2', '--debug', ...inputs]);
      assert.equal(counters(single.stderr).workers, 0);
      assert.equal(counters(threaded.stderr).workers, 1, 'this thread and one worker');
      assert.ok(counters(single.stderr).checked > 10, 'the run had files to share out');
      assert.equal(threaded.status, single.status);
      assert.equal(threaded.stdout, single.stdout);
      // Notes and problems too, in the same order (the debug line differs only by its worker count).
      assert.equal(threaded.stderr.replace(/workers=\d+/, ''), single.stderr.replace(/workers=\d+/, ''));
    });
  }

  it('shows the same fixes on worker threads (--fix-dry-run)', () => {
    const single = kubeGuide(['lint', '--fix-dry-run', '--jobs', '1', ...inputs]);
    const threaded = kubeGuide(['lint', '--fix-dry-run', '--jobs', '3', ...inputs]);
    assert.match(single.stdout, /^@@ /m);
    assert.equal(threaded.stdout, single.stdout);
  });

  it('keeps progress lines out of output that is not a terminal', () => {
    const run = kubeGuide(['lint', '-f', 'json', '--jobs', '2', ...inputs]);
    assert.ok(!run.stderr.includes('\r') && !run.stderr.includes('\u001b['), JSON.stringify(run.stderr));
  });

  describe('--cache', () => {
    let folder: string;
    const lint = (...args: string[]) => kubeGuide(['lint', '-f', 'json', '--cache', '--debug', ...args, '.'], folder);
    const uncached = () => kubeGuide(['lint', '-f', 'json', '.'], folder);

    beforeEach(() => {
      folder = scratch();
      for (const name of ['deployment-mistakes.yaml', 'valid-mixed.yaml', 'service-ingress-pvc-mistakes.yaml']) {
        if (existsSync(fixturePath('schema', name))) copyFileSync(fixturePath('schema', name), path.join(folder, name));
      }
      yamlFilesUnder(fixturePath('schema')).slice(0, 4).forEach((file, index) => copyFileSync(file, path.join(folder, `copy-${index}.yaml`)));
      writeFileSync(path.join(folder, '.kube-guide.yaml'), 'root: true\nrules:\n  liveness-probe: error\n');
    });

    it('reads unchanged files from the cache on a second run, with the same report', () => {
      const first = lint();
      const files = counters(first.stderr).files;
      assert.deepEqual(counters(first.stderr), { files, checked: files, cached: 0, workers: 0 });
      assert.ok(existsSync(path.join(folder, '.kube-guide-cache')), 'the default location is .kube-guide-cache in the working folder');
      const second = lint();
      assert.deepEqual(counters(second.stderr), { files, checked: 0, cached: files, workers: 0 });
      assert.equal(second.stdout, first.stdout);
      assert.equal(second.status, first.status);
      assert.equal(second.stdout, uncached().stdout);
    });

    it('checks an edited file again, and only that one', () => {
      lint();
      const edited = path.join(folder, 'valid-mixed.yaml');
      writeFileSync(edited, readFileSync(edited, 'utf8').replace(/replicas: \d+/, 'replicas: 7'));
      const after = lint();
      assert.equal(counters(after.stderr).checked, 1);
      assert.equal(after.stdout, uncached().stdout);
    });

    it('checks everything again when the config changes, or the cache is another tool\'s', () => {
      const first = lint();
      const files = counters(first.stderr).files;
      writeFileSync(path.join(folder, '.kube-guide.yaml'), 'root: true\nrules:\n  liveness-probe: off\n');
      const reconfigured = lint();
      assert.equal(counters(reconfigured.stderr).checked, files);
      assert.notEqual(reconfigured.stdout, first.stdout, 'the new config shows');
      assert.equal(reconfigured.stdout, uncached().stdout);
      // What a new kube-guide version (or rule set) finds: a cache written by another tool.
      const cacheFile = path.join(folder, '.kube-guide-cache');
      const stored = JSON.parse(readFileSync(cacheFile, 'utf8'));
      writeFileSync(cacheFile, JSON.stringify({ ...stored, tool: 'kube-guide 0.0.1' }));
      const upgraded = lint();
      assert.equal(counters(upgraded.stderr).checked, files);
      assert.match(upgraded.stderr, /note: the cache \.kube-guide-cache was not used: it was written by another version/);
    });

    it('does not trust the cache for a file --fix changes, and caches the fixed text', () => {
      const before = lint();
      assert.ok((JSON.parse(before.stdout) as Array<{ fixableCount: number }>).some((file) => file.fixableCount > 0));
      const fixed = lint('--fix');
      const fixedCounters = counters(fixed.stderr);
      assert.ok(fixedCounters.checked > 0, 'files with fixes were checked again');
      assert.ok(fixedCounters.cached > 0, 'files without fixes came from the cache');
      assert.deepEqual((JSON.parse(fixed.stdout) as Array<{ fixableCount: number }>).filter((file) => file.fixableCount > 0), []);
      const after = lint();
      assert.equal(counters(after.stderr).checked, 0, 'the fixed files were cached as written');
      assert.equal(after.stdout, fixed.stdout);
      assert.equal(after.stdout, uncached().stdout);
    });

    it('honours --cache-location, a file or a folder', () => {
      const elsewhere = scratch();
      const run = lint('--cache-location', `${elsewhere}/`);
      assert.equal(run.status === 2, false, run.stderr);
      assert.ok(existsSync(path.join(elsewhere, '.kube-guide-cache')));
      assert.ok(!existsSync(path.join(folder, '.kube-guide-cache')));
      const again = lint('--cache-location', path.join(elsewhere, '.kube-guide-cache'));
      assert.equal(counters(again.stderr).checked, 0);
    });
  });
});
