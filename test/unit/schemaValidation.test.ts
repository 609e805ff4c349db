import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { hoverMarkdown, SchemaProblem } from '../../server/src/services/schemaService';
import { fixturePath, yamlFilesUnder } from '../support/fixtures';
import { assertSchemaFixture } from '../support/schemaFixtures';
import { messageOf, openDocument, schemaService } from '../support/schemaServiceFactory';

describe('schema validation', function () {
  this.timeout(20_000);

  // Each fixture marks the lines that must be flagged with `# expect: <code>`; every other line must stay clean.
  for (const fixture of yamlFilesUnder(fixturePath('schema'))) {
    const name = path.relative(fixturePath('schema'), fixture);
    it(`judges ${name} as its expectations say`, () => assertSchemaFixture(fixture));
  }

  it('flags an unknown field on exactly its key', async () => {
    const { document, file } = openDocument('apiVersion: v1\nkind: Service\nspec:\n  tipe: ClusterIP\n');
    const [diagnostic] = await schemaService().validate(document, file);
    assert.equal(diagnostic.code, SchemaProblem.unknownField);
    assert.deepEqual(diagnostic.range, { start: { line: 3, character: 2 }, end: { line: 3, character: 6 } });
    assert.match(messageOf(diagnostic), /tipe/);
  });

  it('lists the allowed values of an enumeration, and suggests the near miss', async () => {
    const { document, file } = openDocument('apiVersion: v1\nkind: Service\nspec:\n  type: Loadbalancer\n');
    const [diagnostic] = await schemaService().validate(document, file);
    assert.equal(diagnostic.code, SchemaProblem.wrongValue);
    assert.equal(
      messageOf(diagnostic),
      '"Loadbalancer" is not an allowed value of type. Allowed values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort". Did you mean "LoadBalancer"?',
    );
  });

  it("lists each field's own values when several enumerations fail in one document", async () => {
    const text = [
      'apiVersion: v1',
      'kind: Pod',
      'spec:',
      '  restartPolicy: Sometimes',
      '  containers:',
      '    - name: web',
      '      image: nginx',
      '      imagePullPolicy: Sometimes',
      '      ports: [{containerPort: 80, protocol: HTTP}]',
      '',
    ].join('\n');
    const { document, file } = openDocument(text);
    const messages = (await schemaService().validate(document, file)).map((d) => `${d.range.start.line}: ${messageOf(d)}`).sort();
    assert.deepEqual(messages, [
      '3: "Sometimes" is not an allowed value of restartPolicy. Allowed values: "Always", "Never", "OnFailure".',
      '7: "Sometimes" is not an allowed value of imagePullPolicy. Allowed values: "Always", "IfNotPresent", "Never".',
      '8: "HTTP" is not an allowed value of protocol. Allowed values: "SCTP", "TCP", "UDP".',
    ]);
  });

  it('reports nothing for files that hold no Kubernetes object', async () => {
    const { document, file } = openDocument('name: CI\non: [push]\njobs: {}\n');
    assert.deepEqual(await schemaService().validate(document, file), []);
  });

  it('checks only the Kubernetes documents of a mixed file', async () => {
    const text = 'replicaCount: 2\nunknown: true\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\nbogus: 1\n';
    const { document, file } = openDocument(text);
    const diagnostics = await schemaService().validate(document, file);
    assert.deepEqual(diagnostics.map((d) => d.range.start.line), [7]);
  });

  it('reports broken YAML inside a manifest as a syntax error instead of failing', async () => {
    const { document, file } = openDocument('apiVersion: v1\nkind: ConfigMap\ndata:\n  a: "unterminated\n');
    const diagnostics = await schemaService().validate(document, file);
    assert.ok(diagnostics.some((d) => d.code === SchemaProblem.yamlSyntax), JSON.stringify(diagnostics));
  });
});

describe('did-you-mean quick-fix', function () {
  this.timeout(20_000);

  it('renames a near-miss field and leaves the rest of the line as it was', async () => {
    const text = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'spec:',
      '  replicass: 3 # keep me',
      '  selector: {matchLabels: {app: web}}',
      '  template: {metadata: {labels: {app: web}}, spec: {containers: [{name: web, image: nginx}]}}',
      '',
    ].join('\n');
    const { document, file } = openDocument(text);
    const diagnostics = await schemaService().validate(document, file);
    const [fix] = schemaService().quickFixes(document, diagnostics);
    assert.equal(fix.title, 'Change to "replicas"');
    assert.equal(fix.isPreferred, true);
    const fixed = TextDocument.applyEdits(document, fix.edit!.changes![document.uri]);
    assert.equal(fixed, text.replace('  replicass: 3 # keep me', '  replicas: 3 # keep me'));
    const after = openDocument(fixed);
    assert.deepEqual(await schemaService().validate(after.document, after.file), []);
  });

  it('changes a near-miss value to the allowed one', async () => {
    const text = 'apiVersion: v1\nkind: PersistentVolumeClaim\nspec:\n  accessModes: [readwriteonce]\n';
    const { document, file } = openDocument(text);
    const diagnostics = await schemaService().validate(document, file);
    const [fix] = schemaService().quickFixes(document, diagnostics);
    assert.equal(fix.title, 'Change to "ReadWriteOnce"');
    assert.equal(TextDocument.applyEdits(document, fix.edit!.changes![document.uri]), text.replace('readwriteonce', 'ReadWriteOnce'));
  });

  it('offers no rename to a field the object already has', async () => {
    const { document, file } = openDocument('apiVersion: v1\nkind: Service\nspec:\n  type: ClusterIP\n  tipe: NodePort\n');
    const diagnostics = await schemaService().validate(document, file);
    assert.equal(diagnostics.length, 1);
    assert.deepEqual(schemaService().quickFixes(document, diagnostics), []);
  });

  it('offers no fix when no allowed field is close', async () => {
    const { document, file } = openDocument('apiVersion: v1\nkind: Service\nspec:\n  zzzzzz: 3\n');
    const diagnostics = await schemaService().validate(document, file);
    assert.equal(diagnostics.length, 1);
    assert.deepEqual(schemaService().quickFixes(document, diagnostics), []);
  });
});

describe('schema hover and completion', function () {
  this.timeout(20_000);
  const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  \n';

  it('describes a field from the Kubernetes API docs', async () => {
    const { document, file } = openDocument(deployment);
    const hover = await schemaService().hover(document, file, { line: 5, character: 4 });
    assert.match(hoverMarkdown(hover), /[Nn]umber of desired pods/);
    assert.doesNotMatch(hoverMarkdown(hover), /kube-guide:\/\//, 'no link to our internal schema identifier');
  });

  it("shows a field's own description, not only its type's", async () => {
    const text = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: web\n      livenessProbe:\n        periodSeconds: 5\n';
    const { document, file } = openDocument(text);
    const probe = hoverMarkdown(await schemaService().hover(document, file, { line: 5, character: 8 }));
    assert.match(probe, /^\*\*livenessProbe\*\*: Probe\n\nPeriodic probe of container liveness/);
    const hover = await schemaService().hover(document, file, { line: 6, character: 12 });
    assert.match(hoverMarkdown(hover), /^\*\*periodSeconds\*\*: integer\n\nHow often \(in seconds\) to perform the probe/);
    assert.deepEqual(hover?.range, { start: { line: 6, character: 8 }, end: { line: 6, character: 21 } });
  });

  it('lists allowed values in the hover of an enumerated field', async () => {
    const { document, file } = openDocument('apiVersion: v1\nkind: Service\nspec:\n  type: NodePort\n');
    const markdown = hoverMarkdown(await schemaService().hover(document, file, { line: 3, character: 10 }));
    assert.match(markdown, /^\*\*type\*\*: string\n\nAllowed values: `ClusterIP`, `ExternalName`, `LoadBalancer`, `NodePort`/);
  });

  it("escapes the user's own keys in a hover", async () => {
    const { document, file } = openDocument('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels:\n    "[x](http://evil)": y\n');
    const markdown = hoverMarkdown(await schemaService().hover(document, file, { line: 4, character: 6 }));
    assert.match(markdown, /^\*\*\\\[x\\\]\\\(http:\/\/evil\\\)\*\*: string/);
  });

  it('says nothing outside Kubernetes objects', async () => {
    const { document, file } = openDocument('replicaCount: 2\n---\n' + deployment);
    assert.equal(await schemaService().hover(document, file, { line: 0, character: 3 }), null);
  });

  it('completes the fields of a Deployment spec', async () => {
    const { document, file } = openDocument(deployment);
    const list = await schemaService().complete(document, file, { line: 6, character: 2 });
    const labels = list.items.map((item) => item.label);
    for (const field of ['selector', 'template', 'strategy']) assert.ok(labels.includes(field), labels.join(', '));
  });
});
