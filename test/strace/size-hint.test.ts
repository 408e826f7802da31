/**
 * The size hint only changes how the columns are allocated: a right, a low, a high or no hint all give
 * the same trace, and a right one leaves little spare room (the memory budget is per event).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatTraceDump } from '../../parsers/format/trace-dump.js';
import { createStraceParser } from '../../parsers/strace/index.js';
import { CORPUS } from './corpus-files.js';

function parse(bytes: Uint8Array, sizeHint: number | undefined, chunk = 1 << 16) {
  const p = createStraceParser(sizeHint === undefined ? {} : { sizeHint });
  for (let i = 0; i < bytes.length; i += chunk) p.push(bytes.subarray(i, i + chunk));
  return p.end();
}

describe.each(['format/big.Xverbose.log', 'format/big.v.yy.log', 'format/big.default.log'])('%s', (name) => {
  const bytes = readFileSync(CORPUS + name);
  const expected = formatTraceDump(parse(bytes, undefined));

  it.each([
    ['its size', 1],
    ['a tenth of its size', 0.1],
    ['ten times its size', 10],
  ])('reads the same with a size hint of %s', (_what, factor) => {
    expect(formatTraceDump(parse(bytes, Math.round(bytes.length * factor)))).toBe(expected);
  });

  it('names every call however often the columns grew on the way', () => {
    for (const hint of [undefined, 1000]) {
      const trace = parse(bytes, hint);
      const nameless = Array.from({ length: trace.count }, (_, i) => i).filter(
        (i) => trace.kind(i) === 'syscall' && trace.name(i) === '',
      );
      expect(nameless.map((i) => trace.line(i))).toEqual([]);
    }
  });

  it('keeps at most an eighth of the room spare when told its size', () => {
    const trace = parse(bytes, bytes.length);
    const room = trace.columns.ts.buffer.byteLength / Float64Array.BYTES_PER_ELEMENT;
    expect(room).toBeGreaterThanOrEqual(trace.count);
    expect(room).toBeLessThanOrEqual((trace.count * 8) / 7 + 1);
    expect(trace.sources[0]?.overheadBytes).toBeLessThanOrEqual(
      (((trace.sources[0]?.lineCount ?? 0) * 8) / 7 + 1) * 8,
    );
  });
});
