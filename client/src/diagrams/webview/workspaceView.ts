// The "Your workspace" tab: the user's own objects as a graph the language server computes, each box
// badged with its findings; activating a box reveals the object in the editor. The page knows no
// Kubernetes: kinds are names to show, coloured by a hash of the name.
import type { WorkspaceGraph, WorkspaceGraphEdgeKind, WorkspaceGraphNode } from '../../../../server/src/protocol';
import { button, html } from './dom';
import { drawDiagram, type Drawing, type DrawnDiagram, type TextMeasure } from './svgDiagram';

export interface WorkspaceViewHost {
  measure: TextMeasure;
  refresh(): void;
  openNode(id: string): void;
  exportDiagram(diagram: SVGSVGElement, name: string, format: 'svg' | 'png'): void;
}

/** More boxes than this make a layout too slow and a drawing nobody can read. */
export const MAX_DRAWN_WORKSPACE_NODES = 600;

const EDGE_WORDS: Record<WorkspaceGraphEdgeKind, string> = {
  routes: 'routes to',
  selects: 'selects',
  mounts: 'mounts',
  'uses-config': 'uses config',
  'uses-secret': 'uses secret',
  scales: 'scales',
  protects: 'protects',
  allows: 'allows',
  'storage-class': 'storage class',
  'service-account': 'runs as',
};

const TONES = 6;

/** The same colour for the same kind, in every workspace, without a table of kinds. */
function toneOf(kind: string): number {
  let hash = 0;
  for (let i = 0; i < kind.length; i++) hash = (hash * 31 + kind.charCodeAt(i)) >>> 0;
  return hash % TONES;
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

function findingsText({ errors, warnings, infos }: WorkspaceGraphNode['findings']): string {
  const parts = [errors && plural(errors, 'error'), warnings && plural(warnings, 'warning'), infos && plural(infos, 'info')].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'no findings';
}

function describeNode(node: WorkspaceGraphNode): string {
  const where = node.namespace ? ` in namespace ${node.namespace}` : '';
  const state = node.missing ? 'referenced but not found in the workspace' : findingsText(node.findings);
  return `${node.kind} ${node.name || '(unnamed)'}${where}: ${state}. Open in the editor`;
}

function toDrawing(graph: WorkspaceGraph): Drawing {
  return {
    key: 'kg-workspace',
    title: 'Your workspace',
    direction: 'LR',
    groups: [],
    nodes: graph.nodes.map((node) => ({
      id: node.id,
      label: node.name || '(unnamed)',
      sublabel: node.namespace ? `${node.kind} · ${node.namespace}` : node.kind,
      className: `tone-${toneOf(node.kind)}${node.missing ? ' missing' : ''}`,
      ariaLabel: describeNode(node),
      badges: [
        { count: node.findings.errors, className: 'badge-error' },
        { count: node.findings.warnings, className: 'badge-warning' },
        { count: node.findings.infos, className: 'badge-info' },
      ],
    })),
    edges: graph.edges.map((edge, index) => ({
      id: `e${index}`,
      from: edge.from,
      to: edge.to,
      label: edge.label ?? EDGE_WORDS[edge.kind],
      className: `edge-kind-${edge.kind}`,
      head: edge.kind === 'allows' ? 'accent' : 'plain',
    })),
  };
}

/** The links in words, for screen readers (the drawn arrows are hidden from them). */
function linksList(graph: WorkspaceGraph): HTMLElement {
  const nameOf = new Map(graph.nodes.map((node) => [node.id, `${node.kind} ${node.name || '(unnamed)'}`]));
  const links = graph.edges.filter((edge) => nameOf.has(edge.from) && nameOf.has(edge.to));
  return html(
    'ul',
    { class: 'visually-hidden', 'aria-label': 'Links between the objects' },
    ...links.map((edge) => html('li', {}, `${nameOf.get(edge.from)} ${edge.label ? `(${edge.label}) ` : ''}${EDGE_WORDS[edge.kind]} ${nameOf.get(edge.to)}`)),
  );
}

export class WorkspaceView {
  readonly element = html('section', { class: 'view workspace-view' });
  private readonly status = html('p', { class: 'status', role: 'status' });
  private readonly frame = html('div', { class: 'diagram-frame scrollable' });
  private readonly exportButtons: HTMLButtonElement[];
  private drawn: DrawnDiagram | undefined;

  constructor(private readonly host: WorkspaceViewHost) {
    const exportAs = (format: 'svg' | 'png') => () => {
      if (this.drawn) this.host.exportDiagram(this.drawn.svg, 'workspace', format);
    };
    this.exportButtons = [
      button('Export SVG', exportAs('svg'), { 'aria-label': 'Export the workspace diagram as SVG' }),
      button('Export PNG', exportAs('png'), { 'aria-label': 'Export the workspace diagram as PNG' }),
    ];
    this.element.append(
      html(
        'div',
        { class: 'figure-header' },
        html('h2', {}, 'Your workspace'),
        html('div', { class: 'actions' }, button('Refresh', () => host.refresh()), ...this.exportButtons),
      ),
      html(
        'p',
        { class: 'summary' },
        'The Kubernetes objects in your workspace and how they refer to each other. The badges count each object\'s errors, warnings and infos; a dashed box is referenced but not found. Select a box to open it in the editor.',
      ),
      this.status,
      this.frame,
    );
    this.showStatus('Open this tab to draw your workspace.');
  }

  showLoading(): void {
    this.showStatus('Reading your workspace…');
  }

  showError(message: string): void {
    this.showStatus(`The workspace graph is not available: ${message}`, true);
  }

  /** Draws the graph (or says why not); returns how many boxes and arrows were drawn. */
  show(graph: WorkspaceGraph): { nodes: number; edges: number } {
    if (graph.nodes.length === 0) {
      this.showStatus('No manifests indexed yet. Open a folder with Kubernetes YAML files, and the objects and their links appear here.');
      return { nodes: 0, edges: 0 };
    }
    if (graph.nodes.length > MAX_DRAWN_WORKSPACE_NODES) {
      this.showStatus(`Your workspace has ${graph.nodes.length} objects: too many to draw readably (the limit is ${MAX_DRAWN_WORKSPACE_NODES}). Open a smaller folder to see its graph.`);
      return { nodes: 0, edges: 0 };
    }
    // A redraw (the workspace changed) keeps the keyboard on the box it was on.
    const focused = this.frame.contains(document.activeElement) ? (document.activeElement as HTMLElement | SVGElement).dataset.nodeId : undefined;
    this.drawn = drawDiagram(toDrawing(graph), this.host.measure, (id) => this.host.openNode(id));
    this.frame.replaceChildren(this.drawn.svg, linksList(graph));
    if (focused !== undefined) this.drawn.nodeElements.get(focused)?.focus();
    this.frame.hidden = false;
    this.status.className = 'status';
    this.status.textContent = `${plural(graph.nodes.length, 'object')}, ${plural(this.drawn.edgeCount, 'link')}.`;
    this.exportButtons.forEach((exportButton) => (exportButton.disabled = false));
    return { nodes: this.drawn.nodeElements.size, edges: this.drawn.edgeCount };
  }

  private showStatus(text: string, isError = false): void {
    this.drawn = undefined;
    this.frame.replaceChildren();
    this.frame.hidden = true;
    this.status.className = isError ? 'status error' : 'status';
    this.status.textContent = text;
    this.exportButtons.forEach((exportButton) => (exportButton.disabled = true));
  }
}
