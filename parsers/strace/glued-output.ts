import type { ArgNode } from '../model/args.js';
import { decodeStraceBytes, parseArgs } from './args/index.js';

/**
 * The program's own output printed into a `write` line. strace prints a write's arguments before the
 * kernel runs it, so when strace and the traced program share a terminal, the bytes written land right
 * after the count (strace-format.md §3.11):
 *
 *   write(2, "111", 3111) = 3                      the count 3, then the program's "111"
 *   write(2, "ls: ", 4ls: )                     = 4
 *
 * strace shows the whole buffer unless `-s` cut it (`"..."...`), so an uncut string and a count that
 * differ mean the line was written into. Returns why the line is suspect, or null when it is sound or
 * cannot be checked (a cut string, an address instead of a buffer).
 */
export function gluedWriteOutput(args: readonly ArgNode[], argsText: string): string | null {
  const [fd, buf] = args;
  if (!fd || !buf || buf.type !== 'string' || buf.truncated || buf.abstract) return null;
  const at = argsText.indexOf(buf.text, fd.text.length);
  if (at < 0 || !argsText.startsWith(', ', at + buf.text.length)) return null;
  const count = argsText.slice(at + buf.text.length + 2);
  const body = buf.text.slice(1, -1);
  const bytes = String(decodeStraceBytes(body).length);
  if (count === bytes) return null;
  if (count.startsWith(bytes) && count.length > bytes.length) {
    return `the program's own output (${JSON.stringify(count.slice(bytes.length))}) is printed into the line after the count ${bytes}: strace and the program shared a terminal (trace with -o FILE)`;
  }
  return `the count (${JSON.stringify(count)}) is not the ${bytes} bytes of the buffer shown: the line was written into (strace and the program shared a terminal?)`;
}

/** The same from a write's raw argument text (the parser's check, before any event is decoded). */
export function gluedWriteOutputIn(argsText: string): string | null {
  return gluedWriteOutput(parseArgs(argsText), argsText);
}

/**
 * The cheap test the parser runs on every write line, on the bytes or characters [start, end) of its
 * arguments: false when the full check is not needed, because the last argument is a plain decimal
 * equal to the return value (nearly every write) or follows a string `-s` cut (`"..."..., 512`), which
 * leaves nothing to compare.
 */
export function writeNeedsCheck(
  code: (i: number) => number,
  start: number,
  end: number,
  ret: number,
): boolean {
  let j = end - 1;
  let v = 0;
  let scale = 1;
  for (let c = code(j); c >= 48 && c <= 57 && j >= start; c = code(--j)) {
    v += (c - 48) * scale;
    scale *= 10;
  }
  if (scale === 1 || code(j) !== 32 || code(j - 1) !== 44) return true;
  if (v === ret) return false;
  // `"...`: the string before the count was cut
  if (code(j - 2) === 46 && code(j - 3) === 46 && code(j - 4) === 46 && code(j - 5) === 34) return false;
  // A write still running (`<unfinished ...>`, no return yet): the count against the buffer's own length
  // (written as the check writes it: no leading zero).
  if (code(j + 1) === 48 && scale > 10) return true;
  return code(j - 2) !== 34 || stringLength(code, start, j - 1) !== v;
}

/**
 * The length in bytes of the buffer in `FD, "BUF"` at [start, end) (end: the `,` after the closing
 * quote), its escapes read as strace writes them (`\n`, `\177`, `\x7f`: one byte each); -1 when the
 * text is not of that plain shape (a decoration holding a quote, raw bytes past ASCII, no string), so that
 * the full check runs.
 */
function stringLength(code: (i: number) => number, start: number, end: number): number {
  let k = start;
  while (k < end && code(k) >= 48 && code(k) <= 57) k++;
  if (k === start) return -1;
  if (code(k) === 60) {
    // `3</tmp/x>` or `1</dev/pts/0<char 136:0>>`: up to the `>` before `, "`
    while (k < end && !(code(k) === 62 && code(k + 1) === 44 && code(k + 2) === 32 && code(k + 3) === 34)) {
      if (code(k) === 34) return -1;
      k++;
    }
    k++;
  }
  if (code(k) !== 44 || code(k + 1) !== 32 || code(k + 2) !== 34) return -1;
  k += 3;
  let n = 0;
  while (k < end - 1) {
    const c = code(k);
    if (c >= 128) return -1;
    if (c === 34) return -1; // an unescaped quote before the last one: not one string
    n++;
    if (c !== 92) {
      k++;
      continue;
    }
    const e = code(k + 1);
    if (e >= 48 && e <= 55) {
      // octal, greedy, 1 to 3 digits
      let m = k + 2;
      while (m < k + 4 && code(m) >= 48 && code(m) <= 55) m++;
      k = m;
    } else if (e === 120) {
      // hex, up to 2 digits (none: the `x` itself)
      let m = k + 2;
      while (m < k + 4 && isHexDigit(code(m))) m++;
      k = m;
    } else k += 2;
  }
  return k === end - 1 ? n : -1;
}

function isHexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}
