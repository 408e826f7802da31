import { readSync } from 'node:fs';

/** Bytes [start, end) of an open file (fewer at its end), into a fresh buffer the caller may keep or transfer. */
export function readRange(fd: number, start: number, end: number): Uint8Array {
  const out = new Uint8Array(Math.max(0, end - start));
  let at = 0;
  while (at < out.length) {
    const n = readSync(fd, out, at, out.length - at, start + at);
    if (n === 0) break;
    at += n;
  }
  return at === out.length ? out : out.subarray(0, at);
}
