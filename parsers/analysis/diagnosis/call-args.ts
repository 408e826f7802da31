import type { Trace } from '../../model/index.js';
import { decodeStraceString } from '../../strace/args/index.js';
import { findStringEnd } from '../../strace/args/string-scan.js';
import { readCallText, readFirstQuoted } from '../diff/call-text.js';

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
