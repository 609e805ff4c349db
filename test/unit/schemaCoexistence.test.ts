import { strict as assert } from 'node:assert';
import type { RedHatYamlReport } from '../../server/src/protocol';
import {
  decideSchemaValidation,
  isKubernetesSchemaKey,
  readRedHatYamlReport,
  readSchemaValidationMode,
  type SchemaChecker,
} from '../../server/src/services/schemaCoexistence';
import { readFixture } from '../support/fixtures';

const WORKSPACE = 'file:///home/dev/shop';

/** What the client reports for a settings.json fixture (test/fixtures/red-hat-yaml/), Red Hat YAML installed. */
function reportFor(fixture: string, installed = true): RedHatYamlReport {
  const settings = JSON.parse(readFixture('red-hat-yaml', fixture)) as Record<string, unknown>;
  return { installed, schemas: settings['yaml.schemas'], validate: settings['yaml.validate'] };
}

const checkerFor = (fixture: string, relativePath: string): SchemaChecker =>
  decideSchemaValidation('auto', reportFor(fixture), `${WORKSPACE}/${relativePath}`).checkedBy;

describe('schema validation beside Red Hat YAML (kubeGuide.schemaValidation)', () => {
  it('cannot be tried with the real redhat.vscode-yaml: it cannot be installed on this offline machine (no marketplace), so the decision is tested here and on the server with a simulated client report (test/protocol/ecosystem.test.ts)');

  describe('auto: leaves the schema to Red Hat YAML where its yaml.schemas maps Kubernetes to the file', () => {
    const cases: Array<[fixture: string, file: string, expected: SchemaChecker]> = [
      ['kubernetes-keyword-everywhere.json', 'deployment.yaml', 'red-hat-yaml'],
      ['kubernetes-keyword-everywhere.json', 'k8s/apps/web.yaml', 'red-hat-yaml'],
      ['kubernetes-keyword-everywhere.json', 'service.yml', 'kube-guide'],
      // picomatch, as Red Hat's server calls it, does not let `**` enter folders whose name starts with a dot.
      ['kubernetes-keyword-everywhere.json', '.github/deploy/web.yaml', 'kube-guide'],
      ['kubernetes-keyword-folder.json', 'k8s/base/deployment.yaml', 'red-hat-yaml'],
      ['kubernetes-keyword-folder.json', 'k8s/base/values.yaml', 'kube-guide'],
      ['kubernetes-keyword-folder.json', 'deployment.yaml', 'kube-guide'],
      ['kubernetes-keyword-folder.json', '.github/workflows/ci.yml', 'kube-guide'],
      // Its globs match anywhere in the path (it puts `**/` in front of each).
      ['kubernetes-keyword-folder.json', 'services/shop/k8s/deployment.yaml', 'red-hat-yaml'],
      ['yannh-url.json', 'deploy/web.yaml', 'red-hat-yaml'],
      ['yannh-url.json', 'deploy/extra/web.yaml', 'kube-guide'],
      ['instrumenta-url.json', 'manifests/web.yml', 'red-hat-yaml'],
      ['other-schemas-only.json', 'config/app.yaml', 'kube-guide'],
      ['validation-off.json', 'deployment.yaml', 'kube-guide'],
      ['no-yaml-settings.json', 'deployment.yaml', 'kube-guide'],
    ];
    for (const [fixture, file, expected] of cases) {
      it(`${fixture}, ${file}: ${expected}`, () => assert.equal(checkerFor(fixture, file), expected));
    }

    it('matches paths with spaces and other escaped characters as Red Hat YAML does (decoded)', () => {
      assert.equal(decideSchemaValidation('auto', reportFor('kubernetes-keyword-folder.json'), 'file:///home/dev/my%20shop/k8s/web.yaml').checkedBy, 'red-hat-yaml');
    });

    it('checks untitled documents itself: no glob of a file path matches them', () => {
      assert.equal(decideSchemaValidation('auto', reportFor('kubernetes-keyword-everywhere.json'), 'untitled:Untitled-1').checkedBy, 'kube-guide');
    });

    it('checks itself when Red Hat YAML is not installed, or the client has not said', () => {
      assert.deepEqual(decideSchemaValidation('auto', reportFor('kubernetes-keyword-everywhere.json', false), `${WORKSPACE}/web.yaml`), { validate: true, checkedBy: 'kube-guide' });
      assert.deepEqual(decideSchemaValidation('auto', undefined, `${WORKSPACE}/web.yaml`), { validate: true, checkedBy: 'kube-guide' });
    });
  });

  it('on: always checks, even where Red Hat YAML does; off: never', () => {
    const report = reportFor('kubernetes-keyword-everywhere.json');
    assert.deepEqual(decideSchemaValidation('on', report, `${WORKSPACE}/web.yaml`), { validate: true, checkedBy: 'kube-guide' });
    assert.deepEqual(decideSchemaValidation('off', undefined, `${WORKSPACE}/web.yaml`), { validate: false, checkedBy: 'nobody' });
  });

  it('knows Kubernetes schemas by keyword or URL', () => {
    for (const key of ['kubernetes', ' Kubernetes ', 'https://raw.githubusercontent.com/yannh/kubernetes-json-schema/master/master/all.json', 'https://example.com/k8s/all.json', 'https://kubernetesjsonschema.dev/instrumenta/v1.18.0/all.json']) {
      assert.equal(isKubernetesSchemaKey(key), true, key);
    }
    for (const key of ['https://json.schemastore.org/github-workflow.json', './schemas/install.json', 'kubernetes-like']) {
      assert.equal(isKubernetesSchemaKey(key), false, key);
    }
  });

  it('reads the setting, keeping an old schemaValidation.enable: false as off', () => {
    assert.equal(readSchemaValidationMode('on'), 'on');
    assert.equal(readSchemaValidationMode('off'), 'off');
    assert.equal(readSchemaValidationMode('auto'), 'auto');
    assert.equal(readSchemaValidationMode(undefined), 'auto');
    assert.equal(readSchemaValidationMode('sometimes'), 'auto');
    assert.equal(readSchemaValidationMode({ enable: false }), 'off');
    assert.equal(readSchemaValidationMode({ enable: true }), 'auto');
  });

  it("reads the client's report only when it has the expected shape", () => {
    assert.deepEqual(readRedHatYamlReport({ installed: true, schemas: { kubernetes: '*.yaml' }, validate: true, extra: 1 }), {
      installed: true,
      schemas: { kubernetes: '*.yaml' },
      validate: true,
    });
    assert.equal(readRedHatYamlReport(undefined), undefined);
    assert.equal(readRedHatYamlReport({ installed: 'yes' }), undefined);
  });
});
