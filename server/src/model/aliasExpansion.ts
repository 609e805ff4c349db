import { isAlias, isMap, isPair, isSeq, type Document, type Node as YamlNode } from 'yaml';
import type { ManifestFile, Range } from './manifestFile';

/**
 * How far a file's YAML aliases blow up when they are expanded. Our own model never expands aliases, but
 * yaml-language-server does, once per alias, and its validation and completion then walk the expanded
 * tree: nine aliases of nine aliases of ... ("billion laughs") cost 9^n, and an alias inside its own
 * anchor (`a: &a [*a]`) never ends. Both are measured here in time linear in the file, without expanding.
 */
export interface AliasExpansion {
  /** Nodes the aliases add over the nodes written in the file; Infinity when an alias refers to itself. */
  addedNodes: number;
  /** An alias inside its own anchor's node: expanding it never ends. */
  cyclic: boolean;
  /** The alias that adds the most (or the first one that refers to itself), to point a diagnostic at. */
  worstAlias?: Range;
}

/** Past this many nodes added by aliases, yaml-language-server's work on the file is no longer bounded by its size. */
export const MAX_ALIAS_ADDED_NODES = 100_000;

type Child = YamlNode | null | undefined;

function childrenOf(node: YamlNode): YamlNode[] {
  const children: Child[] = [];
  if (isMap(node) || isSeq(node)) {
    for (const item of node.items as unknown[]) {
      if (isPair(item)) children.push(item.key as Child, item.value as Child);
      else children.push(item as Child);
    }
  }
  return children.filter((child): child is YamlNode => !!child && typeof child === 'object');
}

/** Measures one parsed document. Every walk uses its own stack, so 10,000 levels of nesting do not overflow. */
export function measureDocumentAliases(document: Document.Parsed, rangeOf: (node: YamlNode) => Range): AliasExpansion {
  const root = document.contents as YamlNode | null;
  if (!root) return { addedNodes: 0, cyclic: false };

  // Pre-order, as yaml resolves an alias: to the latest node with that anchor entered before the alias.
  const targets = new Map<YamlNode, YamlNode | undefined>();
  const anchors = new Map<string, YamlNode>();
  let writtenNodes = 0;
  const pending: YamlNode[] = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    writtenNodes++;
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) anchors.set(anchor, node);
    if (isAlias(node)) targets.set(node, anchors.get(node.source));
    pending.push(...childrenOf(node).reverse());
  }
  if (targets.size === 0) return { addedNodes: 0, cyclic: false };

  // Expanded size of every node, children first; a node met again while still open is a cycle.
  const size = new Map<YamlNode, number>();
  const open = new Set<YamlNode>();
  let cyclicAlias: YamlNode | undefined;
  const expandedOf = (node: YamlNode): YamlNode[] => {
    if (isAlias(node)) {
      const target = targets.get(node);
      return target ? [target] : [];
    }
    return childrenOf(node);
  };
  const stack: Array<{ node: YamlNode; expanded: boolean }> = [{ node: root, expanded: false }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (size.has(frame.node)) {
      stack.pop();
      continue;
    }
    const next = expandedOf(frame.node);
    if (!frame.expanded) {
      frame.expanded = true;
      open.add(frame.node);
      for (const child of next) {
        if (open.has(child)) {
          cyclicAlias ??= frame.node;
          size.set(child, Infinity);
        } else if (!size.has(child)) {
          stack.push({ node: child, expanded: false });
        }
      }
      continue;
    }
    stack.pop();
    open.delete(frame.node);
    const own = isAlias(frame.node) ? 0 : 1;
    size.set(frame.node, next.reduce((total, child) => total + (size.get(child) ?? 0), own));
  }

  let worst: YamlNode | undefined = cyclicAlias;
  let worstSize = -1;
  if (!worst) {
    for (const alias of targets.keys()) {
      const aliasSize = size.get(alias) ?? 0;
      if (aliasSize > worstSize) [worst, worstSize] = [alias, aliasSize];
    }
  }
  const expanded = size.get(root) ?? 0;
  return {
    addedNodes: cyclicAlias ? Infinity : Math.max(0, expanded - writtenNodes),
    cyclic: !!cyclicAlias,
    worstAlias: worst ? rangeOf(worst) : undefined,
  };
}

/** The first document of a file whose aliases expand past `limit` added nodes or refer to themselves. */
export function excessiveAliasExpansion(file: ManifestFile, limit = MAX_ALIAS_ADDED_NODES): AliasExpansion | undefined {
  for (const document of file.documents) {
    const measured = measureDocumentAliases(document.yaml, file.rangeOf);
    if (measured.cyclic || measured.addedNodes > limit) return measured;
  }
  return undefined;
}

