// Custom messages between the extension client and the server. Plain data only: the client bundles
// this file too, and must stay free of Kubernetes logic.

/** Sent by the server after it reads a document: what the client shows in the status bar. */
export const MANIFEST_STATUS_NOTIFICATION = 'kubeGuide/manifestStatus';

export interface ManifestStatus {
  uri: string;
  /** True when the document holds at least one Kubernetes object. */
  isManifest: boolean;
  /** The objects' kinds and names, in document order, for the status bar tooltip. */
  objects: Array<{ kind: string; name?: string }>;
  /** The Kubernetes version the schema describes, such as "1.36". */
  kubernetesVersion?: string;
  /** The Kubernetes version the manifest is checked for (the target), such as "1.34", and who chose it. */
  target?: { kubernetesVersion: string; chosenBy: 'settings' | 'config-file' };
  /** The nearest `.kube-guide.yaml` that applies to the file, as a URI. */
  configFile?: string;
  /** Who reports schema problems here: us, Red Hat's YAML extension (kubeGuide.schemaValidation `auto`), or nobody. */
  schemaCheckedBy?: 'kube-guide' | 'red-hat-yaml' | 'nobody';
  /** How many documents are Go/Helm templates (`{{ }}`), which are not checked until rendered. */
  templatesSkipped?: number;
  /** Set when the file is a manifest too large to check (kubeGuide.maxFileSize): its size in MB. */
  tooLargeMb?: number;
}

/** Asked by the client for "Kube Guide: Open Guide Topic": the knowledge for the symbol at a position. */
export const GUIDE_TOPIC_REQUEST = 'kubeGuide/guideTopic';

export interface GuideTopicParams {
  uri: string;
  position: { line: number; character: number };
}

/** The topic as Markdown (our own texts; the user's words in it are escaped), or null when there is none. */
export type GuideTopicResult = { title: string; markdown: string } | null;

/** Asked by the client for "Kube Guide: Show Architecture Diagrams": the guide's diagrams as data. */
export const GUIDE_DIAGRAMS_REQUEST = 'kubeGuide/guideDiagrams';

/** What a box of a guide diagram stands for: it chooses the box's colour, nothing else. */
export type GuideDiagramCategory =
  | 'person'
  | 'control-plane'
  | 'node-agent'
  | 'network'
  | 'workload'
  | 'storage'
  | 'azure'
  | 'security'
  | 'observability'
  | 'step';

export interface GuideDiagramNode {
  id: string;
  label: string;
  /** A second, smaller line under the label. */
  sublabel?: string;
  category: GuideDiagramCategory;
  /** The id of the group (drawn as a frame) the box sits in. */
  group?: string;
  /** What the box is, in a few sentences of light Markdown (`code`, **bold**, *emphasis*, blank lines). */
  text: string;
  /** The prefix of the manifest snippet (snippets/kubernetes.json) "Insert snippet" inserts. */
  snippet?: string;
}

export interface GuideDiagramEdge {
  from: string;
  to: string;
  label?: string;
  /** `dashed`: a secondary link (watches, logs, references); `denied`: traffic that is refused. */
  style?: 'solid' | 'dashed' | 'denied';
  /** Arrow heads at both ends. */
  bidirectional?: boolean;
}

export interface GuideDiagramGroup {
  id: string;
  label: string;
}

export interface GuideDiagram {
  /** Stable, lowercase with dashes: also the file name an export suggests. */
  id: string;
  title: string;
  /** One or two sentences shown under the title. */
  summary: string;
  /** The heading of the guide the diagram redraws. */
  guideSection: string;
  /** Top to bottom, or left to right. */
  direction: 'TB' | 'LR';
  groups: GuideDiagramGroup[];
  nodes: GuideDiagramNode[];
  edges: GuideDiagramEdge[];
}

/** Asked by the client for the "Your workspace" diagram. */
export const WORKSPACE_GRAPH_REQUEST = 'kubeGuide/workspaceGraph';
/** Sent by the server when the workspace graph may have changed (debounced); the client re-asks. */
export const WORKSPACE_GRAPH_CHANGED_NOTIFICATION = 'kubeGuide/workspaceGraphChanged';
export interface WorkspaceGraphNode {
  id: string;               // stable: `${kind}/${namespace}/${name}` or similar
  kind: string; name: string; namespace: string;
  uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } };
  findings: { errors: number; warnings: number; infos: number };
  /** True for objects referenced but not found in the workspace (drawn dashed). */
  missing?: boolean;
}
export type WorkspaceGraphEdgeKind = 'routes' | 'selects' | 'mounts' | 'uses-config' | 'uses-secret' | 'scales' | 'protects' | 'allows' | 'storage-class' | 'service-account';
export interface WorkspaceGraphEdge { from: string; to: string; kind: WorkspaceGraphEdgeKind; label?: string }
export interface WorkspaceGraph { nodes: WorkspaceGraphNode[]; edges: WorkspaceGraphEdge[] }
/** Optional scope of a WORKSPACE_GRAPH_REQUEST; without params the graph is the whole workspace. */
export interface WorkspaceGraphParams {
  /** Only this namespace's objects (and the cluster-wide objects they use). */
  namespace?: string;
  /** Only the objects of this file and their direct neighbours. */
  uri?: string;
}

/**
 * The client command a CodeLens runs to list locations ("2 Services · HPA"): arguments are the document's
 * URI, the position to show them at and the locations, all as LSP data for the client to convert.
 */
export const SHOW_REFERENCES_COMMAND = 'kubeGuide.showReferences';

/**
 * What the client sees of Red Hat's YAML extension (redhat.vscode-yaml), as plain facts: sent in
 * `initializationOptions.redHatYaml` and again with this notification whenever they change. The server
 * decides from them whether to leave schema errors to that extension (kubeGuide.schemaValidation `auto`).
 */
export const RED_HAT_YAML_NOTIFICATION = 'kubeGuide/redHatYaml';

export interface RedHatYamlReport {
  /** Installed and enabled. */
  installed: boolean;
  /** Its `yaml.schemas` setting, as read. */
  schemas?: unknown;
  /** Its `yaml.validate` setting, as read. */
  validate?: unknown;
}
