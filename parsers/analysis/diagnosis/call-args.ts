import type { Trace } from '../../model/index.js';
import { decodeStraceString } from '../../strace/args/index.js';
import { findStringEnd } from '../../strace/args/string-scan.js';
import { CallRangeReader, emptyCallRanges, readCallText, readFirstQuoted } from '../diff/call-text.js';

/**
 * Cheap readings of one call's arguments from its text, for the diagnosis rules (which look at a few
 * hundred calls, never at every event):
 *
 *   openat(AT_FDCWD</tmp/r>, "/etc/spelunk.conf", O_RDONLY) = -1 ENOENT   -> strings: ["/etc/spelunk.conf"]
 *   write(2</dev/pts/0>, "cat: /etc/spelunk.conf: No such file", 36) = 36   -> fd 2, that text
 */

/** Every top-level quoted string of the call, decoded, in order (paths, written data, argv items). */
function stringArgs(trace: Trace, i: number, max = 8): string[] {
  const text = readCallText(trace, i);
  const out: string[] = [];
  let at = 0;
  while (out.length < max) {
    const q = text.indexOf('"', at);
    if (q < 0) break;
    const end = findStringEnd(text, q);
    if (end < 0) break;
    out.push(decodeStraceString(text.slice(q + 1, end - 1)));
    at = end;
  }
  return out;
}

/** The first quoted string of a call (its path, for path-taking calls), decoded; "" when none. */
export function firstString(trace: Trace, i: number): string {
  // Most calls sit on one plain line: read the string there, not from the whole call's text.
  const body = readFirstQuoted(trace, i);
  if (body !== null) return body === '' ? '' : decodeStraceString(body);
  return stringArgs(trace, i, 1)[0] ?? '';
}

/** The number a call's first argument starts with (`2</dev/pts/0>` -> 2), or null. */
export function leadingNumber(trace: Trace, i: number): number | null {
  const m = /^\s*(-?\d+)/.exec(readCallText(trace, i));
  return m ? Number(m[1]) : null;
}

/** The call's text after its name, result included: `"/etc", O_RDONLY) = 3`. */
export function argsText(trace: Trace, i: number): string {
  return readCallText(trace, i);
}

const WRITE_CALLS = new Set(['write', 'writev', 'pwrite64', 'pwritev', 'pwritev2']);

const reader = new CallRangeReader();
const ranges = emptyCallRanges();

/**
 * Whether the call's first argument may be fd 1 or 2, read where its line lies (no call text is built):
 * false when it starts with another number or none, what `leadingNumber` would then say. A run's writes
 * are mostly to files and pipes (a build writes thousands): only those to 1 and 2 are decoded.
 */
export function mayWriteToStdio(trace: Trace, i: number): boolean {
  reader.read(trace, i, trace.name(i) + '(', ranges);
  const buf = ranges.buf1;
  const to = ranges.to1;
  let k = ranges.from1;
  while (k < to && ((buf[k] as number) === 32 || ((buf[k] as number) >= 9 && (buf[k] as number) <= 13))) k++;
  // Nothing definite on the first line (a split call goes on in its resumed half): let the text decide.
  // (a space beyond ASCII, which `\s` also skips, too)
  if (k >= to || (buf[k] as number) >= 128) return true;
  if (!isStdioDigit(buf[k] as number)) return false;
  if (k + 1 >= to) return true;
  const next = buf[k + 1] as number;
  return next < 48 || next > 57;
}

function isStdioDigit(c: number): boolean {
  return c === 49 || c === 50;
}

/** For a successful write to a file descriptor: the fd and the bytes written as text; else null. */
export function writtenText(trace: Trace, i: number): { fd: number; text: string } | null {
  if (trace.kind(i) !== 'syscall' || !WRITE_CALLS.has(trace.name(i))) return null;
  if ((trace.columns.errnoId[i] as number) !== 0) return null;
  const fd = leadingNumber(trace, i);
  if (fd === null) return null;
  // writev(2, [{iov_base="a", iov_len=1}, {iov_base="b", ...}], 2): every string is a piece.
  const pieces = stringArgs(trace, i, trace.name(i).endsWith('v') || trace.name(i).endsWith('v2') ? 64 : 1);
  return { fd, text: pieces.join('') };
}
