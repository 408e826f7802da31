import type { Trace } from '../../model/index.js';
import type { LineSpan } from '../../model/line-store.js';
import { MAX_LINE } from '../../model/line-store.js';
import { endsWithText, indexOfText } from '../diff/code-units.js';

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
   * The bytes are the string as text (ASCII, no escape): for firstQuotedBytes, firstString (call-args.ts)
   * of the call is exactly them; else it is what decoding them gives, the same for the same bytes.
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
  if ((trace.columns.endLine[i] as number) > 0) return splitQuotedBytes(trace, i, out);
  if (!lineAt(trace, i)) return false;
  const b = at.bytes;
  const end = b.length;
  // One pass from the line's start, stopping at its newline: the native indexOf of a typed array costs
  // more per call than these few dozen bytes.
  const name = trace.name(i);
  const open = indexOfName(b, at.offset, end, name);
  if (open < 0) return false;
  let q = open + name.length + 1;
  while (q < end && b[q] !== 34 && b[q] !== 10) q++;
  const close = q < end && b[q] === 34 ? scanString(b, q, end, out, true) : -1;
  if (close === SPACED) return false;
  // no quote on the line, or one that does not close there: readFirstQuoted reads ""
  if (close < 0) setEmpty(out);
  return true;
}

const UNFINISHED = ' <unfinished ...>';
const RESUMED = ' resumed>';

/**
 * firstQuotedBytes of a call split over two lines, as readCallText joins them: the string is the first
 * one of the first line's part (after `read(`, before ` <unfinished ...>`), else of the second line's
 * (after ` resumed>`). False when a string of the first part does not close there (it would run on
 * into the second), or holds a double space.
 *
 *   3477  1796406670.582607 read(3</usr/lib/x86_64-linux-gnu/libc.so.6>,  <unfinished ...>
 *   3477  1796406670.582723 <... read resumed>"\177ELF\2\1\1\3"..., 832) = 832
 */
function splitQuotedBytes(trace: Trace, i: number, out: QuotedBytes): boolean {
  if (trace.format.tracer !== 'strace') return false;
  const store = trace.sources[trace.columns.fileId[i] as number];
  if (!store || !store.span(trace.columns.line[i] as number, span) || typeof span.segment === 'string')
    return false;
  const b = span.segment;
  const name = trace.name(i);
  const open = indexOfName(b, span.start, span.end, name);
  if (open < 0) return false;
  const from = open + name.length + 1;
  const to = endsWithText(b, UNFINISHED, from, span.end) ? span.end - UNFINISHED.length : span.end;
  let q = from;
  while (q < to && b[q] !== 34) q++;
  if (q < to) return scanString(b, q, to, out, true) >= 0;
  const second = store.span(trace.columns.endLine[i] as number, span);
  if (second && typeof span.segment === 'string') return false;
  if (!second) {
    // no second line: the call's text has no string
    setEmpty(out);
    return true;
  }
  const b2 = span.segment as Uint8Array;
  const resumed = indexOfText(b2, RESUMED, span.start, span.end);
  q = resumed < 0 ? span.end : resumed + RESUMED.length;
  while (q < span.end && b2[q] !== 34) q++;
  const close = q < span.end ? scanString(b2, q, span.end, out, true) : -1;
  if (close === SPACED) return false;
  if (close < 0) setEmpty(out);
  return true;
}

const span: LineSpan = { segment: '', start: 0, end: 0 };

/**
 * The string that opens at the line's first quote, as `findStringEnd` over the line ends it (the
 * paths-only finding reads opened paths so); false when there is none or it does not close.
 */
export function lineStringBytes(trace: Trace, i: number, out: QuotedBytes): boolean {
  if (!lineAt(trace, i)) return false;
  const b = at.bytes;
  const end = b.length;
  let q = at.offset;
  while (q < end && b[q] !== 34 && b[q] !== 10) q++;
  return q < end && b[q] === 34 && scanString(b, q, end, out, false) >= 0;
}

/** What firstQuotedOfLine (call-text.ts) reads: the bytes between the line's first two quotes. */
export function lineQuotesBytes(trace: Trace, i: number, out: QuotedBytes): boolean {
  if (!lineAt(trace, i)) return false;
  const b = at.bytes;
  const end = b.length;
  let q = at.offset;
  while (q < end && b[q] !== 34 && b[q] !== 10) q++;
  let e = q + 1;
  if (q < end && b[q] === 34) while (e < end && b[e] !== 34 && b[e] !== 10) e++;
  if (q >= end || b[q] !== 34 || e >= end || b[e] !== 34) {
    setEmpty(out);
    return true;
  }
  let h = HASH_SEED;
  for (let k = q + 1; k < e; k++) h = Math.imul(h ^ (b[k] as number), HASH_PRIME);
  out.bytes = b;
  out.from = q + 1;
  out.to = e;
  out.plain = false;
  out.hash = h;
  return true;
}

/**
 * False when the call's line, read as bytes, does not hold `text` (so neither does its call text);
 * true when it does, or when only its text can tell (a split call, a log held as text).
 */
export function lineMayHold(trace: Trace, i: number, text: string): boolean {
  if ((trace.columns.endLine[i] as number) > 0 || !lineAt(trace, i)) return true;
  const b = at.bytes;
  const end = b.length;
  const first = text.charCodeAt(0);
  for (let k = at.offset; k < end; k++) {
    const c = b[k] as number;
    if (c === 10) return false;
    if (c !== first) continue;
    let m = 1;
    while (m < text.length && b[k + m] === text.charCodeAt(m)) m++;
    if (m === text.length) return true;
  }
  return false;
}

/** The line of event i as bytes (at.bytes from at.offset), when the log is held so and it is short enough. */
function lineAt(trace: Trace, i: number): boolean {
  if (trace.format.tracer !== 'strace') return false;
  const store = trace.sources[trace.columns.fileId[i] as number];
  const n = trace.columns.line[i] as number;
  if (!store || n < 1 || n > store.lineCount) return false;
  const { segment: b, offset } = store.locate(n);
  if (typeof b === 'string') return false;
  // Past MAX_LINE the readers give up. The CLI reads a log a megabyte at a time (an overlong line is
  // cut to MAX_LINE in a segment of its own), so the line's end is looked for only in a bigger one.
  if (b.length - offset > MAX_LINE) {
    const nl = b.indexOf(10, offset);
    if ((nl < 0 ? b.length : nl) - offset > MAX_LINE) return false;
  }
  at.bytes = b;
  at.offset = offset;
  return true;
}

const at: { bytes: Uint8Array; offset: number } = { bytes: new Uint8Array(0), offset: 0 };

/** scanString's answer for a string holding a double space, when asked to stop at one. */
const SPACED = -2;

/**
 * The string whose opening quote is at q: fills `out` and returns its closing quote's index (a quote
 * after an odd run of backslashes is escaped), -1 when it does not close on the line.
 */
function scanString(
  b: Uint8Array,
  q: number,
  end: number,
  out: QuotedBytes,
  stopAtDoubleSpace: boolean,
): number {
  let h = HASH_SEED;
  let plain = true;
  let prev = 0;
  let run = 0;
  for (let k = q + 1; k < end; k++) {
    const c = b[k] as number;
    if (c === 10) return -1;
    if (c === 34 && run % 2 === 0) {
      out.bytes = b;
      out.from = q + 1;
      out.to = k;
      out.plain = plain;
      out.hash = h;
      return k;
    }
    if (c === 32 && prev === 32 && stopAtDoubleSpace) return SPACED;
    // a backslash starts an escape to decode; a byte past 0x7f may be part of UTF-8
    if (c === 92 || c >= 0x80) plain = false;
    run = c === 92 ? run + 1 : 0;
    h = Math.imul(h ^ c, HASH_PRIME);
    prev = c;
  }
  return -1;
}

function setEmpty(out: QuotedBytes): void {
  out.bytes = EMPTY;
  out.from = 0;
  out.to = 0;
  out.plain = true;
  out.hash = HASH_SEED;
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

/**
 * Where `name(` first occurs in b[from, to), stopping at a newline, or -1 (as call-text.ts looks for
 * it on the line).
 */
function indexOfName(b: Uint8Array, from: number, to: number, name: string): number {
  const first = name.length > 0 ? name.charCodeAt(0) : 40;
  for (let k = from; k < to; k++) {
    const c = b[k] as number;
    if (c === 10) return -1;
    if (c !== first) continue;
    let m = 1;
    while (m < name.length && b[k + m] === name.charCodeAt(m)) m++;
    if (m === name.length && k + m < to && b[k + m] === 40) return k;
  }
  return -1;
}

/**
 * Values by byte string, in groups (a call name): for passes that need the answer for each distinct
 * string once. Only the position of each string is kept (the log's bytes stay).
 */
export class BytesMap<T> {
  private readonly byHash = new Map<number, { group: number; at: QuotedBytes; value: T }[]>();

  get(group: number, q: QuotedBytes): T | undefined {
    const list = this.byHash.get(Math.imul(q.hash ^ group, HASH_PRIME));
    if (list) for (const x of list) if (x.group === group && sameBytes(x.at, q)) return x.value;
    return undefined;
  }

  /** Sets the value of `q`'s bytes, which must not be in the map yet. */
  add(group: number, q: QuotedBytes, value: T): void {
    const key = Math.imul(q.hash ^ group, HASH_PRIME);
    const entry = { group, at: { ...q }, value };
    const list = this.byHash.get(key);
    if (list) list.push(entry);
    else this.byHash.set(key, [entry]);
  }

  /** Whether `q`'s bytes were met before in `group`; they count as met from now on. */
  met(this: BytesMap<true>, group: number, q: QuotedBytes): boolean {
    if (this.get(group, q)) return true;
    this.add(group, q, true);
    return false;
  }
}
