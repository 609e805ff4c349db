import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseManifestFile } from '../../server/src/model/manifestFile';
import { summarizeFile } from '../../server/src/model/objectSummary';
import { WorkspaceIndex } from '../../server/src/model/workspaceIndex';
import { ALL_RULES } from '../../server/src/rules/registry';
import { DEFAULT_RULE_SETTINGS } from '../../server/src/rules/ruleSettings';
import { runWorkspaceRules } from '../../server/src/rules/workspaceEngine';
import { expectedFindings, fixturePath, yamlFilesUnder } from '../support/fixtures';

// Held-out workspaces (test/fixtures/workspaces/<name>/): several files whose objects refer to each other.
// A line that a cross-resource rule must flag ends with `# expect: <rule-id>`; for every rule named that
// way, the workspace's other lines must stay silent.

const workspacesDir = fixturePath('workspaces');

for (const name of readdirSync(workspacesDir).sort()) {
  describe(`held-out workspace ${name}`, () => {
    const files = yamlFilesUnder(path.join(workspacesDir, name)).map((file) => ({
      label: path.relative(workspacesDir, file).split(path.sep).join('/'),
      uri: pathToFileURL(file).href,
      text: readFileSync(file, 'utf8'),
    }));
    const index = new WorkspaceIndex();
    for (const file of files) index.update(file.uri, summarizeFile(file.uri, parseManifestFile(file.text)));

    const expected = files.flatMap((file) => expectedFindings(file.text).map((e) => `${file.label}:${e.line + 1} ${e.code}`)).sort();
    const judged = new Set(expected.map((entry) => entry.split(' ')[1]));

    it('names rules that exist', () => {
      const known = new Set(ALL_RULES.map((rule) => rule.meta.id));
      assert.ok(judged.size > 0, 'the workspace expects at least one finding');
      for (const ruleId of judged) assert.ok(known.has(ruleId), `no rule ${ruleId}`);
    });

    it('gets exactly the expected cross-file findings', () => {
      const found = files
        .flatMap((file) =>
          runWorkspaceRules(index.objectsIn(file.uri), index, ALL_RULES, DEFAULT_RULE_SETTINGS, () => file.text).findings.map(
            (finding) => ({ file, finding }),
          ),
        )
        .filter(({ finding }) => judged.has(finding.ruleId))
        .map(({ file, finding }) => `${file.label}:${finding.range.start.line + 1} ${finding.ruleId}`)
        .sort();
      assert.deepEqual(found, expected);
    });
  });
}
