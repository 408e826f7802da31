import { decodeLatin1 } from '../model/latin1.js';

/**
 * Interns short byte strings (syscall, signal and errno names, -Y comms) without decoding them: the same
 * bytes give the same id and the same string object, so a log of two million calls makes a few hundred
 * strings, not two million, and the trace builder maps an id to its column id with one array read.
 */
export class ByteInterner {
  private slots = new Int32Array(1024);
  private readonly keys: Uint8Array[] = [];
  private readonly texts: string[] = [];

  /** The id of b[start, end), whose hash (see `hashStep`) is `hash`; new bytes get the next id. */
  id(b: Uint8Array, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = (this.slots[slot] as number) - 1;
      if (id < 0) return this.add(b, start, end, slot);
      const key = this.keys[id] as Uint8Array;
      if (key.length === end - start && sameBytes(key, b, start)) return id;
    }
  }

  /** The string for b[start, end) (see `id`). */
  get(b: Uint8Array, start: number, end: number, hash: number): string {
    return this.texts[this.id(b, start, end, hash)] as string;
  }

  /** The string of an id. */
  text(id: number): string {
    return this.texts[id] as string;
  }

  get size(): number {
    return this.keys.length;
  }

  private add(b: Uint8Array, start: number, end: number, slot: number): number {
    const id = this.keys.length;
    this.keys.push(b.slice(start, end));
    this.texts.push(decodeLatin1(b, start, end));
    this.slots[slot] = id + 1;
    if (this.keys.length * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    this.keys.forEach((key, id) => {
      let slot = hashBytes(key, 0, key.length) & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = id + 1;
    });
  }
}

/** One step of the interner's hash over a name's bytes, computed while they are scanned. */
export function hashStep(h: number, c: number): number {
  return (Math.imul(h, 31) + c) | 0;
}

/** The interner's hash of b[start, end). */
function hashBytes(b: Uint8Array, start: number, end: number): number {
  let h = 0;
  for (let i = start; i < end; i++) h = hashStep(h, b[i] as number);
  return h;
}

function sameBytes(key: Uint8Array, b: Uint8Array, start: number): boolean {
  for (let i = 0; i < key.length; i++) if (key[i] !== b[start + i]) return false;
  return true;
}
