/**
 * Finds where a call's argument text ends, without parsing the values. Strings can hold anything
 * (eqstr.log: `write(1, ") = -1 <unfinished ...>", 24) = 24`), so this is a character scanner that knows
 * strings, `/* comments *\/`, `<...>` decorations and bracket depth (strace-format.md §6.3).
 */

import { decorationClose } from './args/decoration.js';
import { findStringEnd } from './args/string-scan.js';

export type ArgsEnd =
  /** `)`: the call's closing parenthesis. */
  | 'paren'
  /** ` <unfinished ...>` */
  | 'unfinished'
  /** ` <detached ...>` */
  | 'detached'
  /** ` <pid changed to N ...>` (-ff: a thread's execve) */
  | 'pid-changed'
  /** The line ended first. */
  | 'eol';

export interface ArgsScan {
  /** Index of the `)` or of the space before the marker, or the line length. */
  end: number;
  how: ArgsEnd;
  /** Index just past the marker (for markers), else equal to `end`. */
  after: number;
}

const QUOTE = 34;

/** Index just past the closing quote of the string that opens at `i`, or -1 if it never closes. */
export const skipString = findStringEnd;

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** `s[i]` is a `<` that follows a value: the index just past the decoration's `>`, or -1. */
export function skipDecoration(s: string, i: number): number {
  const close = decorationClose(s, i);
  return close < 0 ? -1 : close + 1;
}

const MARKERS: [string, ArgsEnd][] = [
  [' <unfinished ...>', 'unfinished'],
  [' <detached ...>', 'detached'],
];

/**
 * Scans from `i` (just after `name(`, or after `resumed>`) to the end of the argument list.
 * Depth may go below zero in a resumed half; the first `)` at depth <= 0 closes the list.
 */
export function scanArgs(s: string, i: number, end = s.length): ArgsScan {
  let depth = 0;
  const n = end;
  for (let j = i; j < n; j++) {
    const c = s.charCodeAt(j);
    if (c >= 128 || SPECIAL[c] === 0) continue;
    switch (c) {
      case QUOTE: {
        const e = skipString(s, j);
        if (e < 0 || e > n) return { end: n, how: 'eol', after: n };
        j = e - 1;
        break;
      }
      case 40: // (
      case 91: // [
      case 123: // {
        depth++;
        break;
      case 41: // )
        if (depth <= 0) return { end: j, how: 'paren', after: j };
        depth--;
        break;
      case 93: // ]
      case 125: // }
        depth--;
        break;
      case 47: // / : a C comment holds free text ("/* 39 vars */", dates)
        if (s.charCodeAt(j + 1) === 42) {
          const e = s.indexOf('*/', j + 2);
          if (e < 0 || e + 2 > n) return { end: n, how: 'eol', after: n };
          j = e + 1;
        }
        break;
      case 60: {
        // "<": a decoration follows a value (`3</x>`) or a comment (-X verbose: `-100 /* AT_FDCWD */</cwd>`)
        const p = s.charCodeAt(j - 1);
        if (isWordChar(p) || (p === 47 && s.charCodeAt(j - 2) === 42)) {
          if (s.charCodeAt(j + 1) === 60) {
            j++; // "<<" shift operator
            break;
          }
          const e = skipDecoration(s, j);
          if (e > 0 && e <= n) j = e - 1;
        } else if (s.startsWith('<... ', j)) {
          // restart_syscall(<... resuming interrupted read ...>)
          const e = s.indexOf('...>', j + 5);
          if (e > 0 && e + 4 <= n) j = e + 3;
        }
        break;
      }
      case 32: // ' ' : markers only ever follow a space
        if (s.charCodeAt(j + 1) === 60) {
          for (const [text, how] of MARKERS) {
            if (s.startsWith(text, j) && j + text.length <= n) return { end: j, how, after: j + text.length };
          }
          if (s.startsWith(' <pid changed to ', j)) {
            const e = s.indexOf('...>', j);
            if (e > 0 && e + 4 <= n) return { end: j, how: 'pid-changed', after: e + 4 };
          }
        }
        break;
    }
  }
  return { end: n, how: 'eol', after: n };
}

/** The characters scanArgs must look at; every other one is skipped at once. */
const SPECIAL = new Uint8Array(128);
for (const ch of '"()[]{}/< ') SPECIAL[ch.charCodeAt(0)] = 1;
