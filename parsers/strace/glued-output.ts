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
  return !(code(j - 2) === 46 && code(j - 3) === 46 && code(j - 4) === 46 && code(j - 5) === 34);
}
