/**
 * Number-like tokens. One number as strace prints it: `-1`, `4096`, `0x7ffd1a2b3c40`, `0644` / `077` (octal: modes, umask),
 * `00000000` (zero-padded hex),
 * `18446744073709551615` (kept in `text`; `value` may lose precision past 2^53).
 */

import { DIGIT, HEX, ID_CHAR, isClass } from './char-class.js';

export interface NumberToken {
  end: number;
  value: number;
  base: 8 | 10 | 16;
}

/** Reads a number at `start`; null if there are no digits (a lone `-`). */
export function parseNumberToken(src: string, start: number): NumberToken | null {
  const negative = src.charCodeAt(start) === 45;
  const digitsStart = negative ? start + 1 : start;
  const first = src.charCodeAt(digitsStart);
  const second = src.charCodeAt(digitsStart + 1);
  if (first === 48 && (second === 120 || second === 88) && isClass(src.charCodeAt(digitsStart + 2), HEX)) {
    let i = digitsStart + 2;
    while (isClass(src.charCodeAt(i), HEX)) i++;
    const magnitude = parseInt(src.slice(digitsStart + 2, i), 16);
    return { end: i, value: negative ? -magnitude : magnitude, base: 16 };
  }
  if (first === 48) {
    // Eight or more digits after a leading 0 is zero-padded hex, never octal (modes have at most 7):
    // `nl_groups=00000000`, nodemask `[0x00000000000001, 0000000000000000]` (`%#0*lx` drops 0x for 0).
    let j = digitsStart;
    while (isClass(src.charCodeAt(j), HEX)) j++;
    if (j - digitsStart >= 8) {
      const magnitude = parseInt(src.slice(digitsStart, j), 16);
      return { end: j, value: negative ? -magnitude : magnitude, base: 16 };
    }
  }
  let i = digitsStart;
  let octal = first === 48;
  while (isClass(src.charCodeAt(i), DIGIT)) {
    if (src.charCodeAt(i) >= 56) octal = false;
    i++;
  }
  if (i === digitsStart) return null;
  const digits = src.slice(digitsStart, i);
  if (octal && digits.length > 1) {
    const magnitude = parseInt(digits, 8);
    return { end: i, value: negative ? -magnitude : magnitude, base: 8 };
  }
  const magnitude = Number(digits);
  return { end: i, value: negative ? -magnitude : magnitude, base: 10 };
}

/**
 * End of a hardware address at `start` (`00:00:00:00:00:00`, `96:87:32:9e:90:7e`, netlink
 * IFLA_ADDRESS), or -1: hex pairs joined by `:`, at least two, not running into a name.
 */
export function scanHardwareAddress(src: string, start: number): number {
  if (!isClass(src.charCodeAt(start), HEX) || !isClass(src.charCodeAt(start + 1), HEX)) return -1;
  let i = start + 2;
  while (
    src.charCodeAt(i) === 58 &&
    isClass(src.charCodeAt(i + 1), HEX) &&
    isClass(src.charCodeAt(i + 2), HEX)
  ) {
    i += 3;
  }
  if (i === start + 2 || isClass(src.charCodeAt(i), ID_CHAR)) return -1;
  return i;
}
