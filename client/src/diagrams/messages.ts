// The messages between the diagrams webview and the extension, as discriminated unions, and the
// checks each side runs on what it receives. A message of any other shape is dropped: the envelope
// must match exactly. Data the language server produced (diagrams, workspace graph) is checked for
// every field the webview uses; fields the server may add later are let through and ignored.
// Pure: no `vscode`, no DOM, so the extension, the webview bundle and the unit tests share it.
import type {
  GuideDiagram,
  GuideDiagramCategory,
  GuideDiagramEdge,
  GuideDiagramGroup,
  GuideDiagramNode,
  WorkspaceGraph,
  WorkspaceGraphEdge,
  WorkspaceGraphEdgeKind,
  WorkspaceGraphNode,
} from '../../../server/src/protocol';
import { hasOnlyKeys, isArrayOf, isCount, isNonEmptyStringUpTo, isOneOf, isOptional, isRecord, isStringUpTo, type Check } from './shapeChecks';

/** The two tabs of the panel. */
export type DiagramsView = 'guide' | 'workspace';
export type ExportFormat = 'svg' | 'png';

/** Webview → extension. */
export type WebviewMessage =
  /** The page has loaded and listens: send it the data. */
  | { type: 'ready' }
  /** A view was drawn, with how many boxes and arrows (what the end-to-end test checks). */
  | { type: 'rendered'; view: DiagramsView; nodes: number; edges: number }
  /** The "Your workspace" tab is shown (or refreshed): send the graph now and whenever it changes. */
  | { type: 'requestWorkspaceGraph' }
  /** "Insert snippet" on a box of a guide diagram: the snippet's prefix. */
  | { type: 'insertSnippet'; snippet: string }
  /** A box of the workspace graph was activated: reveal that object in the editor. */
  | { type: 'openWorkspaceNode'; id: string }
  /** The drawn diagram, to save: SVG text, or a PNG as a data URL. `name` suggests the file name. */
  | { type: 'export'; format: ExportFormat; name: string; data: string };

/** Extension → webview. */
export type ExtensionMessage =
  | { type: 'guideDiagrams'; diagrams: GuideDiagram[] }
  | { type: 'guideDiagramsError'; message: string }
  | { type: 'workspaceGraph'; graph: WorkspaceGraph }
  | { type: 'workspaceGraphError'; message: string };

// ---- Limits: generous for real use, small enough that a bad message cannot hang either side. ----
const MAX_ID = 2048;
const MAX_TEXT = 8192;
const MAX_MESSAGE_TEXT = 2000;
export const MAX_SVG_EXPORT_CHARS = 20 * 1024 * 1024;
export const MAX_PNG_EXPORT_CHARS = 40 * 1024 * 1024;
export const MAX_WORKSPACE_NODES = 20_000;
const MAX_WORKSPACE_EDGES = 100_000;
const MAX_DIAGRAM_BOXES = 200;

/** The file-name stem an export may suggest: lowercase words with dashes. */
export const EXPORT_NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;
const PNG_DATA_URL = /^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/;

// Every member of the protocol's unions, checked against the type so that a new one cannot be forgotten.
const GUIDE_DIAGRAM_CATEGORIES = [
  'person',
  'control-plane',
  'node-agent',
  'network',
  'workload',
  'storage',
  'azure',
  'security',
  'observability',
  'step',
] as const satisfies readonly GuideDiagramCategory[];
export const WORKSPACE_EDGE_KINDS = [
  'routes',
  'selects',
  'mounts',
  'uses-config',
  'uses-secret',
  'scales',
  'protects',
  'allows',
  'storage-class',
  'service-account',
] as const satisfies readonly WorkspaceGraphEdgeKind[];
const everyCategoryListed: [Exclude<GuideDiagramCategory, (typeof GUIDE_DIAGRAM_CATEGORIES)[number]>] extends [never] ? true : never = true;
const everyEdgeKindListed: [Exclude<WorkspaceGraphEdgeKind, (typeof WORKSPACE_EDGE_KINDS)[number]>] extends [never] ? true : never = true;
void everyCategoryListed;
void everyEdgeKindListed;

const isId = isNonEmptyStringUpTo(MAX_ID);
const isLabel = isNonEmptyStringUpTo(200);
const isText = isStringUpTo(MAX_TEXT);

// ---- Server data -----------------------------------------------------------------------------------

const isGuideDiagramNode: Check<GuideDiagramNode> = (value): value is GuideDiagramNode =>
  isRecord(value) &&
  isId(value.id) &&
  isLabel(value.label) &&
  isOptional(value.sublabel, isStringUpTo(200)) &&
  isOneOf(GUIDE_DIAGRAM_CATEGORIES)(value.category) &&
  isOptional(value.group, isId) &&
  isText(value.text) &&
  isOptional(value.snippet, isNonEmptyStringUpTo(200));

const isGuideDiagramEdge: Check<GuideDiagramEdge> = (value): value is GuideDiagramEdge =>
  isRecord(value) &&
  isId(value.from) &&
  isId(value.to) &&
  isOptional(value.label, isStringUpTo(200)) &&
  isOptional(value.style, isOneOf(['solid', 'dashed', 'denied'] as const)) &&
  isOptional(value.bidirectional, (b): b is boolean => typeof b === 'boolean');

const isGuideDiagramGroup: Check<GuideDiagramGroup> = (value): value is GuideDiagramGroup => isRecord(value) && isId(value.id) && isLabel(value.label);

const isGuideDiagram: Check<GuideDiagram> = (value): value is GuideDiagram =>
  isRecord(value) &&
  isNonEmptyStringUpTo(64)(value.id) &&
  EXPORT_NAME.test(value.id) &&
  isLabel(value.title) &&
  isText(value.summary) &&
  isStringUpTo(500)(value.guideSection) &&
  isOneOf(['TB', 'LR'] as const)(value.direction) &&
  isArrayOf(isGuideDiagramGroup, MAX_DIAGRAM_BOXES)(value.groups) &&
  isArrayOf(isGuideDiagramNode, MAX_DIAGRAM_BOXES)(value.nodes) &&
  isArrayOf(isGuideDiagramEdge, MAX_DIAGRAM_BOXES * 4)(value.edges);

export const isGuideDiagramList: Check<GuideDiagram[]> = isArrayOf(isGuideDiagram, 50);

const isPosition = (value: unknown): boolean => isRecord(value) && isCount(value.line) && isCount(value.character);

const isWorkspaceGraphNode: Check<WorkspaceGraphNode> = (value): value is WorkspaceGraphNode =>
  isRecord(value) &&
  isId(value.id) &&
  isNonEmptyStringUpTo(253)(value.kind) &&
  isStringUpTo(MAX_ID)(value.name) &&
  isStringUpTo(253)(value.namespace) &&
  isNonEmptyStringUpTo(8192)(value.uri) &&
  isRecord(value.range) &&
  isPosition(value.range.start) &&
  isPosition(value.range.end) &&
  isRecord(value.findings) &&
  isCount(value.findings.errors) &&
  isCount(value.findings.warnings) &&
  isCount(value.findings.infos) &&
  isOptional(value.missing, (b): b is boolean => typeof b === 'boolean');

const isWorkspaceGraphEdge: Check<WorkspaceGraphEdge> = (value): value is WorkspaceGraphEdge =>
  isRecord(value) && isId(value.from) && isId(value.to) && isOneOf(WORKSPACE_EDGE_KINDS)(value.kind) && isOptional(value.label, isStringUpTo(200));

export const isWorkspaceGraph: Check<WorkspaceGraph> = (value): value is WorkspaceGraph =>
  isRecord(value) &&
  isArrayOf(isWorkspaceGraphNode, MAX_WORKSPACE_NODES)(value.nodes) &&
  isArrayOf(isWorkspaceGraphEdge, MAX_WORKSPACE_EDGES)(value.edges);

// ---- Envelopes -------------------------------------------------------------------------------------

function isExportData(format: unknown, data: unknown): boolean {
  if (typeof data !== 'string') return false;
  if (format === 'svg') return data.length <= MAX_SVG_EXPORT_CHARS && /^<svg[\s>]/.test(data) && data.trimEnd().endsWith('</svg>');
  if (format === 'png') return data.length <= MAX_PNG_EXPORT_CHARS && PNG_DATA_URL.test(data);
  return false;
}

/** The message, when it is exactly one the webview may send; otherwise undefined. */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  if (!isRecord(value)) return undefined;
  switch (value.type) {
    case 'ready':
    case 'requestWorkspaceGraph':
      return hasOnlyKeys(value, ['type']) ? { type: value.type } : undefined;
    case 'rendered':
      return hasOnlyKeys(value, ['type', 'view', 'nodes', 'edges']) && isOneOf(['guide', 'workspace'] as const)(value.view) && isCount(value.nodes) && isCount(value.edges)
        ? { type: 'rendered', view: value.view, nodes: value.nodes, edges: value.edges }
        : undefined;
    case 'insertSnippet':
      return hasOnlyKeys(value, ['type', 'snippet']) && isNonEmptyStringUpTo(200)(value.snippet) ? { type: 'insertSnippet', snippet: value.snippet } : undefined;
    case 'openWorkspaceNode':
      return hasOnlyKeys(value, ['type', 'id']) && isId(value.id) ? { type: 'openWorkspaceNode', id: value.id } : undefined;
    case 'export':
      return hasOnlyKeys(value, ['type', 'format', 'name', 'data']) &&
        isOneOf(['svg', 'png'] as const)(value.format) &&
        typeof value.name === 'string' &&
        EXPORT_NAME.test(value.name) &&
        isExportData(value.format, value.data)
        ? { type: 'export', format: value.format, name: value.name, data: value.data as string }
        : undefined;
    default:
      return undefined;
  }
}

/** The message, when it is exactly one the extension may send; otherwise undefined. */
export function parseExtensionMessage(value: unknown): ExtensionMessage | undefined {
  if (!isRecord(value)) return undefined;
  switch (value.type) {
    case 'guideDiagrams':
      return hasOnlyKeys(value, ['type', 'diagrams']) && isGuideDiagramList(value.diagrams) ? { type: 'guideDiagrams', diagrams: value.diagrams } : undefined;
    case 'workspaceGraph':
      return hasOnlyKeys(value, ['type', 'graph']) && isWorkspaceGraph(value.graph) ? { type: 'workspaceGraph', graph: value.graph } : undefined;
    case 'guideDiagramsError':
    case 'workspaceGraphError':
      return hasOnlyKeys(value, ['type', 'message']) && isNonEmptyStringUpTo(MAX_MESSAGE_TEXT)(value.message) ? { type: value.type, message: value.message } : undefined;
    default:
      return undefined;
  }
}
