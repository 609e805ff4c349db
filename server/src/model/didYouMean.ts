/**
 * Edit distance counting insertions, deletions, substitutions and swaps of two neighbours
 * (optimal string alignment), the usual typing mistakes.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  // Past `max` the exact figure does not matter: a length gap that large, or two rows with nothing under it,
  // end the work early (callers comparing many names pass the best distance found so far).
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const cols = b.length + 1;
  if (rows[0].length < cols) rows = [0, 1, 2].map(() => new Int32Array(cols * 2)) as typeof rows;
  // Three rows suffice (the transposition looks two back); they are reused from call to call.
  let [beforePrevious, previous, current] = rows;
  for (let j = 0; j < cols; j++) previous[j] = j;
  let previousRowMin = 0;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, beforePrevious[j - 2] + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    // Later rows build on this one, or (a swap) on the one before it, adding to them: past `max` both, past `max` all.
    if (rowMin > max && previousRowMin > max) return max + 1;
    previousRowMin = rowMin;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return previous[cols - 1];
}

let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

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
