// Wires the LSP connection to the services. No Kubernetes knowledge lives here.
// Started by the client over IPC, or by hand with `node dist/server.js --stdio`.
import {
  CodeAction,
  CompletionList,
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
} from 'vscode-languageserver/node';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ManifestCache } from './model/manifestCache';
import type { ManifestFile } from './model/manifestFile';
import { runRules, type RuleRun } from './rules/engine';
import { ALL_RULES } from './rules/registry';
import { configFileDiagnostics, isConfigFile, WorkspaceConfig } from './config/workspaceConfig';
import {
  GUIDE_TOPIC_REQUEST,
  MANIFEST_STATUS_NOTIFICATION,
  type GuideTopicParams,
  type GuideTopicResult,
  type ManifestStatus,
} from './protocol';
import {
  kubernetesMinorVersion,
  loadKubernetesSchema,
  loadKubernetesSchemaMeta,
  type KubernetesSchemaMeta,
} from './schema/kubernetesSchema';
import { checkFile, type CheckServices } from './services/checkFile';
import { FIX_ALL_KIND, ruleCodeActions, ruleDocsAt, withRuleDocs } from './services/ruleService';
import { fileTooLargeDiagnostic, oversizedManifest } from './services/fileSizeLimit';
import { createHoverService, type HoverService } from './services/hoverService';
import { createSchemaService, type SchemaService } from './services/schemaService';
import { DEFAULT_SETTINGS, readSettings, type KubeGuideSettings } from './settings';

const RULE_IDS: ReadonlySet<string> = new Set(ALL_RULES.map((rule) => rule.meta.id));

// A short pause after typing stops, so a burst of keystrokes costs one check, not one per key.
const VALIDATION_DELAY_MS = 10;

const connection: Connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const manifests = new ManifestCache();
const pendingValidations = new Map<string, NodeJS.Timeout>();
let settings: KubeGuideSettings = DEFAULT_SETTINGS;
let canPullConfiguration = false;
let schemaService: SchemaService | undefined;
let schemaMeta: KubernetesSchemaMeta | undefined;
// Rule results per parsed file, for the code actions that follow a check; dropped when settings change.
let ruleRuns = new WeakMap<ManifestFile, RuleRun>();

// Each rule's page ships in the extension (docs/rules/), next to dist/ where this bundle runs.
const ruleDocsLink = (ruleId: string): string => pathToFileURL(path.resolve(__dirname, '..', 'docs', 'rules', `${ruleId}.md`)).href;

// The team's .kube-guide.yaml files; a broken one is said once per distinct problem, not per keystroke.
const reportedConfigErrors = new Set<string>();
const workspaceConfig = new WorkspaceConfig(RULE_IDS, (error) => {
  if (reportedConfigErrors.has(error.message)) return;
  reportedConfigErrors.add(error.message);
  void connection.window.showWarningMessage(`Kube Guide ignores a config file it cannot use, until it is fixed: ${error.message}`);
});

const loggedRuleFailures = new Set<string>();

function rulesFor(uri: string, file: ManifestFile): RuleRun {
  let run = ruleRuns.get(file);
  if (!run) {
    run = runRules(file, ALL_RULES, workspaceConfig.ruleSettingsFor(uri, settings.rules));
    // A rule that throws is isolated by the engine; say so once per problem, not on every keystroke.
    for (const { ruleId, error } of run.failures) {
      const report = `Kube Guide rule ${ruleId} failed: ${error instanceof Error ? error.stack : String(error)}`;
      if (loggedRuleFailures.has(report)) continue;
      loggedRuleFailures.add(report);
      connection.console.error(report);
    }
    ruleRuns.set(file, run);
  }
  return run;
}

let hoverService: HoverService | undefined;
const checkServices: CheckServices = { schemaService: getSchemaService, rules: ALL_RULES, docsLink: ruleDocsLink };

// The schema is large; reading it waits until the first manifest needs it.
function getSchemaService(): SchemaService {
  schemaService ??= createSchemaService(loadKubernetesSchema());
  return schemaService;
}

function getHoverService(): HoverService {
  hoverService ??= createHoverService(getSchemaService());
  return hoverService;
}

connection.onInitialize((params) => {
  canPullConfiguration = !!params.capabilities.workspace?.configuration;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      completionProvider: { triggerCharacters: [':', ' ', '-'] },
      codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND] },
    },
    serverInfo: { name: 'Kube Guide' },
  };
});

connection.onInitialized(() => {
  if (canPullConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'kubeGuide' });
  }
  void refreshSettings();
});

connection.onDidChangeConfiguration(async (change) => {
  await refreshSettings(change.settings);
});

async function refreshSettings(pushed?: unknown): Promise<void> {
  try {
    const section = canPullConfiguration
      ? await connection.workspace.getConfiguration('kubeGuide')
      : (pushed as { kubeGuide?: unknown } | undefined)?.kubeGuide;
    settings = readSettings(section);
    ruleRuns = new WeakMap();
  } catch (error) {
    connection.console.warn(`Kube Guide could not read its settings, using defaults: ${String(error)}`);
    settings = DEFAULT_SETTINGS;
    ruleRuns = new WeakMap();
  }
  documents.all().forEach((document) => scheduleValidation(document, 0));
}

function scheduleValidation(document: TextDocument, delayMs = VALIDATION_DELAY_MS): void {
  clearTimeout(pendingValidations.get(document.uri));
  pendingValidations.set(
    document.uri,
    setTimeout(() => {
      pendingValidations.delete(document.uri);
      void validate(document);
    }, delayMs),
  );
}

/** True when the document is a manifest over the size limit: it gets one notice, and no other work. */
const tooLarge = (document: TextDocument) => oversizedManifest(document.getText(), settings.maxFileSizeMb);

async function validate(document: TextDocument): Promise<void> {
  const { uri, version } = document;
  try {
    const oversized = tooLarge(document);
    if (oversized) {
      await connection.sendDiagnostics({ uri, version, diagnostics: [fileTooLargeDiagnostic(oversized)] });
      const status: ManifestStatus = { uri, isManifest: true, objects: [], tooLargeMb: Math.round(oversized.sizeMb) };
      await connection.sendNotification(MANIFEST_STATUS_NOTIFICATION, status);
      return;
    }
    const file = manifests.get(document);
    const checked = isConfigFile(uri)
      ? { diagnostics: configFileDiagnostics(uri, document.getText(), RULE_IDS) }
      : await checkFile(document.getText(), uri, checkServices, settings, { parsed: file, ruleRun: rulesFor(uri, file) });
    const diagnostics: Diagnostic[] = checked.diagnostics;
    // The user typed on while we worked: a newer check is already on its way.
    if (documents.get(uri)?.version !== version) return;
    await connection.sendDiagnostics({ uri, version, diagnostics });
    const status: ManifestStatus = {
      uri,
      isManifest: file.isManifest,
      objects: file.documents.flatMap((d) => (d.object ? [{ kind: d.object.kind, name: d.object.name }] : [])),
      templatesSkipped: file.documents.filter((d) => d.skipReason?.includes('template')).length,
      kubernetesVersion: file.isManifest ? kubernetesMinorVersion((schemaMeta ??= loadKubernetesSchemaMeta())) : undefined,
    };
    await connection.sendNotification(MANIFEST_STATUS_NOTIFICATION, status);
  } catch (error) {
    // Whatever a user types, the server stays up: report the failure and keep serving.
    connection.console.error(`Kube Guide could not check ${uri}: ${error instanceof Error ? error.stack : String(error)}`);
  }
}

// A .kube-guide.yaml was created, changed or deleted: every open document may now have other rules.
connection.onDidChangeWatchedFiles(() => {
  workspaceConfig.reload();
  reportedConfigErrors.clear();
  ruleRuns = new WeakMap();
  documents.all().forEach((document) => scheduleValidation(document, 0));
});

documents.onDidOpen(({ document }) => scheduleValidation(document, 0));
documents.onDidChangeContent(({ document }) => scheduleValidation(document));
documents.onDidClose(({ document }) => {
  clearTimeout(pendingValidations.get(document.uri));
  pendingValidations.delete(document.uri);
  manifests.forget(document.uri);
  void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});

connection.onHover(async ({ textDocument, position }) => {
  const document = documents.get(textDocument.uri);
  if (!document || !settings.hover.enable || tooLarge(document)) return null;
  const file = manifests.get(document);
  if (!file.isManifest) return null;
  // A finding's rule docs first, then the guide's knowledge, then the schema's field docs.
  const hover = await getHoverService().hover(document, file, position);
  const ruleDocs = ruleDocsAt(rulesFor(textDocument.uri, file), position, ALL_RULES, ruleDocsLink);
  return withRuleDocs(hover, ruleDocs, { start: position, end: position });
});

connection.onCompletion(async ({ textDocument, position }) => {
  const document = documents.get(textDocument.uri);
  const empty = CompletionList.create([], false);
  if (!document || !settings.completion.enable || tooLarge(document)) return empty;
  const file = manifests.get(document);
  if (!file.isManifest) return empty;
  return getHoverService().complete(document, file, position);
});

connection.onRequest(GUIDE_TOPIC_REQUEST, ({ uri, position }: GuideTopicParams): GuideTopicResult => {
  const document = documents.get(uri);
  if (!document || tooLarge(document)) return null;
  const file = manifests.get(document);
  return file.isManifest ? getHoverService().topic(file, position) : null;
});

connection.onCodeAction(({ textDocument, range, context }): CodeAction[] => {
  const document = documents.get(textDocument.uri);
  if (!document || tooLarge(document)) return [];
  const file = manifests.get(document);
  if (!file.isManifest) return [];
  const schemaFixes = schemaService ? schemaService.quickFixes(document, context.diagnostics) : [];
  return [...schemaFixes, ...ruleCodeActions(document.uri, file, rulesFor(document.uri, file), range, context.only)];
});

documents.listen(connection);
connection.listen();
