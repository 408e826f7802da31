import { parseStraceLine } from './parse-line.js';

/**
 * Cheap yes/no: does this text (the start of a file) look like strace output? Reuses the real line parser
 * on the first lines instead of a second set of patterns, so detection and parsing cannot disagree.
 */
export function sniffStrace(head: string): boolean {
  const lines = head.split('\n', 50);
  const cut = !head.endsWith('\n');
  let calls = 0;
  let other = 0;
  lines.forEach((l, n) => {
    const p = parseStraceLine(l);
    const k = p.kind;
    // the last line of a head may be cut off inside its arguments: a call all the same
    const cutCall = cut && n === lines.length - 1 && p.argsEndedBy === 'eol' && p.name !== '';
    if (k === 'call' || k === 'unfinished' || k === 'resumed' || cutCall) calls++;
    else if (k === 'unknown' && !(cut && n === lines.length - 1)) other++;
  });
  return calls > 0 && calls >= other;
}
