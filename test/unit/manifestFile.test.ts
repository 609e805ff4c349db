import { strict as assert } from 'node:assert';
import { parseManifestFile } from '../../server/src/model/manifestFile';
import { readFixture } from '../support/fixtures';

describe('manifest detection and model', () => {
  it('recognises a Kubernetes object by apiVersion and kind, whatever the file is called', () => {
    const file = parseManifestFile('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: shop\n');
    assert.equal(file.isManifest, true);
    assert.deepEqual(
      { ...file.documents[0].object, apiVersionRange: undefined, kindRange: undefined, nameRange: undefined },
      { apiVersion: 'v1', kind: 'ConfigMap', name: 'settings', namespace: 'shop', apiVersionRange: undefined, kindRange: undefined, nameRange: undefined },
    );
  });

  for (const name of ['github-workflow.yml', 'docker-compose.yml', 'values.yaml']) {
    it(`leaves other YAML alone: ${name}`, () => {
      const file = parseManifestFile(readFixture('schema', 'not-kubernetes', name));
      assert.equal(file.isManifest, false);
      assert.match(file.documents[0].skipReason ?? '', /not a Kubernetes object/);
    });
  }

  it('skips Helm templates, saying why', () => {
    const file = parseManifestFile(readFixture('schema', 'not-kubernetes', 'helm-template.yaml'));
    assert.equal(file.isManifest, false);
    assert.match(file.documents[0].skipReason ?? '', /template/);
  });

  it('needs both apiVersion and kind as non-empty strings', () => {
    for (const text of ['kind: Pod\n', 'apiVersion: v1\n', 'apiVersion: v1\nkind: [Pod]\n', 'apiVersion: v1\nkind: ""\n', '- apiVersion: v1\n  kind: Pod\n']) {
      assert.equal(parseManifestFile(text).isManifest, false, text);
    }
  });

  it('locates every document and its identity exactly', () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n---\n# a comment\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n';
    const file = parseManifestFile(text);
    assert.equal(file.documents.length, 2);
    const [service, deployment] = file.documents;
    assert.deepEqual(service.range.start, { line: 0, character: 0 });
    assert.deepEqual(deployment.object?.kindRange, { start: { line: 7, character: 6 }, end: { line: 7, character: 16 } });
    assert.deepEqual(deployment.object?.nameRange, { start: { line: 9, character: 8 }, end: { line: 9, character: 11 } });
    assert.equal(text.slice(file.offsetAt(deployment.object!.apiVersionRange.start), file.offsetAt(deployment.object!.apiVersionRange.end)), 'apps/v1');
  });

  it('keeps positions right with CRLF line ends and a byte-order mark', () => {
    const text = '\uFEFFapiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\n';
    const file = parseManifestFile(text);
    assert.equal(file.isManifest, true);
    const { nameRange } = file.documents[0].object!;
    assert.deepEqual(nameRange, { start: { line: 3, character: 8 }, end: { line: 3, character: 9 } });
    assert.equal(text.slice(file.offsetAt(nameRange!.start), file.offsetAt(nameRange!.end)), 'p');
  });

  it('survives broken YAML without throwing', () => {
    for (const text of ['apiVersion: v1\nkind: Pod\nspec: [\n', ':\n  - : :\n\t- x', '"unterminated\n', '\u0000\u0001\u0002binary', '']) {
      const file = parseManifestFile(text);
      assert.ok(Array.isArray(file.documents));
    }
  });

  it('converts between offsets and positions both ways', () => {
    const text = 'a: 1\nbb: 2\n';
    const file = parseManifestFile(text);
    assert.deepEqual(file.positionAt(6), { line: 1, character: 1 });
    assert.equal(file.offsetAt({ line: 1, character: 1 }), 6);
    assert.equal(file.offsetAt({ line: 9, character: 0 }), text.length);
    assert.equal(file.offsetAt({ line: 0, character: 99 }), 5);
  });
});
