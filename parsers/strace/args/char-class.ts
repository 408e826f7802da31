/**
 * Character classes for the argument scanner, as a 128-entry bit table so the hot loops test one
 * `charCodeAt` against a mask instead of running a regex per character.
 */

export const DIGIT = 1;
export const HEX = 2;
export const ID_START = 4;
export const ID_CHAR = 8;
const OCT = 16;

const CHAR_CLASS = buildCharClass();

function buildCharClass(): Uint8Array {
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    const ch = String.fromCharCode(c);
    let bits = 0;
    if (ch >= '0' && ch <= '9') bits |= DIGIT | HEX | ID_CHAR;
    if (ch >= '0' && ch <= '7') bits |= OCT;
    if ((ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F')) bits |= HEX;
    if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch === '_') bits |= ID_START | ID_CHAR;
    table[c] = bits;
  }
  return table;
}

/** True if `code` (a UTF-16 unit, possibly NaN past the end) has one of the `mask` bits. */
export function isClass(code: number, mask: number): boolean {
  return code < 128 && ((CHAR_CLASS[code] ?? 0) & mask) !== 0;
}
