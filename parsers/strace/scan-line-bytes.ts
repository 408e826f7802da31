/**
 * The fast path: the shapes that make up nearly every line of a real log, read straight from the bytes
 * of the chunk, without decoding them to a string or making a substring:
 *
 *   [pid ][time ][nr ][ip ]name(args) = ret[<path>][ ERRNO (text)][ <dur>]
 *   [pid ][time ][nr ][ip ]name(args <unfinished ...>
 *   [pid ][time ][nr ][ip ]<... name resumed>args) = ret...     (and a resumed half cut again)
 *
 * where pid is `N ` or `[pid N] `, time is -t/-tt/-ttt/-r, nr is -n's `[ 59] ` and ip is -i's
 * `[00007fd13fc323b8] `; ret is `?`, a decimal or 0x hex. It gives the same answer as the full scanner
 * (parse-line.ts) for every line it accepts and declines (returns -1) anything it is not sure of: strace
 * messages, signals, exits, -Y comms, notes after the result, sockets, `(deleted)`, octal returns, CRLF
 * ends. Declined lines go through the full scanner, so this path only has to be
 * right, never complete; test/strace/byte-path.test.ts holds it to the full scanner line by line.
 *
 * Text fields the builder does not keep are left out: `ret`, `errText` and `text` stay empty and a
 * returned path is marked by `retPath = ''`; all of them are decoded from the line when an event is
 * looked at.
 */

import { resetResult, type StraceLine } from './parse-line.js';
import { decodeLatin1 } from '../model/latin1.js';
import { POW10 } from './scan-number.js';
import { PID_MAX } from './scan-prefix.js';

const NL = 10;
const SP = 32;
const QUOTE = 34;
const LT = 60;
const GT = 62;
/** A `<... name resumed>` is matched within 80 characters by the full scanner. */
const MAX_RESUMED_NAME = 60;

const UNFINISHED = ' <unfinished ...>';
const UNFINISHED_BYTES = Uint8Array.from(UNFINISHED, (ch) => ch.charCodeAt(0));

/** 1: a byte the argument scanner must look at; every other one is skipped at once. */
const ARG_SPECIAL = new Uint8Array(256);
for (const ch of '"()[]{}/<\n') ARG_SPECIAL[ch.charCodeAt(0)] = 1;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isIdStart = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
const isIdChar = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 95;
/** The characters of a printed return value (scan-result.ts). */
const isRetChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70) || c === 120;

/**
 * Interns short byte strings (syscall and errno names) without decoding them: the same bytes give the
 * same string object, so a log of two million calls makes a few hundred strings, not two million.
 */
export class ByteInterner {
  private slots = new Int32Array(1024);
  private readonly keys: Uint8Array[] = [];
  private readonly texts: string[] = [];

  /** The string for b[start, end), whose hash (see `hashStep`) is `hash`. */
  get(b: Uint8Array, start: number, end: number, hash: number): string {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = (this.slots[slot] as number) - 1;
      if (id < 0) return this.add(b, start, end, slot);
      const key = this.keys[id] as Uint8Array;
      if (key.length === end - start && sameBytes(key, b, start)) return this.texts[id] as string;
    }
  }

  private add(b: Uint8Array, start: number, end: number, slot: number): string {
    const text = decodeLatin1(b, start, end);
    this.keys.push(b.slice(start, end));
    this.texts.push(text);
    this.slots[slot] = this.keys.length;
    if (this.keys.length * 2 > this.slots.length) this.rehash();
    return text;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    this.keys.forEach((key, id) => {
      let h = 0;
      for (let i = 0; i < key.length; i++) h = hashStep(h, key[i] as number);
      let slot = h & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = id + 1;
    });
  }
}

function hashStep(h: number, c: number): number {
  return (Math.imul(h, 31) + c) | 0;
}

function sameBytes(key: Uint8Array, b: Uint8Array, start: number): boolean {
  for (let i = 0; i < key.length; i++) if (key[i] !== b[start + i]) return false;
  return true;
}

/** The value readDecimal read last: module state, so the hot path allocates no result object. */
let numValue = 0;

/**
 * Reads `digits[.digits]` at `i` as scan-number.ts does; returns the index past it, or -1 if there is no
 * digit there or the value would need Number() (more digits than a double holds exactly).
 */
function readDecimal(b: Uint8Array, i: number): number {
  let j = i;
  let n = 0;
  for (let c = b[j] as number; c >= 48 && c <= 57; c = b[++j] as number) n = n * 10 + (c - 48);
  if (j === i) return -1;
  let scale = 0;
  if (b[j] === 46 /* . */ && isDigit(b[j + 1] as number)) {
    j++;
    for (let c = b[j] as number; c >= 48 && c <= 57; c = b[++j] as number) {
      n = n * 10 + (c - 48);
      scale++;
    }
  }
  if (n > Number.MAX_SAFE_INTEGER || scale >= POW10.length) return -1;
  numValue = n / (POW10[scale] as number);
  return j;
}

/** Two digits at `i`, or -1. */
function twoDigits(b: Uint8Array, i: number): number {
  const x = b[i] as number;
  const y = b[i + 1] as number;
  return isDigit(x) && isDigit(y) ? (x - 48) * 10 + (y - 48) : -1;
}

/**
 * Classifies the line that starts at `start` into `out`, reading up to its newline; returns the index of
 * that newline, or -1 when the line is not one of the fast shapes (then `out` is garbage).
 */
export function scanLineBytes(
  b: Uint8Array,
  start: number,
  out: StraceLine,
  names: ByteInterner,
  errnos: ByteInterner,
): number {
  let i = start;
  let c = b[i] as number;

  // pid: "6502  " (-o) or "[pid  6606] " (terminal)
  let pid: number | null = null;
  let bracketPid = false;
  if (isDigit(c)) {
    let n = 0;
    do {
      n = n * 10 + (c - 48);
      c = b[++i] as number;
    } while (isDigit(c));
    if (c === SP && n <= PID_MAX) {
      pid = n;
      while (b[i] === SP) i++;
    } else if (c === LT)
      return -1; // -Y comm
    else i = start; // a timestamp, read below
  } else if (c === 91 /* [ */ && b[i + 1] === 112 && b[i + 2] === 105 && b[i + 3] === 100) {
    i += 4;
    while (b[i] === SP) i++;
    let n = 0;
    const j = i;
    for (c = b[i] as number; isDigit(c); c = b[++i] as number) n = n * 10 + (c - 48);
    if (i === j || i - j > 9 || c !== 93 /* ] */) return -1;
    pid = n;
    bracketPid = true;
    i++;
    while (b[i] === SP) i++;
  }

  // time: -t/-tt "HH:MM:SS[.frac] ", -ttt "secs.frac ", -r "  +secs.frac "
  let absTs: number | null = null;
  let relTs: number | null = null;
  let timeOfDay = false;
  let j = i;
  while (b[j] === SP) j++;
  if (isDigit(b[j] as number)) {
    if (b[j + 2] === 58 /* : */) {
      const h = twoDigits(b, j);
      const m = b[j + 5] === 58 ? twoDigits(b, j + 3) : -1;
      const s = twoDigits(b, j + 6);
      if (h < 0 || m < 0 || s < 0) return -1;
      let k = j + 8;
      const whole = h * 3600 + m * 60 + s;
      absTs = whole;
      if (b[k] === 46 /* . */) {
        // read as the one decimal "whole.ddd" (exact: the integer and the power of ten are exact doubles,
        // so the division rounds once, as Number() does)
        let n = whole;
        let d = k + 1;
        for (let x = b[d] as number; isDigit(x); x = b[++d] as number) n = n * 10 + (x - 48);
        const digits = d - k - 1;
        if (digits === 0 || digits >= POW10.length || n > Number.MAX_SAFE_INTEGER) return -1;
        absTs = n / (POW10[digits] as number);
        k = d;
      }
      if (b[k] !== SP || b[k + 1] === 40 /* ( : -t -r together */) return -1;
      timeOfDay = true;
      i = k + 1;
    } else {
      const e = readDecimal(b, j);
      if (e < 0 || b[e] !== SP) return -1;
      const padded = j > i && pid === null;
      if (!padded && numValue >= 1e6) absTs = numValue;
      else relTs = numValue;
      i = e + 1;
    }
  }

  // -n "[  59] " or "[???] ", then -i "[00007fd13fc323b8] " (scan-prefix.ts, in the same order)
  let nr: number | null = null;
  let ip: string | null = null;
  if (b[i] === 91 /* [ */) {
    let k = i + 1;
    while (b[k] === SP) k++;
    const d = k;
    let n = 0;
    for (c = b[k] as number; isDigit(c); c = b[++k] as number) n = n * 10 + (c - 48);
    if (k > d && c === 93 && b[k + 1] === SP) {
      if (k - d > 15) return -1; // read with Number() by the full scanner
      nr = n;
      i = k + 2;
    } else if (b[i + 1] === 63 && b[i + 2] === 63 && b[i + 3] === 63 && b[i + 4] === 93 && b[i + 5] === SP) {
      i += 6;
    }
  }
  if (b[i] === 91 /* [ */) {
    let k = i + 1;
    for (c = b[k] as number; (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || c === 63; c = b[++k] as number);
    const len = k - i - 1;
    if (c !== 93 || (len !== 16 && len !== 8) || b[k + 1] !== SP) return -1;
    ip = decodeLatin1(b, i + 1, k);
    i = k + 2;
  }

  // the call: "name(" or "<... name resumed>"
  const bodyStart = i;
  let hash = 0;
  let nameStart: number;
  let nameEnd: number;
  let resumed = false;
  c = b[i] as number;
  if (isIdStart(c)) {
    nameStart = i;
    for (; isIdChar(c); c = b[++i] as number) hash = hashStep(hash, c);
    if (c !== 40 /* ( */) return -1;
    nameEnd = i;
    i++;
  } else if (c === LT) {
    if (b[i + 1] !== 46 || b[i + 2] !== 46 || b[i + 3] !== 46 || b[i + 4] !== SP) return -1;
    i += 5;
    nameStart = i;
    c = b[i] as number;
    if (!isIdStart(c)) return -1;
    for (; isIdChar(c); c = b[++i] as number) hash = hashStep(hash, c);
    nameEnd = i;
    if (nameEnd - nameStart > MAX_RESUMED_NAME) return -1;
    // " resumed>", and no space after it (strace < 5.0 wrote one; the full scanner decides those)
    if (
      c !== SP ||
      b[i + 1] !== 114 ||
      b[i + 2] !== 101 ||
      b[i + 3] !== 115 ||
      b[i + 4] !== 117 ||
      b[i + 5] !== 109 ||
      b[i + 6] !== 101 ||
      b[i + 7] !== 100 ||
      b[i + 8] !== GT ||
      b[i + 9] === SP
    )
      return -1;
    i += 9;
    resumed = true;
  } else return -1;

  // the arguments, skipped: strings, comments and decorations can hold any bracket (scan-args.ts)
  const argsStart = i;
  let depth = 0;
  let unfinished = false;
  for (; ; i++) {
    c = b[i] as number;
    if (ARG_SPECIAL[c] === 0) continue;
    if (c === 41 /* ) */) {
      if (depth <= 0) break;
      depth--;
    } else if (c === QUOTE) {
      i = stringEnd(b, i);
      if (i < 0) return -1;
    } else if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 93 || c === 125) depth--;
    else if (c === LT) {
      const p = b[i - 1] as number;
      // the markers the full scanner looks for at a space followed by "<" (spaces are too common to stop at)
      if (p === SP) {
        if (matches(b, i - 1, UNFINISHED_BYTES)) {
          i--;
          unfinished = true;
          break;
        }
        // " <detached ...>", " <pid changed to ...>": the full scanner's
        if (b[i + 1] === 100 || b[i + 1] === 112) return -1;
      }
      if (isIdChar(p) || (p === 47 && b[i - 2] === 42)) {
        if (b[i + 1] === LT)
          i++; // "<<"
        else {
          i = decorationEnd(b, i);
          if (i < 0) return -1;
        }
      } else if (b[i + 1] === 46 && b[i + 2] === 46 && b[i + 3] === 46 && b[i + 4] === SP) return -1;
    } else if (c === 47 /* / */) {
      if (b[i + 1] !== 42) continue;
      let k = i + 2;
      for (let d = b[k]; d !== undefined && d !== NL && !(d === 42 && b[k + 1] === 47); d = b[++k]);
      if (b[k] !== 42) return -1;
      i = k + 1;
    } else return -1; // the newline: the line ends inside the arguments
  }

  out.pid = pid;
  out.comm = null;
  out.bracketPid = bracketPid;
  out.absTs = absTs;
  out.timeOfDay = timeOfDay;
  out.relTs = relTs;
  out.nr = nr;
  out.ip = ip;
  out.end = bodyStart;
  resetResult(out);
  out.argsStart = argsStart;
  out.argsEnd = i;

  if (unfinished) {
    const after = i + UNFINISHED_BYTES.length;
    if (b[after] !== NL) return -1; // ") = ?" (the task died) or anything else: the full scanner's
    out.argsEndedBy = 'unfinished';
    out.kind = resumed ? 'resumed' : 'unfinished';
    out.name = names.get(b, nameStart, nameEnd, hash);
    return after;
  }
  out.argsEndedBy = 'paren';
  out.kind = resumed ? 'resumed' : 'call';
  const nl = scanResult(b, i + 1, out, errnos);
  // interned only once the line is accepted: a declined line's name is the full scanner's to read
  if (nl >= 0) out.name = names.get(b, nameStart, nameEnd, hash);
  return nl;
}

/** The result after `)` at `i`, into `out`; the index of the line's newline, or -1. */
function scanResult(b: Uint8Array, i: number, out: StraceLine, errnos: ByteInterner): number {
  let k = i;
  while (b[k] === SP) k++;
  if (k === i || b[k] !== 61 /* = */ || b[k + 1] !== SP) return -1;
  k += 2;

  // the value: "?" (no return), a decimal without a leading zero, or 0x hex, that a double holds exactly
  if (b[k] === 63 /* ? */) return scanResultRest(b, k + 1, out, errnos);
  const neg = b[k] === 45;
  if (neg) k++;
  const v0 = k;
  let v = 0;
  if (b[k] === 48 && b[k + 1] === 120 /* 0x */) {
    if (neg) return -1;
    k += 2;
    for (let c = b[k] as number; ; c = b[++k] as number) {
      if (c >= 48 && c <= 57) v = v * 16 + (c - 48);
      else if (c >= 97 && c <= 102) v = v * 16 + (c - 87);
      else if (c >= 65 && c <= 70) v = v * 16 + (c - 55);
      else break;
    }
    if (k === v0 + 2 || k - v0 - 2 > 13) return -1;
  } else {
    for (let c = b[k] as number; c >= 48 && c <= 57; c = b[++k] as number) v = v * 10 + (c - 48);
    if (k === v0 || k - v0 > 15 || (b[v0] === 48 && k - v0 > 1)) return -1;
  }
  if (isRetChar(b[k] as number)) return -1;
  out.retValue = neg ? -v : v;
  return scanResultRest(b, k, out, errnos);
}

/** What follows the value at `k`: `<path>`, ` ERRNO (text)`, ` <duration>`, the newline. */
function scanResultRest(b: Uint8Array, k: number, out: StraceLine, errnos: ByteInterner): number {
  if (b[k] === LT) {
    // -y: "= 3</etc/passwd>"
    k = decorationEnd(b, k);
    if (k < 0) return -1;
    k++;
    if (b[k] === 40 /* (deleted) */) return -1;
    out.retPath = '';
  }

  // " ERRNO (text)", " <duration>", then the newline
  while (b[k] === SP) {
    const c = b[k + 1];
    if (c === 69 /* E */ && out.errno === null) {
      let e = k + 2;
      let hash = hashStep(0, 69);
      for (let d = b[e] as number; (d >= 65 && d <= 90) || isDigit(d) || d === 95; d = b[++e] as number)
        hash = hashStep(hash, d);
      if (b[e] !== SP || b[e + 1] !== 40) return -1;
      // plain text up to ")": anything with brackets or quotes is the full scanner's
      let t = e + 2;
      for (let d = b[t] as number; d !== 41; d = b[++t] as number) {
        if (d === NL || d === 40 || d === 91 || d === 123 || d === 93 || d === 125 || d === QUOTE) return -1;
        if (d === undefined) return -1;
      }
      out.errno = errnos.get(b, k + 1, e, hash);
      k = t + 1;
    } else if (c === LT) {
      const e = readDecimal(b, k + 2);
      if (e < 0 || b[e] !== GT) return -1;
      out.dur = numValue;
      k = e + 1;
    } else return -1;
  }
  return b[k] === NL ? k : -1;
}

/** Index of the closing quote of the string whose `"` is at `q` (scan-args.ts), or -1 at the line's end. */
function stringEnd(b: Uint8Array, q: number): number {
  for (let i = q + 1; ; i++) {
    const c = b[i];
    if (c === QUOTE) {
      let k = i - 1;
      while (k > q && b[k] === 92) k--;
      if ((i - 1 - k) % 2 === 0) return i;
    } else if (c === NL || c === undefined) return -1;
  }
}

/**
 * Index of the `>` closing the `-y` decoration that opens at `open` (args/decoration.ts), or -1 when it
 * is a socket or pipe (`TYPE:[...]`, the full scanner's) or runs to the line's end.
 */
function decorationEnd(b: Uint8Array, open: number): number {
  let i = open + 1;
  while (isIdChar(b[i] as number) || b[i] === 45) i++;
  if (i > open + 1 && b[i] === 58 && b[i + 1] === 91) return -1;
  let depth = 1;
  for (i = open + 1; ; i++) {
    const c = b[i];
    if (c === LT) depth++;
    else if (c === GT) {
      if (--depth === 0) return i;
    } else if (c === NL || c === undefined) return -1;
  }
}

function matches(b: Uint8Array, i: number, text: Uint8Array): boolean {
  for (let k = 0; k < text.length; k++) if (b[i + k] !== text[k]) return false;
  return true;
}
