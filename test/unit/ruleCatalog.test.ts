import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '../../server/src/rules/registry';
import { REPO_ROOT } from '../support/fixtures';

describe('rule catalog', () => {
  it('has unique ids', () => {
    const ids = ALL_RULES.map((rule) => rule.meta.id);
    assert.deepEqual(ids.filter((id, index) => ids.indexOf(id) !== index), []);
  });

  it('has a test file beside every rule (a rule without tests does not exist)', () => {
    const missing = ALL_RULES.map((rule) => rule.meta.id).filter(
      (id) => !existsSync(path.join(REPO_ROOT, 'server', 'src', 'rules', `${id}.test.ts`)),
    );
    assert.deepEqual(missing, []);
  });

  it('has its docs pages, README table and settings generated from the current rules', () => {
    const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'generate-rule-docs.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
  });
});
