import { strict as assert } from 'node:assert';
import type { Location } from 'vscode-languageserver-types';
import { SHOW_REFERENCES_COMMAND } from '../../server/src/protocol';
import { indexOf } from '../../server/src/rules/testing/workspaceRuleTester';
import { workloadCodeLenses } from '../../server/src/services/codeLensService';
import { SHOP_FILES } from '../support/shopWorkspace';

const ROOT = 'file:///ws/';
const files = Object.fromEntries(Object.entries(SHOP_FILES).map(([file, text]) => [ROOT + file, text]));
const placesOf = (locations: readonly Location[]) => locations.map((location) => `${location.uri.slice(ROOT.length)}:${location.range.start.line + 1}`).sort();

describe('CodeLens over workloads', () => {
  const lensesOf = (workspace: Record<string, string>, file: string) => {
    const index = indexOf(workspace);
    return workloadCodeLenses(ROOT + file, index.objectsIn(ROOT + file), index);
  };

  it('sums up what attaches to a Deployment, above its first line, and lists them when clicked', () => {
    const lenses = lensesOf(files, 'shop/deployment.yaml');
    assert.equal(lenses.length, 1, 'only the Deployment gets a lens, not its HPA or PDB');
    const [lens] = lenses;
    assert.equal(lens.command?.title, 'Service · PDB · HPA · NetworkPolicy');
    assert.deepEqual(lens.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.equal(lens.command?.command, SHOW_REFERENCES_COMMAND);
    const [uri, position, locations] = lens.command!.arguments as [string, unknown, Location[]];
    assert.equal(uri, ROOT + 'shop/deployment.yaml');
    assert.deepEqual(position, { line: 1, character: 6 });
    assert.deepEqual(placesOf(locations), ['shop/deployment.yaml:46', 'shop/deployment.yaml:57', 'shop/policy.yaml:7', 'shop/service.yaml:7']);
  });

  it('counts several objects of a kind', () => {
    const second = SHOP_FILES['shop/service.yaml'].replace('name: web', 'name: web-internal');
    const lenses = lensesOf({ ...files, [ROOT + 'shop/internal.yaml']: second }, 'shop/deployment.yaml');
    assert.equal(lenses[0].command?.title, '2 Services · PDB · HPA · NetworkPolicy');
  });

  it('says so, as a plain label, when no Service selects a Deployment in a namespace that has Services', () => {
    const lenses = lensesOf(files, 'jobs/worker.yaml');
    assert.equal(lenses.length, 1, 'the CronJob gets none: a job seldom serves traffic');
    assert.equal(lenses[0].command?.title, 'No Service selects these pods');
    assert.equal(lenses[0].command?.command, '', 'nothing to list: not clickable');
    assert.equal(lenses[0].range.start.line, 0);
  });

  it('stays quiet for a workload with nothing attached where no Service is defined', () => {
    const workerOnly = { [ROOT + 'jobs/worker.yaml']: SHOP_FILES['jobs/worker.yaml'] };
    assert.deepEqual(lensesOf(workerOnly, 'jobs/worker.yaml'), []);
  });

  it('follows the pod labels: a Service that stops matching drops out of the lens', () => {
    const relabelled = SHOP_FILES['shop/service.yaml'].replace('app: web', 'app: shop-web');
    const [lens] = lensesOf({ ...files, [ROOT + 'shop/service.yaml']: relabelled }, 'shop/deployment.yaml');
    assert.equal(lens.command?.title, 'No Service selects these pods · PDB · HPA · NetworkPolicy');
  });

  it('gives no lens to objects that run no pods', () => {
    assert.deepEqual(lensesOf(files, 'shop/service.yaml'), []);
    assert.deepEqual(lensesOf(files, 'shop/config.yaml'), []);
  });
});
