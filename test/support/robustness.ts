import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseAllDocuments } from 'yaml';
import { readSnippetFile, resolveSnippetDefaults } from '../../client/src/snippetCatalog';
import { applyTextEdits, type TextEdit } from '../../server/src/fixes/textEdit';
import { parseManifestFile, type ManifestFile, type Range } from '../../server/src/model/manifestFile';
import { summarizeFile } from '../../server/src/model/objectSummary';
import { WorkspaceIndex } from '../../server/src/model/workspaceIndex';
import { runRules, type RuleRun } from '../../server/src/rules/engine';
import type { AnyRule } from '../../server/src/rules/rule';
import { runWorkspaceRules } from '../../server/src/rules/workspaceEngine';
import { ALL_RULES } from '../../server/src/rules/registry';
import { DEFAULT_RULE_SETTINGS, type RuleSettings } from '../../server/src/rules/ruleSettings';
import { fixAllEdits, ruleCodeActions } from '../../server/src/services/ruleService';
import { REPO_ROOT, SHARED_DIR, yamlFilesUnder } from './fixtures';

// What every input, however broken, must get from the server's functions: no exception, ranges the
// editor can show, and fixes that leave YAML that parses and do not bring their own finding back.

/** Every rule on, at its default severity; registries restricted so the registry rule has work too. */
export const FUZZ_RULE_SETTINGS: RuleSettings = { ...DEFAULT_RULE_SETTINGS, profile: 'aks-production', severities: {}, trustedRegistries: ['myregistry.azurecr.io'] };

/** True when the position is one an editor can show: an existing line, and not past its end or inside a CRLF. */
export function isPositionInside(document: TextDocument, position: { line: number; character: number }): boolean {
  if (!Number.isInteger(position.line) || !Number.isInteger(position.character)) return false;
  if (position.line < 0 || position.character < 0 || position.line >= document.lineCount) return false;
  const back = document.positionAt(document.offsetAt(position));
  return back.line === position.line && back.character === position.character;
}

export function assertRangeInside(document: TextDocument, range: Range, what: string): void {
  const ok = isPositionInside(document, range.start) && isPositionInside(document, range.end) &&
    document.offsetAt(range.start) <= document.offsetAt(range.end);
  assert.ok(ok, `${what}: range ${JSON.stringify(range)} is not inside the document (${document.lineCount} lines)`);
}

/** How many errors the `yaml` parser finds; Infinity when it gives up (its lexer overflows on extreme nesting). */
export function yamlErrorCount(text: string): number {
  try {
    return parseAllDocuments(text, { uniqueKeys: false }).reduce((count, document) => count + document.errors.length, 0);
  } catch (error) {
    if (error instanceof RangeError) return Infinity;
    throw error;
  }
}

function assertEditsInside(text: string, edits: readonly TextEdit[], what: string): void {
  for (const edit of edits) {
    assert.ok(0 <= edit.start && edit.start <= edit.end && edit.end <= text.length, `${what}: edit [${edit.start}, ${edit.end}) outside 0..${text.length}`);
  }
}

/** Where an offset of the text before the edits lands in the text after them. */
function mapOffset(offset: number, edits: readonly TextEdit[]): number {
  let shift = 0;
  for (const edit of edits) if (edit.end <= offset) shift += edit.newText.length - (edit.end - edit.start);
  return offset + shift;
}

/**
 * Parses the text and runs every rule, then checks the invariants: documents and findings inside the
 * text, no rule throwing, each fix (and fix-all) leaving YAML no worse, and no fix bringing back its own finding.
 */
/**
 * The rules as the editor runs them on a file alone in its workspace: single-object rules with the index at
 * hand, and the cross-resource rules over the file's own objects (a Deployment and its missing budget).
 */
function runAllRules(file: ManifestFile, rules: readonly AnyRule[]): RuleRun {
  const uri = 'file:///fuzz.yaml';
  const index = new WorkspaceIndex();
  index.update(uri, summarizeFile(uri, file), { findDependents: false });
  const single = runRules(file, rules, FUZZ_RULE_SETTINGS, { view: index, uri });
  const across = runWorkspaceRules(index.objectsIn(uri), index, rules, FUZZ_RULE_SETTINGS, () => file.text);
  return { findings: [...single.findings, ...across.findings], failures: [...single.failures, ...across.failures] };
}

export function checkRulesInvariants(text: string): { file: ManifestFile; run: RuleRun } {
  const document = TextDocument.create('file:///fuzz.yaml', 'yaml', 1, text);
  const file = parseManifestFile(text);
  for (const manifest of file.documents) {
    assert.ok(manifest.offsets[0] <= manifest.offsets[1] && manifest.offsets[1] <= text.length, `document ${manifest.index} offsets ${manifest.offsets}`);
  }
  const run = runAllRules(file, ALL_RULES);
  assert.deepEqual(run.failures.map((f) => `${f.ruleId}: ${f.error instanceof Error ? f.error.stack : String(f.error)}`), [], 'a rule threw');
  for (const finding of run.findings) assertRangeInside(document, finding.range, `finding ${finding.ruleId}`);

  const errorsBefore = yamlErrorCount(text);
  for (const finding of run.findings) {
    if (!finding.fix) continue;
    const what = `fix "${finding.fix.title}" of ${finding.ruleId} at ${finding.range.start.line}:${finding.range.start.character}`;
    assertEditsInside(text, finding.fix.edits, what);
    const fixed = applyTextEdits(text, finding.fix.edits);
    if (errorsBefore === 0) assert.equal(yamlErrorCount(fixed), 0, `${what} leaves YAML that does not parse:\n${fixed}`);
    const fixedFile = parseManifestFile(fixed);
    // Only the fixed rule runs again: what matters is whether its own finding comes back.
    const again = runAllRules(fixedFile, ALL_RULES.filter((rule) => rule.meta.id === finding.ruleId));
    const mappedStart = mapOffset(file.offsetAt(finding.range.start), finding.fix.edits);
    const back = again.findings.find((other) => other.ruleId === finding.ruleId && other.message === finding.message &&
      fixedFile.offsetAt(other.range.start) === mappedStart);
    assert.equal(back, undefined, `${what} brings its own finding back:\n${fixed}`);
  }

  const fixAll = fixAllEdits(run);
  assertEditsInside(text, fixAll, 'fix all');
  if (fixAll.length > 0 && errorsBefore === 0) {
    const fixed = applyTextEdits(text, fixAll);
    assert.equal(yamlErrorCount(fixed), 0, `fix all leaves YAML that does not parse:\n${fixed}`);
  }
  const whole = { start: { line: 0, character: 0 }, end: document.positionAt(text.length) };
  for (const action of ruleCodeActions(document.uri, file, run, whole)) {
    for (const edit of action.edit?.changes?.[document.uri] ?? []) assertRangeInside(document, edit.range, `code action "${action.title}"`);
  }
  return { file, run };
}

// --- the material fuzzing starts from -------------------------------------------------------------

/** Every YAML file of ../shared/corpus, or none (with the reason) when that folder is not beside us. */
export function corpusTexts(): { texts: string[]; skipped?: string } {
  const dir = path.join(SHARED_DIR, 'corpus');
  if (!existsSync(dir)) return { texts: [], skipped: `${dir} is not present` };
  return { texts: yamlFilesUnder(dir).map((file) => readFileSync(file, 'utf8')) };
}

/** The YAML snippets' bodies as the user gets them when every placeholder keeps its default. */
export function snippetTexts(): string[] {
  const snippets = readSnippetFile(readFileSync(path.join(REPO_ROOT, 'snippets', 'kubernetes.json'), 'utf8'));
  return snippets.map((snippet) => resolveSnippetDefaults(snippet.body));
}

/** Small manifests that trip many rules and fixes at once. */
export const HANDWRITTEN_SEEDS: readonly string[] = [
  [
    'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', '  namespace: default', 'spec:', '  replicas: 1',
    '  strategy:', '    type: Recreate', '  selector:', '    matchLabels: {app: web}', '  template:', '    metadata:', '      labels: {app: web}',
    '    spec:', '      hostNetwork: true', '      containers:', '      - name: web', '        image: k8s.gcr.io/nginx:latest',
    '        securityContext:', '          privileged: true', '          capabilities:', '            add: [SYS_ADMIN]',
    '        ports:', '        - containerPort: 80', '          hostPort: 80', '        env:', '        - name: DB_PASSWORD', '          value: hunter2', '',
  ].join('\n'),
  [
    'apiVersion: v1', 'kind: Service', 'metadata: {name: web}', 'spec:', '  type: NodePort', '  ports: [{port: 80}]', '---',
    'apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata:', '  name: web', '  annotations:', '    kubernetes.io/ingress.class: nginx',
    'spec:', '  rules:', '  - host: a.example.com', '---', 'apiVersion: rbac.authorization.k8s.io/v1', 'kind: ClusterRoleBinding',
    'metadata: {name: admin}', 'roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}',
    'subjects: [{kind: User, name: bob}]', '---', 'apiVersion: storage.k8s.io/v1', 'kind: StorageClass', 'metadata: {name: disk}',
    'provisioner: kubernetes.io/azure-disk', '---', 'apiVersion: v1', 'kind: Pod', 'metadata: {name: lone}',
    'spec: {containers: [{name: c, image: nginx}]}', '',
  ].join('\n'),
  'apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: settings\r\ndata:\r\n  password: "s3cret"\r\n',
  'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: pdb}\nspec:\n  maxUnavailable: 0\n  selector: {}\n',
];

/** Fragments that matter to YAML, Kubernetes or our rules, for the mutations to insert. */
export const MUTATION_FRAGMENTS: readonly string[] = [
  ':', ': ', '- ', '-', '{', '}', '[', ']', ',', '"', "'", '#', '&a ', '*a', '<<: *a', '!!str ', '!!int ', '? ', '|', '>-', '%YAML 1.2\n',
  '\t', '\n', '\r\n', '\r', '---\n', '...\n', ' ', '  ', '    ', '\0', '\uFEFF', '\uD800', '\uDC00', '😀', 'é', '{{ .Values.x }}',
  'null', '~', '3.5', '-1', '0', 'true', 'yes', '0x1F', '1e400', '""', "''",
  'apiVersion: v1\n', 'kind: Pod\n', 'metadata:\n', '  name: x\n', 'spec:\n', 'containers:\n', '- name: c\n', 'image: nginx\n',
  'image: nginx:latest', 'replicas: 1', 'privileged: true', 'hostNetwork: true', 'hostPort: 80', 'securityContext:\n',
  'resources: {}', 'capabilities: {add: [NET_ADMIN]}', 'allowPrivilegeEscalation: true', 'readOnlyRootFilesystem: false',
  'runAsNonRoot: false', 'type: LoadBalancer', 'type: NodePort', 'namespace: default', 'storageClassName: default',
  'accessModes: [ReadWriteMany]', 'kube-guide-disable-next-line ', '# kube-guide-disable ', 'verbs: ["*"]', 'resources: ["secrets"]',
];
