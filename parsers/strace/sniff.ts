import { parseStraceLine } from './parse-line.js';

/**
 * Cheap yes/no: does this text look like strace output? Reuses the real line parser on the first lines
 * instead of a second set of patterns, so detection and parsing cannot disagree.
 */
export function sniffStrace(head: string): boolean {
  const lines = head.split('\n', 50);
  if (head.length > 4096 && lines.length > 1) lines.pop(); // the last one may be cut off
  let calls = 0;
  let other = 0;
  for (const l of lines) {
    const k = parseStraceLine(l).kind;
    if (k === 'call' || k === 'unfinished' || k === 'resumed') calls++;
    else if (k === 'unknown') other++;
  }
  return calls > 0 && calls >= other;
}
