import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatUrlState, parseUrlState } from '../../app/src/logic/url-state.js';
import type { UrlState } from '../../app/src/logic/url-state.js';
import { createAppStore } from '../../app/src/store/create-app-store.js';
import { EMPTY_FILTERS } from '../../app/src/store/filters.js';
import { loadCorpusTrace } from './load-corpus.js';

describe('app store', () => {
  it('loading a trace clears its selection, filters and viewport; other slots keep theirs', () => {
    const store = createAppStore();
    const { data: a } = loadCorpusTrace('foo-host.log');
    const { data: b } = loadCorpusTrace('foo-chroot-fails.log');
    const s = store.getState();
    s.setTrace('a', a);
    s.setTrace('b', b);
    s.setViewport('a', { x0: 0, x1: 1, laneTop: 0 });
    s.setViewport('b', { x0: 0, x1: 2, laneTop: 0 });
    s.select({ slot: 'a', index: 3 });
    s.setFilters({ failedOnly: true });
    store.getState().setTrace('a', a);
    const after = store.getState();
    expect(after.selection).toBeNull();
    expect(after.filters).toEqual(EMPTY_FILTERS);
    expect(after.viewports.a).toBeUndefined();
    expect(after.viewports.b).toEqual({ x0: 0, x1: 2, laneTop: 0 });
    expect(after.traces.b).toBe(b);
  });

  it('keeps the four fixed highlights out of the user list and ignores duplicates', () => {
    const store = createAppStore();
    store.getState().addHighlight('execve');
    store.getState().addHighlight('openat');
    store.getState().addHighlight('openat');
    store.getState().addHighlight('  read ');
    expect(store.getState().highlights).toEqual(['openat', 'read']);
    store.getState().removeHighlight('openat');
    expect(store.getState().highlights).toEqual(['read']);
  });

  it('switching x between time and call order resets the windows (their units differ)', () => {
    const store = createAppStore();
    store.getState().setViewport('a', { x0: 0.1, x1: 0.2, laneTop: 0 });
    store.getState().setXMode('order');
    expect(store.getState().viewports.a).toBeUndefined();
  });
});

describe('URL state', () => {
  const name = fc.stringMatching(/^[a-z_][a-z0-9_]{0,12}$/);
  const id = fc.stringMatching(/^[a-z0-9-]{1,10}\/[a-z]{1,8}$/);
  const target = fc.oneof(
    fc.record({ trace: fc.option(fc.string({ minLength: 1 }), { nil: null }), compare: fc.constant(null) }),
    fc.record({ trace: fc.constant(null), compare: fc.tuple(id, id) }),
  );
  const view = fc.record({
    xMode: fc.constantFrom('time' as const, 'order' as const),
    window: fc.option(
      fc
        .tuple(fc.double({ min: 0, max: 1e4, noNaN: true }), fc.double({ min: 1e-3, max: 1e4, noNaN: true }))
        .map(([a, d]): [number, number] => [a, a + d]),
      { nil: null },
    ),
    selected: fc.option(fc.nat(), { nil: null }),
    selectedB: fc.option(fc.nat(), { nil: null }),
    linked: fc.boolean(),
    filters: fc.record({
      names: fc.array(name, { maxLength: 3 }),
      categories: fc.subarray(['file', 'memory', 'process'] as ('file' | 'memory' | 'process')[]),
      pids: fc.array(fc.nat(99999), { maxLength: 3 }),
      errno: fc.constantFrom('', 'ENOENT', 'EACCES'),
      failedOnly: fc.boolean(),
      text: fc.string(),
    }),
    highlights: fc.array(name, { maxLength: 3 }),
  });
  const state: fc.Arbitrary<UrlState> = fc.tuple(target, view).map(([t, v]) => ({ ...t, ...v }));

  it('round-trips through the hash, for one trace and for a comparison (its zoom, link and both selections)', () => {
    fc.assert(
      fc.property(state, (s) => {
        const back = parseUrlState(`#${formatUrlState(s)}`);
        expect(back.trace).toBe(s.trace);
        expect(back.compare).toEqual(s.compare);
        expect(back.xMode).toBe(s.xMode);
        expect(back.selected).toBe(s.selected);
        if (s.compare) {
          expect(back.selectedB).toBe(s.selectedB);
          expect(back.linked).toBe(s.linked);
        }
        expect(back.filters).toEqual(s.filters);
        expect(back.highlights).toEqual(s.highlights);
        if (s.window) {
          expect(back.window![0]).toBeCloseTo(s.window[0], 6);
          expect(back.window![1]).toBeCloseTo(s.window[1], 6);
        } else expect(back.window).toBeNull();
      }),
    );
  });

  it('ignores what it does not understand', () => {
    const s = parseUrlState('#view=abc&sel=-3&cat=bogus,file&x=sideways');
    expect(s.window).toBeNull();
    expect(s.selected).toBeNull();
    expect(s.filters.categories).toEqual(['file']);
    expect(s.xMode).toBe('time');
  });
});
