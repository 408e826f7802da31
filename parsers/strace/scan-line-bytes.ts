/**
 * The fast path: the shapes that make up nearly every line of a real log, read straight from the bytes
 * of the chunk, without decoding them to a string or making a substring:
 *
 *   [pid ][time ][nr ][ip ]name(args) = ret[<deco>][ ERRNO (text)][ (notes)][ <dur>]
 *   [pid ][time ][nr ][ip ]name(args <unfinished ...>[) = ?]
 *   [pid ][time ][nr ][ip ]<... name resumed>args) = ret...     (and a resumed half cut again)
 *   [pid ][time ]+++ exited with 0 +++        +++ killed by SIGKILL (core dumped) +++
 *   [pid ][time ]--- SIGCHLD {si_signo=SIGCHLD, ...} ---
 *
 * where pid is `N `, `N<comm> ` (-Y) or `[pid N] `, time is -t/-tt/-ttt/-r, nr is -n's `[ 59] ` and ip is
 * -i's `[00007fd13fc323b8] `. Arguments (strings, -y/-yy decorations, comments) are skipped in
 * byte-args.ts, the result read in byte-result.ts. It gives the same answer as the full scanner
 * (parse-line.ts) for every line it accepts and declines (returns -1) anything it is not sure of: strace
 * messages, `---` lines other than a delivery, superseded and personality lines, `<detached ...>`, octal
 * returns, CRLF ends. Declined lines go through the full scanner, so this path only has to be right,
 * never complete; test/strace/byte-path.test.ts holds it to the full scanner line by line.
 *
 * Text fields the builder does not keep are left out: `ret`, `errText`, `notes` and `text` stay empty and
 * a returned path is marked by `retPath = ''`; all of them are decoded from the line when an event is
 * looked at.
 */

import { resetResult, type StraceLine } from './parse-line.js';
import { decodeLatin1 } from '../model/latin1.js';
import { endedUnfinished, isUnfinishedAt, skipArgs, UNFINISHED_LENGTH } from './byte-args.js';
import { hashStep, type ByteInterner } from './byte-interner.js';
import { numValue, readDecimal, scanResultBytes } from './byte-result.js';
import { POW10 } from './scan-number.js';
import { PID_MAX } from './scan-prefix.js';

export { ByteInterner } from './byte-interner.js';

const SP = 32;
const LT = 60;
const GT = 62;
/** A `<... name resumed>` is matched within 80 characters by the full scanner. */
const MAX_RESUMED_NAME = 60;
/** The full scanner reads a signal's name within the first 40 characters of `--- NAME `. */
const MAX_SIGNAL_NAME = 35;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isIdStart = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
const isIdChar = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 95;

/** Two digits at `i`, or -1. */
function twoDigits(b: Uint8Array, i: number): number {
  const x = b[i] as number;
  const y = b[i + 1] as number;
  return isDigit(x) && isDigit(y) ? (x - 48) * 10 + (y - 48) : -1;
}

/**
 * Classifies the line that starts at `start` and ends at the newline at `lineEnd` into `out`; returns
 * `lineEnd`, or -1 when the line is not one of the fast shapes (then `out` is garbage).
 */
export function scanLineBytes(
  b: Uint8Array,
  start: number,
  out: StraceLine,
  names: ByteInterner,
  errnos: ByteInterner,
  lineEnd: number = b.indexOf(10, start),
): number {
  if (lineEnd < 0) return -1;
  let i = start;
  let c = b[i] as number;

  // pid: "6502  " (-o), "9692<vf> " (-Y) or "[pid  6606] " (terminal)
  let pid: number | null = null;
  let comm: string | null = null;
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
    } else if (c === LT) {
      // -Y: the comm ends at the first raw '>' (strace escapes '<' and '>' inside it), then a space
      let close = i + 1;
      while (close < lineEnd && b[close] !== GT) close++;
      if (close >= lineEnd || b[close + 1] !== SP) return -1;
      pid = n;
      comm = internText(names, b, i + 1, close);
      i = close + 1;
      while (b[i] === SP) i++;
    } else i = start; // a timestamp, read below
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

  out.pid = pid;
  out.comm = comm;
  out.bracketPid = bracketPid;
  out.absTs = absTs;
  out.timeOfDay = timeOfDay;
  out.relTs = relTs;
  out.nr = nr;
  out.ip = ip;
  out.end = i;
  resetResult(out);

  c = b[i] as number;
  if (isIdStart(c)) return scanCall(b, i, lineEnd, out, names, errnos);
  if (c === LT) return scanResumed(b, i, lineEnd, out, names, errnos);
  if (c === 43 /* + */) return scanProcessEnd(b, i, lineEnd, out, names);
  if (c === 45 /* - */) return scanSignal(b, i, lineEnd, out, names);
  return -1;
}

/** `name(args) = ret...` or `name(args <unfinished ...>[) = ?]` at `i`. */
function scanCall(
  b: Uint8Array,
  i: number,
  lineEnd: number,
  out: StraceLine,
  names: ByteInterner,
  errnos: ByteInterner,
): number {
  const nameStart = i;
  let hash = 0;
  let c = b[i] as number;
  for (; isIdChar(c); c = b[++i] as number) hash = hashStep(hash, c);
  if (c !== 40 /* ( */) return -1;
  return scanArgsAndResult(b, i + 1, lineEnd, out, names, errnos, nameStart, i, hash, false);
}

/** `<... name resumed>args...` at `i`. */
function scanResumed(
  b: Uint8Array,
  i: number,
  lineEnd: number,
  out: StraceLine,
  names: ByteInterner,
  errnos: ByteInterner,
): number {
  if (b[i + 1] !== 46 || b[i + 2] !== 46 || b[i + 3] !== 46 || b[i + 4] !== SP) return -1;
  i += 5;
  const nameStart = i;
  let c = b[i] as number;
  if (!isIdStart(c)) return -1;
  let hash = 0;
  for (; isIdChar(c); c = b[++i] as number) hash = hashStep(hash, c);
  const nameEnd = i;
  if (nameEnd - nameStart > MAX_RESUMED_NAME) return -1;
  // " resumed>"
  if (
    c !== SP ||
    b[i + 1] !== 114 ||
    b[i + 2] !== 101 ||
    b[i + 3] !== 115 ||
    b[i + 4] !== 117 ||
    b[i + 5] !== 109 ||
    b[i + 6] !== 101 ||
    b[i + 7] !== 100 ||
    b[i + 8] !== GT
  )
    return -1;
  i += 9;
  // strace < 5.0 wrote "resumed> " with a space; never eat the space of " <unfinished ...>" or of clone3's
  // " => {parent_tid=[6503]}", which continues the argument before it
  if (b[i] === SP && !isUnfinishedAt(b, i) && !(b[i + 1] === 61 && b[i + 2] === GT && b[i + 3] === SP)) i++;
  return scanArgsAndResult(b, i, lineEnd, out, names, errnos, nameStart, nameEnd, hash, true);
}

function scanArgsAndResult(
  b: Uint8Array,
  argsStart: number,
  lineEnd: number,
  out: StraceLine,
  names: ByteInterner,
  errnos: ByteInterner,
  nameStart: number,
  nameEnd: number,
  hash: number,
  resumed: boolean,
): number {
  const argsEnd = skipArgs(b, argsStart, lineEnd);
  if (argsEnd < 0) return -1;
  out.argsStart = argsStart;
  out.argsEnd = argsEnd;
  if (endedUnfinished) {
    const after = argsEnd + UNFINISHED_LENGTH;
    out.argsEndedBy = 'unfinished';
    if (after === lineEnd) {
      out.kind = resumed ? 'resumed' : 'unfinished';
    } else {
      // "<unfinished ...>) = ?": the task died inside the call
      if (b[after] !== 41 || !scanResultBytes(b, after + 1, lineEnd, out, errnos)) return -1;
      out.died = true;
      out.kind = resumed ? 'resumed' : 'call';
    }
  } else {
    out.argsEndedBy = 'paren';
    // an annotation before the result (old sigreturn) or a damaged line: the full scanner's
    if (!scanResultBytes(b, argsEnd + 1, lineEnd, out, errnos)) return -1;
    out.kind = resumed ? 'resumed' : 'call';
  }
  // interned only once the line is accepted: a declined line's name is the full scanner's to read
  out.nameKey = names.id(b, nameStart, nameEnd, hash);
  out.name = names.text(out.nameKey);
  return lineEnd;
}

const EXITED = Uint8Array.from('+++ exited with ', (ch) => ch.charCodeAt(0));
const KILLED = Uint8Array.from('+++ killed by ', (ch) => ch.charCodeAt(0));
const CORE = Uint8Array.from(' (core dumped) +++', (ch) => ch.charCodeAt(0));
const END_MARK = Uint8Array.from(' +++', (ch) => ch.charCodeAt(0));

/** `+++ exited with N +++` and `+++ killed by SIG[ (core dumped)] +++`, ending the line. */
function scanProcessEnd(
  b: Uint8Array,
  i: number,
  lineEnd: number,
  out: StraceLine,
  names: ByteInterner,
): number {
  if (startsWith(b, i, EXITED)) {
    let k = i + EXITED.length;
    const neg = b[k] === 45;
    if (neg) k++;
    const d = k;
    let n = 0;
    for (let c = b[k] as number; isDigit(c); c = b[++k] as number) n = n * 10 + (c - 48);
    if (k === d || k - d > 15 || !startsWith(b, k, END_MARK) || k + END_MARK.length !== lineEnd) return -1;
    out.kind = 'exit';
    out.code = neg ? -n : n;
    return lineEnd;
  }
  if (!startsWith(b, i, KILLED)) return -1;
  const nameStart = i + KILLED.length;
  let k = nameStart;
  let hash = 0;
  // the full scanner's \S+: up to a space (any other stop declines the line below)
  for (let c = b[k] as number; k < lineEnd && c > SP && c !== 0xa0; c = b[++k] as number)
    hash = hashStep(hash, c);
  if (k === nameStart) return -1;
  const core = startsWith(b, k, CORE);
  if (!(core ? k + CORE.length === lineEnd : startsWith(b, k, END_MARK) && k + END_MARK.length === lineEnd))
    return -1;
  out.kind = 'killed';
  out.core = core;
  out.nameKey = names.id(b, nameStart, k, hash);
  out.name = names.text(out.nameKey);
  return lineEnd;
}

/** `--- SIGNAME {siginfo} ---`, the line ending at ` ---`. */
function scanSignal(b: Uint8Array, i: number, lineEnd: number, out: StraceLine, names: ByteInterner): number {
  if (
    b[i + 1] !== 45 ||
    b[i + 2] !== 45 ||
    b[i + 3] !== SP ||
    b[i + 4] !== 83 ||
    b[i + 5] !== 73 ||
    b[i + 6] !== 71
  )
    return -1;
  const nameStart = i + 4;
  let k = nameStart;
  let hash = 0;
  for (let c = b[k] as number; (c >= 65 && c <= 90) || isDigit(c) || c === 95; c = b[++k] as number)
    hash = hashStep(hash, c);
  const infoStart = k + 1;
  if (k - nameStart < 4 || k - nameStart > MAX_SIGNAL_NAME || b[k] !== SP || b[infoStart] !== 123 /* { */)
    return -1;
  const endMark = lineEnd - 4;
  if (
    endMark < infoStart ||
    b[endMark] !== SP ||
    b[endMark + 1] !== 45 ||
    b[endMark + 2] !== 45 ||
    b[endMark + 3] !== 45
  )
    return -1;
  out.kind = 'signal';
  out.nameKey = names.id(b, nameStart, k, hash);
  out.name = names.text(out.nameKey);
  out.infoStart = infoStart;
  out.infoEnd = endMark;
  return lineEnd;
}

function startsWith(b: Uint8Array, i: number, text: Uint8Array): boolean {
  for (let k = 0; k < text.length; k++) if (b[i + k] !== text[k]) return false;
  return true;
}

function internText(names: ByteInterner, b: Uint8Array, start: number, end: number): string {
  let hash = 0;
  for (let k = start; k < end; k++) hash = hashStep(hash, b[k] as number);
  return names.get(b, start, end, hash);
}
