// Regenerates test/fixtures/guide-key-paths.json: for every kind in the guide's example manifests, the
// distinct key paths its examples use. Only facts (kinds, apiVersions, paths) are kept, never the guide's text.
//   node scripts/extract-guide-key-paths.mjs [guide.md] [--check]
// With --check it exits 1 when the committed fixture differs from what the guide gives.
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const check = args.includes('--check');
const guidePath = args.find((arg) => !arg.startsWith('--')) ?? path.resolve(repoRoot, '..', 'shared', 'guide', 'kubernetes-aks-guide.md');
const fixturePath = path.join(repoRoot, 'test', 'fixtures', 'guide-key-paths.json');

// Maps whose keys are names a person chose (label values, config entries): their keys are not fields.
const USER_KEYED_MAPS = new Set(['labels', 'matchLabels', 'data', 'stringData', 'binaryData', 'nodeSelector']);

/** The key paths of one Kubernetes object, with `[*]` for list positions. */
export function keyPathsOf(node, prefix = '', into = new Set(), parentKey = '', kind = '') {
  if (isMap(node)) {
    // A Service's selector is a plain label map; other kinds use matchLabels/matchExpressions under it.
    const userKeyed = USER_KEYED_MAPS.has(parentKey) || (kind === 'Service' && prefix === 'spec.selector');
    if (userKeyed) return into;
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      // Keys that hold dots or slashes (annotation keys, quota names) are quoted so the path stays readable.
      const segment = /^[A-Za-z0-9_-]+$/.test(key) ? key : `[${JSON.stringify(key)}]`;
      const keyPath = prefix && !segment.startsWith('[') ? `${prefix}.${segment}` : `${prefix}${segment}`;
      into.add(keyPath);
      keyPathsOf(pair.value, keyPath, into, key, kind);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) keyPathsOf(item, `${prefix}[*]`, into, parentKey, kind);
  }
  return into;
}

/** Every `yaml` fenced block of a Markdown text, with its indentation removed. */
export function yamlBlocksOf(markdown) {
  const blocks = [];
  const fence = /^([ \t]*)```ya?ml[ \t]*\n([\s\S]*?)^\1```/gm;
  for (let match; (match = fence.exec(markdown)); ) {
    const indent = match[1].length;
    blocks.push(match[2].split('\n').map((line) => line.slice(Math.min(indent, line.length - line.trimStart().length))).join('\n'));
  }
  return blocks;
}

export function extractGuideKeyPaths(markdown) {
  const byKind = new Map();
  for (const block of yamlBlocksOf(markdown)) {
    for (const document of parseAllDocuments(block)) {
      const root = document.contents;
      if (!isMap(root)) continue;
      const kind = root.get('kind');
      const apiVersion = root.get('apiVersion');
      if (typeof kind !== 'string' || typeof apiVersion !== 'string') continue;
      const entry = byKind.get(kind) ?? { kind, apiVersions: new Set(), paths: new Set() };
      entry.apiVersions.add(apiVersion);
      keyPathsOf(root, '', entry.paths, '', kind);
      byKind.set(kind, entry);
    }
  }
  return {
    kinds: [...byKind.values()]
      .sort((a, b) => a.kind.localeCompare(b.kind))
      .map(({ kind, apiVersions, paths }) => ({ kind, apiVersions: [...apiVersions].sort(), paths: [...paths].sort() })),
  };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const extracted = `${JSON.stringify(extractGuideKeyPaths(readFileSync(guidePath, 'utf8')), null, 2)}\n`;
  if (check) {
    const committed = readFileSync(fixturePath, 'utf8');
    if (committed !== extracted) {
      console.error(`${path.relative(repoRoot, fixturePath)} is out of date: run node scripts/extract-guide-key-paths.mjs`);
      process.exit(1);
    }
    console.log('guide key paths are up to date');
  } else {
    writeFileSync(fixturePath, extracted);
    const data = JSON.parse(extracted);
    console.log(`wrote ${data.kinds.length} kinds, ${data.kinds.reduce((n, k) => n + k.paths.length, 0)} key paths`);
  }
}
