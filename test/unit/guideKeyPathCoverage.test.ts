import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { findKnowledge, parsePathText } from '../../server/src/knowledge/lookup';
import { readFixture, REPO_ROOT, SHARED_DIR } from '../support/fixtures';

// Every kind and key path the guide's example manifests use, extracted once by scripts/extract-guide-key-paths.mjs.
interface GuideKeyPaths {
  kinds: Array<{ kind: string; apiVersions: string[]; paths: string[] }>;
}

const MIN_KEY_PATH_COVERAGE = 0.95;
const GUIDE = path.join(SHARED_DIR, 'guide', 'kubernetes-aks-guide.md');

describe('guide coverage of the knowledge', () => {
  const fixture = JSON.parse(readFixture('guide-key-paths.json')) as GuideKeyPaths;

  it('explains every kind of the guide on its `kind:` value', () => {
    const missing = fixture.kinds.filter(({ kind, apiVersions }) => !findKnowledge({ apiVersion: apiVersions[0], kind, path: ['kind'], onKey: false, value: kind }));
    console.log(`      kinds with knowledge: ${fixture.kinds.length - missing.length}/${fixture.kinds.length}`);
    assert.deepEqual(missing.map((k) => k.kind), []);
  });

  it(`explains at least ${MIN_KEY_PATH_COVERAGE * 100} % of the key paths of the guide's examples`, () => {
    const all = fixture.kinds.flatMap(({ kind, apiVersions, paths }) => paths.map((text) => ({ kind, apiVersion: apiVersions[0], text })));
    const missing = all.filter(({ kind, apiVersion, text }) => !findKnowledge({ apiVersion, kind, path: parsePathText(text), onKey: true }));
    const coverage = (all.length - missing.length) / all.length;
    console.log(`      key paths with knowledge: ${all.length - missing.length}/${all.length} (${(coverage * 100).toFixed(1)} %)`);
    for (const { kind, text } of missing) console.log(`        without knowledge: ${kind} ${text}`);
    assert.ok(coverage >= MIN_KEY_PATH_COVERAGE, `coverage fell to ${(coverage * 100).toFixed(1)} %`);
  });

  it('has a fixture that matches the guide', function () {
    if (!existsSync(GUIDE)) {
      this.skip(); // ../shared/guide is not beside this checkout: the committed fixture is used as it is.
    }
    const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'extract-guide-key-paths.mjs'), GUIDE, '--check'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
  });
});
