// Draws a diagram as SVG: frames, arrows with their labels, and boxes that are buttons (Tab to reach,
// Enter or Space to activate, a visible focus ring). Colours and fonts come from the stylesheet
// through class names, so the drawing follows the VS Code theme.
import { svg } from './dom';
import { layoutDiagram, type Point } from './layout';

export interface DrawingNode {
  id: string;
  label: string;
  sublabel?: string;
  /** The frame it sits in (an id of `Drawing.groups`). */
  group?: string;
  /** Extra classes for colour (`category-azure`, `tone-3`) and state (`missing`). */
  className: string;
  ariaLabel: string;
  /** Small counters on the box's top-right corner. */
  badges?: Array<{ count: number; className: string }>;
}

export type ArrowHead = 'plain' | 'denied' | 'accent';

export interface DrawingEdge {
  id: string;
  from: string;
  to: string;
  label?: string;
  className: string;
  head: ArrowHead;
  bidirectional?: boolean;
}

export interface Drawing {
  /** Unique on the page, [a-z0-9-]: prefixes the SVG's internal ids. */
  key: string;
  title: string;
  direction: 'TB' | 'LR';
  nodes: DrawingNode[];
  edges: DrawingEdge[];
  groups: Array<{ id: string; label: string }>;
}

export interface DrawnDiagram {
  svg: SVGSVGElement;
  /** The box of each node id, to select or focus it. */
  nodeElements: Map<string, SVGGElement>;
  edgeCount: number;
}

const BOX_PADDING_X = 14;
const BOX_MIN_WIDTH = 90;
const BOX_HEIGHT = 36;
const BOX_HEIGHT_TWO_LINES = 48;
const EDGE_LABEL_PADDING = 4;
const BADGE_HEIGHT = 16;

/**
 * Measures text as the stylesheet will draw it: the font of each class is read once from a hidden
 * SVG text, then a canvas measures (no page layout per measurement, which matters at 1,000 labels).
 */
export class TextMeasure {
  private readonly probe: SVGTextElement;
  private readonly context: CanvasRenderingContext2D | null;
  private readonly fonts = new Map<string, string>();
  private readonly cache = new Map<string, number>();

  constructor() {
    this.probe = svg('text');
    document.body.append(svg('svg', { class: 'measure', 'aria-hidden': 'true', width: 0, height: 0 }, this.probe));
    this.context = document.createElement('canvas').getContext('2d');
  }

  width(content: string, className: string): number {
    const key = `${className}\u0000${content}`;
    let width = this.cache.get(key);
    if (width === undefined) {
      width = this.measure(content, className);
      this.cache.set(key, width);
    }
    return width;
  }

  private measure(content: string, className: string): number {
    let font = this.fonts.get(className);
    if (font === undefined) {
      this.probe.setAttribute('class', className);
      const style = getComputedStyle(this.probe);
      font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      this.fonts.set(className, font);
    }
    if (!this.context) return content.length * 7;
    this.context.font = font;
    return this.context.measureText(content).width;
  }
}

/** A smooth path through the route's points: straight at the ends, rounded at the bends. */
function pathThrough(points: Point[]): string {
  if (points.length === 0) return '';
  const [first, ...rest] = points;
  let d = `M${first.x.toFixed(1)},${first.y.toFixed(1)}`;
  for (let i = 0; i < rest.length - 1; i++) {
    const mid = { x: (rest[i].x + rest[i + 1].x) / 2, y: (rest[i].y + rest[i + 1].y) / 2 };
    d += ` Q${rest[i].x.toFixed(1)},${rest[i].y.toFixed(1)} ${mid.x.toFixed(1)},${mid.y.toFixed(1)}`;
  }
  const last = rest[rest.length - 1] ?? first;
  return `${d} L${last.x.toFixed(1)},${last.y.toFixed(1)}`;
}

function arrowMarkers(key: string): SVGDefsElement {
  const heads: ArrowHead[] = ['plain', 'denied', 'accent'];
  return svg(
    'defs',
    {},
    ...heads.map((head) =>
      svg(
        'marker',
        { id: `${key}-arrow-${head}`, class: `arrow-head arrow-${head}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse' },
        svg('path', { d: 'M0,0 L10,5 L0,10 z' }),
      ),
    ),
  );
}

export function drawDiagram(drawing: Drawing, measure: TextMeasure, onActivate: (nodeId: string) => void): DrawnDiagram {
  const sizes = new Map(
    drawing.nodes.map((node) => {
      const textWidth = Math.max(measure.width(node.label, 'node-label'), node.sublabel ? measure.width(node.sublabel, 'node-sublabel') : 0);
      return [node.id, { width: Math.max(BOX_MIN_WIDTH, Math.ceil(textWidth) + 2 * BOX_PADDING_X), height: node.sublabel ? BOX_HEIGHT_TWO_LINES : BOX_HEIGHT }];
    }),
  );
  const labelWidths = new Map(drawing.edges.map((edge) => [edge.id, edge.label ? Math.ceil(measure.width(edge.label, 'edge-label')) + 2 * EDGE_LABEL_PADDING : 0]));
  const placed = layoutDiagram({
    direction: drawing.direction,
    nodes: drawing.nodes.map((node) => ({ id: node.id, ...sizes.get(node.id)!, group: node.group })),
    edges: drawing.edges.map((edge) => ({ id: edge.id, from: edge.from, to: edge.to, labelWidth: labelWidths.get(edge.id) || undefined, labelHeight: edge.label ? 16 : undefined })),
    groups: drawing.groups.map((group) => ({ id: group.id, titleWidth: Math.ceil(measure.width(group.label, 'group-label')) })),
  });

  const width = Math.ceil(placed.width);
  const height = Math.ceil(placed.height);
  const root = svg('svg', {
    xmlns: 'http://www.w3.org/2000/svg',
    class: 'diagram',
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: 'group',
    'aria-label': drawing.title,
    'data-diagram': drawing.key,
  });
  root.append(svg('title', {}, drawing.title), arrowMarkers(drawing.key));

  const groupLayer = svg('g', { class: 'groups', 'aria-hidden': 'true' });
  for (const group of drawing.groups) {
    const box = placed.groups.get(group.id);
    if (!box) continue;
    groupLayer.append(
      svg(
        'g',
        { class: 'group', 'data-group-id': group.id },
        svg('rect', { class: 'group-box', x: box.x, y: box.y, width: box.width, height: box.height, rx: 8 }),
        svg('text', { class: 'group-label', x: box.x + 10, y: box.y + 15 }, group.label),
      ),
    );
  }

  const edgeLayer = svg('g', { class: 'edges', 'aria-hidden': 'true' });
  let edgeCount = 0;
  for (const edge of drawing.edges) {
    const route = placed.edges.get(edge.id);
    if (!route) continue;
    edgeCount++;
    const marker = `url(#${drawing.key}-arrow-${edge.head})`;
    const group = svg('g', { class: `edge ${edge.className}`, 'data-edge-id': edge.id, 'data-from': edge.from, 'data-to': edge.to });
    group.append(svg('path', { class: 'edge-line', d: pathThrough(route.points), 'marker-end': marker, 'marker-start': edge.bidirectional ? marker : undefined }));
    if (edge.label && route.label) {
      const labelWidth = labelWidths.get(edge.id) ?? 0;
      group.append(
        svg('rect', { class: 'edge-label-bg', x: route.label.x - labelWidth / 2, y: route.label.y - 8, width: labelWidth, height: 16, rx: 3 }),
        svg('text', { class: 'edge-label', x: route.label.x, y: route.label.y + 4, 'text-anchor': 'middle' }, edge.label),
      );
    }
    edgeLayer.append(group);
  }

  const nodeLayer = svg('g', { class: 'nodes' });
  const nodeElements = new Map<string, SVGGElement>();
  for (const node of drawing.nodes) {
    const box = placed.nodes.get(node.id)!;
    const centerX = box.x + box.width / 2;
    const element = svg(
      'g',
      { class: `node ${node.className}`, 'data-node-id': node.id, tabindex: 0, role: 'button', 'aria-label': node.ariaLabel },
      svg('rect', { class: 'node-box', x: box.x, y: box.y, width: box.width, height: box.height, rx: 6 }),
      svg('text', { class: 'node-label', x: centerX, y: box.y + (node.sublabel ? 20 : 23), 'text-anchor': 'middle' }, node.label),
      node.sublabel ? svg('text', { class: 'node-sublabel', x: centerX, y: box.y + 37, 'text-anchor': 'middle' }, node.sublabel) : undefined,
    );
    const badges = (node.badges ?? []).filter((badge) => badge.count > 0);
    let right = box.x + box.width - 4;
    for (const badge of badges) {
      const text = badge.count > 999 ? '999+' : String(badge.count);
      const badgeWidth = Math.max(BADGE_HEIGHT, Math.ceil(measure.width(text, 'badge-text')) + 8);
      const left = right - badgeWidth;
      element.append(
        svg(
          'g',
          { class: `badge ${badge.className}`, 'aria-hidden': 'true' },
          svg('rect', { class: 'badge-box', x: left, y: box.y - BADGE_HEIGHT / 2, width: badgeWidth, height: BADGE_HEIGHT, rx: BADGE_HEIGHT / 2 }),
          svg('text', { class: 'badge-text', x: left + badgeWidth / 2, y: box.y + 4, 'text-anchor': 'middle' }, text),
        ),
      );
      right = left - 3;
    }
    element.addEventListener('click', () => onActivate(node.id));
    element.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      onActivate(node.id);
    });
    nodeLayer.append(element);
    nodeElements.set(node.id, element);
  }

  root.append(groupLayer, edgeLayer, nodeLayer);
  return { svg: root, nodeElements, edgeCount };
}
