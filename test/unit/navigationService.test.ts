import { strict as assert } from 'node:assert';
import type { Location, LocationLink } from 'vscode-languageserver-types';
import { parseManifestFile } from '../../server/src/model/manifestFile';
import { summarizeFile } from '../../server/src/model/objectSummary';
import { indexOf } from '../../server/src/rules/testing/workspaceRuleTester';
import { definitionsAt, linksToLocations, referencesAt } from '../../server/src/services/navigationService';
import { positionIn, SHOP_FILES } from '../support/shopWorkspace';

const ROOT = 'file:///ws/';
const files = Object.fromEntries(Object.entries(SHOP_FILES).map(([file, text]) => [ROOT + file, text]));
const uri = (file: string) => ROOT + file;

/** "file:line" of each target (1-based line), sorted: what a person would check by eye. */
const targetsOf = (links: readonly LocationLink[]) =>
  links.map((link) => `${link.targetUri.slice(ROOT.length)}:${link.targetSelectionRange.start.line + 1}`).sort();
const placesOf = (locations: readonly Location[]) => locations.map((location) => `${location.uri.slice(ROOT.length)}:${location.range.start.line + 1}`).sort();

describe('navigation across the workspace', () => {
  const index = indexOf(files);
  const definitions = (file: string, line: string, needle?: string, shift = 1) =>
    definitionsAt(index.objectsIn(uri(file)), positionIn(SHOP_FILES[file], line, needle, shift), index);
  const references = (file: string, line: string, includeDeclaration = false, needle?: string) =>
    referencesAt(index.objectsIn(uri(file)), positionIn(SHOP_FILES[file], line, needle, 1), index, includeDeclaration);

  describe('go to definition', () => {
    it('goes from an Ingress backend name to the Service, at its name, with the origin underlined', () => {
      const links = definitions('shop/ingress.yaml', 'name: web', 'web');
      assert.deepEqual(targetsOf(links), ['shop/service.yaml:4']);
      const [link] = links;
      assert.deepEqual(link.originSelectionRange, { start: { line: 18, character: 22 }, end: { line: 18, character: 25 } });
      assert.deepEqual(link.targetSelectionRange, { start: { line: 3, character: 8 }, end: { line: 3, character: 11 } });
      assert.equal(link.targetRange.start.line, 0, 'the target range is the whole object, for peeking');
    });

    it('works with the cursor just after the name too', () => {
      assert.deepEqual(targetsOf(definitions('shop/ingress.yaml', 'name: web', 'web', 3)), ['shop/service.yaml:4']);
    });

    it('goes from a claim, a service account, an envFrom secret and a storage class to what they name', () => {
      assert.deepEqual(targetsOf(definitions('shop/deployment.yaml', 'claimName: uploads', 'uploads')), ['shop/config.yaml:21']);
      assert.deepEqual(targetsOf(definitions('shop/deployment.yaml', 'serviceAccountName: web', 'web')), ['shop/config.yaml:39']);
      assert.deepEqual(targetsOf(definitions('shop/deployment.yaml', 'name: web-db', 'web-db')), ['shop/config.yaml:13']);
      assert.deepEqual(targetsOf(definitions('shop/config.yaml', 'storageClassName: shop-files', 'shop-files')), ['shop/config.yaml:33']);
    });

    it('goes from an autoscaler to the Deployment it scales', () => {
      const text = SHOP_FILES['shop/deployment.yaml'];
      const line = text.split('\n').indexOf('    name: web'); // scaleTargetRef.name
      assert.deepEqual(targetsOf(definitionsAt(index.objectsIn(uri('shop/deployment.yaml')), { line, character: 10 }, index)), ['shop/deployment.yaml:4']);
    });

    it('goes from a configMapKeyRef name to the ConfigMap, and from its key to the key', () => {
      assert.deepEqual(targetsOf(definitions('shop/deployment.yaml', 'name: web-config', 'web-config')), ['shop/config.yaml:4']);
      const [keyLink] = definitions('shop/deployment.yaml', 'key: log-level', 'log-level');
      assert.equal(keyLink.targetUri, uri('shop/config.yaml'));
      assert.deepEqual(keyLink.targetSelectionRange, { start: { line: 7, character: 2 }, end: { line: 7, character: 11 } });
    });

    it('keeps key and selector positions out of what the index compares: moving them re-checks nothing', () => {
      const moved = indexOf(files);
      const config = SHOP_FILES['shop/config.yaml'].replace('data:\n', 'data:\n  # tuned per environment\n');
      const service = SHOP_FILES['shop/service.yaml'].replace('spec:\n', 'spec:\n  type: ClusterIP\n');
      assert.equal(moved.update(uri('shop/config.yaml'), summarizeFile(uri('shop/config.yaml'), parseManifestFile(config))).changed, false);
      assert.equal(moved.update(uri('shop/service.yaml'), summarizeFile(uri('shop/service.yaml'), parseManifestFile(service))).changed, false);
      assert.equal(moved.objectsIn(uri('shop/config.yaml'))[0].dataKeyRange?.['log-level'].start.line, 8, 'but the new positions are kept');
    });

    it('lands on the ConfigMap itself when the key is not in it', () => {
      const text = SHOP_FILES['shop/deployment.yaml'].replace('key: log-level', 'key: log-format');
      const changed = indexOf({ ...files, [uri('shop/deployment.yaml')]: text });
      const links = definitionsAt(changed.objectsIn(uri('shop/deployment.yaml')), positionIn(text, 'key: log-format', 'log-format', 2), changed);
      assert.deepEqual(targetsOf(links), ['shop/config.yaml:4']);
    });

    it('goes from a Service selector (key or labels) to the workloads whose pods it selects', () => {
      assert.deepEqual(targetsOf(definitions('shop/service.yaml', 'selector:')), ['shop/deployment.yaml:4']);
      const links = definitions('shop/service.yaml', 'app: web', 'web');
      assert.deepEqual(targetsOf(links), ['shop/deployment.yaml:4']);
      assert.equal(links[0].originSelectionRange?.start.line, 6, 'the selector key is the origin');
    });

    it('goes from a NetworkPolicy podSelector and a PDB selector to the selected workloads', () => {
      assert.deepEqual(targetsOf(definitions('shop/policy.yaml', 'podSelector:', 'podSelector', 1)), ['shop/deployment.yaml:4']);
      const pdbSelectorLine = SHOP_FILES['shop/deployment.yaml'].split('\n').lastIndexOf('  selector:');
      assert.deepEqual(targetsOf(definitionsAt(index.objectsIn(uri('shop/deployment.yaml')), { line: pdbSelectorLine, character: 4 }, index)), ['shop/deployment.yaml:4']);
    });

    it("gives nothing on a workload's own selector, on a missing target, or on plain fields", () => {
      assert.deepEqual(definitions('shop/deployment.yaml', 'matchLabels:'), []);
      assert.deepEqual(definitions('shop/ingress.yaml', 'secretName: shop-tls', 'shop-tls'), [], 'the TLS Secret is not in the workspace');
      assert.deepEqual(definitions('shop/service.yaml', 'targetPort: 8080', '8080'), []);
    });

    it('lists every copy when the same object is defined in two files', () => {
      const copy = indexOf({ ...files, [uri('overlay/service.yaml')]: SHOP_FILES['shop/service.yaml'] });
      const links = definitionsAt(copy.objectsIn(uri('shop/ingress.yaml')), positionIn(SHOP_FILES['shop/ingress.yaml'], 'name: web', 'web', 1), copy);
      assert.deepEqual(targetsOf(links), ['overlay/service.yaml:4', 'shop/service.yaml:4']);
    });

    it('converts links to locations for clients without link support', () => {
      const locations = linksToLocations(definitions('shop/ingress.yaml', 'name: web', 'web'));
      assert.deepEqual(locations, [{ uri: uri('shop/service.yaml'), range: { start: { line: 3, character: 8 }, end: { line: 3, character: 11 } } }]);
    });
  });

  describe('find references', () => {
    it("on a Deployment's name: the Service, PDB and NetworkPolicy selectors and the autoscaler", () => {
      assert.deepEqual(placesOf(references('shop/deployment.yaml', '  name: web')), [
        'shop/deployment.yaml:46', // HPA scaleTargetRef.name
        'shop/deployment.yaml:57', // PDB selector
        'shop/policy.yaml:7', // NetworkPolicy podSelector
        'shop/service.yaml:7', // Service selector
      ]);
    });

    it('on the kind line too, and with the declaration when asked', () => {
      assert.deepEqual(placesOf(references('shop/deployment.yaml', 'kind: Deployment', true)), [
        'shop/deployment.yaml:4',
        'shop/deployment.yaml:46',
        'shop/deployment.yaml:57',
        'shop/policy.yaml:7',
        'shop/service.yaml:7',
      ]);
    });

    it("on a Service's name: the Ingress backend that names it", () => {
      assert.deepEqual(placesOf(references('shop/service.yaml', 'name: web')), ['shop/ingress.yaml:19']);
    });

    it('on a ConfigMap, Secret, claim and StorageClass: every reference to it', () => {
      assert.deepEqual(placesOf(references('shop/config.yaml', 'name: web-config')), ['shop/deployment.yaml:24']);
      assert.deepEqual(placesOf(references('shop/config.yaml', 'name: web-db')), ['shop/deployment.yaml:28']);
      assert.deepEqual(placesOf(references('shop/config.yaml', 'name: uploads')), ['shop/deployment.yaml:35']);
      assert.deepEqual(placesOf(references('shop/config.yaml', 'name: shop-files')), ['shop/config.yaml:25']);
    });

    it("on a reference's name: the references of the object it names, with its declaration when asked", () => {
      assert.deepEqual(placesOf(references('shop/ingress.yaml', 'name: web', true, 'web')), ['shop/ingress.yaml:19', 'shop/service.yaml:4']);
    });

    it('gives nothing on a field that names nothing, and nothing for a worker nothing points at', () => {
      assert.deepEqual(references('shop/service.yaml', 'targetPort: 8080'), []);
      assert.deepEqual(references('jobs/worker.yaml', 'name: worker'), []);
    });
  });
});
