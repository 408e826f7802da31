import type { Lesson } from '../../../parsers/lessons/index.js';
import { findLesson } from '../../../parsers/lessons/index.js';
import type { CompareSide } from '../compare/compare-slice.js';
import { openCompare } from '../compare/open-compare.js';
import { loadTrace } from '../load/load-trace.js';
import type { ServedRunRef, ServedTrace } from '../load/served-traces.js';
import { formatRunId, formatRunTitle, runInputs } from '../load/served-traces.js';
import type { AppStore } from '../store/create-app-store.js';
import { isServedId } from '../store/url-sync.js';
import { selectLaneModelOf, selectVisibleLanes } from '../store/selectors.js';
import type { TraceSlot } from '../store/trace-slice.js';
import type { TraceClient } from '../trace/trace-client.js';
import { computeStepViewport } from './compute-step-window.js';
import type { LessonOrigin } from './lesson-slice.js';
import { INITIAL_LESSON } from './lesson-slice.js';
import { writeLessonUrl } from './lesson-url.js';

export interface LessonDeps {
  store: AppStore;
  client: TraceClient;
}

/** The served list, once it has arrived (lessons open sample runs from it). */
function whenServed(store: AppStore): Promise<ServedTrace[]> {
  const now = store.getState().served;
  if (now) return Promise.resolve(now);
  return new Promise((resolve) => {
    const stop = store.subscribe((s) => {
      if (!s.served) return;
      stop();
      resolve(s.served);
    });
  });
}

async function findRun(deps: LessonDeps, lesson: Lesson, run: string): Promise<ServedRunRef | null> {
  const list = await whenServed(deps.store);
  const t = list.find((x) => x.id === lesson.sample);
  const r = t?.runs.find((x) => x.label === run);
  return t && r ? { t, r } : null;
}

function sideOf(ref: ServedRunRef): CompareSide {
  return {
    id: formatRunId(ref.t, ref.r),
    title: formatRunTitle(ref.t, ref.r),
    label: ref.r.label,
    inputs: runInputs(ref.r),
    served: true,
    ...(ref.r.context ? { context: ref.r.context } : {}),
  };
}

/** What is on screen now, to come back to when the lesson ends. */
function currentOrigin(store: AppStore): LessonOrigin | null {
  const s = store.getState();
  if (s.compare.active && s.compare.status === 'ready' && s.compare.sides)
    return { kind: 'compare', sides: s.compare.sides };
  const trace = s.traces.a;
  return trace ? { kind: 'trace', id: trace.id, title: trace.title } : null;
}

/**
 * Shows one step: opens its run (or, in the compare view, the run it compares with as A and its own run
 * as B, side by side), asks the worker which events its selectors pick, moves the timelines so they are
 * in view, and selects the first (the details panel then explains it).
 */
export async function showStep(
  deps: LessonDeps,
  lessonId: string,
  stepIndex: number,
  view: 'step' | 'compare' = 'step',
): Promise<void> {
  const { store, client } = deps;
  const lesson = findLesson(lessonId);
  const step = lesson?.steps[stepIndex];
  if (!lesson || !step) return;
  const before = store.getState().lesson;
  const sequence = before.sequence + 1;
  const mine = (): boolean => store.getState().lesson.sequence === sequence;
  store.getState().setLesson({
    lessonId,
    stepIndex,
    view: view === 'compare' && step.compare ? 'compare' : 'step',
    status: 'loading',
    message: '',
    events: {},
    focus: null,
    menuOpen: false,
    sequence,
    origin: before.lessonId ? before.origin : currentOrigin(store),
  });
  writeLessonUrl(lessonId, stepIndex);
  const unavailable = (run: string): void =>
    store.getState().setLesson({
      status: 'error',
      message: `The ${run} run of sample "${lesson.sample}" is not available here (run \`npm run samples\`).`,
    });
  const own = await findRun(deps, lesson, step.run);
  if (!mine()) return;
  if (!own) return unavailable(step.run);
  // Which slot holds which run: the step's own run alone in a; side by side, the other run is A.
  const parts: { slot: TraceSlot; run: ServedRunRef; selectors: typeof step.select }[] = [];
  if (view === 'compare' && step.compare) {
    const other = await findRun(deps, lesson, step.compare.run);
    if (!mine()) return;
    if (!other) return unavailable(step.compare.run);
    const s = store.getState();
    const sides = s.compare.sides;
    const open =
      s.compare.active &&
      s.compare.status === 'ready' &&
      sides?.[0].id === formatRunId(other.t, other.r) &&
      sides[1].id === formatRunId(own.t, own.r);
    if (!open && !(await openCompare(store, client, sideOf(other), sideOf(own)))) return;
    parts.push(
      { slot: 'a', run: other, selectors: step.compare.select },
      { slot: 'b', run: own, selectors: step.select },
    );
  } else {
    const id = formatRunId(own.t, own.r);
    const s = store.getState();
    if (s.traces.a?.id !== id || s.compare.active) {
      if (s.compare.active) s.endCompare();
      const trace = await loadTrace(store, client, 'a', id, formatRunTitle(own.t, own.r), runInputs(own.r));
      if (!mine()) return;
      if (!trace) return unavailable(step.run);
    }
    parts.push({ slot: 'a', run: own, selectors: step.select });
  }
  if (!mine()) return;
  const events: Partial<Record<TraceSlot, number[]>> = {};
  const focusOf: Partial<Record<TraceSlot, number>> = {};
  for (const part of parts) {
    const perSelector = await client.select(part.slot, [...part.selectors]);
    if (!mine()) return;
    events[part.slot] = [...new Set(perSelector.flat())].sort((x, y) => x - y);
    const f = perSelector.find((l) => l.length > 0)?.[0];
    if (f !== undefined) focusOf[part.slot] = f;
  }
  // The step's own run holds its focus: slot b side by side, slot a alone.
  const focusSlot: TraceSlot = parts.length > 1 ? 'b' : 'a';
  const focus = focusOf[focusSlot];
  if (focus === undefined) {
    store
      .getState()
      .setLesson({ status: 'error', message: 'None of the events this step points at are in this capture.' });
    return;
  }
  store.getState().setLesson({ status: 'ready', events, focus: { slot: focusSlot, index: focus } });
  if (parts.length > 1) {
    store.getState().selectAligned({ a: focusOf.a ?? -1, b: focus }, true);
    return;
  }
  const s = store.getState();
  const model = selectLaneModelOf(s, 'a');
  const viewport = model
    ? computeStepViewport(model, events.a ?? [], focus, selectVisibleLanes(s, 'a'))
    : null;
  if (viewport) s.setViewport('a', viewport);
  store.getState().select({ slot: 'a', index: focus });
}

export function startLesson(deps: LessonDeps, lessonId: string): Promise<void> {
  return showStep(deps, lessonId, 0);
}

/**
 * Back to free exploration, where the lesson was started from: the comparison it came from reopens (and
 * a trace the user had open comes back); with no such place, the lesson's trace stays open.
 */
export async function exitLesson(deps: LessonDeps): Promise<void> {
  const { store, client } = deps;
  const { origin, sequence, showPhases, phases } = store.getState().lesson;
  store.getState().setLesson({ ...INITIAL_LESSON, sequence: sequence + 1, showPhases, phases });
  writeLessonUrl(null, 0);
  if (!origin) return;
  const s = store.getState();
  if (origin.kind === 'compare') {
    const sides = s.compare.sides;
    const open =
      s.compare.active && sides?.[0].id === origin.sides[0].id && sides[1].id === origin.sides[1].id;
    if (!open) await openCompare(store, client, origin.sides[0], origin.sides[1]);
    return;
  }
  if (s.traces.a?.id === origin.id && !s.compare.active) return;
  if (!isServedId(origin.id)) return; // an upload is not read again behind the user's back
  const served = await whenServed(store);
  const run = served
    .flatMap((t) => t.runs.map((r) => ({ t, r })))
    .find((x) => formatRunId(x.t, x.r) === origin.id);
  if (!run) return;
  if (store.getState().compare.active) store.getState().endCompare();
  await loadTrace(store, client, 'a', origin.id, origin.title, runInputs(run.r));
}

/**
 * Above this many events the phases are not computed on load: the worker answers one query at a time, and
 * phases of a 1M-event trace take it a second or two (mostly the process tree), which would hold up the
 * details of the first click. Switching the bands on asks for them anyway.
 */
const PHASES_AUTO_LIMIT = 300_000;

/** Fetches the phases of the trace now in a slot (once per trace). */
export async function loadPhases(deps: LessonDeps, slot: TraceSlot, force = false): Promise<void> {
  const { store, client } = deps;
  const trace = store.getState().traces[slot];
  if (!trace) return;
  const { lesson } = store.getState();
  if (lesson.phases[slot]?.traceId === trace.id) return;
  if (!force && (trace.columns.count > PHASES_AUTO_LIMIT || !lesson.showPhases)) return;
  const phases = await client.phases(slot);
  if (store.getState().traces[slot]?.id === trace.id)
    store
      .getState()
      .setLesson({ phases: { ...store.getState().lesson.phases, [slot]: { traceId: trace.id, phases } } });
}
