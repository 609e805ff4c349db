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

  it("describes a field with its own description and its type in a person's words", () => {
    const probe = index.describeField('v1', 'Pod', ['spec', 'containers', 0, 'livenessProbe']);
    assert.equal(probe?.typeName, 'Probe');
    assert.match(probe?.description ?? '', /^Periodic probe of container liveness/);
    assert.equal(index.describeField('v1', 'Pod', ['spec', 'containers'])?.typeName, 'list of Container');
    assert.equal(index.describeField('v1', 'Pod', ['metadata', 'labels'])?.typeName, 'map of string');
    assert.equal(index.describeField('v1', 'Service', ['spec', 'ports', 0, 'targetPort'])?.typeName, 'integer or string');
    assert.deepEqual(index.describeField('v1', 'Service', ['spec', 'type'])?.allowedValues, ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']);
  });

  it('knows nothing of unknown kinds, versions or fields', () => {
    assert.equal(index.schemaAt('cert-manager.io/v1', 'Certificate', ['spec']), undefined);
    assert.equal(index.schemaAt('apps/v9', 'Deployment', []), undefined);
    assert.equal(index.schemaAt('apps/v1', 'Deployment', ['spec', 'nope']), undefined);
  });
});
