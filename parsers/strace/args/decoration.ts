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

import type { FdArg } from '../../model/args.js';
import { ID_CHAR, isClass } from './char-class.js';
import { decodeStraceString } from './strace-string.js';
import { skipQuoted } from './string-scan.js';

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

/**
 * Index of the `>` that closes the decoration whose `<` is at `open`, or -1 if it never closes. The one
 * place that knows the §6.3 rule; the line scanner (parsers/strace/scan-args.ts) uses it too.
 */
export function decorationClose(src: string, open: number): number {
  const typedInfoStart = typedPrefixEnd(src, open + 1);
  if (typedInfoStart !== -1) return scanTypedEnd(src, typedInfoStart);
  let depth = 1;
  for (let i = open + 1; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c === 60 /* < */) depth++;
    else if (c === 62 /* > */ && --depth === 0) return i;
  }
  return -1;
}

/** Scans a decoration whose `<` is at `open`; null if it never closes. */
function scanDecoration(src: string, open: number): DecorationSpan | null {
  const typed = typedPrefixEnd(src, open + 1) !== -1;
  const close = decorationClose(src, open);
  let deviceStart = -1;
  let deviceEnd = -1;
  // Device info counts only when it sits right before the final `>`: `</dev/null<char 1:3>>`.
  if (!typed && close > 0 && src.charCodeAt(close - 1) === 62 /* > */) {
    const inner = src.lastIndexOf('<', close - 1);
    if (inner > open) {
      deviceStart = inner + 1;
      deviceEnd = close - 1;
    }
  }
  if (close === -1) return null;
  const deleted = src.startsWith(DELETED, close + 1);
  return {
    end: close + 1 + (deleted ? DELETED.length : 0),
    pathStart: open + 1,
    pathEnd: deviceStart === -1 ? close : deviceStart - 1,
    typed,
    deviceStart,
    deviceEnd,
    deleted,
  };
}

/**
 * The fd node for a value that starts at `start` and whose decoration opens at `open` (`3</p>`,
 * `AT_FDCWD</cwd>`, `-100 /* AT_FDCWD *\/</cwd>`), or null if the decoration never closes. Paths are
 * decoded (`\74` is `<`); socket info (`TCP:[...]`) is kept as printed.
 */
export function readDecoratedValue(
  src: string,
  start: number,
  open: number,
  value: number,
  name: string | undefined,
  comment: string | undefined,
): FdArg | null {
  const span = scanDecoration(src, open);
  if (span === null) return null;
  const rawPath = src.slice(span.pathStart, span.pathEnd);
  const node: FdArg = {
    type: 'fd',
    text: src.slice(start, span.end),
    value,
    path: span.typed ? rawPath : decodeStraceString(rawPath),
  };
  if (name !== undefined) node.name = name;
  if (comment !== undefined) node.comment = comment;
  if (span.deviceStart !== -1) node.device = src.slice(span.deviceStart, span.deviceEnd);
  if (span.deleted) node.deleted = true;
  return node;
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

/** True if a decoded path would be read back as typed socket info, so the printer writes it raw. */
export function looksTyped(path: string): boolean {
  return typedPrefixEnd(path, 0) !== -1;
}
