/**
 * Finds where a call's argument text ends, without parsing the values. Strings can hold anything
 * (eqstr.log: `write(1, ") = -1 <unfinished ...>", 24) = 24`), so this is a character scanner that knows
 * strings, `/* comments *\/`, `<...>` decorations and bracket depth (strace-format.md §6.3).
 */

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
const BACKSLASH = 92;

/** Index just past the closing quote of the string that opens at `i`, or -1 if it never closes. */
export function skipString(s: string, i: number): number {
  let j = i + 1;
  for (;;) {
    const q = s.indexOf('"', j);
    if (q < 0) return -1;
    let bs = 0;
    for (let k = q - 1; s.charCodeAt(k) === BACKSLASH; k--) bs++;
    if ((bs & 1) === 0) return q + 1;
    j = q + 1;
  }
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/**
 * `s[i]` is a `<` that follows a value (`3</etc/x>`, `4<TCP:[a->b]>`, `AT_FDCWD</cwd>`, `9693<true>`).
 * Returns the index just past the decoration's `>`, or -1 if it does not close on this line.
 *   typed info `<TYPE:[...]>`: brackets counted, quoted unix-socket paths skipped ("/s]ock>x" holds raw ] >);
 *   otherwise: raw `<`/`>` counted, since strace escapes them inside paths and only device info nests
 *   (`1</dev/null<char 1:3>>`).
 */
export function skipDecoration(s: string, i: number): number {
  const typedAt = typedInfoStart(s, i);
  if (typedAt > 0) {
    let depth = 0;
    for (let j = typedAt; j < s.length; j++) {
      const c = s.charCodeAt(j);
      if (c === QUOTE) {
        const e = skipString(s, j);
        if (e < 0) return -1;
        j = e - 1;
      } else if (c === 91 /* [ */) depth++;
      else if (c === 93 /* ] */) {
        depth--;
        if (depth === 0 && s.charCodeAt(j + 1) === 62 /* > */) return j + 2;
      }
    }
    return -1;
  }
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === 60) depth++;
    else if (c === 62 && --depth === 0) return j + 1;
  }
  return -1;
}

/** For `<TYPE:[` (TYPE of [A-Za-z0-9_-]), the index of the `[`; else -1. */
function typedInfoStart(s: string, i: number): number {
  let j = i + 1;
  for (let c = s.charCodeAt(j); isWordChar(c) || c === 45; c = s.charCodeAt(++j));
  return j > i + 1 && s.charCodeAt(j) === 58 && s.charCodeAt(j + 1) === 91 ? j + 1 : -1;
}

const MARKERS: [string, ArgsEnd][] = [
  [' <unfinished ...>', 'unfinished'],
  [' <detached ...>', 'detached'],
];

/**
 * Scans from `i` (just after `name(`, or after `resumed>`) to the end of the argument list.
 * Depth may go below zero in a resumed half; the first `)` at depth <= 0 closes the list.
 */
export function scanArgs(s: string, i: number): ArgsScan {
  let depth = 0;
  const n = s.length;
  for (let j = i; j < n; j++) {
    const c = s.charCodeAt(j);
    if (c >= 128 || SPECIAL[c] === 0) continue;
    switch (c) {
      case QUOTE: {
        const e = skipString(s, j);
        if (e < 0) return { end: n, how: 'eol', after: n };
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
          if (e < 0) return { end: n, how: 'eol', after: n };
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
          if (e > 0) j = e - 1;
        } else if (s.startsWith('<... ', j)) {
          // restart_syscall(<... resuming interrupted read ...>)
          const e = s.indexOf('...>', j + 5);
          if (e > 0) j = e + 3;
        }
        break;
      }
      case 32: // ' ' : markers only ever follow a space
        if (s.charCodeAt(j + 1) === 60) {
          for (const [text, how] of MARKERS) {
            if (s.startsWith(text, j)) return { end: j, how, after: j + text.length };
          }
          if (s.startsWith(' <pid changed to ', j)) {
            const e = s.indexOf('...>', j);
            if (e > 0) return { end: j, how: 'pid-changed', after: e + 4 };
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
