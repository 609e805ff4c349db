import { isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { TextEdit } from '../fixes/textEdit';
import { lineBreakOf, lineEnd, lineStart, setScalarAt } from '../fixes/yamlEdits';
import { containersOf, podSpecOf } from '../model/workloads';
import { nodeAtPath } from '../model/yamlPath';
import { containerAnchor, containerLabel } from './podSecurity';
import type { Rule } from './rule';

const DROP_PATH = ['securityContext', 'capabilities', 'drop'];

/** Edits that add `ALL` to an existing drop list, keeping its style; none when the shape is unusual. */
function addAllToList(text: string, list: YamlNode & { items: unknown[]; flow?: boolean }): TextEdit[] {
  const last = list.items[list.items.length - 1] as YamlNode | undefined;
  if (list.flow) {
    if (last?.range) return [{ start: last.range[1], end: last.range[1], newText: ', ALL' }];
    return list.range ? [{ start: list.range[0], end: list.range[1], newText: '[ALL]' }] : [];
  }
  if (!last?.range) return [];
  // Copy the last item's "    - " so the new item lines up with it.
  const prefix = text.slice(lineStart(text, last.range[0]), last.range[0]);
  if (!/^\s*-\s+$/.test(prefix)) return [];
  const at = lineEnd(text, Math.max(last.range[1] - 1, last.range[0]));
  return [{ start: at, end: at, newText: lineBreakOf(text) + prefix + 'ALL' }];
}

export const capabilitiesDropAll: Rule = {
  meta: {
    id: 'capabilities-drop-all',
    title: 'Container keeps the default Linux capabilities',
    severity: 'warning',
    category: 'security',
    guideSection: 'Security Hardening',
    fixable: true,
    baseline: false,
    docs: [
      'Container runtimes grant a set of Linux capabilities by default (among them `NET_RAW`, which allows',
      'crafting packets for spoofing, and `CHOWN`, `SETUID`, `DAC_OVERRIDE`). Most applications need none of',
      'them. Dropping `ALL` and adding back only what is needed (usually nothing, sometimes',
      '`NET_BIND_SERVICE` for a port below 1024) shrinks what a compromised process can do.',
      '',
      'The fix adds `ALL` to `securityContext.capabilities.drop` (creating the list when missing). A list of',
      'individual capabilities is not enough: the runtime\'s defaults change over time. This is the',
      '`restricted` Pod Security Standard.',
    ].join('\n'),
  },

  check({ root, object, file, report }) {
    const pod = podSpecOf(root, object.kind);
    if (!pod) return;
    for (const location of containersOf(pod)) {
      const name = containerLabel(location);
      const drop = nodeAtPath(location.container, DROP_PATH);
      const dropsAll = isSeq(drop) && drop.items.some((item) => isScalar(item) && String(item.value).toUpperCase() === 'ALL');
      if (dropsAll) continue;
      const capabilities = nodeAtPath(location.container, DROP_PATH.slice(0, -1));
      const dropKey = capabilities && 'items' in capabilities
        ? ((capabilities as { items: Array<{ key: YamlNode }> }).items.find((pair) => isScalar(pair.key) && pair.key.value === 'drop')?.key)
        : undefined;
      let edits: TextEdit[] = [];
      if (isSeq(drop)) edits = addAllToList(file.text, drop);
      else if (!dropKey) edits = setScalarAt(file.text, location.container, DROP_PATH, '["ALL"]');
      report({
        message: `Container "${name}" does not drop all capabilities (capabilities.drop: ["ALL"]).`,
        range: file.rangeOf(dropKey ?? containerAnchor(location)),
        fix: edits.length > 0 ? { title: `Drop all capabilities in "${name}"`, edits } : undefined,
      });
    }
  },
};
