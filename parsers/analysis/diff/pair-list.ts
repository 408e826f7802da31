/** Status of one aligned entry. Codes are the index in this list. */
export const PAIR_STATUSES = ['equal', 'changed', 'onlyA', 'onlyB'] as const;
export type PairStatus = (typeof PAIR_STATUSES)[number];
export const EQUAL = 0;
export const CHANGED = 1;
export const ONLY_A = 2;
export const ONLY_B = 3;

/**
 * The alignment as three columns: event index in A (-1: none), event index in B (-1: none), status code.
 * A million entries cost 9 MB here instead of a million objects.
 */
export class PairList {
  private cap: number;
  a: Int32Array;
  b: Int32Array;
  status: Uint8Array;
  count = 0;

  constructor(initialCapacity = 1024) {
    this.cap = Math.max(16, initialCapacity);
    this.a = new Int32Array(this.cap);
    this.b = new Int32Array(this.cap);
    this.status = new Uint8Array(this.cap);
  }

  push(a: number, b: number, status: number): void {
    if (this.count === this.cap) this.grow();
    this.a[this.count] = a;
    this.b[this.count] = b;
    this.status[this.count] = status;
    this.count++;
  }

  statusName(k: number): PairStatus {
    return PAIR_STATUSES[this.status[k] as number] as PairStatus;
  }

  private grow(): void {
    this.cap *= 2;
    const a = new Int32Array(this.cap);
    a.set(this.a);
    const b = new Int32Array(this.cap);
    b.set(this.b);
    const s = new Uint8Array(this.cap);
    s.set(this.status);
    this.a = a;
    this.b = b;
    this.status = s;
  }
}
