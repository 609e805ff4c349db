import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DEFAULT_CACHE_LOCATION, DEFAULT_MAX_FILE_SIZE, parseCommandLine, UsageError } from '../../server/src/cli/args';
import { collectTargets } from '../../server/src/cli/fileWalker';
import { globToRegExp, splitGlob } from '../../server/src/cli/glob';
import { decodeSource } from '../../server/src/cli/readSource';

describe('CLI command line', () => {
  it('defaults to the stylish report of the working folder', () => {
    assert.deepEqual(parseCommandLine(['lint']), { command: 'lint', paths: ['.'], format: 'stylish', fix: false, fixDryRun: false, maxFileSize: DEFAULT_MAX_FILE_SIZE, debug: false });
  });

  it('reads every option', () => {
    const options = parseCommandLine(['lint', 'k8s', '-', '-f', 'sarif', '-o', 'out.sarif', '--fix-dry-run', '--max-warnings', '3', '--max-file-size', '2m', '--stdin-filename', 'x.yaml', '--no-color', '-j', '3', '--cache', '--cache-location', 'tmp/', '--debug']);
    assert.deepEqual(options, {
      command: 'lint', paths: ['k8s', '-'], format: 'sarif', output: 'out.sarif', fix: false, fixDryRun: true,
      maxWarnings: 3, maxFileSize: 2 * 1024 * 1024, stdinFilename: 'x.yaml', color: false, jobs: 3, cacheLocation: 'tmp/', debug: true,
    });
    assert.equal((parseCommandLine(['lint', '--jobs', 'auto']) as { jobs?: number }).jobs, undefined);
    assert.equal((parseCommandLine(['lint', '--cache']) as { cacheLocation?: string }).cacheLocation, DEFAULT_CACHE_LOCATION);
    assert.equal((parseCommandLine(['lint', '--max-warnings=-1']) as { maxWarnings?: number }).maxWarnings, undefined);
  });

  it('answers --help and --version before anything else', () => {
    assert.deepEqual(parseCommandLine(['--help']), { command: 'help' });
    assert.deepEqual(parseCommandLine(['lint', '-v']), { command: 'version' });
  });

  it('refuses what it does not understand, in one line', () => {
    const refused = (argv: string[], message: RegExp) => assert.throws(() => parseCommandLine(argv), (error: Error) => error instanceof UsageError && message.test(error.message));
    refused([], /missing command/);
    refused(['check'], /unknown command "check"/);
    refused(['lint', '--format', 'xml'], /unknown format "xml": choose stylish, json, sarif, github/);
    refused(['lint', '--frmat', 'json'], /Unknown option '--frmat'/);
    refused(['lint', '--max-warnings', 'many'], /whole number/);
    refused(['lint', '--max-file-size', 'big'], /size in bytes/);
    refused(['lint', '--fix', '--fix-dry-run'], /choose one/);
    refused(['lint', '--fix', '-'], /cannot write back to standard input/);
    refused(['lint', '--stdin-filename', 'a.yaml'], /needs "-"/);
    refused(['lint', '--jobs', '0'], /--jobs expects a number of threads of at least 1, or auto, not "0"/);
    refused(['lint', '--jobs', 'many'], /--jobs expects/);
    refused(['lint', '--cache-location', 'x'], /--cache-location needs --cache/);
  });
});

describe('CLI globs', () => {
  it('splits off the folder to walk', () => {
    assert.deepEqual(splitGlob('k8s/apps/**/*.yaml'), { baseDir: 'k8s/apps', pattern: '**/*.yaml' });
    assert.deepEqual(splitGlob('*.yml'), { baseDir: '.', pattern: '*.yml' });
  });

  it('matches like a shell with globstar', () => {
    const matches = (glob: string, file: string) => globToRegExp(glob).test(file);
    assert.ok(matches('**/*.yaml', 'web.yaml'));
    assert.ok(matches('**/*.yaml', 'a/b/web.yaml'));
    assert.ok(!matches('*.yaml', 'a/web.yaml'));
    assert.ok(matches('*/{base,prod}/*.y?ml', 'web/prod/deploy.yaml'));
    assert.ok(!matches('*/{base,prod}/*.y?ml', 'web/dev/deploy.yaml'));
    assert.ok(matches('[a-c]*.yaml', 'b.yaml'));
    assert.ok(!matches('[!a-c]*.yaml', 'b.yaml'));
    assert.ok(!matches('web.yaml', 'webXyaml'), 'a dot is a dot');
  });
});

describe('CLI file walking', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'kube-guide-walk-'));
    const write = (relative: string, text = 'kind: x\n') => {
      mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
      writeFileSync(path.join(root, relative), text);
    };
    write('.gitignore', 'ignored/\n*.secret.yaml\n');
    write('app/deploy.yaml');
    write('app/service.yml');
    write('app/notes.txt');
    write('app/db.secret.yaml');
    write('app/.gitignore', 'local.yaml\n');
    write('app/local.yaml');
    write('ignored/deploy.yaml');
    write('node_modules/pkg/deploy.yaml');
    write('chart/Chart.yaml', 'apiVersion: v2\nname: c\n');
    write('chart/values.yaml');
    write('chart/templates/deploy.yaml');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const relativeTargets = (inputs: string[]) => {
    const collected = collectTargets(inputs, root);
    return { ...collected, files: collected.targets.map((target) => (target.kind === 'file' ? path.relative(root, target.path).split(path.sep).join('/') : '-')) };
  };

  it('finds YAML files, honouring .gitignore files and skipping Helm templates with a note', () => {
    const { files, notes, problems } = relativeTargets(['.']);
    assert.deepEqual(files, ['app/deploy.yaml', 'app/service.yml', 'chart/Chart.yaml', 'chart/values.yaml']);
    assert.deepEqual(problems, []);
    assert.equal(notes.length, 1);
    assert.match(notes[0], /^skipped chart\/templates\/: Helm chart templates/);
  });

  it('takes a named file as it is, and standard input once', () => {
    assert.deepEqual(relativeTargets(['app/notes.txt', '-', '-', 'app/notes.txt']).files, ['app/notes.txt', '-']);
  });

  it('expands a quoted glob, and reports paths that match nothing', () => {
    const { files, problems } = relativeTargets(['app/*.y*ml', 'missing.yaml', 'nothing/**/*.yaml']);
    assert.deepEqual(files, ['app/deploy.yaml', 'app/service.yml']);
    assert.deepEqual(problems, [
      { path: 'missing.yaml', problem: 'no such file or folder' },
      { path: 'nothing/**/*.yaml', problem: 'no file matches this pattern' },
    ]);
  });
});

describe('CLI source reading', () => {
  it('keeps a byte-order mark aside and refuses binary files', () => {
    assert.deepEqual(decodeSource(Buffer.from('\uFEFFkind: x\n')), { text: 'kind: x\n', byteOrderMark: true });
    assert.match((decodeSource(Buffer.from([0x6b, 0x00, 0x01])) as { problem: string }).problem, /binary/);
  });
});
