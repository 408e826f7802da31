import type { Trace } from '../../model/index.js';
import { MAX_LINE } from '../../model/line-store.js';

/**
 * Where a call's first quoted string lies in the log's bytes, found without making a string: what
 * readFirstQuoted (call-text.ts) reads, for passes that look at every call of a name and keep very few
 * (the other run's `openat` of one path, among a build's hundred thousand):
 *
 *   3477  1796406670.581350 openat(AT_FDCWD</work>, "/etc/ld.so.cache", O_RDONLY|O_CLOEXEC) = 3
 *   -> bytes [from, to) of `/etc/ld.so.cache`, plain, and their hash
 */
export interface QuotedBytes {
  bytes: Uint8Array;
  from: number;
  to: number;
  /**
   * firstString (call-args.ts) of the call is exactly these bytes as text (ASCII, no escape); else it
   * is what decoding them gives, the same for the same bytes.
   */
  plain: boolean;
  /** hashText of that text when plain; of the raw bytes otherwise. */
  hash: number;
}

export function emptyQuotedBytes(): QuotedBytes {
  return { bytes: new Uint8Array(0), from: 0, to: 0, plain: true, hash: hashText('') };
}

/**
 * Fills `out` with the first quoted string of call i as readFirstQuoted finds it (an empty range when
 * the call has none, or it does not close on the line); false when only the slow path can tell (a
 * split call, a log held as text, a line without the call's name, a string with a double space, which
 * readFirstQuoted leaves to readCallText and its rewriting of `)  = ` padding).
 */
export function firstQuotedBytes(trace: Trace, i: number, out: QuotedBytes): boolean {
  if (trace.format.tracer !== 'strace' || (trace.columns.endLine[i] as number) > 0) return false;
  const store = trace.sources[trace.columns.fileId[i] as number];
  const n = trace.columns.line[i] as number;
  if (!store || n < 1 || n > store.lineCount) return false;
  const { segment: b, offset } = store.locate(n);
  if (typeof b === 'string') return false;
  // Past MAX_LINE readFirstQuoted gives up. The CLI reads a log a megabyte at a time (an overlong line
  // is cut to MAX_LINE in a segment of its own), so the line's end is looked for only in a bigger one.
  if (b.length - offset > MAX_LINE) {
    const nl = b.indexOf(10, offset);
    if ((nl < 0 ? b.length : nl) - offset > MAX_LINE) return false;
  }
  // One pass from the line's start, stopping at its newline: the native indexOf of a typed array costs
  // more per call than these few dozen bytes.
  const name = trace.name(i);
  const open = indexOfName(b, offset, name);
  if (open < 0) return false;
  let q = open + name.length + 1;
  while (q < b.length && b[q] !== 34 && b[q] !== 10) q++;
  let h = HASH_SEED;
  let plain = true;
  let prev = 0;
  // backslashes right before the current byte: a quote after an odd run of them is escaped
  let run = 0;
  for (let k = q + 1; q < b.length && b[q] === 34 && k < b.length; k++) {
    const c = b[k] as number;
    if (c === 10) break;
    if (c === 34 && run % 2 === 0) {
      out.bytes = b;
      out.from = q + 1;
      out.to = k;
      out.plain = plain;
      out.hash = h;
      return true;
    }
    if (c === 32 && prev === 32) return false;
    // a backslash starts an escape to decode; a byte past 0x7f may be part of UTF-8
    if (c === 92 || c >= 0x80) plain = false;
    run = c === 92 ? run + 1 : 0;
    h = Math.imul(h ^ c, HASH_PRIME);
    prev = c;
  }
  // no quote on the line, or one that does not close there: readFirstQuoted reads ""
  out.bytes = EMPTY;
  out.from = 0;
  out.to = 0;
  out.plain = true;
  out.hash = HASH_SEED;
  return true;
}

const EMPTY = new Uint8Array(0);
const HASH_SEED = 0x811c9dc5;
const HASH_PRIME = 0x01000193;

/** FNV-1a over a string's char codes: for ASCII text, the hash firstQuotedBytes gives its bytes. */
export function hashText(text: string): number {
  let h = HASH_SEED;
  for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), HASH_PRIME);
  return h;
}

/** Whether two ranges hold the same bytes. */
function sameBytes(x: QuotedBytes, y: QuotedBytes): boolean {
  const n = x.to - x.from;
  if (n !== y.to - y.from) return false;
  for (let k = 0; k < n; k++) if (x.bytes[x.from + k] !== y.bytes[y.from + k]) return false;
  return true;
}

/** Where `name(` first occurs on the line starting at `from`, or -1 (as call-text.ts looks for it). */
function indexOfName(b: Uint8Array, from: number, name: string): number {
  const first = name.length > 0 ? name.charCodeAt(0) : 40;
  for (let k = from; k < b.length; k++) {
    const c = b[k] as number;
    if (c === 10) return -1;
    if (c !== first) continue;
    let m = 1;
    while (m < name.length && b[k + m] === name.charCodeAt(m)) m++;
    if (m === name.length && b[k + m] === 40) return k;
  }
  return -1;
}

/** Byte strings met so far, in groups (a call name): for passes that need each distinct string once. */
export class SeenBytes {
  private readonly byHash = new Map<number, QuotedBytes[]>();

  /** Whether `q`'s bytes were met before in `group`; they count as met from now on. */
  met(group: number, q: QuotedBytes): boolean {
    const key = Math.imul(q.hash ^ group, HASH_PRIME);
    const list = this.byHash.get(key);
    if (list) {
      for (const x of list) if (x.hash === group && sameBytes(x, q)) return true;
    }
    // the position is kept (the log's bytes stay), with the group in place of the hash
    const copy: QuotedBytes = { bytes: q.bytes, from: q.from, to: q.to, plain: q.plain, hash: group };
    if (list) list.push(copy);
    else this.byHash.set(key, [copy]);
    return false;
  }
}
