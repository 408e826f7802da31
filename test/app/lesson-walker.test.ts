import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openCompare } from '../../app/src/compare/open-compare.js';
import { servedSides } from '../../app/src/compare/compare-sides.js';
import { exitLesson, showStep, startLesson } from '../../app/src/lessons/lesson-controller.js';
import { formatOtherEvents } from '../../app/src/lessons/lesson-walker.js';
import { findServedRun, parseServedList } from '../../app/src/load/served-traces.js';
import { createAppStore } from '../../app/src/store/create-app-store.js';
import { findLesson, focusEvent, resolveStep } from '../../parsers/lessons/index.js';
import type { Trace } from '../../parsers/model/index.js';
import { parseStrace } from '../../parsers/strace/index.js';
import { createInProcessClient, fetchRepositoryFile } from './in-process-worker.js';

const SAMPLES = new URL('../../samples/', import.meta.url).pathname;
const INDEX = readFileSync(SAMPLES + 'index.json', 'utf8');

const sampleTrace = (sample: string, run: string): Trace =>
  parseStrace(readFileSync(`${SAMPLES}${sample}/${run}.strace.log`, 'latin1'));

/** A store that knows the samples, as a static build lists them. */
function storeWithSamples() {
  const store = createAppStore();
  store.getState().setServed(parseServedList(JSON.parse(INDEX), 'samples/'));
  return store;
}

describe('lesson walker (controller and the one store, the real worker in-process)', () => {
  beforeEach(() => vi.stubGlobal('fetch', fetchRepositoryFile));
  afterEach(() => vi.unstubAllGlobals());

  it('opens the step run, selects the step focus and frames every step event', async () => {
    const store = storeWithSamples();
    const { client } = createInProcessClient();
    const lesson = findLesson('bare-chroot-enoent')!;
    await showStep({ store, client }, lesson.id, 2);
    const want = resolveStep(lesson.steps[2]!, (run) => sampleTrace(lesson.sample, run));
    const state = store.getState().lesson;
    expect(state).toMatchObject({
      lessonId: lesson.id,
      stepIndex: 2,
      status: 'ready',
      focus: { slot: 'a', index: focusEvent(want.main) },
    });
    expect(state.events.a).toEqual(want.main.events);
    const app = store.getState();
    expect(app.traces.a?.id).toBe('hello-bare-chroot/chroot');
    expect(app.selection).toEqual({ slot: 'a', index: focusEvent(want.main) });
    const vp = app.viewports.a!;
    const t0 = Math.min(...Array.from(app.traces.a!.columns.ts));
    for (const i of state.events.a!) {
      const x = (app.traces.a!.columns.ts[i] as number) - t0;
      expect(x).toBeGreaterThanOrEqual(vp.x0);
      expect(x).toBeLessThanOrEqual(vp.x1);
    }
  });

  it('shows the run a step compares with beside it (a comparison), and goes back to the run alone', async () => {
    const store = storeWithSamples();
    const { client, loads } = createInProcessClient();
    const deps = { store, client };
    const lesson = findLesson('bare-chroot-enoent')!;
    const k = lesson.steps.findIndex((s) => s.compare);
    await showStep(deps, lesson.id, k);
    expect(loads).toEqual(['hello-bare-chroot/chroot']);
    await showStep(deps, lesson.id, k, 'compare');
    const s = store.getState();
    // Side by side: the run it compares with as A, the step's own run as B, both aligned.
    expect(s.compare).toMatchObject({ active: true, status: 'ready' });
    expect(s.traces.a?.id).toBe(`hello-bare-chroot/${lesson.steps[k]!.compare!.run}`);
    expect(s.traces.b?.id).toBe('hello-bare-chroot/chroot');
    const want = resolveStep(lesson.steps[k]!, (run) => sampleTrace(lesson.sample, run));
    expect(s.lesson.view).toBe('compare');
    expect(s.lesson.events.b).toEqual(want.main.events);
    expect(s.lesson.events.a).toEqual(want.compare!.events);
    expect(s.lesson.focus).toEqual({ slot: 'b', index: focusEvent(want.main) });
    expect(s.compare.selB).toBe(focusEvent(want.main));
    await showStep(deps, lesson.id, k);
    expect(store.getState().compare.active).toBe(false);
    expect(store.getState().traces.a?.id).toBe('hello-bare-chroot/chroot');
  });

  it('drops a slow answer once a newer step was asked for (fast clicking on Next)', async () => {
    const store = storeWithSamples();
    const delay = { ms: 30 };
    const { client } = createInProcessClient(delay);
    const deps = { store, client };
    await startLesson(deps, 'hello-process');
    const slow = showStep(deps, 'hello-process', 1);
    delay.ms = 0;
    const fast = showStep(deps, 'hello-process', 4);
    await Promise.all([slow, fast]);
    const step4 = resolveStep(findLesson('hello-process')!.steps[4]!, (run) =>
      sampleTrace('hello-world', run),
    );
    expect(store.getState().lesson).toMatchObject({
      stepIndex: 4,
      focus: { slot: 'a', index: focusEvent(step4.main) },
    });
    expect(store.getState().selection?.index).toBe(focusEvent(step4.main));
  });

  it('says so when the sample is not served, and leaves the lesson on exit', async () => {
    const store = createAppStore();
    store.getState().setServed([]);
    const { client } = createInProcessClient();
    await showStep({ store, client }, 'seccomp-deny', 0);
    expect(store.getState().lesson.status).toBe('error');
    expect(store.getState().lesson.message).toMatch(/host run of sample "seccomp-deny" is not available/);
    await exitLesson({ store, client });
    expect(store.getState().lesson).toMatchObject({ lessonId: null, status: 'idle', events: {} });
  });

  it('returns to the comparison it was started from when the lesson ends', async () => {
    const store = storeWithSamples();
    const { client } = createInProcessClient();
    const served = store.getState().served!;
    const sides = servedSides(
      findServedRun(served, 'hello-world/host')!,
      findServedRun(served, 'hello-world/chroot')!,
    );
    expect(await openCompare(store, client, ...sides)).toBe(true);
    await startLesson({ store, client }, 'bare-chroot-enoent');
    expect(store.getState().compare.active).toBe(false);
    expect(store.getState().traces.a?.id).toBe('hello-bare-chroot/chroot');
    await exitLesson({ store, client });
    const s = store.getState();
    expect(s.compare).toMatchObject({ active: true, status: 'ready' });
    expect([s.traces.a?.id, s.traces.b?.id]).toEqual(['hello-world/host', 'hello-world/chroot']);
  });

  it('counts the other highlighted events without the focus', () => {
    const line = (i: number) => i + 1;
    expect(formatOtherEvents([3, 4, 8], 3, line)).toBe(' (and 2 more highlighted: lines 5, 9)');
    expect(formatOtherEvents([3, 8], 8, line)).toBe(' (and 1 more highlighted: line 4)');
    expect(formatOtherEvents([3], 3, line)).toBe('');
  });
});
