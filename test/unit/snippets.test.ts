import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { parseGuideDescription, readSnippetFile, resolveSnippetDefaults, type SnippetEntry } from '../../client/src/snippetCatalog';
import { runRules } from '../../server/src/rules/engine';
import { ALL_RULES } from '../../server/src/rules/registry';
import { DEFAULT_RULE_SETTINGS } from '../../server/src/rules/ruleSettings';
import { REPO_ROOT } from '../support/fixtures';
import { messageOf, openDocument, schemaService } from '../support/schemaServiceFactory';

interface ContributedSnippets {
  language: string;
  path: string;
}

const contributed: ContributedSnippets[] = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).contributes.snippets;

function snippetsFor(language: string): SnippetEntry[] {
  const file = contributed.find((entry) => entry.language === language);
  assert.ok(file, `package.json contributes no snippets for ${language}`);
  return readSnippetFile(readFileSync(path.join(REPO_ROOT, file.path), 'utf8'));
}

type Json = Record<string, unknown>;
const asObject = (value: unknown): Json => (value && typeof value === 'object' ? (value as Json) : {});
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The Pod spec of a workload object, or undefined for other kinds. */
function podSpecOf(object: Json): Json | undefined {
  const spec = asObject(object.spec);
  if (object.kind === 'Pod') return spec;
  if (['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job'].includes(String(object.kind))) {
    return asObject(asObject(spec.template).spec);
  }
  return undefined;
}

describe('snippet syntax defaults', () => {
  const cases: [string, string, string][] = [
    ['a placeholder shows its default', 'name: ${1:web}', 'name: web'],
    ['a choice shows its first option', 'type: ${1|ClusterIP,NodePort|}', 'type: ClusterIP'],
    ['a bare tab stop without a default is empty', 'a: $1\nb: ${2}', 'a: \nb: '],
    ['a bare tab stop mirrors its placeholder, before or after it', 'x: $1 y: ${1:web} z: ${1}', 'x: web y: web z: web'],
    ['placeholders nest', 'image: ${1:nginx:${2:1.25}}', 'image: nginx:1.25'],
    ['escaped dollar and brace stay literal', 'cost: \\$5 ${1:a\\}b}', 'cost: $5 a}b'],
    ['escaped comma and bar in a choice', '${1|a\\,b,c\\|d|}', 'a,b'],
    ['variables show their default or nothing', '$TM_FILENAME ${CLIPBOARD:x} $0', ' x '],
    ['a transform shows its tab stop', '${1:web} ${1/(.*)/${1:/upcase}/}', 'web web'],
    ['a dollar that starts nothing is text', 'price $ and ${ open', 'price $ and ${ open'],
  ];
  for (const [what, body, expected] of cases) {
    it(what, () => assert.equal(resolveSnippetDefaults(body), expected));
  }
});

describe('manifest snippets (snippets/kubernetes.json)', function () {
  this.timeout(30_000);
  const manifests = snippetsFor('yaml');

  it('has one snippet per guide example (33), each with one unique prefix', () => {
    assert.equal(manifests.length, 33);
    const prefixes = manifests.flatMap((s) => s.prefixes);
    assert.equal(prefixes.length, manifests.length, 'every snippet has exactly one prefix');
    assert.deepEqual(prefixes.filter((p, i) => prefixes.indexOf(p) !== i), [], 'duplicate prefixes');
    for (const prefix of prefixes) assert.match(prefix, /^(k8s|aks|istio)-[a-z0-9-]+$/, prefix);
  });

  it('names a guide section in every description ("Guide § <section> — <summary>")', () => {
    for (const snippet of manifests) {
      assert.ok(parseGuideDescription(snippet.description), `${snippet.name}: ${snippet.description}`);
    }
  });

  for (const snippet of manifests) {
    describe(`${snippet.prefixes[0]} (${snippet.name})`, () => {
      const text = resolveSnippetDefaults(snippet.body);
      const documents = parseAllDocuments(text);
      const objects = (Array.isArray(documents) ? documents : []).map((d) => asObject(d.toJS()));

      it('parses as YAML into Kubernetes objects (apiVersion and kind in every document)', () => {
        assert.ok(Array.isArray(documents), 'not a YAML stream');
        for (const document of documents) assert.deepEqual(document.errors.map((e) => e.message), [], text);
        assert.ok(objects.length > 0);
        for (const object of objects) {
          assert.equal(typeof object.apiVersion, 'string', `a document has no apiVersion:\n${text}`);
          assert.equal(typeof object.kind, 'string', `a document has no kind:\n${text}`);
        }
      });

      it('passes schema validation with no diagnostics', async () => {
        const { document, file } = openDocument(text, `file:///snippets/${snippet.prefixes[0]}.yaml`);
        const diagnostics = await schemaService().validate(document, file);
        assert.deepEqual(diagnostics.map((d) => `${d.range.start.line + 1}: ${messageOf(d)}`), [], text);
      });

      it('raises no finding from any best-practice rule (default profile)', () => {
        const run = runRules(openDocument(text).file, ALL_RULES, DEFAULT_RULE_SETTINGS);
        assert.deepEqual(run.failures.map((f) => `${f.ruleId} threw: ${String(f.error)}`), []);
        assert.deepEqual(run.findings.map((f) => `${f.range.start.line + 1}: [${f.ruleId}] ${f.message}`), [], text);
      });

      it('keeps what the guide got wrong out (registry, provisioners, ingress class, API versions, metadata nesting)', () => {
        assert.doesNotMatch(text, /k8s\.gcr\.io/, 'k8s.gcr.io is frozen: use registry.k8s.io');
        assert.doesNotMatch(text, /kubernetes\.io\/azure-(disk|file)/, 'in-tree Azure provisioners are gone: use the CSI drivers');
        assert.doesNotMatch(text, /kubernetes\.io\/ingress\.class/, 'use spec.ingressClassName');
        assert.doesNotMatch(text, /aadpodidbinding|AzureIdentity/, 'AAD Pod Identity is retired: use Workload Identity');
        for (const object of objects) {
          if (object.kind === 'PodDisruptionBudget') assert.equal(object.apiVersion, 'policy/v1');
          if (object.kind === 'HorizontalPodAutoscaler') assert.equal(object.apiVersion, 'autoscaling/v2');
          const metadata = asObject(object.metadata);
          for (const misplaced of ['data', 'stringData', 'type', 'spec']) {
            assert.ok(!(misplaced in metadata), `${String(object.kind)}: ${misplaced} belongs at the top level, not under metadata`);
          }
        }
      });

      it('gives every container a pinned image, requests and limits, probes and a hardened securityContext', () => {
        for (const object of objects) {
          const podSpec = podSpecOf(object);
          if (!podSpec) continue;
          const podSecurity = asObject(podSpec.securityContext);
          for (const container of asList(podSpec.containers).map(asObject)) {
            const where = `${String(object.kind)}/${String(container.name)}`;
            const image = String(container.image);
            const tag = /:([^/:@]+)$/.exec(image)?.[1];
            assert.ok(tag && tag !== 'latest', `${where}: image ${image} needs a pinned tag`);
            const resources = asObject(container.resources);
            for (const part of ['requests', 'limits']) {
              for (const resource of ['cpu', 'memory']) {
                assert.ok(asObject(resources[part])[resource], `${where}: resources.${part}.${resource}`);
              }
            }
            assert.ok(container.readinessProbe, `${where}: readinessProbe`);
            assert.ok(container.livenessProbe, `${where}: livenessProbe`);
            const security = asObject(container.securityContext);
            assert.equal(security.runAsNonRoot ?? podSecurity.runAsNonRoot, true, `${where}: runAsNonRoot`);
            assert.equal(security.allowPrivilegeEscalation, false, `${where}: allowPrivilegeEscalation`);
            assert.equal(security.readOnlyRootFilesystem, true, `${where}: readOnlyRootFilesystem`);
            assert.deepEqual(asObject(security.capabilities).drop, ['ALL'], `${where}: capabilities.drop`);
            const seccomp = asObject(security.seccompProfile ?? podSecurity.seccompProfile);
            assert.equal(seccomp.type, 'RuntimeDefault', `${where}: seccompProfile`);
          }
        }
      });
    });
  }
});

describe('shell snippets (AKS CLI and kubectl)', () => {
  const bash = snippetsFor('shellscript');
  const powershell = snippetsFor('powershell');

  it('offers every snippet in both shells, with the same prefix and description', () => {
    assert.ok(bash.length >= 15, `only ${bash.length} shell snippets`);
    assert.deepEqual(
      powershell.map((s) => [s.name, s.prefixes, s.description]),
      bash.map((s) => [s.name, s.prefixes, s.description]),
    );
  });

  it('has unique prefixes and a guide section in every description', () => {
    const prefixes = bash.flatMap((s) => s.prefixes);
    assert.deepEqual(prefixes.filter((p, i) => prefixes.indexOf(p) !== i), []);
    for (const snippet of bash) assert.ok(parseGuideDescription(snippet.description), `${snippet.name}: ${snippet.description}`);
  });

  it('continues long commands with " \\" in bash and " `" in PowerShell, and is otherwise the same text', () => {
    for (const [index, snippet] of bash.entries()) {
      const other = powershell[index];
      assert.ok(!/`$/m.test(snippet.body), `${snippet.name}: a backtick in bash`);
      assert.ok(!/ \\$/m.test(other.body), `${other.name}: a backslash continuation in PowerShell`);
      assert.equal(other.body.replace(/ `$/gm, ' \\'), snippet.body, snippet.name);
    }
  });

  it('drains with --ignore-daemonsets --delete-emptydir-data and upgrades the control plane on its own', () => {
    const body = (prefix: string): string => resolveSnippetDefaults(bash.find((s) => s.prefixes.includes(prefix))?.body ?? '');
    assert.match(body('kubectl-drain'), /--ignore-daemonsets[\s\\]+--delete-emptydir-data/);
    assert.match(body('az-aks-upgrade'), /--control-plane-only/);
    assert.doesNotMatch(body('az-aks-get-credentials'), /^az aks get-credentials.*--admin/m);
  });

  it('matches what scripts/build-snippets.mjs generates from scripts/snippets/ (run npm run build:snippets)', async () => {
    const generator = (await import(pathToFileURL(path.join(REPO_ROOT, 'scripts', 'build-snippets.mjs')).href)) as {
      renderSnippetFiles: () => Record<string, string>;
    };
    for (const [file, text] of Object.entries(generator.renderSnippetFiles())) {
      assert.equal(readFileSync(path.join(REPO_ROOT, file), 'utf8'), text, `${file} is out of date`);
    }
  });
});
