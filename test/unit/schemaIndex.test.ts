import { strict as assert } from 'node:assert';
import { loadKubernetesSchema } from '../../server/src/schema/kubernetesSchema';
import { indexSchema, type SchemaNode } from '../../server/src/schema/schemaIndex';

describe('schema index', () => {
  const index = indexSchema(loadKubernetesSchema() as SchemaNode);

  it('finds the schema of a nested field through references, lists and nullable unions', () => {
    const policy = index.schemaAt('apps/v1', 'Deployment', ['spec', 'template', 'spec', 'containers', 0, 'imagePullPolicy']);
    assert.deepEqual(policy?.enum, ['Always', 'IfNotPresent', 'Never']);
    const probePeriod = index.schemaAt('v1', 'Pod', ['spec', 'containers', 0, 'livenessProbe', 'periodSeconds']);
    assert.equal(probePeriod?.type, 'integer');
  });

  it('finds values of maps such as labels', () => {
    assert.equal(index.schemaAt('v1', 'ConfigMap', ['metadata', 'labels', 'app'])?.type, 'string');
  });

  it('knows nothing of unknown kinds, versions or fields', () => {
    assert.equal(index.schemaAt('cert-manager.io/v1', 'Certificate', ['spec']), undefined);
    assert.equal(index.schemaAt('apps/v9', 'Deployment', []), undefined);
    assert.equal(index.schemaAt('apps/v1', 'Deployment', ['spec', 'nope']), undefined);
  });
});
