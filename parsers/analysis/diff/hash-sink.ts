import type { Units } from './code-units.js';

/**
 * Where the normaliser writes: a 53-bit hash of what it emits (two 32-bit FNV-style lanes), one unit at
 * a time, so that text hashed in pieces hashes as it would whole. One is reused for every call.
 */
export class HashSink {
  h1 = 0x811c9dc5;
  h2 = 0x01000193;
  last = 0;

  reset(seed: number): void {
    this.h1 = 0x811c9dc5 ^ seed;
    this.h2 = Math.imul(0x01000193 ^ seed, 0x9e3779b1);
    this.last = 0;
  }

  emit(c: number): void {
    this.last = c;
    this.h1 = Math.imul(this.h1 ^ c, 16777619);
    this.h2 = Math.imul(this.h2 ^ c, 0x5bd1e995) ^ (this.h2 >>> 15);
  }

  /** Units buf[from, to) (a line's bytes or UTF-16 units). */
  emitText(buf: Units, from: number, to: number): void {
    if (to <= from) return;
    let h1 = this.h1;
    let h2 = this.h2;
    let c = 0;
    for (let k = from; k < to; k++) {
      c = buf[k] as number;
      h1 = Math.imul(h1 ^ c, 16777619);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
    }
    this.h1 = h1;
    this.h2 = h2;
    this.last = c;
  }

  /**
   * Hashes from `from` (included, whatever it is) up to the first unit below 128 that `stops` marks,
   * or `to`; returns where it stopped. One pass over a run, where finding its end and then hashing it
   * would read it twice.
   */
  emitRun(buf: Units, from: number, to: number, stops: Uint8Array): number {
    let h1 = this.h1;
    let h2 = this.h2;
    let c = buf[from] as number;
    let k = from;
    for (;;) {
      h1 = Math.imul(h1 ^ c, 16777619);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
      if (++k >= to) break;
      const d = buf[k] as number;
      if (d < 128 && (stops[d] as number) !== 0) break;
      c = d;
    }
    this.h1 = h1;
    this.h2 = h2;
    this.last = c;
    return k;
  }

  /**
   * Hashes the string literal whose opening quote is at `from`, through its closing quote (a quote after
   * a backslash does not close it), or up to `to`; returns the index past what it hashed.
   */
  emitQuoted(buf: Units, from: number, to: number): number {
    let h1 = Math.imul(this.h1 ^ 34, 16777619);
    let h2 = Math.imul(this.h2 ^ 34, 0x5bd1e995) ^ (this.h2 >>> 15);
    let c = 34;
    let k = from + 1;
    let escaped = false;
    while (k < to) {
      c = buf[k++] as number;
      h1 = Math.imul(h1 ^ c, 16777619);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
      if (escaped) escaped = false;
      else if (c === 92) escaped = true;
      else if (c === 34) break;
    }
    this.h1 = h1;
    this.h2 = h2;
    this.last = c;
    return k;
  }

  emitString(s: string): void {
    for (let k = 0; k < s.length; k++) this.emit(s.charCodeAt(k));
  }

  get hash(): number {
    return (this.h1 >>> 0) * 0x200000 + ((this.h2 >>> 0) & 0x1fffff);
  }
}
