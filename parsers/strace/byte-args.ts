/**
 * The argument list of a line skipped over in its bytes, by the rules of scan-args.ts (strings, C
 * comments, `-y`/`-yy`/`-Y` decorations, bracket depth, the ` <unfinished ...>` marker), for the byte
 * fast path. Every function is bounded by the line's end (`lineEnd`, the index of its newline) and
 * answers -1 for anything it is not sure of, so that the full scanner reads that line instead.
 *
 *   read(3<pipe:[279473]>, "// \302\251 2016 and later: Unicode, Inc.\n"..., 131072) = 17251
 *   sendto(4<TCP:[127.0.0.1:36602->127.0.0.1:50891]>, "GET /x/8 HTTP/1.1\r\n"..., 43, 0, NULL, 0) = 43
 *   openat(-100 /* AT_FDCWD *\/</home/user/fmt>, "/etc/ld.so.cache", 0x80000 /* O_RDONLY|O_CLOEXEC *\/) = 3
 */

const SP = 32;
const QUOTE = 34;
const LT = 60;
const GT = 62;
const BACKSLASH = 92;

/** 1: a byte the argument scanner must look at; every other one is skipped at once. */
const ARG_SPECIAL = new Uint8Array(256);
for (const ch of '"()[]{}/<\n') ARG_SPECIAL[ch.charCodeAt(0)] = 1;

const UNFINISHED = Uint8Array.from(' <unfinished ...>', (ch) => ch.charCodeAt(0));
export const UNFINISHED_LENGTH = UNFINISHED.length;

/** Strings are scanned byte by byte this far before the native search takes over (its call costs). */
const SHORT_STRING = 24;

const isWordChar = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 95;

/** Set by skipArgs: the list ended at ` <unfinished ...>` (true) or at the call's `)` (false). */
export let endedUnfinished = false;

/**
 * From `i` (just after `name(` or `resumed>`): the index of the `)` that closes the list, or of the space
 * that starts ` <unfinished ...>` (then `endedUnfinished`); -1 for anything else (other markers, an
 * unclosed string, comment or decoration, the line ending inside the list).
 */
export function skipArgs(b: Uint8Array, i: number, lineEnd: number): number {
  let depth = 0;
  for (; i < lineEnd; i++) {
    const c = b[i] as number;
    if (ARG_SPECIAL[c] === 0) continue;
    if (c === 41 /* ) */) {
      if (depth <= 0) {
        endedUnfinished = false;
        return i;
      }
      depth--;
    } else if (c === QUOTE) {
      i = stringClose(b, i, lineEnd);
      if (i < 0) return -1;
    } else if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 93 || c === 125) depth--;
    else if (c === LT) {
      const p = b[i - 1] as number;
      if (p === SP) {
        // the markers scan-args.ts checks at a space followed by "<"
        if (matches(b, i - 1, UNFINISHED)) {
          endedUnfinished = true;
          return i - 1;
        }
        // " <detached ...>", " <pid changed to N ...>", "<... resuming interrupted read ...>": the full scanner's
        return -1;
      }
      if (isWordChar(p) || (p === 47 && b[i - 2] === 42)) {
        if (b[i + 1] === LT)
          i++; // "<<" shift operator
        else {
          i = decorationClose(b, i, lineEnd);
          if (i < 0) return -1;
        }
      } else if (b[i + 1] === 46) return -1; // "<... resuming interrupted read ...>"
    } else if (c === 47 /* / */) {
      if (b[i + 1] !== 42) continue;
      let k = i + 2;
      while (k < lineEnd && !(b[k] === 42 && b[k + 1] === 47)) k++;
      if (k >= lineEnd) return -1;
      i = k + 1;
    } else return -1; // a newline inside the line: not ours
  }
  return -1;
}

/**
 * The index of the quote that closes the string opening at `q` (a quote is escaped by an odd run of
 * backslashes before it, as in string-scan.ts), or -1 when it does not close on this line.
 */
export function stringClose(b: Uint8Array, q: number, lineEnd: number): number {
  // short strings ("", "/etc/x") byte by byte, long ones (-s 128 data) by the native search
  const short = Math.min(lineEnd, q + SHORT_STRING);
  let i = q + 1;
  for (;;) {
    let e = i;
    while (e < short && b[e] !== QUOTE) e++;
    if (e >= short) {
      e = e >= lineEnd ? -1 : b.indexOf(QUOTE, e);
      if (e < 0 || e >= lineEnd) return -1;
    }
    let k = e - 1;
    while (k > q && b[k] === BACKSLASH) k--;
    if ((e - 1 - k) % 2 === 0) return e;
    i = e + 1;
  }
}

/**
 * The index of the `>` closing the decoration whose `<` is at `open` (args/decoration.ts): for
 * `TYPE:[...]` (sockets, pipes) the `]` that brings the bracket depth to 0 before a `>`, strings
 * skipped; otherwise raw `<`/`>` counted (`</dev/null<char 1:3>>`). -1 when it does not close here.
 */
export function decorationClose(b: Uint8Array, open: number, lineEnd: number): number {
  let i = open + 1;
  let c = b[i] as number;
  while (isWordChar(c) || c === 45 /* - */) c = b[++i] as number;
  if (i > open + 1 && c === 58 /* : */ && b[i + 1] === 91 /* [ */) {
    let depth = 1;
    for (i += 2; i < lineEnd; i++) {
      c = b[i] as number;
      if (c === QUOTE) {
        i = stringClose(b, i, lineEnd);
        if (i < 0) return -1;
      } else if (c === 91) depth++;
      else if (c === 93 && --depth <= 0 && b[i + 1] === GT) return i + 1;
    }
    return -1;
  }
  let depth = 1;
  for (i = open + 1; i < lineEnd; i++) {
    c = b[i] as number;
    if (c === LT) depth++;
    else if (c === GT && --depth === 0) return i;
  }
  return -1;
}

/**
 * `b[open]` opens a bracket: the index just past its matching close (scan-result.ts's skipBalanced,
 * strings skipped), or -1 when it does not close on this line.
 */
export function balancedEnd(b: Uint8Array, open: number, lineEnd: number): number {
  let depth = 0;
  for (let i = open; i < lineEnd; i++) {
    const c = b[i] as number;
    if (c === QUOTE) {
      i = stringClose(b, i, lineEnd);
      if (i < 0) return -1;
    } else if (c === 40 || c === 91 || c === 123) depth++;
    else if ((c === 41 || c === 93 || c === 125) && --depth === 0) return i + 1;
  }
  return -1;
}

/** ` <unfinished ...>` at `i`. */
export function isUnfinishedAt(b: Uint8Array, i: number): boolean {
  return matches(b, i, UNFINISHED);
}

function matches(b: Uint8Array, i: number, text: Uint8Array): boolean {
  for (let k = 0; k < text.length; k++) if (b[i + k] !== text[k]) return false;
  return true;
}
