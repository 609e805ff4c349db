import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parse } from 'yaml';
import { composeSchema } from '../../server/src/schema/composedSchema';
import { loadBundledCustomResources, NO_CUSTOM_RESOURCES, type CustomResourceCatalog } from '../../server/src/schema/crdCatalog';
import { crdSchemas } from '../../server/src/schema/crdSchema';
import { loadKubernetesSchema } from '../../server/src/schema/kubernetesSchema';
import type { SchemaNode } from '../../server/src/schema/schemaIndex';
import { createSchemaService, hoverMarkdown, SchemaProblem, type SchemaService } from '../../server/src/services/schemaService';
import { fixturePath, yamlFilesUnder } from '../support/fixtures';
import { assertSchemaFixture } from '../support/schemaFixtures';
import { messageOf, openDocument, schemaService } from '../support/schemaServiceFactory';

async function findings(text: string, service: SchemaService = schemaService()): Promise<string[]> {
  const { document, file } = openDocument(text);
  return (await service.validate(document, file)).map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code} ${messageOf(d)}`);
}

describe('bundled custom-resource schemas', function () {
  this.timeout(30_000);

  // Held-out manifests as AKS users write them; each line that must be flagged says so with `# expect:`.
  for (const fixture of yamlFilesUnder(fixturePath('crds'))) {
    it(`judges ${path.relative(fixturePath('crds'), fixture)} as its expectations say`, () => assertSchemaFixture(fixture));
  }

  it('reports a misspelled field of a cert-manager Certificate on its key, with the field it meant', async () => {
    const text = [
      'apiVersion: cert-manager.io/v1',
      'kind: Certificate',
      'metadata: {name: web}',
      'spec:',
      '  secretName: web-tls',
      '  issuerRef: {name: letsencrypt, kind: ClusterIssuer}',
      '  commonNme: web.example.com',
      '',
    ].join('\n');
    assert.deepEqual(await findings(text), [
      `6:2 ${SchemaProblem.unknownField} Property commonNme is not allowed. Did you mean "commonName"?`,
    ]);
  });

  it('lists the allowed mutual TLS modes of an Istio PeerAuthentication', async () => {
    const text = 'apiVersion: security.istio.io/v1beta1\nkind: PeerAuthentication\nspec:\n  mtls:\n    mode: ON\n';
    assert.deepEqual(await findings(text), [
      `4:10 ${SchemaProblem.wrongValue} "ON" is not an allowed value of mode. Allowed values: "UNSET", "DISABLE", "PERMISSIVE", "STRICT".`,
    ]);
  });

  it('catches a fractional count where the CRD wants a whole number, and wrong types', async () => {
    const text = [
      'apiVersion: keda.sh/v1alpha1',
      'kind: ScaledObject',
      'spec:',
      '  scaleTargetRef: {name: worker}',
      '  maxReplicaCount: 2.5',
      '  triggers:',
      '    - type: cpu',
      '      metadata: {value: 70}',
      '',
    ].join('\n');
    const found = await findings(text);
    assert.equal(found.length, 2, found.join('\n'));
    assert.match(found[0], /^4:19 schema-invalid .*integer/);
    assert.match(found[1], /^7:24 schema-invalid .*string/);
  });

  it('checks the Kubernetes types a custom resource embeds with the core schema (a Rollout pod template)', async () => {
    const text = [
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Rollout',
      'spec:',
      '  selector: {matchLabels: {app: web}}',
      '  template:',
      '    metadata: {labels: {app: web}}',
      '    spec:',
      '      containers:',
      '        - name: web',
      '          image: nginx:1.27',
      '          imagePullPolicy: Sometimes',
      '',
    ].join('\n');
    const found = await findings(text);
    assert.equal(found.length, 1, found.join('\n'));
    assert.match(found[0], /^10:27 schema-enum "Sometimes" is not an allowed value of imagePullPolicy/);
  });

  it('renames the misspelled field of a custom resource with the did-you-mean fix', async () => {
    const text = 'apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nspec:\n  refreshIntervall: 1h\n';
    const { document, file } = openDocument(text);
    const [fix] = schemaService().quickFixes(document, await schemaService().validate(document, file));
    assert.equal(fix.title, 'Change to "refreshInterval"');
    assert.equal(TextDocument.applyEdits(document, fix.edit!.changes![document.uri]), text.replace('refreshIntervall', 'refreshInterval'));
  });

  it('explains the fields of a custom resource on hover', async () => {
    const text = 'apiVersion: secrets-store.csi.x-k8s.io/v1\nkind: SecretProviderClass\nspec:\n  provider: azure\n  parameters:\n    keyvaultName: shop-kv\n';
    const { document, file } = openDocument(text);
    const hover = hoverMarkdown(await schemaService().hover(document, file, { line: 5, character: 6 }));
    assert.match(hover, /^\*\*keyvaultName\*\*: string\n\nAzure: the name of the key vault/);
  });

  it('completes the fields of a custom resource', async () => {
    const text = 'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nspec:\n  hostnames: [shop.example.com]\n  \n';
    const { document, file } = openDocument(text);
    const labels = (await schemaService().complete(document, file, { line: 4, character: 2 })).items.map((item) => item.label);
    for (const field of ['parentRefs', 'rules']) assert.ok(labels.includes(field), labels.join(', '));
  });
});

describe('loading custom-resource schemas lazily', function () {
  this.timeout(30_000);

  /** The bundled catalog, recording which groups were asked for. */
  function recordingCatalog(): { catalog: CustomResourceCatalog; asked: string[] } {
    const bundled = loadBundledCustomResources();
    const asked: string[] = [];
    return { asked, catalog: { group: (name) => (asked.push(name), bundled.group(name)) } };
  }

  it('reads no custom-resource schema for core kinds, then only the groups documents use, once each', async () => {
    const { catalog, asked } = recordingCatalog();
    const service = createSchemaService(loadKubernetesSchema(), catalog);
    assert.deepEqual(await findings('apiVersion: v1\nkind: Service\nspec:\n  tipe: ClusterIP\n', service), [
      `3:2 ${SchemaProblem.unknownField} Property tipe is not allowed. Did you mean "type"?`,
    ]);
    assert.deepEqual(asked, []);
    const certificate = 'apiVersion: cert-manager.io/v1\nkind: Certificate\nspec:\n  secretName: x\n  issuerRef: {name: ca}\n  dnsNamez: []\n';
    assert.equal((await findings(certificate, service)).length, 1);
    assert.equal((await findings(certificate + '---\napiVersion: cert-manager.io/v1\nkind: Issuer\nspec: {selfSigned: {}}\n', service)).length, 1);
    assert.deepEqual(asked, ['cert-manager.io']);
    // A group that ships no schema is asked for once, and its objects pass.
    assert.deepEqual(await findings('apiVersion: example.com/v1\nkind: Widget\nspec: {a: 1}\n', service), []);
    assert.deepEqual(await findings('apiVersion: example.com/v2\nkind: Widget\nspec: {a: 1}\n', service), []);
    assert.deepEqual(asked, ['cert-manager.io', 'example.com']);
  });

  it('still checks the core kinds of a file after a group joins mid-way', async () => {
    const service = createSchemaService(loadKubernetesSchema(), loadBundledCustomResources());
    const coreObject = 'apiVersion: v1\nkind: Service\nspec:\n  tipe: ClusterIP\n';
    assert.equal((await findings(coreObject, service)).length, 1);
    const both = coreObject + '---\napiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nspec:\n  scaleTargetRef: {name: worker}\n  triggers: []\n  minReplicas: 1\n';
    assert.deepEqual((await findings(both, service)).map((f) => f.split(' ').slice(0, 2).join(' ')), [
      `3:2 ${SchemaProblem.unknownField}`,
      `10:2 ${SchemaProblem.unknownField}`,
    ]);
  });

  it('finds the same whether a group joins the schema in place or is there from the start', async () => {
    const fixtures = yamlFilesUnder(fixturePath('crds')).map((file) => readFileSync(file, 'utf8'));
    const joinedLater = createSchemaService(loadKubernetesSchema(), loadBundledCustomResources());
    await findings('apiVersion: v1\nkind: Service\nspec:\n  tipe: ClusterIP\n', joinedLater);
    const fromTheStart = createSchemaService(loadKubernetesSchema(), loadBundledCustomResources());
    await findings(fixtures.join('\n---\n'), fromTheStart);
    for (const text of fixtures) {
      const expected = await findings(text, fromTheStart);
      assert.ok(expected.length > 0 || !text.includes('# expect:'));
      assert.deepEqual(await findings(text, joinedLater), expected);
    }
  });

  it('takes in only the definitions the kinds in use need', () => {
    const core = loadKubernetesSchema() as SchemaNode;
    const group = loadBundledCustomResources().group('monitoring.coreos.com')!;
    const composed = composeSchema(core, [{ apiVersion: 'monitoring.coreos.com/v1', kind: 'ServiceMonitor', group }], []);
    const added = Object.keys(composed.definitions!).filter((name) => !core.definitions![name]);
    assert.ok(added.includes(group.kinds['monitoring.coreos.com/v1'].ServiceMonitor), added.join(', '));
    assert.ok(added.length < Object.keys(group.definitions).length / 4, `${added.length} of ${Object.keys(group.definitions).length}`);
    assert.equal(added.some((name) => name.endsWith('.Prometheus') || name.endsWith('.PrometheusSpec')), false);
  });

  it('lets custom resources pass unchecked without the bundled schemas', async () => {
    const service = createSchemaService(loadKubernetesSchema(), NO_CUSTOM_RESOURCES);
    assert.deepEqual(await findings('apiVersion: cert-manager.io/v1\nkind: Certificate\nspec:\n  secretNam: x\n', service), []);
  });

  it('passes custom resources unchecked when the bundled folder is missing', () => {
    const catalog = loadBundledCustomResources(path.join(fixturePath('crds'), 'no-such-folder'));
    assert.equal(catalog.group('cert-manager.io'), undefined);
  });
});

// A CRD of the workspace's own, as a team would keep it beside its manifests.
const WIDGET_CRD = `
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.shop.example.com
spec:
  group: shop.example.com
  names: {kind: Widget, plural: widgets}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              required: [size]
              properties:
                size:
                  type: integer
                  description: How many sprockets the widget has.
                colour:
                  type: string
                  enum: [red, green, blue]
                port:
                  x-kubernetes-int-or-string: true
                settings:
                  type: object
                  x-kubernetes-preserve-unknown-fields: true
                labels:
                  type: object
                  additionalProperties: {type: string}
                note:
                  type: string
                  nullable: true
            status:
              type: object
              properties:
                ready: {type: boolean}
    - name: v1alpha1
      served: false
      storage: false
      schema:
        openAPIV3Schema: {type: object}
`;

describe('schemas from CustomResourceDefinitions (crdSchemas)', () => {
  it('gives one schema per served version, keyed by apiVersion and kind', () => {
    const schemas = crdSchemas(parse(WIDGET_CRD));
    assert.deepEqual(schemas.map((s) => `${s.apiVersion} ${s.kind}`), ['shop.example.com/v1 Widget']);
  });

  it('closes objects that list their properties, and keeps maps and preserved fields open', () => {
    const [{ schema }] = crdSchemas(parse(WIDGET_CRD));
    const spec = schema.properties!.spec as SchemaNode & Record<string, unknown>;
    assert.equal(schema.additionalProperties, false);
    assert.equal(spec.additionalProperties, false);
    assert.deepEqual(spec.properties!.port.type, ['integer', 'string']);
    assert.equal(spec.properties!.settings.additionalProperties, undefined, 'x-kubernetes-preserve-unknown-fields keeps it open');
    assert.deepEqual(spec.properties!.labels.additionalProperties, { type: 'string' });
    assert.deepEqual(spec.properties!.note.type, ['string', 'null'], 'nullable');
    assert.deepEqual(spec.properties!.settings.type, ['object', 'null'], 'an optional object may be left empty');
    assert.deepEqual(Object.keys(schema.properties!).sort(), ['apiVersion', 'kind', 'metadata', 'spec', 'status']);
  });

  it('leaves properties inside anyOf/allOf open, since they only add constraints', () => {
    const crd = parse(WIDGET_CRD);
    crd.spec.versions[0].schema.openAPIV3Schema.properties.spec.anyOf = [{ required: ['size'], properties: { size: { minimum: 1 } } }];
    const [{ schema }] = crdSchemas(crd);
    const branch = (schema.properties!.spec as { anyOf: Array<Record<string, unknown>> }).anyOf[0];
    assert.equal(branch.additionalProperties, undefined);
  });

  it('gives nothing for what is not a CRD, or a CRD without a schema', () => {
    assert.deepEqual(crdSchemas(null), []);
    assert.deepEqual(crdSchemas({ kind: 'Deployment', spec: {} }), []);
    assert.deepEqual(crdSchemas({ kind: 'CustomResourceDefinition', spec: { group: 'x.io', names: { kind: 'X' }, versions: [{ name: 'v1' }] } }), []);
  });
});

describe('the workspace\'s own CRDs (setWorkspaceCrds)', function () {
  this.timeout(30_000);
  const widget = [
    'apiVersion: shop.example.com/v1',
    'kind: Widget',
    'metadata:',
    '  name: gizmo',
    '  labels: {app: shop}',
    'spec:',
    '  size: 3',
    '  colour: red',
    '  port: http',
    '  labels: {tier: web}',
    '  note: null',
    '  setings: {anything: [goes]}',
    '',
  ].join('\n');

  it('reports a misspelled field of a custom resource at its line, once its CRD is known, and again after a change', async () => {
    const service = createSchemaService(loadKubernetesSchema(), NO_CUSTOM_RESOURCES);
    assert.deepEqual(await findings(widget, service), [], 'an unknown CRD passes');
    service.setWorkspaceCrds(crdSchemas(parse(WIDGET_CRD)));
    assert.deepEqual(await findings(widget, service), [
      `11:2 ${SchemaProblem.unknownField} Property setings is not allowed. Did you mean "settings"?`,
    ]);
    assert.deepEqual(await findings(widget.replace('colour: red', 'colour: purple'), service), [
      `7:10 ${SchemaProblem.wrongValue} "purple" is not an allowed value of colour. Allowed values: "red", "green", "blue".`,
      `11:2 ${SchemaProblem.unknownField} Property setings is not allowed. Did you mean "settings"?`,
    ]);
    // The team adds the field to its CRD: the same text is checked again, not served from memory.
    const extended = parse(WIDGET_CRD);
    extended.spec.versions[0].schema.openAPIV3Schema.properties.spec.properties.setings = { type: 'object' };
    service.setWorkspaceCrds(crdSchemas(extended));
    assert.deepEqual(await findings(widget, service), []);
    service.setWorkspaceCrds([]);
    assert.deepEqual(await findings(widget, service), []);
  });

  it('lets a workspace CRD win over the bundled schema of the same kind, and keeps the bundled others', async () => {
    const service = createSchemaService(loadKubernetesSchema(), loadBundledCustomResources());
    const ownCertificate = parse(WIDGET_CRD);
    ownCertificate.spec.group = 'cert-manager.io';
    ownCertificate.spec.names.kind = 'Certificate';
    service.setWorkspaceCrds(crdSchemas(ownCertificate));
    // A core object first, so that cert-manager's bundled group joins the schema in place afterwards.
    assert.equal((await findings('apiVersion: v1\nkind: Service\nspec:\n  tipe: ClusterIP\n', service)).length, 1);
    const certificate = 'apiVersion: cert-manager.io/v1\nkind: Certificate\nspec:\n  size: 1\n  secretName: tls\n';
    assert.deepEqual(await findings(certificate, service), [
      `4:2 ${SchemaProblem.unknownField} Property secretName is not allowed.`,
    ]);
    const issuer = 'apiVersion: cert-manager.io/v1\nkind: Issuer\nspec:\n  selfSigned: {}\n  acmee: {}\n';
    assert.deepEqual((await findings(issuer, service)).map((f) => f.split(' ').slice(0, 2).join(' ')), [`4:2 ${SchemaProblem.unknownField}`]);
  });

  it('never lets a CRD replace a core kind', () => {
    const core = loadKubernetesSchema() as SchemaNode;
    const composed = composeSchema(core, [], [{ apiVersion: 'apps/v1', kind: 'Deployment', schema: { type: 'object' } }]);
    assert.equal(composed.allOf!.length, core.allOf!.length);
  });
});
