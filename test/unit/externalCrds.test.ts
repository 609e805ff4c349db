import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CrdSchema } from '../../server/src/schema/crdSchema';
import {
  crdSchemasInText,
  ExternalCrdFiles,
  isWatchedBy,
  readExternalCrds,
  withOutsideCrds,
  workspaceConfigCrdEntries,
  type CrdFileEntry,
  type CrdFileProblem,
  type WatchPattern,
} from '../../server/src/services/externalCrds';
import { crdText } from '../support/crdText';

// CRD files named from outside the checked files: finding them (paths, ~/, globs, folders), reading
// them (other objects ignored, problems said once), and which definition wins.

const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: b\n';
const identities = (schemas: readonly CrdSchema[]) => schemas.map(({ apiVersion, kind }) => `${apiVersion} ${kind}`).sort();
const specFields = (schema: CrdSchema) => Object.keys((schema.schema.properties?.spec as { properties: object }).properties);

describe('CRD files from outside the workspace', () => {
  let top: string;
  const entry = (pattern: string, baseDir: string | undefined = top): CrdFileEntry => ({ pattern, baseDir, namedBy: 'test' });
  beforeEach(() => (top = mkdtempSync(path.join(tmpdir(), 'kube-guide-outside-crds-'))));
  afterEach(() => rmSync(top, { recursive: true, force: true }));

  describe('a text', () => {
    it('gives a schema per CRD and served version, ignoring the other objects', () => {
      const text = [crdText('Widget', ['size'], ['v1', 'v2']), CONFIG_MAP, crdText('Gadget', ['colour'])].join('---\n');
      const { schemas, definitions, yamlError } = crdSchemasInText(text);
      assert.equal(definitions, 2);
      assert.equal(yamlError, undefined);
      assert.deepEqual(identities(schemas), ['example.com/v1 Gadget', 'example.com/v1 Widget', 'example.com/v2 Widget']);
    });

    it('is not parsed at all when it does not name the kind', () => {
      assert.deepEqual(crdSchemasInText(': not yaml [').schemas, []);
      assert.equal(crdSchemasInText(': not yaml [').yamlError, undefined, 'no parse, so no error either');
    });
  });

  describe('finding the files', () => {
    it('takes absolute paths, paths relative to the base folder, and ~/ in the home folder', async () => {
      mkdirSync(path.join(top, 'home', 'crds'), { recursive: true });
      mkdirSync(path.join(top, 'repo'));
      writeFileSync(path.join(top, 'a.yaml'), crdText('Alpha', ['x']));
      writeFileSync(path.join(top, 'repo', 'b.yaml'), crdText('Beta', ['x']));
      writeFileSync(path.join(top, 'home', 'crds', 'c.yaml'), crdText('Gamma', ['x']));
      const read = await readExternalCrds(
        [entry(path.join(top, 'a.yaml')), entry('b.yaml', path.join(top, 'repo')), entry('~/crds/c.yaml')],
        path.join(top, 'home'),
      );
      assert.deepEqual(read.problems, []);
      assert.deepEqual(read.files, [path.join(top, 'a.yaml'), path.join(top, 'repo', 'b.yaml'), path.join(top, 'home', 'crds', 'c.yaml')]);
      assert.deepEqual(identities(read.schemas), ['example.com/v1 Alpha', 'example.com/v1 Beta', 'example.com/v1 Gamma']);
      assert.deepEqual(read.watch, [
        { baseDir: top, pattern: 'a.yaml' },
        { baseDir: path.join(top, 'repo'), pattern: 'b.yaml' },
        { baseDir: path.join(top, 'home', 'crds'), pattern: 'c.yaml' },
      ]);
    });

    it('expands globs and folders, skipping their files without CRDs in silence', async () => {
      mkdirSync(path.join(top, 'chart', 'crds', 'nested'), { recursive: true });
      writeFileSync(path.join(top, 'chart', 'crds', 'one.yaml'), crdText('One', ['x']));
      writeFileSync(path.join(top, 'chart', 'crds', 'nested', 'two.yml'), crdText('Two', ['x']));
      writeFileSync(path.join(top, 'chart', 'crds', 'kustomization.yaml'), 'resources: [one.yaml]\n');
      writeFileSync(path.join(top, 'chart', 'crds', 'README.md'), 'CustomResourceDefinition notes\n');
      const byGlob = await readExternalCrds([entry('chart/**/*.yaml')]);
      assert.deepEqual(identities(byGlob.schemas), ['example.com/v1 One']);
      assert.deepEqual(byGlob.watch, [{ baseDir: path.join(top, 'chart'), pattern: '**/*.yaml' }]);
      const byFolder = await readExternalCrds([entry('chart/crds')]);
      assert.deepEqual(identities(byFolder.schemas), ['example.com/v1 One', 'example.com/v1 Two']);
      assert.deepEqual([...byFolder.problems, ...byFolder.notes], [], 'kustomization.yaml and README.md are not complained about');
      assert.deepEqual(byFolder.watch, [{ baseDir: path.join(top, 'chart', 'crds'), pattern: '**/*.{yaml,yml}' }]);
    });

    it('reads a file named twice (directly and through a glob) once', async () => {
      writeFileSync(path.join(top, 'widget.yaml'), crdText('Widget', ['size']));
      const read = await readExternalCrds([entry('widget.yaml'), entry('*.yaml')]);
      assert.deepEqual(read.files, [path.join(top, 'widget.yaml')]);
      assert.equal(read.schemas.length, 1);
    });

    it('says what is missing, and still watches it so that creating it is noticed', async () => {
      const read = await readExternalCrds([entry('missing.yaml'), entry('crds/*.yaml'), { pattern: 'rel.yaml', baseDir: undefined, namedBy: 'test' }]);
      assert.deepEqual(read.problems, [
        { file: path.join(top, 'missing.yaml'), problem: 'no such file or folder (named by test)' },
        { file: 'crds/*.yaml', problem: 'no file matches this pattern (named by test)' },
        { file: 'rel.yaml', problem: 'is a relative path, and there is no workspace folder it could be relative to (named by test)' },
      ]);
      assert.deepEqual(read.watch, [
        { baseDir: top, pattern: 'missing.yaml' },
        { baseDir: path.join(top, 'crds'), pattern: '*.yaml' },
      ]);
      assert.deepEqual(read.schemas, []);
    });
  });

  describe('reading the files', () => {
    it('notes a file named on its own that holds no CRD, and uses nothing of it', async () => {
      writeFileSync(path.join(top, 'app.yaml'), CONFIG_MAP);
      const read = await readExternalCrds([entry('app.yaml')]);
      assert.deepEqual(read.schemas, []);
      assert.deepEqual(read.problems, []);
      assert.deepEqual(read.notes, [{ file: path.join(top, 'app.yaml'), problem: 'holds no CustomResourceDefinition' }]);
    });

    it('reads every CRD of a multi-document file', async () => {
      writeFileSync(path.join(top, 'bundle.yaml'), [crdText('Widget', ['size']), CONFIG_MAP, crdText('Gadget', ['colour'])].join('---\n'));
      const read = await readExternalCrds([entry('bundle.yaml')]);
      assert.equal(read.definitions, 2);
      assert.deepEqual(identities(read.schemas), ['example.com/v1 Gadget', 'example.com/v1 Widget']);
      assert.deepEqual(specFields(read.schemas.find((schema) => schema.kind === 'Widget')!), ['size']);
      assert.deepEqual([...read.problems, ...read.notes], []);
    });

    it('refuses a file over the size limit, a binary file, and says where the YAML breaks', async () => {
      writeFileSync(path.join(top, 'huge.yaml'), '');
      truncateSync(path.join(top, 'huge.yaml'), 11 * 1024 * 1024);
      writeFileSync(path.join(top, 'binary.yaml'), Buffer.from([0x6b, 0x00, 0x01]));
      writeFileSync(path.join(top, 'broken.yaml'), `${crdText('Widget', ['size'])}  names: [oops\n`);
      const read = await readExternalCrds([entry('huge.yaml'), entry('binary.yaml'), entry('broken.yaml')]);
      assert.deepEqual(read.problems.map(({ file, problem }) => `${path.basename(file)}: ${problem.replace(/\): .*/, ')')}`), [
        'huge.yaml: is larger than 10 MB, the limit for a CRD file; it was skipped',
        'binary.yaml: is a binary file, not YAML',
        'broken.yaml: not valid YAML (line 21)',
      ]);
    });
  });

  it('lets a CRD of the workspace win over an outside one of the same kind and version', () => {
    const outside = crdSchemasInText([crdText('Widget', ['size']), crdText('Gadget', ['colour'])].join('---\n')).schemas;
    const inWorkspace = crdSchemasInText(crdText('Widget', ['diameter'])).schemas;
    const merged = withOutsideCrds(inWorkspace, outside);
    assert.deepEqual(identities(merged), ['example.com/v1 Gadget', 'example.com/v1 Widget']);
    assert.deepEqual(specFields(merged.find((schema) => schema.kind === 'Widget')!), ['diameter']);
  });

  it('tells which changed files are watched ones', () => {
    const watch: WatchPattern[] = [{ baseDir: '/crds', pattern: '**/*.yaml' }, { baseDir: '/other', pattern: 'one.yaml' }];
    assert.ok(isWatchedBy(watch, '/crds/a/b.yaml'));
    assert.ok(isWatchedBy(watch, '/other/one.yaml'));
    assert.ok(!isWatchedBy(watch, '/other/two.yaml'));
    assert.ok(!isWatchedBy(watch, '/crds-elsewhere/b.yaml'));
  });

  it("finds the crds: of the workspace's config files, in the folder, below it and above it", async () => {
    mkdirSync(path.join(top, 'repo', 'team', 'app'), { recursive: true });
    writeFileSync(path.join(top, '.kube-guide.yaml'), 'crds: [platform/crds/]\n');
    writeFileSync(path.join(top, 'repo', '.kube-guide.yaml'), 'crds: ["vendor/*.yaml"]\n');
    writeFileSync(path.join(top, 'repo', 'team', '.kube-guide.yaml'), 'crds: [../../shared.yaml]\n');
    writeFileSync(path.join(top, 'repo', 'team', 'app', '.kube-guide.yaml'), 'profile: nonsense\ncrds: [ignored.yaml]\n');
    const entries = await workspaceConfigCrdEntries([path.join(top, 'repo')], [], new Set());
    assert.deepEqual(
      entries.map(({ pattern, baseDir, namedBy }) => ({ pattern, baseDir, namedBy })),
      [
        { pattern: 'vendor/*.yaml', baseDir: path.join(top, 'repo'), namedBy: path.join(top, 'repo', '.kube-guide.yaml') },
        { pattern: 'platform/crds/', baseDir: top, namedBy: path.join(top, '.kube-guide.yaml') },
        { pattern: '../../shared.yaml', baseDir: path.join(top, 'repo', 'team'), namedBy: path.join(top, 'repo', 'team', '.kube-guide.yaml') },
      ],
      'a config file that cannot be used adds nothing',
    );
  });

  describe('in the language server', () => {
    function host() {
      const seen = { problems: [] as CrdFileProblem[][], logs: [] as string[], watches: [] as WatchPattern[][], changes: 0 };
      const files = new ExternalCrdFiles(
        {
          reportProblems: (problems) => seen.problems.push([...problems]),
          log: (message) => seen.logs.push(message),
          watch: (patterns) => seen.watches.push([...patterns]),
          changed: () => seen.changes++,
        },
        new Set(),
      );
      return { files, seen };
    }

    it('reads what the setting names, re-reads on a change to a watched file, and says each problem once', async () => {
      const { files, seen } = host();
      const crdFile = path.join(top, 'outside', 'widget.yaml');
      mkdirSync(path.dirname(crdFile));
      writeFileSync(crdFile, crdText('Widget', ['size']));
      const workspace = path.join(top, 'ws');
      mkdirSync(workspace);
      const setting = [crdFile, '../outside/missing.yaml'];
      await files.update({ setting, folders: [workspace], exclude: [] });
      assert.equal(files.revision, 1);
      assert.deepEqual(identities(files.schemas), ['example.com/v1 Widget']);
      assert.deepEqual(seen.problems, [[{ file: path.join(top, 'outside', 'missing.yaml'), problem: 'no such file or folder (named by kubeGuide.crdFiles)' }]]);
      assert.deepEqual(seen.watches, [[{ baseDir: path.join(top, 'outside'), pattern: 'widget.yaml' }, { baseDir: path.join(top, 'outside'), pattern: 'missing.yaml' }]]);
      assert.match(seen.logs.at(-1) ?? '', /uses 1 CustomResourceDefinitions \(1 kinds and versions\) from 1 CRD files/);

      await files.update({ setting, folders: [workspace], exclude: [] });
      assert.equal(files.revision, 1, 'the same setting again reads nothing');
      await files.filesChanged([pathToFileURL(path.join(workspace, 'app.yaml')).href]);
      assert.equal(files.revision, 1, 'a file nobody named is not ours');

      writeFileSync(crdFile, crdText('Widget', ['diameter']));
      await files.filesChanged([pathToFileURL(crdFile).href]);
      assert.equal(files.revision, 2);
      assert.equal(seen.changes, 2);
      assert.deepEqual(specFields(files.schemas[0]), ['diameter']);
      assert.equal(seen.problems.length, 1, 'the missing file, still missing, is not reported again');

      writeFileSync(path.join(top, 'outside', 'missing.yaml'), crdText('Gadget', ['colour']));
      await files.filesChanged([pathToFileURL(path.join(top, 'outside', 'missing.yaml')).href]);
      assert.deepEqual(identities(files.schemas), ['example.com/v1 Gadget', 'example.com/v1 Widget']);

      await files.update({ setting: [], folders: [workspace], exclude: [] });
      assert.deepEqual(files.schemas, [], 'emptying the setting drops them');
      assert.deepEqual(seen.watches.at(-1), []);
    });
  });
});
