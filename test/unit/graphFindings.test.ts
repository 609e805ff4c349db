import { strict as assert } from 'node:assert';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { parseManifestFile } from '../../server/src/model/manifestFile';
import { summarizeFile } from '../../server/src/model/objectSummary';
import { ALL_RULES } from '../../server/src/rules/registry';
import { DEFAULT_RULE_SETTINGS } from '../../server/src/rules/ruleSettings';
import { indexOf } from '../../server/src/rules/testing/workspaceRuleTester';
import { GraphFindings } from '../../server/src/services/graphFindings';
import { SHOP_FILES } from '../support/shopWorkspace';

const ROOT = 'file:///ws/';
const SERVICE = ROOT + 'shop/service.yaml';
const DEPLOYMENT = ROOT + 'shop/deployment.yaml';

describe('findings behind the workspace graph badges', () => {
  const setUp = () => {
    const texts: Record<string, string> = Object.fromEntries(Object.entries(SHOP_FILES).map(([file, text]) => [ROOT + file, text]));
    const index = indexOf(texts);
    const reads: string[] = [];
    const findings = new GraphFindings({
      index,
      rules: ALL_RULES,
      ruleSettingsFor: () => DEFAULT_RULE_SETTINGS,
      readText: async (uri) => {
        reads.push(uri);
        return texts[uri];
      },
    });
    const change = (uri: string, text: string) => {
      texts[uri] = text;
      index.update(uri, summarizeFile(uri, parseManifestFile(text)));
    };
    return { index, findings, reads, change };
  };

  it('checks an unopened file from disk once, then answers from its cache', async () => {
    const { findings, reads } = setUp();
    const first = await findings.findingsIn(DEPLOYMENT);
    assert.ok(first.length > 0, 'the Deployment has single-file findings (probes, security context...)');
    assert.deepEqual(await findings.findingsIn(DEPLOYMENT), first);
    assert.deepEqual(reads, [DEPLOYMENT]);
  });

  it('re-runs only the cross-file rules when another file changes, and reads again when the file itself does', async () => {
    const { findings, reads, change } = setUp();
    assert.deepEqual((await findings.findingsIn(SERVICE)).filter((f) => f.line === 6), [], 'the Service selects the Deployment');
    change(DEPLOYMENT, SHOP_FILES['shop/deployment.yaml'].replace(/app: web$/gm, 'app: other'));
    const after = await findings.findingsIn(SERVICE);
    assert.deepEqual(after.filter((f) => f.line === 6), [{ line: 6, severity: 'warning' }], 'service-selects-no-pods on the selector');
    assert.deepEqual(reads, [SERVICE], 'the Service file was not read again');
    change(SERVICE, `# moved down a line\n${SHOP_FILES['shop/service.yaml']}`);
    const moved = await findings.findingsIn(SERVICE);
    assert.deepEqual([moved.some((f) => f.line === 6), moved.some((f) => f.line === 7 && f.severity === 'warning')], [false, true], 'the finding moved with the text');
    assert.deepEqual(reads, [SERVICE, SERVICE]);
  });

  it('counts what the editor showed for an open document, and says when the badges change', async () => {
    const { findings, reads } = setUp();
    const diagnostic = (line: number, severity: DiagnosticSeverity): Diagnostic => ({ range: { start: { line, character: 0 }, end: { line, character: 1 } }, severity, message: 'x' });
    assert.equal(findings.recordPublished(DEPLOYMENT, [diagnostic(18, DiagnosticSeverity.Error)]), true, 'first time');
    assert.deepEqual(await findings.findingsIn(DEPLOYMENT), [{ line: 18, severity: 'error' }]);
    assert.equal(findings.recordPublished(DEPLOYMENT, [diagnostic(19, DiagnosticSeverity.Error)]), false, 'same object, same severity: same badges');
    assert.equal(findings.recordPublished(DEPLOYMENT, [diagnostic(45, DiagnosticSeverity.Error)]), true, 'now on the HPA');
    assert.equal(findings.recordPublished(DEPLOYMENT, [diagnostic(45, DiagnosticSeverity.Warning)]), true, 'another severity');
    assert.deepEqual(reads, [], 'an open document is not read from disk');
    findings.forget(DEPLOYMENT);
    assert.ok((await findings.findingsIn(DEPLOYMENT)).length > 1, 'closed: the file on disk counts again');
    assert.deepEqual(reads, [DEPLOYMENT]);
  });
});
