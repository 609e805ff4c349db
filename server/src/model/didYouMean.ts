/**
 * Edit distance counting insertions, deletions, substitutions and swaps of two neighbours
 * (optimal string alignment), the usual typing mistakes.
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[rows - 1][cols - 1];
}

/**
 * The allowed name that `typed` most likely meant, or undefined when none is close enough or two are
 * equally close. A name that differs only in letter case always counts as close.
 */
export function closestName(typed: string, allowed: readonly string[]): string | undefined {
  const sameIgnoringCase = allowed.filter((name) => name.toLowerCase() === typed.toLowerCase());
  if (sameIgnoringCase.length === 1) return sameIgnoringCase[0];

  // Very short names are too easy to confuse; short ones tolerate one mistake, longer ones two.
  const tolerance = typed.length <= 2 ? 0 : typed.length <= 5 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = Infinity;
  let tie = false;
  for (const name of allowed) {
    const distance = editDistance(typed.toLowerCase(), name.toLowerCase());
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
      tie = false;
    } else if (distance === bestDistance) {
      tie = true;
    }
  }
  return best !== undefined && bestDistance <= tolerance && !tie ? best : undefined;
}
