import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  exitLesson,
  forgetServedTraces,
  showStep,
  startLesson,
} from '../../app/src/lessons/lesson-controller.js';
import { createLessonStore } from '../../app/src/lessons/lesson-store.js';
import { createAppStore } from '../../app/src/store/create-app-store.js';
import type { TraceClient } from '../../app/src/trace/trace-client.js';
import type { TraceData } from '../../app/src/trace/trace-data.js';
import { buildTraceData } from '../../app/src/worker/build-trace-data.js';
import type { EventSelector } from '../../parsers/lessons/index.js';
import { findLesson, focusEvent, resolveStep, resolveSelector } from '../../parsers/lessons/index.js';
import type { Trace } from '../../parsers/model/index.js';
import { parseStrace } from '../../parsers/strace/index.js';

const SAMPLES = new URL('../../samples/', import.meta.url).pathname;
const INDEX = readFileSync(SAMPLES + 'index.json', 'utf8');

/**
 * The worker, played by the real parser and selector resolver in-process: `load` parses the sample file a
 * URL names, `select` resolves selectors on it. Only the transport is fake. `delay` holds answers back.
 */
function fakeClient(delay = { ms: 0 }) {
  const traces = new Map<string, Trace>();
  const wait = () => new Promise((r) => setTimeout(r, delay.ms));
  const loads: string[] = [];
  const client = {
    load(slot: string, id: string, title: string, inputs: { url: string }[]) {
      loads.push(id);
      const path = SAMPLES + decodeURIComponent(inputs[0]!.url.replace(/^samples\//, ''));
      const trace = parseStrace(readFileSync(path, 'latin1'), { fileName: path });
      const done = wait().then((): TraceData => {
        traces.set(slot, trace);
        return buildTraceData(trace, id, title, 0, 0);
      });
      return { requestId: loads.length, done };
    },
    cancel() {},
    async select(slot: string, selectors: EventSelector[]) {
      await wait();
      return selectors.map((s) => resolveSelector(traces.get(slot)!, s));
    },
    async phases() {
      return [];
    },
  };
  return { client: client as unknown as TraceClient, loads, traceIn: (slot: string) => traces.get(slot)! };
}

const sampleTrace = (sample: string, run: string): Trace =>
  parseStrace(readFileSync(`${SAMPLES}${sample}/${run}.strace.log`, 'latin1'));

describe('lesson walker (controller and stores, no page)', () => {
  beforeEach(() => {
    // The served list comes from samples/index.json, as in a static build.
    vi.stubGlobal('fetch', async (url: string) =>
      url === 'samples/index.json'
        ? new Response(INDEX, { headers: { 'content-type': 'application/json' } })
        : new Response('not found', { status: 404 }),
    );
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    forgetServedTraces();
  });

  it('opens the step run, selects the step focus and frames every step event', async () => {
    const store = createAppStore();
    const lessons = createLessonStore();
    const { client } = fakeClient();
    const lesson = findLesson('bare-chroot-enoent')!;
    await showStep({ store, client, lessons }, lesson.id, 2);
    const want = resolveStep(lesson.steps[2]!, (run) => sampleTrace(lesson.sample, run));
    const state = lessons.getState();
    expect(state).toMatchObject({
      lessonId: lesson.id,
      stepIndex: 2,
      status: 'ready',
      focus: focusEvent(want.main),
    });
    expect(state.events).toEqual(want.main.events);
    const app = store.getState();
    expect(app.traces.a?.id).toBe('hello-bare-chroot/chroot');
    expect(app.selection).toEqual({ slot: 'a', index: focusEvent(want.main) });
    const vp = app.viewports.a!;
    const t0 = Math.min(...Array.from(app.traces.a!.columns.ts));
    for (const i of state.events) {
      const x = (app.traces.a!.columns.ts[i] as number) - t0;
      expect(x).toBeGreaterThanOrEqual(vp.x0);
      expect(x).toBeLessThanOrEqual(vp.x1);
    }
  });

  it('switches to the comparison run and back, loading each run only when it changes', async () => {
    const store = createAppStore();
    const lessons = createLessonStore();
    const { client, loads } = fakeClient();
    const deps = { store, client, lessons };
    await showStep(deps, 'bare-chroot-enoent', 1);
    await showStep(deps, 'bare-chroot-enoent', 2);
    expect(loads).toEqual(['hello-bare-chroot/chroot']);
    await showStep(deps, 'bare-chroot-enoent', 2, 'compare');
    expect(store.getState().traces.a?.id).toBe('hello-bare-chroot/host');
    expect(lessons.getState().view).toBe('compare');
    await showStep(deps, 'bare-chroot-enoent', 2);
    expect(loads).toEqual(['hello-bare-chroot/chroot', 'hello-bare-chroot/host', 'hello-bare-chroot/chroot']);
  });

  it('drops a slow answer once a newer step was asked for (fast clicking on Next)', async () => {
    const store = createAppStore();
    const lessons = createLessonStore();
    const delay = { ms: 30 };
    const { client } = fakeClient(delay);
    const deps = { store, client, lessons };
    await startLesson(deps, 'hello-process');
    const slow = showStep(deps, 'hello-process', 1);
    delay.ms = 0;
    const fast = showStep(deps, 'hello-process', 4);
    await Promise.all([slow, fast]);
    const step4 = resolveStep(findLesson('hello-process')!.steps[4]!, (run) =>
      sampleTrace('hello-world', run),
    );
    expect(lessons.getState()).toMatchObject({ stepIndex: 4, focus: focusEvent(step4.main) });
    expect(store.getState().selection?.index).toBe(focusEvent(step4.main));
  });

  it('says so when the sample is not served, and leaves the lesson on exit', async () => {
    const store = createAppStore();
    const lessons = createLessonStore();
    const { client } = fakeClient();
    vi.stubGlobal(
      'fetch',
      async () =>
        new Response(JSON.stringify({ samples: [] }), { headers: { 'content-type': 'application/json' } }),
    );
    await showStep({ store, client, lessons }, 'seccomp-deny', 0);
    expect(lessons.getState().status).toBe('error');
    expect(lessons.getState().message).toMatch(/host run of sample "seccomp-deny" is not available/);
    exitLesson({ store, client, lessons });
    expect(lessons.getState()).toMatchObject({ lessonId: null, status: 'idle', events: [] });
  });
});
