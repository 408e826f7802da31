type Column = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;

/** Arrays with more than 1/KEEP_SLACK of their room spare are copied down; fuller ones are kept. */
const KEEP_SLACK = 8;

/**
 * The first `n` elements of a growable array, once it is done growing: a view when the array is nearly
 * full (copying a few hundred MB to save a few percent is not worth it), else a copy, so the spare room
 * is let go.
 */
export function fitToCount<T extends Column>(a: T, n: number): T {
  const spare = a.length - n;
  return (spare > a.length / KEEP_SLACK ? a.slice(0, n) : a.subarray(0, n)) as T;
}
