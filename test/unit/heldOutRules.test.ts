import { strict as assert } from 'node:assert';
import { parseAllDocuments } from 'yaml';
import { applyTextEdits } from '../../server/src/fixes/textEdit';
import { parseManifestFile } from '../../server/src/model/manifestFile';
import { runRules } from '../../server/src/rules/engine';
import { ALL_RULES } from '../../server/src/rules/registry';
import { DEFAULT_RULE_SETTINGS } from '../../server/src/rules/ruleSettings';
import { fixAllEdits } from '../../server/src/services/ruleService';
import { readFixture } from '../support/fixtures';
import { openDocument, schemaService } from '../support/schemaServiceFactory';

// Held-out manifests (test/fixtures/rules): what the rules engine must make of them, all rules on.
const check = (text: string) => runRules(parseManifestFile(text), ALL_RULES, DEFAULT_RULE_SETTINGS);
const ids = (text: string) => [...new Set(check(text).findings.map((f) => f.ruleId))].sort();

describe('held-out manifests through every rule', function () {
  this.timeout(20_000);

  it('a bare Deployment: resources, probes, tag, replicas and security context, three or more fixable', () => {
    const text = readFixture('rules', 'bare-deployment.yaml');
    const found = ids(text);
    for (const expected of ['container-resources', 'readiness-probe', 'liveness-probe', 'image-tag', 'replicas-minimum', 'run-as-non-root', 'allow-privilege-escalation']) {
      assert.ok(found.includes(expected), `${expected} not among ${found.join(', ')}`);
    }
    const fixable = new Set(check(text).findings.filter((f) => f.fix).map((f) => f.ruleId));
    assert.ok(fixable.size >= 3, `only ${[...fixable].join(', ')} fixable`);
  });

  it("the guide's mistakes: each caught, and fixed by fix-all into text the schema accepts", async () => {
    const text = readFixture('rules', 'guide-mistakes.yaml');
    const found = ids(text);
    for (const expected of ['config-data-under-metadata', 'storageclass-csi-provisioner', 'deprecated-image-registry', 'ingress-class-annotation', 'aad-pod-identity']) {
      assert.ok(found.includes(expected), `${expected} not among ${found.join(', ')}`);
    }
    let fixed = text;
    for (let round = 0; round < 5; round++) fixed = applyTextEdits(fixed, fixAllEdits(check(fixed)));
    for (const document of parseAllDocuments(fixed) as unknown as Array<{ errors: unknown[] }>) assert.deepEqual(document.errors, []);
    const left = ids(fixed);
    for (const corrected of ['config-data-under-metadata', 'storageclass-csi-provisioner', 'deprecated-image-registry', 'ingress-class-annotation', 'aad-pod-identity']) {
      assert.ok(!left.includes(corrected), `${corrected} still reported after the fixes`);
    }
    assert.match(fixed, /^data:\n {2}LOG_LEVEL: debug$/m);
    assert.match(fixed, /^type: Opaque$/m);
    assert.match(fixed, /provisioner: disk\.csi\.azure\.com/);
    assert.match(fixed, /image: registry\.k8s\.io\/kube-apiserver:v1\.30\.0/);
    assert.match(fixed, /ingressClassName: nginx/);
    assert.match(fixed, /azure\.workload\.identity\/use: "true"/);
    const { document, file } = openDocument(fixed);
    assert.deepEqual((await schemaService().validate(document, file)).map((d) => d.message), [], 'the corrected objects pass the schema');
  });

  it('privileged, hostNetwork, a secret in env and an RBAC wildcard are caught', () => {
    const found = ids(readFixture('rules', 'dangerous.yaml'));
    for (const expected of ['privileged-container', 'host-namespaces', 'secret-in-env', 'rbac-wildcard']) {
      assert.ok(found.includes(expected), `${expected} not among ${found.join(', ')}`);
    }
  });

  it("a production-ready set written to the guide's advice: no finding at all", async () => {
    const text = readFixture('rules', 'production-ready.yaml');
    assert.deepEqual(check(text).findings.map((f) => `${f.range.start.line + 1}: [${f.ruleId}] ${f.message}`), []);
    const { document, file } = openDocument(text);
    assert.deepEqual(await schemaService().validate(document, file), []);
  });
});
