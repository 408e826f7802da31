type Column = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;

/** Arrays with more than 1/KEEP_SLACK of their room spare are copied down; fuller ones are kept. */
const KEEP_SLACK = 8;
/**
 * Arrays this big are kept whatever their spare room: the allocator maps them from the system whole, and
 * pages never written to are never resident, so a copy would only cost time and a second array's worth
 * of memory while it is made.
 */
const KEEP_BYTES = 1 << 20;

/**
 * The first `n` elements of a growable array, once it is done growing: a view when the array is nearly
 * full or big (see KEEP_BYTES), else a copy, so the spare room is let go.
 */
export function fitToCount<T extends Column>(a: T, n: number): T {
  const spare = a.length - n;
  return (spare > a.length / KEEP_SLACK && a.byteLength < KEEP_BYTES ? a.slice(0, n) : a.subarray(0, n)) as T;
}
