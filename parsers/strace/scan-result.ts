import { skipDecoration, skipString } from './scan-args.js';
import { scanDecimal, type ScannedNumber } from './scan-number.js';

/**
 * The part after a call's `)`: `= ret[<decoration>][ ERRNO (text)][ (note)...][ <duration>]`.
 * Real tails (rets.log, flags/basic.T.log, inject.log, sig.f.log):
 *   = -1 ENOENT (No such file or directory) <0.000009>
 *   = 0x8000 (flags O_RDONLY|O_LARGEFILE)
 *   = 1 (in [3], left {tv_sec=0, tv_nsec=19997096})
 *   = ? ERESTARTSYS (To be restarted if SA_RESTART is set)
 *   = 3</etc/hostname>          = 9693<true> <0.001283>
 *   = -1 (errno 4000) (INJECTED)
 */
export interface Result {
  ret: string;
  /** NaN for `?`. */
  retValue: number;
  retPath: string | null;
  errno: string | null;
  errText: string | null;
  notes: string[] | null;
  dur: number | null;
}

const SP = 32;
const num: ScannedNumber = { value: 0, end: 0 };
/** Where the last result scanResultInto accepted stopped reading. */
let resultEnd = 0;

/** The index just past what the last accepted result read (callers that need the whole tail read). */
export function lastResultEnd(): number {
  return resultEnd;
}

/** Parses the tail starting at `i` (just after `)`) into `r`; false when it is not a result. Never throws. */
export function scanResultInto(s: string, i: number, r: Result, end = s.length): boolean {
  let j = i;
  while (s.charCodeAt(j) === SP) j++;
  if (s.charCodeAt(j) !== 61 /* = */ || j === i || s.charCodeAt(j + 1) !== SP) return false;
  j += 2;
  r.retPath = r.errno = r.errText = r.notes = null;
  r.dur = null;

  // the value: "?" or a number (decimal, negative, hex), maybe decorated
  let k = j;
  if (s.charCodeAt(k) === 63 /* ? */) k++;
  else {
    if (s.charCodeAt(k) === 45 /* - */) k++;
    while (k < end) {
      const c = s.charCodeAt(k);
      if ((c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70) || c === 120) k++;
      else break;
    }
    if (k === j) return false;
  }
  r.ret = s.slice(j, k);
  r.retValue = parseRet(r.ret);
  if (s.charCodeAt(k) === 60 /* < */) {
    const e = skipDecoration(s, k);
    if (e > 0 && e <= end) {
      r.retPath = s.slice(k + 1, e - 1);
      k = e;
      if (s.startsWith('(deleted)', k)) k += 9;
    }
  }

  // " ENAME (text)" or " (errno N)", then " (note)"s, then " <dur>"
  while (k < end && s.charCodeAt(k) === SP) {
    const c = s.charCodeAt(k + 1);
    if (c === 69 /* E */ && r.errno === null && r.notes === null) {
      let e = k + 2;
      for (
        let d = s.charCodeAt(e);
        (d >= 65 && d <= 90) || (d >= 48 && d <= 57) || d === 95;
        d = s.charCodeAt(++e)
      );
      if (s.charCodeAt(e) !== SP || s.charCodeAt(e + 1) !== 40) break;
      r.errno = s.slice(k + 1, e);
      const close = skipBalanced(s, e + 1, end);
      r.errText = s.slice(e + 2, close - 1);
      k = close;
      continue;
    }
    if (c === 40 /* ( */) {
      const close = skipBalanced(s, k + 1, end);
      const note = s.slice(k + 2, close - 1);
      if (r.errno === null && r.notes === null && r.retValue < 0 && note.startsWith('errno ')) r.errno = note;
      else (r.notes ??= []).push(note);
      k = close;
      continue;
    }
    if (c === 60 /* < */) {
      scanDecimal(s, k + 2, num);
      if (num.end > k + 2 && s.charCodeAt(num.end) === 62 /* > */) {
        r.dur = num.value;
        k = num.end + 1;
        continue;
      }
      if (s.startsWith('<unavailable>', k + 1)) {
        (r.notes ??= []).push('unavailable');
        k += 14;
        continue;
      }
      break;
    }
    break;
  }
  resultEnd = k;
  return true;
}

/** Parses the tail starting at `i` (just after `)`); null when it is not a result. */
function scanResult(s: string, i: number, end = s.length): Result | null {
  const r: Result = {
    ret: '',
    retValue: NaN,
    retPath: null,
    errno: null,
    errText: null,
    notes: null,
    dur: null,
  };
  return scanResultInto(s, i, r, end) ? r : null;
}

/** `s[i]` opens a bracket; returns the index just past its matching close (or the line end). */
export function skipBalanced(s: string, i: number, end: number): number {
  let depth = 0;
  for (let j = i; j < end; j++) {
    const c = s.charCodeAt(j);
    if (c === 34) {
      const e = skipString(s, j);
      if (e < 0 || e > end) return end;
      j = e - 1;
    } else if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) {
      if (--depth === 0) return j + 1;
    }
  }
  return end;
}

/** The numeric value of a printed return: decimal, negative, hex ("0x7f..."), octal ("022"). */
function parseRet(text: string): number {
  if (text === '?' || text === '') return NaN;
  const n = text.length;
  if (n < 16) {
    // the common case, a short decimal: read it here rather than through Number()
    const neg = text.charCodeAt(0) === 45;
    let v = 0;
    let k = neg ? 1 : 0;
    if (text.charCodeAt(k) !== 48 || n === k + 1) {
      for (; k < n; k++) {
        const c = text.charCodeAt(k);
        if (c < 48 || c > 57) break;
        v = v * 10 + c - 48;
      }
      if (k === n) return neg ? -v : v;
    }
  }
  if (text.startsWith('0x')) return parseInt(text.slice(2), 16);
  if (text.length > 1 && text.charCodeAt(0) === 48) return parseInt(text, 8);
  return Number(text);
}
