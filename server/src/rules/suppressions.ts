import { isMap, isScalar, type YAMLMap } from 'yaml';

// Users silence a rule where they disagree with it, in the file itself:
//   # kube-guide-disable-next-line rule-a, rule-b   → the next line only
//   # kube-guide-disable rule-a                       → the whole file
//   metadata.annotations["kube-guide.io/ignore"]: rule-a,rule-b   → that object
// A directive without ids silences every rule.

export const IGNORE_ANNOTATION = 'kube-guide.io/ignore';
const DIRECTIVE = /#\s*kube-guide-(disable-next-line|disable)\b([^\n]*)/;

export interface Suppressions {
  /** True when rule `ruleId` is silenced on 0-based `line`. */
  isSuppressed(ruleId: string, line: number): boolean;
}

function parseIds(list: string): Set<string> | 'all' {
  const ids = list.split(/[\s,]+/).map((id) => id.trim()).filter((id) => id && !id.startsWith('--'));
  return ids.length === 0 ? 'all' : new Set(ids);
}

const covers = (ids: Set<string> | 'all' | undefined, ruleId: string): boolean =>
  ids === 'all' || (ids !== undefined && ids.has(ruleId));

/** Reads the disable comments of a file. */
export function readSuppressions(text: string): Suppressions {
  const byLine = new Map<number, Set<string> | 'all'>();
  let wholeFile: Set<string> | 'all' | undefined;
  text.split('\n').forEach((lineText, line) => {
    const match = DIRECTIVE.exec(lineText);
    if (!match) return;
    // A trailing "-- reason" explains the suppression; it is not a rule id.
    const ids = parseIds(match[2].split('--')[0]);
    if (match[1] === 'disable-next-line') byLine.set(line + 1, ids);
    else if (ids === 'all' || wholeFile === 'all') wholeFile = 'all';
    else wholeFile = new Set([...(wholeFile ?? []), ...ids]);
  });
  return {
    isSuppressed: (ruleId, line) => covers(wholeFile, ruleId) || covers(byLine.get(line), ruleId),
  };
}

/** The rule ids an object's `kube-guide.io/ignore` annotation silences. */
export function ignoredByAnnotation(root: YAMLMap): Set<string> | 'all' | undefined {
  const annotations = root.getIn(['metadata', 'annotations'], true);
  if (!isMap(annotations)) return undefined;
  const value = annotations.get(IGNORE_ANNOTATION, true);
  return isScalar(value) ? parseIds(String(value.value ?? '')) : undefined;
}

export function isIgnoredByAnnotation(ignored: Set<string> | 'all' | undefined, ruleId: string): boolean {
  return covers(ignored, ruleId);
}
