// Where boxes, arrows and frames go: a layered layout computed by dagre from the boxes' sizes and
// what connects to what. No DOM here; the caller measures text and draws the result.
import { graphlib, layout, type EdgeLabel, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  /** Top-left corner. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LayoutInput {
  direction: 'TB' | 'LR';
  nodes: Array<{ id: string; width: number; height: number; group?: string }>;
  /** `id` tells apart several arrows between the same two boxes. */
  edges: Array<{ id: string; from: string; to: string; labelWidth?: number; labelHeight?: number }>;
  /** `titleWidth`: the frame is at least this wide, so that its title fits. */
  groups: Array<{ id: string; titleWidth?: number }>;
}

export interface LayoutResult {
  width: number;
  height: number;
  nodes: Map<string, Box>;
  /** The arrow's route, from its source's border to its target's, and its label's centre. */
  edges: Map<string, { points: Point[]; label?: Point }>;
  groups: Map<string, Box>;
}

const MARGIN = 16;
/** Room inside a frame: around its boxes, and above them for the frame's title. */
export const GROUP_PADDING = 12;
export const GROUP_TITLE_HEIGHT = 20;

/**
 * Lays the diagram out. Arrows whose ends are not among the boxes are left out (a graph from the
 * server may name an object it does not list); the result has no entry for them.
 * Parts that nothing connects (separate apps of a workspace) are laid out one by one and stacked
 * across the flow: faster than one large layout, and each part reads as a row (or column) of its own.
 */
export function layoutDiagram(input: LayoutInput): LayoutResult {
  const known = new Set(input.nodes.map((node) => node.id));
  const edges = input.edges.filter((edge) => known.has(edge.from) && known.has(edge.to));
  const parts = connectedParts({ ...input, edges });
  if (parts.length <= 1) return layoutConnected({ ...input, edges });
  const result: LayoutResult = { width: 0, height: 0, nodes: new Map(), edges: new Map(), groups: new Map() };
  for (const part of parts) {
    const placed = layoutConnected(part);
    const across = input.direction === 'LR' ? { dx: 0, dy: result.height } : { dx: result.width, dy: 0 };
    shift(placed, across.dx, across.dy);
    placed.nodes.forEach((box, id) => result.nodes.set(id, box));
    placed.edges.forEach((route, id) => result.edges.set(id, route));
    placed.groups.forEach((box, id) => result.groups.set(id, box));
    result.width = Math.max(result.width, placed.width);
    result.height = Math.max(result.height, placed.height);
  }
  return result;
}

/** The input split into parts with no arrow between them; a frame keeps its boxes in one part. */
function connectedParts(input: LayoutInput): LayoutInput[] {
  const parent = new Map(input.nodes.map((node) => [node.id, node.id]));
  const root = (id: string): string => {
    let top = id;
    while (parent.get(top) !== top) top = parent.get(top)!;
    parent.set(id, top);
    return top;
  };
  const join = (a: string, b: string): void => {
    parent.set(root(a), root(b));
  };
  for (const edge of input.edges) join(edge.from, edge.to);
  const firstInGroup = new Map<string, string>();
  for (const node of input.nodes) {
    if (!node.group) continue;
    const first = firstInGroup.get(node.group);
    if (first) join(node.id, first);
    else firstInGroup.set(node.group, node.id);
  }
  const parts = new Map<string, LayoutInput>();
  for (const node of input.nodes) {
    const key = root(node.id);
    if (!parts.has(key)) parts.set(key, { direction: input.direction, nodes: [], edges: [], groups: [] });
    parts.get(key)!.nodes.push(node);
  }
  for (const edge of input.edges) parts.get(root(edge.from))!.edges.push(edge);
  for (const group of input.groups) {
    const first = firstInGroup.get(group.id);
    if (first) parts.get(root(first))!.groups.push(group);
  }
  return [...parts.values()];
}

/** One dagre layout; every arrow's ends are among the boxes. */
function layoutConnected(input: LayoutInput): LayoutResult {
  const drawn = input.edges;
  const graph = new graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>({ directed: true, multigraph: true, compound: input.groups.length > 0 });
  graph.setGraph({
    rankdir: input.direction,
    nodesep: 28,
    edgesep: 14,
    ranksep: input.groups.length > 0 ? 56 : 44,
    marginx: MARGIN,
    marginy: MARGIN,
  });
  graph.setDefaultEdgeLabel(() => ({}));

  const groupIds = new Set(input.groups.map((group) => group.id));
  for (const group of input.groups) graph.setNode(`group:${group.id}`, { width: 0, height: 0 });
  for (const node of input.nodes) {
    graph.setNode(`node:${node.id}`, { width: node.width, height: node.height });
    if (node.group && groupIds.has(node.group)) graph.setParent(`node:${node.id}`, `group:${node.group}`);
  }
  for (const edge of drawn) {
    graph.setEdge(
      `node:${edge.from}`,
      `node:${edge.to}`,
      { width: edge.labelWidth ?? 0, height: edge.labelHeight ?? 0, labelpos: 'c' },
      edge.id,
    );
  }

  layout(graph);

  const result: LayoutResult = { width: 0, height: 0, nodes: new Map(), edges: new Map(), groups: new Map() };
  const grow = (box: Box): void => {
    result.width = Math.max(result.width, box.x + box.width + MARGIN);
    result.height = Math.max(result.height, box.y + box.height + MARGIN);
  };
  for (const node of input.nodes) {
    const placed = graph.node(`node:${node.id}`);
    const box = { x: (placed.x ?? 0) - node.width / 2, y: (placed.y ?? 0) - node.height / 2, width: node.width, height: node.height };
    result.nodes.set(node.id, box);
    grow(box);
  }
  for (const group of input.groups) {
    // Dagre sizes a frame to its boxes; leave room around them and for the title above.
    const members = input.nodes.filter((node) => node.group === group.id).map((node) => result.nodes.get(node.id)!);
    if (members.length === 0) continue;
    const left = Math.min(...members.map((box) => box.x)) - GROUP_PADDING;
    const top = Math.min(...members.map((box) => box.y)) - GROUP_PADDING - GROUP_TITLE_HEIGHT;
    const right = Math.max(...members.map((box) => box.x + box.width)) + GROUP_PADDING;
    const bottom = Math.max(...members.map((box) => box.y + box.height)) + GROUP_PADDING;
    const widen = Math.max(0, (group.titleWidth ?? 0) + 2 * GROUP_PADDING - (right - left)) / 2;
    const box = { x: left - widen, y: top, width: right - left + 2 * widen, height: bottom - top };
    result.groups.set(group.id, box);
    grow(box);
  }
  for (const edge of drawn) {
    const routed = graph.edge({ v: `node:${edge.from}`, w: `node:${edge.to}`, name: edge.id });
    const points = (routed.points ?? []).map(({ x, y }): Point => ({ x, y }));
    const label = edge.labelWidth && routed.x !== undefined && routed.y !== undefined ? { x: routed.x, y: routed.y } : undefined;
    result.edges.set(edge.id, { points, label });
    for (const point of points) grow({ x: point.x, y: point.y, width: 0, height: 0 });
    if (label) grow({ x: label.x - (edge.labelWidth ?? 0) / 2, y: label.y, width: edge.labelWidth ?? 0, height: (edge.labelHeight ?? 0) / 2 });
  }
  // A frame pushed above the top margin (its title) moves everything down.
  const minY = Math.min(0, ...[...result.groups.values()].map((box) => box.y - MARGIN / 2));
  const minX = Math.min(0, ...[...result.groups.values()].map((box) => box.x - MARGIN / 2));
  if (minX < 0 || minY < 0) shift(result, -minX, -minY);
  return result;
}

function shift(result: LayoutResult, dx: number, dy: number): void {
  const move = (box: Box): void => {
    box.x += dx;
    box.y += dy;
  };
  result.nodes.forEach(move);
  result.groups.forEach(move);
  result.edges.forEach((edge) => {
    edge.points.forEach((point) => {
      point.x += dx;
      point.y += dy;
    });
    if (edge.label) {
      edge.label.x += dx;
      edge.label.y += dy;
    }
  });
  result.width += dx;
  result.height += dy;
}
