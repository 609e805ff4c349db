import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseManifestFile } from '../../server/src/model/manifestFile';
import { enabledGlobs, excludeMatcher, findYamlFiles } from '../../server/src/services/workspaceScanner';
import { WorkspaceService } from '../../server/src/services/workspaceService';

const deployment = (name: string, app: string) =>
  ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: ${name}`, 'spec:', '  template:', '    metadata:', '      labels:', `        app: ${app}`, ''].join('\n');
const serviceYaml = (name: string, app: string) => ['apiVersion: v1', 'kind: Service', 'metadata:', `  name: ${name}`, 'spec:', '  selector:', `    app: ${app}`, ''].join('\n');

describe('workspace scanner', () => {
  it('reads the globs a files.exclude setting turns on', () => {
    assert.deepEqual(enabledGlobs({ '**/.git': true, '**/dist': true, '**/keep': false, odd: 'yes' }), ['**/.git', '**/dist']);
    assert.deepEqual(enabledGlobs(undefined), []);
  });

  it('matches VS Code-style globs on folder-relative paths, dot files included', () => {
    const excluded = excludeMatcher(['**/charts/**', 'generated/*.yaml', '**/.cache']);
    assert.equal(excluded('apps/charts/web/values.yaml'), true);
    assert.equal(excluded('generated/all.yaml'), true);
    assert.equal(excluded('generated/sub/all.yaml'), false);
    assert.equal(excluded('a/.cache'), true);
    assert.equal(excluded('apps/web.yaml'), false);
    assert.equal(excludeMatcher([])('anything'), false);
  });
});

describe('workspace service', () => {
  let folder: string;
  const uriOf = (relative: string) => pathToFileURL(path.join(folder, relative)).href;
  const write = (relative: string, text: string) => {
    mkdirSync(path.dirname(path.join(folder, relative)), { recursive: true });
    writeFileSync(path.join(folder, relative), text);
  };

  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'kube-guide-index-'));
    write('app/deploy.yaml', deployment('web', 'web'));
    write('app/svc.yml', serviceYaml('web', 'web'));
    write('app/values.yaml', 'replicaCount: 2\nimage: web\n');
    write('charts/web/templates/svc.yaml', serviceYaml('chart', 'chart'));
    write('node_modules/pkg/deploy.yaml', deployment('vendored', 'vendored'));
    write('notes.md', 'apiVersion: v1\nkind: Service\n');
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('finds YAML files, never under node_modules, and honours excludes', async () => {
    const found = await findYamlFiles(folder, { exclude: ['**/charts/**'], maxFiles: 100 });
    assert.deepEqual(found.files.map((file) => path.relative(folder, file).split(path.sep).join('/')).sort(), ['app/deploy.yaml', 'app/svc.yml', 'app/values.yaml']);
    assert.equal(found.truncated, false);
    const capped = await findYamlFiles(folder, { exclude: [], maxFiles: 2 });
    assert.equal(capped.files.length, 2);
    assert.equal(capped.truncated, true);
  });

  it('indexes the objects of the folder, leaving out plain YAML', async () => {
    const workspace = new WorkspaceService();
    const report = await workspace.indexFolders([{ uri: pathToFileURL(folder).href }], { exclude: ['**/charts/**'], maxFileSizeMb: 1 });
    assert.deepEqual({ files: report.files, manifests: report.manifests, objects: report.objects }, { files: 3, manifests: 2, objects: 2 });
    assert.deepEqual(workspace.index.find('Service', 'web').map((object) => object.uri), [uriOf('app/svc.yml')]);
    assert.deepEqual(workspace.index.objectsIn(uriOf('app/values.yaml')), []);
  });

  it('lets an open document override the disk until it is closed', async () => {
    const workspace = new WorkspaceService();
    await workspace.indexFolders([{ uri: pathToFileURL(folder).href }], { exclude: [], maxFileSizeMb: 1 });
    const uri = uriOf('app/svc.yml');
    const change = workspace.updateOpenDocument(uri, parseManifestFile(serviceYaml('web', 'api')));
    assert.equal(change.changed, true);
    assert.deepEqual(workspace.index.find('Service', 'web')[0].podSelector?.selector.matchLabels, { app: 'api' });
    // A change on disk does not replace the live text of an open document.
    write('app/svc.yml', serviceYaml('web', 'other'));
    assert.equal((await workspace.refreshFromDisk(uri)).changed, false);
    assert.deepEqual(workspace.index.find('Service', 'web')[0].podSelector?.selector.matchLabels, { app: 'api' });
    // Closing the editor drops unsaved edits: the disk applies again.
    await workspace.closeDocument(uri);
    assert.deepEqual(workspace.index.find('Service', 'web')[0].podSelector?.selector.matchLabels, { app: 'other' });
  });

  it('follows files created, changed and deleted on disk, and reports who depends on them', async () => {
    const workspace = new WorkspaceService();
    await workspace.indexFolders([{ uri: pathToFileURL(folder).href }], { exclude: ['**/charts/**'], maxFileSizeMb: 1 });
    write('app/deploy.yaml', deployment('web', 'renamed'));
    const change = await workspace.refreshFromDisk(uriOf('app/deploy.yaml'));
    assert.equal(change.changed, true);
    assert.deepEqual([...change.affectedUris], [uriOf('app/svc.yml')], 'the Service selecting these pods is affected');
    write('app/extra.yaml', serviceYaml('extra', 'web'));
    await workspace.refreshFromDisk(uriOf('app/extra.yaml'));
    assert.equal(workspace.index.find('Service', 'extra').length, 1);
    unlinkSync(path.join(folder, 'app/extra.yaml'));
    workspace.deleted(uriOf('app/extra.yaml'));
    assert.equal(workspace.index.find('Service', 'extra').length, 0);
    // Excluded and outside files are not taken in.
    write('charts/web/templates/more.yaml', serviceYaml('more', 'web'));
    await workspace.refreshFromDisk(uriOf('charts/web/templates/more.yaml'));
    assert.equal(workspace.index.find('Service', 'more').length, 0);
    assert.equal(workspace.isInWorkspace(pathToFileURL(path.join(tmpdir(), 'elsewhere.yaml')).href), false);
  });

  it('leaves out files over the size limit and binary files', async () => {
    write('app/big.yaml', serviceYaml('big', 'web') + `# ${'x'.repeat(1.2 * 1024 * 1024)}\n`);
    write('app/binary.yaml', `${serviceYaml('binary', 'web')}\0\0`);
    const workspace = new WorkspaceService();
    await workspace.indexFolders([{ uri: pathToFileURL(folder).href }], { exclude: [], maxFileSizeMb: 1 });
    assert.equal(workspace.index.find('Service', 'big').length, 0);
    assert.equal(workspace.index.find('Service', 'binary').length, 0);
    assert.equal(workspace.index.find('Service', 'web').length, 1);
  });
});
