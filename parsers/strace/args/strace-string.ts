/**
 * strace's string escaping, both ways. Real examples (esc.log, tricky.txt 03-09):
 *
 *   "tab\there \"quoted\" back\\slash nl\n"      named escapes
 *   "\0001\09\0012\r\v\f\7\10\33\177\200 ~`'?\0"   octal, fewest digits unless an octal digit follows
 *   "utf8 \303\251 \303\274"                       UTF-8 bytes as octal: decodes to "utf8 é ü"
 *   "\x01\x7f\xff\xe9 end"                         -x / --strings-in-hex: always two hex digits
 *
 * strace prints bytes, so decoding gives bytes first; they become text as UTF-8 when they form valid
 * UTF-8, otherwise one latin1 char per byte (binary buffers such as "\177ELF\2\1\1...").
 */

import type { StringArg } from '../../model/args.js';
import { findStringEnd } from './string-scan.js';

const utf8Decoder = new TextDecoder('utf-8');
const utf8Encoder = new TextEncoder();

/** The decoded text of a string body and whether it had to fall back to one char per byte. */
export interface DecodedStraceText {
  value: string;
  latin1: boolean;
}

/**
 * The string literal at `start` (`"..."`, `"..."...` truncated, `@"..."` abstract, whose quote is at
 * `quote`), or null if it never closes.
 */
export function readStringTerm(
  src: string,
  start: number,
  quote: number,
  abstract: boolean,
): StringArg | null {
  const end = findStringEnd(src, quote);
  if (end === -1) return null;
  const value = decodeBody(src.slice(quote + 1, end - 1));
  const latin1 = lastWasLatin1;
  const truncated = src.startsWith('...', end);
  const node: StringArg = {
    type: 'string',
    text: src.slice(start, truncated ? end + 3 : end),
    value,
    truncated,
  };
  if (abstract) node.abstract = true;
  if (latin1) node.latin1 = true;
  return node;
}

/** Decodes the text between the quotes: every escape resolved, then UTF-8 if valid, else latin1. */
export function decodeStraceString(quotedBody: string): string {
  return decodeBody(quotedBody);
}

/** Like decodeStraceString, also telling whether the bytes were not UTF-8 (one char per byte). */
export function decodeStraceText(quotedBody: string): DecodedStraceText {
  const value = decodeBody(quotedBody);
  return { value, latin1: lastWasLatin1 };
}

/** Set by decodeBody: the last body decoded was not valid UTF-8. Saves an object per string on the hot path. */
let lastWasLatin1 = false;

/** decodeStraceString without allocating a result object; the latin1 flag goes to lastWasLatin1. */
function decodeBody(quotedBody: string): string {
  lastWasLatin1 = false;
  if (isPlainAscii(quotedBody)) return quotedBody;
  const len = decodeIntoScratch(quotedBody);
  const bytes = scratch.subarray(0, len);
  let high = false;
  for (let i = 0; i < len; i++) {
    if ((bytes[i] as number) >= 0x80) {
      high = true;
      break;
    }
  }
  // Mostly binary buffers ("\6\0\0\0\4\0...") are pure ASCII bytes: no UTF-8 check needed.
  if (!high) return bytesToLatin1(bytes);
  if (isValidUtf8(bytes)) return utf8Decoder.decode(bytes);
  lastWasLatin1 = true;
  return sawRawNonAscii ? decodeMixedLatin1(quotedBody) : bytesToLatin1(bytes);
}

/** The raw bytes a string body stands for. Raw non-ASCII characters (never printed by strace) count as their UTF-8 bytes. */
export function decodeStraceBytes(quotedBody: string): Uint8Array {
  return scratch.slice(0, decodeIntoScratch(quotedBody));
}

/** Reused output buffer: escapes only shrink the text, raw non-ASCII chars grow by at most 3x. */
let scratch = new Uint8Array(4096);

function decodeIntoScratch(quotedBody: string): number {
  const n = quotedBody.length;
  if (scratch.length < n * 3) scratch = new Uint8Array(Math.max(n * 3, scratch.length * 2));
  const out = scratch;
  sawRawNonAscii = false;
  let len = 0;
  let i = 0;
  while (i < n) {
    const c = quotedBody.charCodeAt(i);
    if (c === 92 /* \ */) {
      out[len++] = readEscape(quotedBody, i);
      i = escapeEnd;
    } else if (c < 128) {
      out[len++] = c;
      i++;
    } else {
      sawRawNonAscii = true;
      const cp = quotedBody.codePointAt(i) ?? c;
      len += utf8Encoder.encodeInto(String.fromCodePoint(cp), out.subarray(len)).written;
      i += cp > 0xffff ? 2 : 1;
    }
  }
  return len;
}

/** Set by decodeIntoScratch: the body held raw characters past ASCII (strace never prints those). */
let sawRawNonAscii = false;

/**
 * Latin1 fallback for a body that mixes escapes with raw non-ASCII characters: escaped bytes become
 * one char each, raw characters stay themselves instead of turning into their UTF-8 bytes.
 */
function decodeMixedLatin1(quotedBody: string): string {
  let s = '';
  let i = 0;
  while (i < quotedBody.length) {
    if (quotedBody.charCodeAt(i) === 92) {
      s += String.fromCharCode(readEscape(quotedBody, i));
      i = escapeEnd;
    } else {
      s += quotedBody[i];
      i++;
    }
  }
  return s;
}

/** Set by readEscape: index just past the escape it read. */
let escapeEnd = 0;

/** The byte of the escape whose backslash is at `i`; escapeEnd is set past it. */
function readEscape(body: string, i: number): number {
  const e = body.charCodeAt(i + 1);
  if (e >= 48 && e <= 55) {
    // Octal: greedy, 1 to 3 digits ("\0001" is NUL then "1").
    let v = e - 48;
    let j = i + 2;
    while (j < i + 4) {
      const d = body.charCodeAt(j);
      if (!(d >= 48 && d <= 55)) break;
      v = v * 8 + (d - 48);
      j++;
    }
    escapeEnd = j;
    return v & 0xff;
  }
  if (e === 120 /* x */) {
    // Hex: always two digits ("\x001" is NUL then "1"); take fewer only at a damaged end.
    let v = 0;
    let j = i + 2;
    while (j < i + 4 && hexValue(body.charCodeAt(j)) >= 0) {
      v = v * 16 + hexValue(body.charCodeAt(j));
      j++;
    }
    escapeEnd = j;
    return j === i + 2 ? 120 : v;
  }
  if (Number.isNaN(e)) {
    escapeEnd = i + 1;
    return 92; // a lone trailing backslash: keep it
  }
  escapeEnd = i + 2;
  return NAMED_ESCAPES[e] ?? e;
}

/** Strict UTF-8 check (no overlongs, no surrogates, max U+10FFFF), as TextDecoder's fatal mode, without exceptions. */
function isValidUtf8(b: Uint8Array): boolean {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      else if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      else if (c === 0xf4) hi = 0x8f;
    } else return false;
    if (i + need >= n) return false;
    const second = b[i + 1];
    if (second === undefined || second < lo || second > hi) return false;
    for (let k = 2; k <= need; k++) {
      const x = b[i + k];
      if (x === undefined || x < 0x80 || x > 0xbf) return false;
    }
    i += need + 1;
  }
  return true;
}

/** Escape letters strace (or C) uses, by the letter's char code. */
const NAMED_ESCAPES: Record<number, number> = {
  110: 10, // \n
  116: 9, // \t
  114: 13, // \r
  118: 11, // \v
  102: 12, // \f
  97: 7, // \a
  98: 8, // \b
};

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

function isPlainAscii(s: string): boolean {
  if (s.indexOf('\\') !== -1) return false;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 128) return false;
  return true;
}

function bytesToLatin1(bytes: Uint8Array): string {
  const chunk = 8192;
  if (bytes.length <= chunk) return String.fromCharCode.apply(null, bytes as unknown as number[]);
  let s = '';
  for (let i = 0; i < bytes.length; i += chunk) {
    s += String.fromCharCode.apply(null, bytes.subarray(i, i + chunk) as unknown as number[]);
  }
  return s;
}

export interface EncodeStraceOptions {
  /** Encode the string one byte per char (it was decoded as latin1); chars past 0xff force UTF-8. */
  latin1?: boolean;
  /** Extra printable characters to write as octal, as strace does for `<>` in `-y` paths. */
  escape?: string;
}

/**
 * Writes bytes (or a string, as UTF-8 or latin1) the way strace prints a string body, without quotes.
 * decodeStraceText(encodeStraceString(s)) gives back s.
 */
export function encodeStraceString(value: string | Uint8Array, options: EncodeStraceOptions = {}): string {
  const bytes = typeof value === 'string' ? stringToBytes(value, options.latin1 === true) : value;
  const extra = options.escape ?? '';
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (b === 34) out += '\\"';
    else if (b === 92) out += '\\\\';
    else if (b >= 0x20 && b <= 0x7e && extra.indexOf(String.fromCharCode(b)) === -1)
      out += String.fromCharCode(b);
    else if (b === 12) out += '\\f';
    else if (b === 10) out += '\\n';
    else if (b === 13) out += '\\r';
    else if (b === 9) out += '\\t';
    else if (b === 11) out += '\\v';
    else {
      // Fewest octal digits, unless the next raw byte is an octal digit (then all three).
      const next = bytes[i + 1];
      const octal = b.toString(8);
      const nextIsOctalDigit = next !== undefined && next >= 48 && next <= 55;
      out += '\\' + (nextIsOctalDigit ? octal.padStart(3, '0') : octal);
    }
  }
  return out;
}

function stringToBytes(value: string, latin1: boolean): Uint8Array {
  if (latin1) {
    const bytes = new Uint8Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c > 0xff) return utf8Encoder.encode(value);
      bytes[i] = c;
    }
    return bytes;
  }
  return utf8Encoder.encode(value);
}
