/**
 * Scans used when a member does not parse: they find where the damage ends without understanding it,
 * skipping strings, comments and bracket groups, so one bad value never swallows its neighbours.
 * Real damage (shared-stderr.log, tracee output glued into the line):  `2, "ls: ", 4ls: `
 */

import { skipQuoted } from './string-scan.js';

/** No closing bracket to stop at (the top-level list). */
export const NO_CLOSER = -1;

/** Index of the next `,` or `closer` at depth 0 from `from` (unmatched closers are passed over), or the end. */
export function scanToSeparator(src: string, from: number, closer: number): number {
  const n = src.length;
  let depth = 0;
  let i = from;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === 34 /* " */) {
      i = skipQuoted(src, i);
      continue;
    }
    if (c === 47 /* / */ && src.charCodeAt(i + 1) === 42 /* * */) {
      i = skipComment(src, i);
      continue;
    }
    if (depth === 0 && (c === 44 /* , */ || c === closer)) break;
    if (c === 40 || c === 91 || c === 123) depth++;
    else if ((c === 41 || c === 93 || c === 125) && depth > 0) depth--;
    i++;
  }
  return i;
}

/** End of an unknown token: the next space, `,` or unmatched closer at depth 0, or the end. */
export function scanToken(src: string, from: number): number {
  const n = src.length;
  let depth = 0;
  let i = from;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === 34) {
      i = skipQuoted(src, i);
      continue;
    }
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && (c === 44 || c === 32)) break;
    i++;
  }
  return i;
}

/** Index just past the bracket group opening at `open`, or the end of `src`. */
export function skipBalanced(src: string, open: number): number {
  const n = src.length;
  let depth = 0;
  let i = open;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === 34) {
      i = skipQuoted(src, i);
      continue;
    }
    if (c === 47 && src.charCodeAt(i + 1) === 42) {
      i = skipComment(src, i);
      continue;
    }
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  return n;
}

function skipComment(src: string, open: number): number {
  const close = src.indexOf('*/', open + 2);
  return close === -1 ? src.length : close + 2;
}
