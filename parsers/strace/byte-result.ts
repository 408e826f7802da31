/**
 * The result after a call's `)`, read from the bytes for the fast path, by the rules of scan-result.ts:
 *
 *   = 3</etc/ld.so.cache> <0.000012>          = 0<pipe:[279503]>          = 3</x>(deleted)
 *   = -1 ENOENT (No such file or directory) <0.000009>
 *   = ? ERESTARTSYS (To be restarted if SA_RESTART is set)
 *   = 1 ([{fd=3, revents=POLLIN}])             = 0x8000 (flags O_RDONLY|O_LARGEFILE)
 *   = -1 (errno 4000) (INJECTED)
 *
 * The value must be `?`, a decimal without a leading zero or 0x hex that a double holds exactly (others,
 * octal `022` included, are the full scanner's), and the line must end right after the result. Notes and
 * errno texts are skipped, not kept: they are decoded from the line when an event is looked at.
 */
import { balancedEnd, decorationClose } from './byte-args.js';
import { hashStep, type ByteInterner } from './byte-interner.js';
import type { StraceLine } from './parse-line.js';
import { POW10 } from './scan-number.js';

const SP = 32;
const LT = 60;
const GT = 62;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** The characters of a printed return value (scan-result.ts). */
const isRetChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70) || c === 120;

/** The value readDecimal read last: module state, so the hot path allocates no result object. */
export let numValue = 0;

/**
 * Reads `digits[.digits]` at `i` as scan-number.ts does; returns the index past it, or -1 if there is no
 * digit there or the value would need Number() (more digits than a double holds exactly).
 */
export function readDecimal(b: Uint8Array, i: number): number {
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

/** The result after `)` at `i`, into `out`; true when it runs exactly to the line's end. */
export function scanResultBytes(
  b: Uint8Array,
  i: number,
  lineEnd: number,
  out: StraceLine,
  errnos: ByteInterner,
): boolean {
  let k = i;
  while (b[k] === SP) k++;
  if (k === i || b[k] !== 61 /* = */ || b[k + 1] !== SP) return false;
  k += 2;

  if (b[k] === 63 /* ? */) return scanResultTail(b, k + 1, lineEnd, out, errnos);
  const neg = b[k] === 45;
  if (neg) k++;
  const v0 = k;
  let v = 0;
  if (b[k] === 48 && b[k + 1] === 120 /* 0x */) {
    if (neg) return false;
    k += 2;
    for (let c = b[k] as number; ; c = b[++k] as number) {
      if (c >= 48 && c <= 57) v = v * 16 + (c - 48);
      else if (c >= 97 && c <= 102) v = v * 16 + (c - 87);
      else if (c >= 65 && c <= 70) v = v * 16 + (c - 55);
      else break;
    }
    if (k === v0 + 2 || k - v0 - 2 > 13) return false;
  } else {
    for (let c = b[k] as number; c >= 48 && c <= 57; c = b[++k] as number) v = v * 10 + (c - 48);
    if (k === v0 || k - v0 > 15 || (b[v0] === 48 && k - v0 > 1)) return false;
  }
  if (isRetChar(b[k] as number)) return false;
  out.retValue = neg ? -v : v;
  return scanResultTail(b, k, lineEnd, out, errnos);
}

/** What follows the value at `k`: `<decoration>`, ` ERRNO (text)`, ` (note)`s, ` <duration>`. */
function scanResultTail(
  b: Uint8Array,
  k: number,
  lineEnd: number,
  out: StraceLine,
  errnos: ByteInterner,
): boolean {
  if (b[k] === LT) {
    // -y/-yy/-Y: "= 3</etc/passwd>", "= 4<TCP:[...]>", "= 9693<true>"; the path is decoded on demand
    k = decorationClose(b, k, lineEnd);
    if (k < 0) return false;
    k++;
    if (matchesDeleted(b, k)) k += 9;
    out.retPath = '';
  }
  let notes = false;
  while (b[k] === SP) {
    const c = b[k + 1];
    if (c === 69 /* E */ && out.errno === null && !notes) {
      let e = k + 2;
      let hash = hashStep(0, 69);
      for (let d = b[e] as number; (d >= 65 && d <= 90) || isDigit(d) || d === 95; d = b[++e] as number)
        hash = hashStep(hash, d);
      if (b[e] !== SP || b[e + 1] !== 40) return false;
      const close = balancedEnd(b, e + 1, lineEnd);
      if (close < 0) return false;
      out.errnoKey = errnos.id(b, k + 1, e, hash);
      out.errno = errnos.text(out.errnoKey);
      k = close;
    } else if (c === 40 /* ( */) {
      const close = balancedEnd(b, k + 1, lineEnd);
      if (close < 0) return false;
      // "= -1 (errno 4000)": an errno number where strace has no name for it
      if (out.errno === null && !notes && out.retValue < 0 && isErrnoNote(b, k + 2)) {
        let hash = 0;
        for (let d = k + 2; d < close - 1; d++) hash = hashStep(hash, b[d] as number);
        out.errnoKey = errnos.id(b, k + 2, close - 1, hash);
        out.errno = errnos.text(out.errnoKey);
      } else notes = true;
      k = close;
    } else if (c === LT) {
      const e = readDecimal(b, k + 2);
      if (e < 0 || b[e] !== GT) return false; // "<unavailable>" and the like: the full scanner's
      out.dur = numValue;
      k = e + 1;
    } else return false;
  }
  return k === lineEnd;
}

/** "errno " at `i`. */
function isErrnoNote(b: Uint8Array, i: number): boolean {
  return (
    b[i] === 101 &&
    b[i + 1] === 114 &&
    b[i + 2] === 114 &&
    b[i + 3] === 110 &&
    b[i + 4] === 111 &&
    b[i + 5] === SP
  );
}

/** "(deleted)" at `i`. */
function matchesDeleted(b: Uint8Array, i: number): boolean {
  return (
    b[i] === 40 &&
    b[i + 1] === 100 &&
    b[i + 2] === 101 &&
    b[i + 3] === 108 &&
    b[i + 4] === 101 &&
    b[i + 5] === 116 &&
    b[i + 6] === 101 &&
    b[i + 7] === 100 &&
    b[i + 8] === 41
  );
}
