// Wires the LSP connection to the services. No Kubernetes knowledge lives here.
// Started by the client over IPC, or by hand with `node dist/server.js --stdio`.
import {
  CodeAction,
  CodeLensRefreshRequest,
  CompletionList,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type Disposable,
  type MessageActionItem,
} from 'vscode-languageserver/node';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { guideDiagrams } from './knowledge/diagrams';
import { ManifestCache } from './model/manifestCache';
import { parseManifestFile, type ManifestFile } from './model/manifestFile';
import { runRules, type RuleRun } from './rules/engine';
import { runWorkspaceRules } from './rules/workspaceEngine';
import { ALL_RULES } from './rules/registry';
import { configFileDiagnostics, isConfigFile, WorkspaceConfig } from './config/workspaceConfig';
import {
  GUIDE_DIAGRAMS_REQUEST,
  GUIDE_TOPIC_REQUEST,
  MANIFEST_STATUS_NOTIFICATION,
  RED_HAT_YAML_NOTIFICATION,
  WORKSPACE_GRAPH_CHANGED_NOTIFICATION,
  WORKSPACE_GRAPH_REQUEST,
  type WorkspaceGraphParams,
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
import { crdSchemas } from './schema/crdSchema';
import { ExternalCrdFiles, withOutsideCrds } from './services/externalCrds';
import { documentSettingsFor } from './services/documentSettings';
import { readRedHatYamlReport, schemaDeciderFor } from './services/schemaCoexistence';
import { suppressionCompletions } from './services/suppressionCompletion';
import { UnopenedFileChecks } from './services/unopenedFileChecks';
import { WorkspaceViewsRefresh, type WorkspaceViewsChange } from './services/workspaceViewsRefresh';
import { FIX_ALL_KIND, ruleCodeActions, ruleDocsAt, withRuleDocs } from './services/ruleService';
import { fileTooLargeDiagnostic, oversizedManifest } from './services/fileSizeLimit';
import { createHoverService, type HoverService } from './services/hoverService';
import { createSchemaService, type SchemaService } from './services/schemaService';
import { WorkspaceService, type WorkspaceFolder } from './services/workspaceService';
import { enabledGlobs } from './services/workspaceScanner';
import type { IndexChange } from './model/workspaceIndex';
import { summarizeFile, type ObjectSummary } from './model/objectSummary';
import { definitionsAt, linksToLocations, referencesAt } from './services/navigationService';
import { workloadCodeLenses } from './services/codeLensService';
import { buildWorkspaceGraph } from './services/workspaceGraph';
import { GraphFindings } from './services/graphFindings';
import { DEFAULT_SETTINGS, readSettings, type KubeGuideSettings } from './settings';

const RULE_IDS: ReadonlySet<string> = new Set(ALL_RULES.map((rule) => rule.meta.id));

// A short pause after typing stops, so a burst of keystrokes costs one check, not one per key.
const VALIDATION_DELAY_MS = 10;

const connection: Connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const manifests = new ManifestCache();
const pendingValidations = new Map<string, NodeJS.Timeout>();
let settings: KubeGuideSettings = DEFAULT_SETTINGS;
// From what the client reported of Red Hat's YAML extension: where it checks a manifest, we may leave the schema to it.
let decideSchema = schemaDeciderFor(undefined);
// Every manifest of the workspace folders, for cross-resource rules and navigation.
const indexing = new WorkspaceService();
let workspaceFolders: WorkspaceFolder[] = [];
let filesExclude: string[] = [];
let indexedWith: string | undefined;
let canShowProgress = false;
let canPullConfiguration = false;
let canWatchFiles = false;
let schemaService: SchemaService | undefined;
let schemaMeta: KubernetesSchemaMeta | undefined;
// Rule results per parsed file, for the code actions that follow a check; dropped when settings change.
// Cross-resource results also depend on the rest of the workspace: they are kept with the index generation.
let ruleRuns = new WeakMap<ManifestFile, { run: RuleRun; generation: number }>();

// Each rule's page ships in the extension (docs/rules/), next to dist/ where this bundle runs.
const ruleDocsLink = (ruleId: string): string => pathToFileURL(path.resolve(__dirname, '..', 'docs', 'rules', `${ruleId}.md`)).href;

// The team's .kube-guide.yaml files; a broken one is said once per distinct problem, not per keystroke.
const reportedConfigErrors = new Set<string>();
const workspaceConfig = new WorkspaceConfig(RULE_IDS, (error) => {
  if (reportedConfigErrors.has(error.message)) return;
  reportedConfigErrors.add(error.message);
  // A request: a client that refuses it must not leave a rejected promise behind (that stops the server).
  connection.window.showWarningMessage<MessageActionItem>(`Kube Guide ignores a config file it cannot use, until it is fixed: ${error.message}`).catch(() => undefined);
});

// CRD files outside the workspace (kubeGuide.crdFiles, `crds:` in .kube-guide.yaml). The server asks the
// client to watch them (dynamic registration of workspace/didChangeWatchedFiles with a folder and a glob):
// VS Code's own watcher then follows paths outside the workspace, atomic saves included, with no code in
// the client, and the changes arrive with the workspace's file events.
let outsideCrdWatch: Promise<Disposable> | undefined;
const outsideCrds = new ExternalCrdFiles(
  {
    reportProblems: (problems) => {
      for (const { file, problem } of problems) connection.console.warn(`Kube Guide cannot use a CRD file: ${file}: ${problem}`);
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more: see the Kube Guide output)` : '';
      // A request (typed as returning nothing without actions): a client that refuses it must not stop the server.
      connection.window.showWarningMessage<MessageActionItem>(`Kube Guide cannot use a CRD file: ${problems[0].file}: ${problems[0].problem}${more}`).catch(() => undefined);
    },
    log: (message) => connection.console.info(message),
    watch: (patterns) => {
      if (!canWatchFiles) return;
      const previous = outsideCrdWatch;
      const watchers = patterns.map(({ baseDir, pattern }) => ({ globPattern: { baseUri: pathToFileURL(baseDir).href, pattern } }));
      outsideCrdWatch = watchers.length > 0 ? connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }) : undefined;
      outsideCrdWatch?.catch(() => undefined);
      previous?.then((registration) => registration.dispose()).catch(() => undefined);
    },
    changed: () => applyWorkspaceDefinitions(),
  },
  RULE_IDS,
);

const loggedRuleFailures = new Set<string>();

// The workspace graph's badges: what the editor showed for open documents, the rules' findings for the rest.
const graphFindings = new GraphFindings({
  index: indexing.index,
  rules: ALL_RULES,
  ruleSettingsFor: (uri) => workspaceConfig.ruleSettingsFor(uri, settings.rules),
  readText: (uri) => indexing.readText(uri),
});
let canRefreshCodeLens = false;
let canLinkDefinitions = false;
let graphRequested = false;
const workspaceViews = new WorkspaceViewsRefresh({
  generation: () => indexing.index.generation,
  codeLensEnabled: () => settings.codeLens.enable,
  canRefreshCodeLens: () => canRefreshCodeLens,
  graphShown: () => graphRequested,
  refreshCodeLens: () => void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined),
  graphChanged: () => void connection.sendNotification(WORKSPACE_GRAPH_CHANGED_NOTIFICATION),
});
const workspaceViewsMayHaveChanged = (reason: WorkspaceViewsChange) => workspaceViews.mayHaveChanged(reason);

function rulesFor(uri: string, file: ManifestFile): RuleRun {
  const generation = indexing.index.generation;
  let cached = ruleRuns.get(file);
  if (!cached || cached.generation !== generation) {
    const ruleSettings = workspaceConfig.ruleSettingsFor(uri, settings.rules);
    // Single-object rules may consult the workspace too (an HPA makes a missing `replicas` right): re-run them.
    const fileRun = runRules(file, ALL_RULES, ruleSettings, { view: indexing.index, uri });
    const crossRun = runWorkspaceRules(indexing.index.objectsIn(uri), indexing.index, ALL_RULES, ruleSettings, () => file.text);
    const run: RuleRun = { findings: [...fileRun.findings, ...crossRun.findings], failures: [...fileRun.failures, ...crossRun.failures] };
    // A rule that throws is isolated by the engine; say so once per problem, not on every keystroke.
    for (const { ruleId, error } of run.failures) {
      const report = `Kube Guide rule ${ruleId} failed: ${error instanceof Error ? error.stack : String(error)}`;
      if (loggedRuleFailures.has(report)) continue;
      loggedRuleFailures.add(report);
      connection.console.error(report);
    }
    cached = { run, generation };
    ruleRuns.set(file, cached);
  }
  return cached.run;
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
  const fileWatching = params.capabilities.workspace?.didChangeWatchedFiles;
  canWatchFiles = !!fileWatching?.dynamicRegistration && !!fileWatching.relativePatternSupport;
  canShowProgress = !!params.capabilities.window?.workDoneProgress;
  workspaceFolders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri }] : []);
  decideSchema = schemaDeciderFor(readRedHatYamlReport((params.initializationOptions as { redHatYaml?: unknown } | undefined)?.redHatYaml));
  canRefreshCodeLens = !!params.capabilities.workspace?.codeLens?.refreshSupport;
  canLinkDefinitions = !!params.capabilities.textDocument?.definition?.linkSupport;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      completionProvider: { triggerCharacters: [':', ' ', '-'] },
      codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND] },
      definitionProvider: true,
      referencesProvider: true,
      codeLensProvider: { resolveProvider: false },
    },
    serverInfo: { name: 'Kube Guide' },
  };
});

connection.onInitialized(() => {
  if (canPullConfiguration) {
    // `files` for files.exclude, which the workspace index honours.
    void connection.client.register(DidChangeConfigurationNotification.type, { section: ['kubeGuide', 'files'] });
  }
  void refreshSettings();
});

connection.onDidChangeConfiguration(async (change) => {
  await refreshSettings(change.settings);
});

// Red Hat YAML was installed or removed, or its schema settings changed: who checks which file may change.
connection.onNotification(RED_HAT_YAML_NOTIFICATION, (report: unknown) => {
  decideSchema = schemaDeciderFor(readRedHatYamlReport(report));
  documents.all().forEach((document) => scheduleValidation(document, 0));
});

/** The settings that apply to one document (team config file, version target, schema check owner). */
const settingsFor = (uri: string) => documentSettingsFor(uri, settings, workspaceConfig, decideSchema);

/** What the hover and completion of a document depend on. */
function languageOptionsFor(uri: string) {
  const applied = settingsFor(uri);
  return { kubernetesVersion: applied.target.kubernetesVersion, schemaFields: applied.schema.validate };
}

async function refreshSettings(pushed?: unknown): Promise<void> {
  try {
    const section = canPullConfiguration
      ? await connection.workspace.getConfiguration('kubeGuide')
      : (pushed as { kubeGuide?: unknown } | undefined)?.kubeGuide;
    settings = readSettings(section);
    if (canPullConfiguration) filesExclude = enabledGlobs(((await connection.workspace.getConfiguration('files')) as { exclude?: unknown } | null)?.exclude);
    ruleRuns = new WeakMap();
  } catch (error) {
    connection.console.warn(`Kube Guide could not read its settings, using defaults: ${String(error)}`);
    settings = DEFAULT_SETTINGS;
    ruleRuns = new WeakMap();
  }
  documents.all().forEach((document) => scheduleValidation(document, 0));
  graphFindings.clear();
  workspaceViewsMayHaveChanged('settings');
  void indexWorkspace().then(applyDiagnosticsScope);
  refreshOutsideCrds();
}

/** Reads the CRD files the setting and the config files name, when what they name changed (or may have). */
function refreshOutsideCrds(configFilesChanged = false): void {
  const folders = workspaceFolders.flatMap((folder) => (folder.uri.startsWith('file:') ? [fileURLToPath(folder.uri)] : []));
  void outsideCrds.update({ setting: settings.crdFiles, folders, exclude: [...filesExclude, ...settings.exclude], configFilesChanged });
}

/** (Re)builds the index when the folders or what to leave out changed; then re-checks the open documents. */
async function indexWorkspace(): Promise<void> {
  const options = { exclude: [...filesExclude, ...settings.exclude], maxFileSizeMb: settings.maxFileSizeMb };
  const key = JSON.stringify(options);
  if (key === indexedWith || workspaceFolders.length === 0) return;
  indexedWith = key;
  const progress = canShowProgress ? await connection.window.createWorkDoneProgress() : undefined;
  progress?.begin('Kube Guide: indexing manifests', 0, undefined, false);
  try {
    const report = await indexing.indexFolders(workspaceFolders, options, (done, total) =>
      progress?.report(total === 0 ? 100 : Math.round((done / total) * 100), `${done} of ${total} YAML files`),
    );
    connection.console.info(
      `Kube Guide indexed ${report.objects} objects in ${report.manifests} manifests (${report.files} YAML files) in ${report.durationMs} ms` +
        (report.truncated ? '; the workspace has more YAML files than the index takes, the rest are left out' : ''),
    );
  } catch (error) {
    connection.console.error(`Kube Guide could not index the workspace: ${error instanceof Error ? error.stack : String(error)}`);
  } finally {
    progress?.done();
  }
  documents.all().forEach((document) => scheduleValidation(document, 0));
  applyWorkspaceDefinitions();
  applyDiagnosticsScope();
  workspaceViewsMayHaveChanged('index');
}

// The workspace's own CustomResourceDefinitions, and those of CRD files outside it, check custom resources
// in every file; for the same kind the workspace's wins (see withOutsideCrds).
let appliedDefinitions = 0;
let appliedOutsideCrds = 0;
function applyWorkspaceDefinitions(): void {
  const generation = indexing.index.definitionsGeneration;
  if (generation === appliedDefinitions && outsideCrds.revision === appliedOutsideCrds) return;
  appliedDefinitions = generation;
  appliedOutsideCrds = outsideCrds.revision;
  const inWorkspace = indexing.index.ofKind('CustomResourceDefinition').flatMap((crd) => crdSchemas(crd.definition));
  const schemas = withOutsideCrds(inWorkspace, outsideCrds.schemas);
  if (schemas.length === 0 && !schemaService) return;
  getSchemaService().setWorkspaceCrds(schemas);
  documents.all().forEach((document) => scheduleValidation(document));
}

/** Re-checks the documents whose cross-resource findings an index change may have changed. */
function recheckAffected(change: IndexChange): void {
  applyWorkspaceDefinitions();
  if (change.changed) workspaceViewsMayHaveChanged('index');
  for (const uri of change.affectedUris) {
    const document = documents.get(uri);
    if (document) scheduleValidation(document);
    else unopenedChecks.schedule(uri);
  }
}

// kubeGuide.diagnosticsScope "workspace": manifests nobody opened get their problems too.
const unopenedChecks = new UnopenedFileChecks({
  enabled: () => settings.diagnosticsScope === 'workspace',
  isOpen: (uri) => documents.get(uri) !== undefined,
  readManifest: async (uri) => {
    const text = indexing.index.objectsIn(uri).length > 0 ? await indexing.readText(uri) : undefined;
    return text === undefined || oversizedManifest(text, settings.maxFileSizeMb) ? undefined : text;
  },
  check: async (uri, text) => {
    const file = parseManifestFile(text);
    return (await checkFile(text, uri, checkServices, settingsFor(uri).settings, { parsed: file, ruleRun: rulesFor(uri, file) })).diagnostics;
  },
  publish: (uri, diagnostics) => connection.sendDiagnostics({ uri, diagnostics }),
  logError: (message) => connection.console.error(message),
});

/** Applies kubeGuide.diagnosticsScope: checks every unopened manifest, or withdraws their problems. */
const applyDiagnosticsScope = () => unopenedChecks.applyScope(indexing.index.uris());

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
    if (!isConfigFile(uri)) recheckAffected(indexing.updateOpenDocument(uri, file));
    const applied = settingsFor(uri);
    const checked = isConfigFile(uri)
      ? { diagnostics: configFileDiagnostics(uri, document.getText(), RULE_IDS) }
      : await checkFile(document.getText(), uri, checkServices, applied.settings, { parsed: file, ruleRun: rulesFor(uri, file) });
    const diagnostics: Diagnostic[] = checked.diagnostics;
    // The user typed on while we worked: a newer check is already on its way.
    if (documents.get(uri)?.version !== version) return;
    await connection.sendDiagnostics({ uri, version, diagnostics });
    if (graphFindings.recordPublished(uri, diagnostics)) workspaceViewsMayHaveChanged('findings');
    const status: ManifestStatus = {
      uri,
      isManifest: file.isManifest,
      objects: file.documents.flatMap((d) => (d.object ? [{ kind: d.object.kind, name: d.object.name }] : [])),
      templatesSkipped: file.documents.filter((d) => d.skipReason?.includes('template')).length,
      kubernetesVersion: file.isManifest ? kubernetesMinorVersion((schemaMeta ??= loadKubernetesSchemaMeta())) : undefined,
      ...(file.isManifest ? { target: applied.target, configFile: applied.configFile, schemaCheckedBy: applied.schema.checkedBy } : {}),
    };
    await connection.sendNotification(MANIFEST_STATUS_NOTIFICATION, status);
  } catch (error) {
    // Whatever a user types, the server stays up: report the failure and keep serving.
    connection.console.error(`Kube Guide could not check ${uri}: ${error instanceof Error ? error.stack : String(error)}`);
  }
}

connection.onDidChangeWatchedFiles(async ({ changes }) => {
  void outsideCrds.filesChanged(changes.map((change) => change.uri));
  // A .kube-guide.yaml was created, changed or deleted: every open document may now have other rules.
  if (changes.some((change) => isConfigFile(change.uri))) {
    refreshOutsideCrds(true);
    workspaceConfig.reload();
    reportedConfigErrors.clear();
    ruleRuns = new WeakMap();
    graphFindings.clear();
    workspaceViewsMayHaveChanged('findings');
    documents.all().forEach((document) => scheduleValidation(document, 0));
  }
  // Manifests changed on disk (git checkout, a generator, another editor): keep the index current.
  for (const change of changes) {
    if (isConfigFile(change.uri)) continue;
    recheckAffected(change.type === FileChangeType.Deleted ? indexing.deleted(change.uri) : await indexing.refreshFromDisk(change.uri));
    if (change.type === FileChangeType.Deleted) unopenedChecks.deleted(change.uri);
    else unopenedChecks.schedule(change.uri);
  }
});

documents.onDidOpen(({ document }) => scheduleValidation(document, 0));
documents.onDidChangeContent(({ document }) => scheduleValidation(document));
documents.onDidClose(({ document }) => {
  clearTimeout(pendingValidations.get(document.uri));
  pendingValidations.delete(document.uri);
  manifests.forget(document.uri);
  void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  graphFindings.forget(document.uri);
  workspaceViewsMayHaveChanged('findings');
  unopenedChecks.schedule(document.uri);
  // Unsaved edits are gone with the editor: the file on disk is what the workspace holds again.
  void indexing.closeDocument(document.uri).then(recheckAffected);
});

connection.onHover(async ({ textDocument, position }) => {
  const document = documents.get(textDocument.uri);
  if (!document || !settings.hover.enable || tooLarge(document)) return null;
  const file = manifests.get(document);
  if (!file.isManifest) return null;
  // A finding's rule docs first, then the guide's knowledge, then the schema's field docs.
  const hover = await getHoverService().hover(document, file, position, languageOptionsFor(textDocument.uri));
  const ruleDocs = ruleDocsAt(rulesFor(textDocument.uri, file), position, ALL_RULES, ruleDocsLink);
  return withRuleDocs(hover, ruleDocs, { start: position, end: position });
});

connection.onCompletion(async ({ textDocument, position }) => {
  const document = documents.get(textDocument.uri);
  const empty = CompletionList.create([], false);
  if (!document || !settings.completion.enable || tooLarge(document)) return empty;
  const file = manifests.get(document);
  if (!file.isManifest) return empty;
  // In a suppression comment or the ignore annotation: rule ids, with their titles.
  const lineBefore = document.getText({ start: { line: position.line, character: 0 }, end: position });
  const ruleIds = suppressionCompletions(lineBefore, position, ALL_RULES.map((rule) => rule.meta));
  if (ruleIds) return CompletionList.create(ruleIds, false);
  return getHoverService().complete(document, file, position, languageOptionsFor(textDocument.uri));
});

// Static data: the guide's architecture diagrams, for the client's diagrams panel.
connection.onRequest(GUIDE_DIAGRAMS_REQUEST, () => guideDiagrams());

connection.onRequest(GUIDE_TOPIC_REQUEST, ({ uri, position }: GuideTopicParams): GuideTopicResult => {
  const document = documents.get(uri);
  if (!document || tooLarge(document)) return null;
  const file = manifests.get(document);
  return file.isManifest ? getHoverService().topic(file, position, languageOptionsFor(uri)) : null;
});

connection.onCodeAction(({ textDocument, range, context }): CodeAction[] => {
  const document = documents.get(textDocument.uri);
  if (!document || tooLarge(document)) return [];
  const file = manifests.get(document);
  if (!file.isManifest) return [];
  const schemaFixes = schemaService ? schemaService.quickFixes(document, context.diagnostics) : [];
  return [...schemaFixes, ...ruleCodeActions(document.uri, file, rulesFor(document.uri, file), range, context.only)];
});

/** The objects of a file as the user sees it: an open document's live text, else what the index read from disk. */
function liveObjects(uri: string): readonly ObjectSummary[] {
  const document = documents.get(uri);
  if (!document) return indexing.index.objectsIn(uri);
  return tooLarge(document) || isConfigFile(uri) ? [] : summarizeFile(uri, manifests.get(document));
}

connection.onDefinition(({ textDocument, position }) => {
  const links = definitionsAt(liveObjects(textDocument.uri), position, indexing.index);
  return canLinkDefinitions ? links : linksToLocations(links);
});

connection.onReferences(({ textDocument, position, context }) =>
  referencesAt(liveObjects(textDocument.uri), position, indexing.index, context.includeDeclaration),
);

connection.onCodeLens(({ textDocument }) => {
  if (!settings.codeLens.enable || !documents.get(textDocument.uri)) return [];
  return workloadCodeLenses(textDocument.uri, liveObjects(textDocument.uri), indexing.index);
});

connection.onRequest(WORKSPACE_GRAPH_REQUEST, (params: WorkspaceGraphParams | null | undefined) => {
  graphRequested = true;
  const scope = {
    ...(typeof params?.namespace === 'string' ? { namespace: params.namespace } : {}),
    ...(typeof params?.uri === 'string' ? { uri: params.uri } : {}),
  };
  return buildWorkspaceGraph(indexing.index, { scope, findingsIn: (uri) => graphFindings.findingsIn(uri) });
});

documents.listen(connection);
connection.listen();
