import { foldName } from './fold-name';

/**
 * Edits from one text to the other: insert, delete, replace, and swapping two neighbours (the
 * commonest slip of all: "alcie" for "alice" is one edit, not two). The optimal string alignment
 * distance, with three rows.
 */
export function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const replace = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      let best = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, replace);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, (before[j - 2] ?? 0) + 1);
      row.push(best);
    }
    before = previous;
    previous = row;
  }
  return previous[b.length] ?? Infinity;
}

/**
 * The names a person probably meant ("Voice bt" → "Voice bot"): a slip of a few letters (a third
 * of the name at most), or a name that contains what was typed. Case does not count.
 * Best first, at most `max`.
 */
export function closestNames(typed: string, names: readonly string[], max = 3): string[] {
  const wanted = foldName(typed);
  if (!wanted) return [];
  const allowed = Math.max(1, Math.floor(wanted.length / 3));
  return [...new Set(names)]
    .map((name) => {
      const folded = foldName(name);
      const distance = folded.includes(wanted) ? 0.5 : editDistance(wanted, folded);
      return { name, distance };
    })
    .filter(({ distance }) => distance <= allowed)
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
    .slice(0, max)
    .map(({ name }) => name);
}

/** ' Did you mean "A" or "B"?' or nothing. */
export function didYouMean(typed: string, names: readonly string[]): string {
  const close = closestNames(typed, names);
  if (close.length === 0) return '';
  const quoted = close.map((n) => `"${n}"`);
  const listed =
    quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
  return ` Did you mean ${listed}?`;
}
