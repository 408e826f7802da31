/**
 * A line's characters as numbers, read where they lie: the log's own bytes when it was read as bytes
 * (no line is decoded to a string), UTF-16 units when it was given as text. The diff's keys read every
 * call of both traces; over bytes this skips decoding a million lines, and one scanner serves both.
 *
 * A range of units is read within its line's bounds [lineStart, lineEnd): the buffer may be a whole
 * segment of the log, where the next line follows, or a scratch buffer holding stale units past the
 * line. A read outside the line gives -1, as a string's charCodeAt gives NaN past its end: equal to
 * no character.
 */
export type Units = Uint8Array | Uint16Array;

/** buf[k] inside [lo, hi), else -1. */
export function unitAt(buf: Units, k: number, lo: number, hi: number): number {
  return k >= lo && k < hi ? (buf[k] as number) : -1;
}

/** The first k in [from, to) where buf[k] is `c`, or -1. A bounded loop: typed arrays' indexOf has no end. */
export function indexOfUnit(buf: Units, c: number, from: number, to: number): number {
  for (let k = from; k < to; k++) if (buf[k] === c) return k;
  return -1;
}

/** Whether `s` is at `at`, wholly inside [.., hi). */
export function startsWithText(buf: Units, s: string, at: number, hi: number): boolean {
  if (at < 0 || at + s.length > hi) return false;
  for (let m = 0; m < s.length; m++) if (buf[at + m] !== s.charCodeAt(m)) return false;
  return true;
}

/** Whether buf[lo, hi) ends with `s`. */
export function endsWithText(buf: Units, s: string, lo: number, hi: number): boolean {
  return hi - s.length >= lo && startsWithText(buf, s, hi - s.length, hi);
}

/** The first k >= from with `s` at k wholly inside [.., hi), or -1. */
export function indexOfText(buf: Units, s: string, from: number, hi: number): number {
  const first = s.charCodeAt(0);
  for (let k = indexOfUnit(buf, first, from, hi); k >= 0; k = indexOfUnit(buf, first, k + 1, hi))
    if (startsWithText(buf, s, k, hi)) return k;
  return -1;
}

/** The last k in [lo, from] with `s` at k wholly inside [.., hi), or -1 (a string's lastIndexOf). */
export function lastIndexOfText(buf: Units, s: string, from: number, lo: number, hi: number): number {
  for (let k = Math.min(from, hi - s.length); k >= lo; k--) if (startsWithText(buf, s, k, hi)) return k;
  return -1;
}

/** The units of a string, in a buffer reused from one call to the next (valid until the next call). */
export class UnitsScratch {
  private buf = new Uint16Array(512);

  /** text[from, to) at the start of the buffer. */
  fill(text: string, from = 0, to = text.length): Uint16Array {
    const n = to - from;
    if (n > this.buf.length) this.buf = new Uint16Array(Math.max(n, this.buf.length * 2));
    const buf = this.buf;
    for (let k = 0; k < n; k++) buf[k] = text.charCodeAt(from + k);
    return buf;
  }
}
