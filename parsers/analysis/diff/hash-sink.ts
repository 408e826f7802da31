/**
 * Where the normaliser writes: a 53-bit hash of what it emits (two 32-bit FNV-style lanes), and
 * optionally the characters themselves (for tests and display). One is reused for every call.
 */
export class HashSink {
  h1 = 0x811c9dc5;
  h2 = 0x01000193;
  last = 0;
  chars: number[] | null = null;

  reset(seed: number, keepText: boolean): void {
    this.h1 = 0x811c9dc5 ^ seed;
    this.h2 = Math.imul(0x01000193 ^ seed, 0x9e3779b1);
    this.last = 0;
    this.chars = keepText ? [] : null;
  }

  emit(c: number): void {
    this.last = c;
    this.h1 = Math.imul(this.h1 ^ c, 16777619);
    this.h2 = Math.imul(this.h2 ^ c, 0x5bd1e995) ^ (this.h2 >>> 15);
    if (this.chars) this.chars.push(c);
  }

  emitText(text: string, from: number, to: number): void {
    if (to <= from) return;
    if (this.chars) {
      for (let k = from; k < to; k++) this.emit(text.charCodeAt(k));
      return;
    }
    let h1 = this.h1;
    let h2 = this.h2;
    let c = 0;
    for (let k = from; k < to; k++) {
      c = text.charCodeAt(k);
      h1 = Math.imul(h1 ^ c, 16777619);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
    }
    this.h1 = h1;
    this.h2 = h2;
    this.last = c;
  }

  emitString(s: string): void {
    this.emitText(s, 0, s.length);
  }

  get hash(): number {
    return (this.h1 >>> 0) * 0x200000 + ((this.h2 >>> 0) & 0x1fffff);
  }
}
