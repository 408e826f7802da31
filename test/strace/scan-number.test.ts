import fc from 'fast-check';
import { expect, it } from 'vitest';
import { scanDecimal } from '../../parsers/strace/scan-number.js';

it('reads a decimal exactly as Number() does, whatever its digits', () => {
  const digits = (min: number, max: number) =>
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((d) => d.join(''));
  fc.assert(
    fc.property(digits(1, 12), fc.option(digits(1, 10)), (int, frac) => {
      const text = frac === null ? int : `${int}.${frac}`;
      const out = { value: 0, end: 0 };
      scanDecimal(`${text} `, 0, out);
      expect(out.end).toBe(text.length);
      expect(out.value).toBe(Number(text));
    }),
    { numRuns: 3000 },
  );
});
