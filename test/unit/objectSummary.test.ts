import { strict as assert } from 'node:assert';
import { parseManifestFile } from '../../server/src/model/manifestFile';
import { summarizeFile, type ObjectSummary } from '../../server/src/model/objectSummary';

const summaryOf = (...lines: string[]): ObjectSummary => {
  const [summary] = summarizeFile('file:///w/test.yaml', parseManifestFile(lines.join('\n') + '\n'));
  assert.ok(summary, 'the text holds an object');
  return summary;
};

const deploymentWithReplicas = (value: string) =>
  summaryOf('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', `  replicas: ${value}`);
const autoscalerWith = (...specLines: string[]) =>
  summaryOf('apiVersion: autoscaling/v2', 'kind: HorizontalPodAutoscaler', 'metadata:', '  name: web', 'spec:', '  maxReplicas: 10', ...specLines);

describe('object summary: replica counts', () => {
  it('keeps a whole-number replicas with its range, and says when replicas cannot be read', () => {
    const written = deploymentWithReplicas('3');
    assert.deepEqual(written.replicas, { value: 3, range: { start: { line: 5, character: 12 }, end: { line: 5, character: 13 } } });
    assert.equal(written.replicasUnknown, undefined);
    for (const placeholder of ['${WEB_REPLICAS}', '"3"', '2.5', '']) {
      const unknown = deploymentWithReplicas(placeholder);
      assert.equal(unknown.replicas, undefined, placeholder);
      assert.equal(unknown.replicasUnknown, true, placeholder);
    }
    const absent = summaryOf('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec: {}');
    assert.equal(absent.replicas, undefined);
    assert.equal(absent.replicasUnknown, undefined);
  });

  it('keeps an autoscaler\'s floor: minReplicas as written, 1 when left out, unset when it cannot be read', () => {
    assert.equal(autoscalerWith('  minReplicas: 3').minReplicas, 3);
    assert.equal(autoscalerWith().minReplicas, 1);
    assert.equal(autoscalerWith('  minReplicas: ${MIN}').minReplicas, undefined);
    assert.equal(deploymentWithReplicas('3').minReplicas, undefined, 'only autoscalers have a floor');
  });
});

describe('object summary: container ports and objects made by others', () => {
  it('keeps the ports of a workload\'s containers, leaving out init containers and unreadable ports', () => {
    const statefulSet = summaryOf(
      'apiVersion: apps/v1', 'kind: StatefulSet', 'metadata:', '  name: db', 'spec:', '  template:', '    spec:',
      '      initContainers:', '      - name: init', '        ports: [{containerPort: 1}]',
      '      containers:', '      - name: db', '        ports:', '        - name: sql', '          containerPort: 5432', '        - containerPort: 9187',
      '          protocol: UDP', '        - containerPort: "${PORT}"', '      - name: metrics', '        ports:', '        - containerPort: 9090', '          protocol: TCP',
    );
    assert.deepEqual(statefulSet.containerPorts, [{ name: 'sql', containerPort: 5432 }, { containerPort: 9187, protocol: 'UDP' }, { containerPort: 9090 }]);
    const noPorts = summaryOf('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '  - name: c', '    image: busybox:1.36');
    assert.equal(noPorts.containerPorts, undefined);
  });

  it('records the Secrets and ConfigMaps that cert-manager, the Key Vault driver, sealed and external secrets and Kustomize create', () => {
    assert.deepEqual(
      summaryOf('apiVersion: cert-manager.io/v1', 'kind: Certificate', 'metadata:', '  name: web', 'spec:', '  secretName: web-tls').creates,
      [{ kind: 'Secret', name: 'web-tls' }],
    );
    assert.deepEqual(
      summaryOf(
        'apiVersion: secrets-store.csi.x-k8s.io/v1', 'kind: SecretProviderClass', 'metadata:', '  name: vault', 'spec:', '  provider: azure', '  secretObjects:',
        '  - secretName: db', '    type: Opaque', '  - secretName: api', '    type: Opaque',
      ).creates,
      [{ kind: 'Secret', name: 'db' }, { kind: 'Secret', name: 'api' }],
    );
    assert.deepEqual(summaryOf('apiVersion: bitnami.com/v1alpha1', 'kind: SealedSecret', 'metadata:', '  name: db', 'spec: {}').creates, [{ kind: 'Secret', name: 'db' }]);
    assert.deepEqual(
      summaryOf('apiVersion: external-secrets.io/v1beta1', 'kind: ExternalSecret', 'metadata:', '  name: db', 'spec:', '  target:', '    name: db-copy').creates,
      [{ kind: 'Secret', name: 'db-copy' }],
    );
    assert.deepEqual(summaryOf('apiVersion: external-secrets.io/v1beta1', 'kind: ExternalSecret', 'metadata:', '  name: db', 'spec: {}').creates, [{ kind: 'Secret', name: 'db' }]);
    assert.deepEqual(
      summaryOf(
        'apiVersion: kustomize.config.k8s.io/v1beta1', 'kind: Kustomization', 'configMapGenerator:', '- name: settings', '  literals: [A=b]',
        'secretGenerator:', '- name: keys', '  files: [key.pem]',
      ).creates,
      [{ kind: 'ConfigMap', name: 'settings' }, { kind: 'Secret', name: 'keys' }],
    );
  });

  it('records nothing for a kind of the same name in another API group', () => {
    assert.equal(summaryOf('apiVersion: example.com/v1', 'kind: Certificate', 'metadata:', '  name: web', 'spec:', '  secretName: web-tls').creates, undefined);
  });
});
