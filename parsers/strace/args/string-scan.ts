/**
 * Where a quoted string ends. Strings can hold anything (`"fake(1) = -1 ENOENT <unfinished "...`,
 * eqstr.log), so every scanner skips them first; a quote is escaped when an odd run of backslashes
 * precedes it (`"weird\\"name\\\\with"`).
 */

/** Index just past the string that opens at `quote`, or the end of `src` if it never closes. */
export function skipQuoted(src: string, quote: number): number {
  const end = findStringEnd(src, quote);
  return end === -1 ? src.length : end;
}

/** Index just past the closing quote of the string that opens at `quote`, or -1 if it never closes. */
export function findStringEnd(src: string, quote: number): number {
  let i = quote + 1;
  for (;;) {
    const q = src.indexOf('"', i);
    if (q === -1) return -1;
    // Escaped if preceded by an odd run of backslashes.
    let k = q - 1;
    while (k > quote && src.charCodeAt(k) === 92) k--;
    if ((q - 1 - k) % 2 === 0) return q + 1;
    i = q + 1;
  }
}
