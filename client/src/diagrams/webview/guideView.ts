// The "Guide diagrams" tab: the guide's seven diagrams one under the other, each box a button that
// shows what it is (and offers its snippet) right under its diagram.
import type { GuideDiagram, GuideDiagramNode } from '../../../../server/src/protocol';
import { button, html } from './dom';
import { richText } from './richText';
import { drawDiagram, type Drawing, type DrawnDiagram, type TextMeasure } from './svgDiagram';

export interface GuideViewHost {
  measure: TextMeasure;
  insertSnippet(prefix: string): void;
  exportDiagram(diagram: SVGSVGElement, name: string, format: 'svg' | 'png'): void;
}

interface DrawnGuideDiagram {
  diagram: GuideDiagram;
  drawn: DrawnDiagram;
  figure: HTMLElement;
}

function toDrawing(diagram: GuideDiagram): Drawing {
  const groupLabels = new Map(diagram.groups.map((group) => [group.id, group.label]));
  return {
    key: `kg-${diagram.id}`,
    title: diagram.title,
    direction: diagram.direction,
    groups: diagram.groups,
    nodes: diagram.nodes.map((node) => ({
      id: node.id,
      label: node.label,
      sublabel: node.sublabel,
      group: node.group,
      className: `category-${node.category}`,
      ariaLabel: [node.label, node.sublabel ? ` (${node.sublabel})` : '', node.group ? `, in ${groupLabels.get(node.group) ?? node.group}` : '', ': show what it is'].join(''),
    })),
    edges: diagram.edges.map((edge, index) => ({
      id: `e${index}`,
      from: edge.from,
      to: edge.to,
      label: edge.label,
      className: `edge-${edge.style ?? 'solid'}`,
      head: edge.style === 'denied' ? 'denied' : 'plain',
      bidirectional: edge.bidirectional,
    })),
  };
}

/** The arrows in words, for screen readers (the drawn arrows are hidden from them). */
function connectionsList(diagram: GuideDiagram): HTMLElement {
  const labelOf = new Map(diagram.nodes.map((node) => [node.id, node.label]));
  return html(
    'ul',
    { class: 'visually-hidden', 'aria-label': `Connections in ${diagram.title}` },
    ...diagram.edges.map((edge) => {
      const from = labelOf.get(edge.from) ?? edge.from;
      const to = labelOf.get(edge.to) ?? edge.to;
      const what = edge.bidirectional ? `Between ${from} and ${to}` : `From ${from} to ${to}`;
      return html('li', {}, edge.label ? `${what}: ${edge.label}` : what);
    }),
  );
}

export class GuideView {
  readonly element = html('section', { class: 'view guide-view' });
  private readonly details = html('section', { class: 'details', 'aria-live': 'polite', 'aria-label': 'About the selected box' });
  private drawn: DrawnGuideDiagram[] = [];
  private selected: SVGGElement | undefined;

  constructor(private readonly host: GuideViewHost) {
    this.showStatus('Loading the guide\'s diagrams…');
  }

  showStatus(text: string, isError = false): void {
    this.drawn = [];
    this.element.replaceChildren(html('p', { class: isError ? 'status error' : 'status', role: isError ? 'alert' : 'status' }, text));
  }

  /** Draws every diagram; returns how many boxes and arrows were drawn. */
  show(diagrams: GuideDiagram[]): { nodes: number; edges: number } {
    this.selected = undefined;
    this.details.replaceChildren();
    this.details.hidden = true;
    const intro = html(
      'p',
      { class: 'intro' },
      'The architecture diagrams of the Kubernetes & AKS guide. Select a box (click it, or Tab to it and press Enter) to read what it does; many offer the guide\'s manifest as a snippet.',
    );
    const contents = html(
      'nav',
      { class: 'contents', 'aria-label': 'Diagrams' },
      html('ol', {}, ...diagrams.map((diagram) => html('li', {}, button(diagram.title, () => this.scrollTo(diagram.id), { class: 'link' })))),
    );
    this.drawn = diagrams.map((diagram) => this.figure(diagram));
    this.element.replaceChildren(intro, contents, ...this.drawn.map((entry) => entry.figure));
    return {
      nodes: this.drawn.reduce((sum, entry) => sum + entry.drawn.nodeElements.size, 0),
      edges: this.drawn.reduce((sum, entry) => sum + entry.drawn.edgeCount, 0),
    };
  }

  private figure(diagram: GuideDiagram): DrawnGuideDiagram {
    const titleId = `title-${diagram.id}`;
    const drawn = drawDiagram(toDrawing(diagram), this.host.measure, (nodeId) => this.select(diagram, nodeId));
    const figure = html(
      'figure',
      { class: 'diagram-figure', id: `figure-${diagram.id}`, 'aria-labelledby': titleId },
      html(
        'div',
        { class: 'figure-header' },
        html('h2', { id: titleId, tabindex: -1 }, diagram.title),
        html(
          'div',
          { class: 'actions' },
          button('Export SVG', () => this.host.exportDiagram(drawn.svg, diagram.id, 'svg'), { 'aria-label': `Export ${diagram.title} as SVG` }),
          button('Export PNG', () => this.host.exportDiagram(drawn.svg, diagram.id, 'png'), { 'aria-label': `Export ${diagram.title} as PNG` }),
        ),
      ),
      html('p', { class: 'summary' }, diagram.summary),
      html('div', { class: 'diagram-frame' }, drawn.svg),
      connectionsList(diagram),
      html('p', { class: 'source' }, 'Redrawn from the guide\'s section ', html('em', {}, diagram.guideSection), '.'),
    );
    return { diagram, drawn, figure };
  }

  private scrollTo(diagramId: string): void {
    const entry = this.drawn.find((candidate) => candidate.diagram.id === diagramId);
    if (!entry) return;
    entry.figure.scrollIntoView({ block: 'start' });
    entry.figure.querySelector<HTMLElement>('h2')?.focus();
  }

  private select(diagram: GuideDiagram, nodeId: string): void {
    const entry = this.drawn.find((candidate) => candidate.diagram === diagram);
    const node = diagram.nodes.find((candidate) => candidate.id === nodeId);
    const element = entry?.drawn.nodeElements.get(nodeId);
    if (!entry || !node || !element) return;
    this.selected?.classList.remove('selected');
    this.selected?.removeAttribute('aria-current');
    element.classList.add('selected');
    element.setAttribute('aria-current', 'true');
    this.selected = element;
    this.details.replaceChildren(...this.detailsContent(node));
    this.details.hidden = false;
    // Right under the diagram the box belongs to, where the eye already is.
    entry.figure.querySelector('.diagram-frame')?.after(this.details);
    this.details.scrollIntoView({ block: 'nearest' });
  }

  private detailsContent(node: GuideDiagramNode): HTMLElement[] {
    const content: HTMLElement[] = [html('h3', {}, node.label, node.sublabel ? html('span', { class: 'sublabel' }, ` — ${node.sublabel}`) : undefined), ...richText(node.text)];
    if (node.snippet) {
      const snippet = node.snippet;
      content.push(
        html(
          'p',
          { class: 'snippet' },
          button('Insert snippet', () => this.host.insertSnippet(snippet), { class: 'primary', 'aria-label': `Insert snippet ${snippet}` }),
          ' ',
          html('code', {}, snippet),
          html('span', { class: 'hint' }, ' into the YAML file you were editing, or a new one.'),
        ),
      );
    }
    return content;
  }
}
