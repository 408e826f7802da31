import { expect, it } from 'vitest';
import { findLayeringViolations } from '../scripts/check-deps.js';

it('keeps the one-way layering: parsers <- collector, parsers <- app', () => {
  expect(findLayeringViolations()).toEqual([]);
});
