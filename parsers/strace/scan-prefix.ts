/**
 * The fields strace writes before the event, in its fixed order:
 *   pid  [secontext]  absolute time  relative time  [syscall nr]  [instruction pointer]
 * Real prefixes (flags/combo.log, mt.f.stderr.log, flags/t_r.log, flags/basic.r.log):
 *   9692<vf> 00:58:49.236786 [  58] [00007fd13fc323b8] <... vfork resumed>) = 9693<true> <0.001283>
 *   [pid  6606] <... rt_sigprocmask resumed>NULL, 8) = 0
 *   01:01:48 (+     0.000073) write(1, ...) = 200
 *        0.000211 brk(NULL)                 = 0x55a70d996000
 */

import { scanDecimal, type ScannedNumber } from './scan-number.js';

/** Kernel pids never exceed 2^22; a larger leading number is a `--timestamps=unix,s` time. */
export const PID_MAX = 4194304;

export interface Prefix {
  pid: number | null;
  comm: string | null;
  /** `[pid N]`: the terminal form. */
  bracketPid: boolean;
  absTs: number | null;
  /** The absolute time was a time of day (-t/-tt), with no date. */
  timeOfDay: boolean;
  relTs: number | null;
  nr: number | null;
  ip: string | null;
  /** Where the event text starts. */
  end: number;
}

const SP = 32;
const num: ScannedNumber = { value: 0, end: 0 };
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

function skipSpaces(s: string, i: number): number {
  while (s.charCodeAt(i) === SP) i++;
  return i;
}

function digitsEnd(s: string, i: number): number {
  while (isDigit(s.charCodeAt(i))) i++;
  return i;
}

/**
 * Fills `p` from the line s[start, end); never throws. Fields that are absent stay null. The line is read
 * in place (a line handed over as its own sliced string scans markedly slower).
 */
export function scanPrefix(s: string, p: Prefix, start = 0, end = s.length): void {
  p.pid = null;
  p.comm = null;
  p.bracketPid = false;
  p.absTs = null;
  p.timeOfDay = false;
  p.relTs = null;
  p.nr = null;
  p.ip = null;
  let i = start;

  // pid: "[pid  6606] " (terminal) or "6502  " / "9692<vf> " (-o)
  if (s.startsWith('[pid', start)) {
    const j = skipSpaces(s, start + 4);
    const k = digitsEnd(s, j);
    if (k > j) {
      let m = k;
      if (s.charCodeAt(m) === 60 /* < */) {
        const close = s.indexOf('>', m);
        if (close > 0 && close < end) {
          p.comm = s.slice(m + 1, close);
          m = close + 1;
        }
      }
      if (s.charCodeAt(m) === 93 /* ] */) {
        p.pid = Number(s.slice(j, k));
        p.bracketPid = true;
        i = skipSpaces(s, m + 1);
      }
    }
  } else if (isDigit(s.charCodeAt(start))) {
    let k = start;
    let n = 0;
    for (let d = s.charCodeAt(k); d >= 48 && d <= 57; d = s.charCodeAt(++k)) n = n * 10 + d - 48;
    const c = s.charCodeAt(k);
    if (c === 60 /* < */) {
      // -Y: the comm ends at the first raw '>' (strace escapes '<' and '>' inside it as \74 \76)
      const close = s.indexOf('>', k);
      if (close > 0 && close < end && s.charCodeAt(close + 1) === SP) {
        p.pid = n;
        p.comm = s.slice(k + 1, close);
        i = skipSpaces(s, close + 1);
      }
    } else if (c === SP) {
      if (n <= PID_MAX) {
        p.pid = n;
        i = skipSpaces(s, k);
      }
    }
  }

  i = scanTimes(s, i, p, end);

  // -n: "[  59] " or "[???] "
  if (s.charCodeAt(i) === 91 /* [ */) {
    const j = skipSpaces(s, i + 1);
    const k = digitsEnd(s, j);
    if (k > j && s.charCodeAt(k) === 93 && s.charCodeAt(k + 1) === SP) {
      p.nr = Number(s.slice(j, k));
      i = k + 2;
    } else if (s.startsWith('[???] ', i)) {
      i += 6;
    }
  }
  // -i: "[00007fd13fc323b8] " or "[????????????????] "
  if (s.charCodeAt(i) === 91 /* [ */) {
    const close = s.indexOf(']', i);
    const len = close < end ? close - i - 1 : -1;
    if (
      (len === 16 || len === 8) &&
      s.charCodeAt(close + 1) === SP &&
      /^[0-9a-f?]+$/.test(s.slice(i + 1, close))
    ) {
      p.ip = s.slice(i + 1, close);
      i = close + 2;
    }
  }
  p.end = i;
}

/** Absolute and relative timestamps; returns where they end. */
function scanTimes(s: string, i: number, p: Prefix, lineEnd: number): number {
  const start = i;
  const j = skipSpaces(s, i);
  const padded = j > start && p.pid === null; // "%6ld" padding: only -r pads (after a pid the padding merges)
  if (!isDigit(s.charCodeAt(j))) return i;
  if (s.charCodeAt(j + 2) === 58 /* : */) {
    // HH:MM:SS[.frac]
    const m = /^(\d\d):(\d\d):(\d\d)(\.\d+)? /.exec(s.slice(j, j + 32));
    if (!m) return i;
    // read as one decimal ("3691.971902"), so the fraction adds no float tail (3691.9719020000002)
    const whole = Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
    p.absTs = m[4] ? Number(String(whole) + m[4]) : whole;
    p.timeOfDay = true;
    i = j + m[0].length;
    // -t -r together: "01:01:48 (+     0.000073) "
    if (s.startsWith('(+', i)) {
      const close = s.indexOf(') ', i);
      if (close > 0 && close < lineEnd) {
        const rel = Number(s.slice(i + 2, close).trim());
        if (!Number.isNaN(rel)) {
          p.relTs = rel;
          i = close + 2;
        }
      }
    }
    return i;
  }
  scanDecimal(s, j, num);
  const numEnd = num.end;
  if (s.charCodeAt(numEnd) !== SP) return i;
  const value = num.value;
  // An epoch time has 10 integer digits; a relative one is small (and "%6ld"-padded without a pid).
  if (!padded && value >= 1e6) p.absTs = value;
  else p.relTs = value;
  return numEnd + 1;
}
