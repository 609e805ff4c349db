import { isMap, type Node as YamlNode, type Pair } from 'yaml';
import { keyColumnOf, lineBreakOf, pairOf, pairTextAt, removePair } from '../fixes/yamlEdits';
import type { Rule } from './rule';

// Fields of ConfigMap and Secret that live at the top level of the object, next to `metadata`.
const TOP_LEVEL_FIELDS: Record<string, string[]> = {
  ConfigMap: ['data', 'binaryData', 'immutable'],
  Secret: ['data', 'stringData', 'type', 'immutable'],
};

export const configDataUnderMetadata: Rule = {
  meta: {
    id: 'config-data-under-metadata',
    title: 'ConfigMap or Secret content written under metadata',
    severity: 'error',
    category: 'guide-corrections',
    guideSection: 'ConfigMaps & Secrets',
    fixable: true,
    baseline: true,
    docs: [
      'In a ConfigMap or a Secret, `data`, `stringData`, `binaryData`, `type` and `immutable` are top-level',
      'fields, siblings of `metadata` — there is no `spec`. Indented under `metadata` they are not part of the',
      'object\'s content: the API server rejects the unknown metadata fields (or, with lenient validation, drops',
      'them), and the pods that read the ConfigMap or Secret find it empty.',
      '',
      'The guide\'s ConfigMap and Secret examples make this mistake. The fix moves each field out to the top',
      'level, unchanged, with the comments written inside it.',
    ].join('\n'),
  },

  check({ root, object, file, report }) {
    const fields = TOP_LEVEL_FIELDS[object.kind];
    if (!fields || object.apiVersion !== 'v1') return;
    const metadataPair = pairOf(root, 'metadata');
    if (!metadataPair || !isMap(metadataPair.value)) return;
    const metadata = metadataPair.value;
    const rootColumn = keyColumnOf(file.text, root);
    const lineBreak = lineBreakOf(file.text);
    // Moved fields go right after the metadata block, so the user's order of everything else is kept.
    const afterMetadata = removePair(file.text, metadataPair as Pair<YamlNode, YamlNode | null>).end;
    const needsBreak = afterMetadata > 0 && file.text[afterMetadata - 1] !== '\n';

    for (const field of fields) {
      const misplaced = pairOf(metadata, field);
      if (!misplaced) continue;
      const alreadyThere = pairOf(root, field) !== undefined;
      const lines = pairTextAt(file.text, misplaced, rootColumn).map((line) => ' '.repeat(rootColumn) + line);
      const moved = (needsBreak ? lineBreak : '') + lines.map((line) => line + lineBreak).join('');
      report({
        message: `"${field}" belongs at the top level of the ${object.kind}, not under metadata.`,
        range: file.rangeOf(misplaced.key),
        fix: alreadyThere
          ? undefined
          : {
              title: `Move "${field}" out of metadata`,
              edits: [removePair(file.text, misplaced), { start: afterMetadata, end: afterMetadata, newText: moved }],
            },
      });
    }
  },
};
