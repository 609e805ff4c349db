import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { SHARED_DIR, yamlFilesUnder } from '../support/fixtures';
import { messageOf, openDocument, schemaService } from '../support/schemaServiceFactory';

// Real-world manifests from other projects (../shared/corpus): valid objects must raise no schema error.
const CORPUS_DIR = path.join(SHARED_DIR, 'corpus');

describe('real-world corpus', function () {
  this.timeout(60_000);

  if (!existsSync(CORPUS_DIR)) {
    it('is skipped: ../shared/corpus is not beside this checkout', function () {
      this.skip();
    });
    return;
  }

  for (const file of yamlFilesUnder(CORPUS_DIR)) {
    it(`raises no false schema error in ${path.relative(CORPUS_DIR, file)}`, async () => {
      const { document, file: manifest } = openDocument(readFileSync(file, 'utf8'), `file://${file}`);
      const diagnostics = await schemaService().validate(document, manifest);
      assert.deepEqual(diagnostics.map((d) => `${d.range.start.line + 1}: ${messageOf(d)}`), []);
    });
  }

  it('reads the microservices-demo release file as a manifest of many objects', () => {
    const text = readFileSync(path.join(CORPUS_DIR, 'microservices-demo', 'release', 'kubernetes-manifests.yaml'), 'utf8');
    const { file } = openDocument(text);
    assert.ok(file.documents.filter((d) => d.object).length > 30);
  });
});
