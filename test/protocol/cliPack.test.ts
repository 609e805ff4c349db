import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fixturePath, REPO_ROOT } from '../support/fixtures';

// The package as a user gets it: `npm pack`, installed into an empty project with no network, run
// through `npx kube-guide`. Everything dist/cli.js needs must be inside the tarball: the bundles, the
// schema and the rule pages, and no dependency left to fetch.

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', npm_config_update_notifier: 'false' },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 180_000,
  });
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '', error: result.error };
}

describe('the npm package (npm pack, offline install, npx kube-guide)', function () {
  this.timeout(300_000);
  let workspace: string;
  let project: string;
  let packed: { filename: string; files: Array<{ path: string }> };

  before(function () {
    if (run(npm, ['--version'], REPO_ROOT).status !== 0) this.skip();
    workspace = mkdtempSync(path.join(tmpdir(), 'kube-guide-pack-'));
    const pack = run(npm, ['pack', '--json', '--pack-destination', workspace], REPO_ROOT);
    assert.equal(pack.status, 0, pack.stderr);
    packed = (JSON.parse(pack.stdout) as Array<typeof packed>)[0];
    project = path.join(workspace, 'project');
    run('mkdir', ['-p', project], workspace);
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'uses-kube-guide', version: '1.0.0', private: true }));
  });
  after(() => workspace && rmSync(workspace, { recursive: true, force: true }));

  it('packs what dist/cli.js needs at run time, and declares no dependency to fetch', () => {
    const files = new Set(packed.files.map((file) => file.path));
    for (const needed of ['package.json', 'README.md', 'LICENSE', 'dist/cli.js', 'dist/cli-worker.js', 'dist/kubernetes-schema.json', 'dist/kubernetes-schema.meta.json', 'schemas/kube-guide-config.schema.json', 'docs/rules/image-tag.md']) {
      assert.ok(files.has(needed), `${needed} is in the tarball`);
    }
    const manifest = JSON.parse(run('node', ['-p', 'JSON.stringify(require("./package.json"))'], REPO_ROOT).stdout) as { dependencies?: object };
    assert.deepEqual(Object.keys(manifest.dependencies ?? {}), [], 'everything dist/ uses is bundled: installing must fetch nothing');
  });

  it('installs with no network and runs as npx kube-guide lint', function () {
    const tarball = path.join(workspace, packed.filename);
    const install = run(npm, ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], project);
    if (install.status !== 0 && /ENOTCACHED|ENOTFOUND|EAI_AGAIN/.test(install.stderr)) {
      // Nothing should be fetched at all; if npm still wants the network, say so rather than fail obscurely.
      this.skip();
    }
    assert.equal(install.status, 0, install.stderr);
    assert.deepEqual(readdirSync(path.join(project, 'node_modules')).filter((name) => !name.startsWith('.')), ['kube-guide'], 'nothing but kube-guide was installed');

    const version = run(npx, ['--offline', '--no-install', 'kube-guide', '--version'], project);
    assert.equal(version.status, 0, version.stderr);
    assert.match(version.stdout, /^kube-guide \d+\.\d+\.\d+ \(Kubernetes 1\.\d+ schema\)\n$/);

    const fixture = fixturePath('schema', 'deployment-mistakes.yaml');
    for (const jobs of ['1', '2']) {
      const lint = run(npx, ['--offline', '--no-install', 'kube-guide', 'lint', '-f', 'json', '--jobs', jobs, fixture], project);
      assert.equal(lint.status, 1, `errors found, exit 1 (--jobs ${jobs}): ${lint.stderr}`);
      const report = JSON.parse(lint.stdout) as Array<{ messages: Array<{ ruleId: string; line: number }> }>;
      assert.ok(report[0].messages.some((message) => message.ruleId === 'schema-unknown-field' && message.line === 9), `schema checked (--jobs ${jobs})`);
      assert.ok(report[0].messages.some((message) => !message.ruleId.startsWith('schema-')), `rules ran (--jobs ${jobs})`);
    }
    const sarif = run(npx, ['--offline', '--no-install', 'kube-guide', 'lint', '-f', 'sarif', fixture], project);
    const rules = (JSON.parse(sarif.stdout) as { runs: Array<{ tool: { driver: { rules: Array<{ helpUri?: string }> } } }> }).runs[0].tool.driver.rules;
    const pages = rules.map((rule) => rule.helpUri).filter((uri): uri is string => !!uri && uri.startsWith('file:'));
    assert.ok(pages.length === 0 || pages.every((uri) => existsSync(new URL(uri))), 'rule pages linked from the report ship in the package');
  });
});
