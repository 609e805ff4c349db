import { isMap, isScalar, isSeq, type Node as YamlNode, type Pair } from 'yaml';

/** A path into a document: mapping keys as strings, sequence positions as numbers. */
export type YamlPath = Array<string | number>;

/** What sits at an offset: the path to it, and whether the offset is on a key or on a value. */
export interface PathLocation {
  path: YamlPath;
  node: YamlNode;
  /** True when the offset is on a mapping key (the last path segment names that key). */
  onKey: boolean;
}

function contains(node: YamlNode | null | undefined, offset: number): node is YamlNode {
  return !!node?.range && offset >= node.range[0] && offset <= node.range[1];
}

/** Finds the deepest node that contains `offset`, walking from `root`. */
export function locateOffset(root: YamlNode | null, offset: number): PathLocation | undefined {
  if (!contains(root, offset)) return undefined;
  const path: YamlPath = [];
  let node: YamlNode = root;
  for (;;) {
    if (isMap(node)) {
      const pair = (node.items as Pair<YamlNode, YamlNode | null>[]).find(
        (item) => contains(item.key, offset) || contains(item.value, offset),
      );
      if (!pair || !isScalar(pair.key)) return { path, node, onKey: false };
      path.push(String(pair.key.value));
      if (contains(pair.key, offset)) return { path, node: pair.key, onKey: true };
      node = pair.value as YamlNode;
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => contains(item as YamlNode, offset));
      if (index < 0) return { path, node, onKey: false };
      path.push(index);
      node = node.items[index] as YamlNode;
    } else {
      return { path, node, onKey: false };
    }
  }
}

/** The node at `path` under `root`, or undefined when the path does not exist. */
export function nodeAtPath(root: YamlNode | null, path: YamlPath): YamlNode | undefined {
  let node: YamlNode | null | undefined = root;
  for (const segment of path) {
    if (typeof segment === 'number' && isSeq(node)) node = node.items[segment] as YamlNode | undefined;
    else if (typeof segment === 'string' && isMap(node)) node = node.get(segment, true) as YamlNode | undefined;
    else return undefined;
  }
  return node ?? undefined;
}
