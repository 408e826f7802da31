/**
 * Where a `-y`/`-yy`/`-Y` decoration ends, following strace-format.md §6.3. Real examples:
 *
 *   3</etc/hostname>   1</dev/null<char 1:3>>   3</home/user/fmt/work.tmp>(deleted)
 *   5<TCP:[127.0.0.1:46133->127.0.0.1:39958]>   3<UDPv6:[[::]:57384]>
 *   5<UNIX-STREAM:[42714->42710,"/home/user/fmt/s]ock>x"]>   (quoted path: raw `]` and `>` inside)
 *   3</home/user/fmt/odd->   5</home/user/fmt/odd:[x]>   9</a\74b\76c>   9693<true> (-Y comm)
 *
 * Two shapes. `<TYPE:[` (socket/pipe info): skip quoted strings, count `[`/`]`, end at the `]` that
 * brings the depth back to 0 when `>` follows. Anything else (paths, comm names): count raw `<`/`>`,
 * because strace escapes those inside paths, so only nested device info (`<char 1:3>`) nests.
 */

import { ID_CHAR, isClass } from './char-class.js';

export interface DecorationSpan {
  /** Index just past the closing `>` (and past `(deleted)` if present). */
  end: number;
  /** The text between the outer `<` and `>`, device info removed. */
  pathStart: number;
  pathEnd: number;
  /** `TYPE:[...]`: the path is socket/pipe info, printed raw rather than escaped. */
  typed: boolean;
  /** Nested `<char 1:3>`: its inner span, or -1. */
  deviceStart: number;
  deviceEnd: number;
  deleted: boolean;
}

const DELETED = '(deleted)';

/** Scans a decoration whose `<` is at `open`; null if it never closes. */
export function scanDecoration(src: string, open: number): DecorationSpan | null {
  const typedInfoStart = typedPrefixEnd(src, open + 1);
  let close: number;
  let deviceStart = -1;
  let deviceEnd = -1;
  if (typedInfoStart !== -1) {
    close = scanTypedEnd(src, typedInfoStart);
  } else {
    close = -1;
    let depth = 1;
    for (let i = open + 1; i < src.length; i++) {
      const c = src.charCodeAt(i);
      if (c === 60 /* < */) {
        if (depth === 1 && deviceStart === -1) deviceStart = i + 1;
        depth++;
      } else if (c === 62 /* > */) {
        depth--;
        if (depth === 1 && deviceEnd === -1 && deviceStart !== -1) deviceEnd = i;
        if (depth === 0) {
          close = i;
          break;
        }
      }
    }
    // Device info counts only when it sits right before the final `>`: `</dev/null<char 1:3>>`.
    if (deviceStart !== -1 && deviceEnd !== close - 1) {
      deviceStart = -1;
      deviceEnd = -1;
    }
  }
  if (close === -1) return null;
  const deleted = src.startsWith(DELETED, close + 1);
  return {
    end: close + 1 + (deleted ? DELETED.length : 0),
    pathStart: open + 1,
    pathEnd: deviceStart === -1 ? close : deviceStart - 1,
    typed: typedInfoStart !== -1,
    deviceStart,
    deviceEnd,
    deleted,
  };
}

/** For `TYPE:[` at `from` (TYPE = [A-Za-z0-9_-]+), the index just past `[`; else -1. */
function typedPrefixEnd(src: string, from: number): number {
  let i = from;
  for (;;) {
    const c = src.charCodeAt(i);
    if (isClass(c, ID_CHAR) || c === 45 /* - */) i++;
    else break;
  }
  if (i === from || src.charCodeAt(i) !== 58 /* : */ || src.charCodeAt(i + 1) !== 91 /* [ */) return -1;
  return i + 2;
}

/** Index of the closing `>` of a typed decoration whose info starts at `from` (depth 1), or -1. */
function scanTypedEnd(src: string, from: number): number {
  let depth = 1;
  let i = from;
  const n = src.length;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === 34 /* " */) {
      i = skipQuoted(src, i);
      continue;
    }
    if (c === 91 /* [ */) depth++;
    else if (c === 93 /* ] */) {
      depth--;
      if (depth <= 0 && src.charCodeAt(i + 1) === 62 /* > */) return i + 1;
    }
    i++;
  }
  return -1;
}

/** Index just past the string that opens at `quote`, or the end of `src` if it never closes. */
export function skipQuoted(src: string, quote: number): number {
  const end = findStringEnd(src, quote);
  return end === -1 ? src.length : end;
}

/** Index just past the closing quote of the string that opens at `quote`, or -1 if it never closes. */
export function findStringEnd(src: string, quote: number): number {
  let i = quote + 1;
  for (;;) {
    const q = src.indexOf('"', i);
    if (q === -1) return -1;
    // Escaped if preceded by an odd run of backslashes.
    let k = q - 1;
    while (k > quote && src.charCodeAt(k) === 92) k--;
    if ((q - 1 - k) % 2 === 0) return q + 1;
    i = q + 1;
  }
}

/** True if a decoded path would be read back as typed socket info, so the printer writes it raw. */
export function looksTyped(path: string): boolean {
  return typedPrefixEnd(path, 0) !== -1;
}
