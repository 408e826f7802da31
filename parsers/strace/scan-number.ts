/**
 * Decimal numbers read straight from the line, without making a substring: timestamps and durations
 * (`1795913862.987084`, `<0.000012>`) and returns. Exact: the digits are gathered as one integer and
 * divided once by a power of ten, which rounds like Number("…") does while the integer is exact (below
 * 2^53: `-ttt` microsecond epochs fit); nanosecond epochs fall back to Number().
 */
export interface ScannedNumber {
  value: number;
  /** Index just past the last digit. */
  end: number;
}

export const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** Reads `digits[.digits]` at `i`; `end === i` when there is no digit there. */
export function scanDecimal(s: string, i: number, out: ScannedNumber): void {
  let j = i;
  let n = 0;
  for (let c = s.charCodeAt(j); c >= 48 && c <= 57; c = s.charCodeAt(++j)) {
    n = n * 10 + (c - 48);
  }
  if (j === i) {
    out.value = NaN;
    out.end = i;
    return;
  }
  let scale = 0;
  if (s.charCodeAt(j) === 46 /* . */ && isDigit(s.charCodeAt(j + 1))) {
    j++;
    for (let c = s.charCodeAt(j); c >= 48 && c <= 57; c = s.charCodeAt(++j)) {
      n = n * 10 + (c - 48);
      scale++;
    }
  }
  out.end = j;
  out.value =
    n <= Number.MAX_SAFE_INTEGER && scale < POW10.length
      ? n / (POW10[scale] as number)
      : Number(s.slice(i, j));
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
