/** Levenshtein distance between two strings (insert, delete and substitute each cost 1). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The known names nearest to an unknown one, best first. Case is ignored (people type "enoent"), and a
 * name containing the query ranks as if under one edit away, so "fstatat" finds "newfstatat".
 */
export function computeClosestNames(query: string, known: Iterable<string>, limit = 3): string[] {
  const needle = query.toLowerCase();
  const scored: Array<[string, number]> = [];
  for (const name of known) {
    const candidate = name.toLowerCase();
    let distance = editDistance(needle, candidate);
    // A longer name that contains the query (umount -> umount2) beats a shorter name inside it (mount).
    const lengthGap = Math.abs(candidate.length - needle.length) / 10;
    if (needle.length >= 3 && candidate.includes(needle)) distance = Math.min(distance, 0.5 + lengthGap);
    else if (candidate.length >= 3 && needle.includes(candidate))
      distance = Math.min(distance, 0.8 + lengthGap);
    scored.push([name, distance]);
  }
  scored.sort((a, b) => a[1] - b[1] || a[0].length - b[0].length || a[0].localeCompare(b[0]));
  return scored.slice(0, limit).map(([name]) => name);
}
