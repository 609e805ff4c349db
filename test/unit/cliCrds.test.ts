import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseCommandLine } from '../../server/src/cli/args';
import { EXIT_FINDINGS, EXIT_TROUBLE } from '../../server/src/cli/run';
import { runCliInProcess } from '../support/cliInProcess';
import { parseManifestFile } from '../../server/src/model/manifestFile';
import { loadKubernetesSchema } from '../../server/src/schema/kubernetesSchema';
import { crdSchemasInText } from '../../server/src/services/externalCrds';
import { createSchemaService, SchemaProblem } from '../../server/src/services/schemaService';
import { crdText } from '../support/crdText';

// `kube-guide lint` judges custom resources by the CRDs among the files it lints, by `--crd` and by the
// config files' `crds:`, as the editor does with its workspace and `kubeGuide.crdFiles`.

const WIDGET = ['apiVersion: example.com/v1', 'kind: Widget', 'metadata:', '  name: gear', 'spec:', '  sise: large', ''].join('\n');
const MISSPELT_LINE = 6; // 1-based, as the report says

interface JsonFile {
  filePath: string;
  messages: Array<{ ruleId: string; line: number; column: number; message: string }>;
}

describe('CLI: custom resources judged by CRDs', function () {
  this.timeout(60_000);
  let top: string;
  beforeEach(() => (top = mkdtempSync(path.join(tmpdir(), 'kube-guide-cli-crds-'))));
  afterEach(() => rmSync(top, { recursive: true, force: true }));

  const run = (argv: string[], cwd = top) => runCliInProcess(argv, cwd);

  const schemaFindings = (stdout: string, file: string) =>
    (JSON.parse(stdout) as JsonFile[])
      .find((entry) => entry.filePath === file)
      ?.messages.filter((message) => message.ruleId.startsWith('schema-'))
      .map(({ ruleId, line, message }) => ({ ruleId, line, message }));

  /** What the editor shows for the widget once the CRD is in its workspace. */
  async function editorFindings(crd: string) {
    const service = createSchemaService(loadKubernetesSchema());
    service.setWorkspaceCrds(crdSchemasInText(crd).schemas);
    const diagnostics = await service.validate(TextDocument.create('file:///gear.yaml', 'yaml', 1, WIDGET), parseManifestFile(WIDGET));
    return diagnostics.map((d) => ({ ruleId: String(d.code), line: d.range.start.line + 1, message: String(d.message) }));
  }

  it('reports a misspelt field by a CRD among the linted files, where the editor does, in-process and on two threads', async () => {
    const app = path.join(top, 'app');
    mkdirSync(app);
    const crd = crdText('Widget', ['size']);
    writeFileSync(path.join(app, 'widget-crd.yaml'), crd);
    writeFileSync(path.join(app, 'gear.yaml'), WIDGET);
    const inProcess = await run(['lint', '-f', 'json', '--jobs', '1', '--debug', 'app']);
    assert.equal(inProcess.code, EXIT_FINDINGS, inProcess.stderr);
    const found = schemaFindings(inProcess.stdout, 'app/gear.yaml');
    assert.deepEqual(found?.map(({ ruleId, line }) => ({ ruleId, line })), [{ ruleId: SchemaProblem.unknownField, line: MISSPELT_LINE }]);
    assert.match(found![0].message, /Did you mean "size"\?/);
    assert.deepEqual(found, await editorFindings(crd), 'the same finding as the editor, word for word');
    assert.match(inProcess.stderr, /debug: .* workers=0 crds=1/);

    const threaded = await run(['lint', '-f', 'json', '--jobs', '2', '--debug', 'app']);
    assert.match(threaded.stderr, /workers=1 crds=1/);
    assert.equal(threaded.stdout, inProcess.stdout);
    assert.equal(threaded.code, inProcess.code);
  });

  it('says nothing of the field without the CRD (the custom resource is unknown, so unchecked)', async () => {
    writeFileSync(path.join(top, 'gear.yaml'), WIDGET);
    const { stdout } = await run(['lint', '-f', 'json', 'gear.yaml']);
    assert.deepEqual(schemaFindings(stdout, 'gear.yaml'), []);
  });

  it("takes CRDs from outside the linted folder through a config file's crds: and through --crd", async () => {
    mkdirSync(path.join(top, 'platform'));
    mkdirSync(path.join(top, 'repo', 'apps'), { recursive: true });
    writeFileSync(path.join(top, 'platform', 'widget-crd.yaml'), crdText('Widget', ['size']));
    writeFileSync(path.join(top, 'repo', 'apps', 'gear.yaml'), WIDGET);
    const repo = path.join(top, 'repo');

    const byFlag = await run(['lint', '-f', 'json', '--crd', '../platform/*.yaml', 'apps'], repo);
    assert.deepEqual(schemaFindings(byFlag.stdout, 'apps/gear.yaml')?.map((m) => m.line), [MISSPELT_LINE], byFlag.stderr);

    writeFileSync(path.join(repo, '.kube-guide.yaml'), 'crds: [../platform/widget-crd.yaml]\n');
    const byConfig = await run(['lint', '-f', 'json', '--jobs', '2', 'apps'], repo);
    assert.deepEqual(schemaFindings(byConfig.stdout, 'apps/gear.yaml')?.map((m) => m.line), [MISSPELT_LINE], byConfig.stderr);
    assert.equal(byConfig.stdout, byFlag.stdout);
  });

  it('lets a CRD among the linted files win over an outside one of the same kind', async () => {
    mkdirSync(path.join(top, 'app'));
    writeFileSync(path.join(top, 'outside-crd.yaml'), crdText('Widget', ['size']));
    writeFileSync(path.join(top, 'app', 'widget-crd.yaml'), crdText('Widget', ['sise']));
    writeFileSync(path.join(top, 'app', 'gear.yaml'), WIDGET);
    const { stdout } = await run(['lint', '-f', 'json', '--crd', 'outside-crd.yaml', 'app']);
    assert.deepEqual(schemaFindings(stdout, 'app/gear.yaml'), []);
  });

  it('stops with exit code 2 and one line naming a --crd file that is not there', async () => {
    writeFileSync(path.join(top, 'gear.yaml'), WIDGET);
    const { code, stderr } = await run(['lint', '--crd', 'crds/missing.yaml', 'gear.yaml']);
    assert.equal(code, EXIT_TROUBLE);
    const lines = stderr.trim().split('\n').filter((line) => line.includes('missing.yaml'));
    assert.deepEqual(lines, ['kube-guide: crds/missing.yaml: no such file or folder (named by --crd)']);
    const glob = await run(['lint', '--crd', 'crds/*.yaml', 'gear.yaml']);
    assert.equal(glob.code, EXIT_TROUBLE);
    assert.match(glob.stderr, /^kube-guide: crds\/\*\.yaml: no file matches this pattern \(named by --crd\)$/m);
  });

  it('notes a --crd file without CRDs, and a config crds: entry that is missing is a problem', async () => {
    writeFileSync(path.join(top, 'gear.yaml'), WIDGET);
    const noCrd = await run(['lint', '--crd', 'gear.yaml', 'gear.yaml']);
    assert.match(noCrd.stderr, /kube-guide: note: gear\.yaml holds no CustomResourceDefinition, so it adds no schema/);
    assert.notEqual(noCrd.code, EXIT_TROUBLE);
    writeFileSync(path.join(top, '.kube-guide.yaml'), 'crds: [gone.yaml]\n');
    const missing = await run(['lint', 'gear.yaml']);
    assert.equal(missing.code, EXIT_TROUBLE);
    assert.match(missing.stderr, /kube-guide: gone\.yaml: no such file or folder \(named by .*\.kube-guide\.yaml\)/);
  });

  it('checks files again from the cache when a CRD changes', async () => {
    writeFileSync(path.join(top, 'widget-crd.yaml'), crdText('Widget', ['size']));
    writeFileSync(path.join(top, 'gear.yaml'), WIDGET);
    const argv = ['lint', '-f', 'json', '--debug', '--cache', '--crd', 'widget-crd.yaml', 'gear.yaml'];
    const first = await run(argv);
    assert.match(first.stderr, /checked=1 cached=0/);
    assert.match((await run(argv)).stderr, /checked=0 cached=1/);
    writeFileSync(path.join(top, 'widget-crd.yaml'), crdText('Widget', ['sise']));
    const afterChange = await run(argv);
    assert.match(afterChange.stderr, /checked=1 cached=0/);
    assert.deepEqual(schemaFindings(afterChange.stdout, 'gear.yaml'), []);
  });

  it('reads --crd, repeatable, and refuses an empty one', () => {
    const options = parseCommandLine(['lint', '--crd', 'a.yaml', '--crd', 'crds/**/*.yaml', '.']);
    assert.deepEqual(options.command === 'lint' && options.crds, ['a.yaml', 'crds/**/*.yaml']);
    assert.throws(() => parseCommandLine(['lint', '--crd', ' ']), /--crd expects a file, folder or glob/);
  });
});
