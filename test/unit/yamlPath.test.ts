import { strict as assert } from 'node:assert';
import { parseManifestFile } from '../../server/src/model/manifestFile';
import { locateOffset, nodeAtPath } from '../../server/src/model/yamlPath';

const text = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'spec:',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          image: nginx:1.27',
  '',
].join('\n');

describe('paths in a document', () => {
  const file = parseManifestFile(text);
  const root = file.documents[0].yaml.contents;

  it('finds the path of a value under the cursor', () => {
    const location = locateOffset(root, text.indexOf('nginx') + 2);
    assert.deepEqual(location?.path, ['spec', 'template', 'spec', 'containers', 0, 'image']);
    assert.equal(location?.onKey, false);
  });

  it('tells a key from a value', () => {
    const location = locateOffset(root, text.indexOf('containers') + 1);
    assert.deepEqual(location?.path, ['spec', 'template', 'spec', 'containers']);
    assert.equal(location?.onKey, true);
  });

  it('finds the node at a path, and nothing where the path does not exist', () => {
    const image = nodeAtPath(root, ['spec', 'template', 'spec', 'containers', 0, 'image']);
    assert.deepEqual(file.rangeOf(image!), { start: { line: 7, character: 17 }, end: { line: 7, character: 27 } });
    assert.equal(nodeAtPath(root, ['spec', 'template', 'spec', 'containers', 3]), undefined);
    assert.equal(nodeAtPath(root, ['spec', 'replicas']), undefined);
    assert.equal(nodeAtPath(root, ['kind', 'x']), undefined);
  });
});
