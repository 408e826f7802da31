import type { Lesson } from '../../../parsers/lessons/index.js';
import { findLesson } from '../../../parsers/lessons/index.js';
import { loadTrace } from '../load/load-trace.js';
import type { ServedTrace } from '../load/served-traces.js';
import { fetchServedTraces, formatRunId, formatRunTitle } from '../load/served-traces.js';
import { selectLaneModel } from '../logic/derived.js';
import type { AppStore } from '../store/create-app-store.js';
import type { TraceClient } from '../trace/trace-client.js';
import type { TraceData } from '../trace/trace-data.js';
import { LANE_HEIGHT_CSS_PX } from '../timeline/draw-timeline.js';
import { computeStepViewport } from './compute-step-window.js';
import type { LessonStore } from './lesson-store.js';
import { writeLessonUrl } from './lesson-url.js';

export interface LessonDeps {
  store: AppStore;
  client: TraceClient;
  lessons: LessonStore;
}

let served: Promise<ServedTrace[]> | null = null;

/** Forgets the list of served traces (it is fetched once, on the first lesson). */
export function forgetServedTraces(): void {
  served = null;
}
/** Each walk request gets a number; answers for an older request are dropped (fast clicking on Next). */
let sequence = 0;

/** The sample run a lesson step needs, opened in slot a unless it already is. */
async function openRun(deps: LessonDeps, lesson: Lesson, run: string): Promise<TraceData | null> {
  served ??= fetchServedTraces();
  const list = await served;
  const sample = list.find((t) => t.id === lesson.sample);
  const r = sample?.runs.find((x) => x.label === run);
  if (!sample || !r) return null;
  const id = formatRunId(sample, r);
  const current = deps.store.getState().traces.a;
  if (current?.id === id) return current;
  return loadTrace(
    deps.store,
    deps.client,
    'a',
    id,
    formatRunTitle(sample, r),
    r.urls.map((u) => ({ type: 'url', url: u, name: u.slice(u.lastIndexOf('/') + 1) })),
  );
}

/**
 * Shows one step: opens its run, asks the worker which events its selectors pick, moves the timeline so
 * they are all in view, and selects the first (the details panel then explains it).
 */
export async function showStep(
  deps: LessonDeps,
  lessonId: string,
  stepIndex: number,
  view: 'step' | 'compare' = 'step',
): Promise<void> {
  const lesson = findLesson(lessonId);
  const step = lesson?.steps[stepIndex];
  if (!lesson || !step) return;
  const mine = ++sequence;
  const part = view === 'compare' && step.compare ? step.compare : step;
  deps.lessons.setState({
    lessonId,
    stepIndex,
    view,
    status: 'loading',
    message: '',
    events: [],
    focus: null,
    menuOpen: false,
  });
  writeLessonUrl(lessonId, stepIndex);
  const trace = await openRun(deps, lesson, part.run);
  if (mine !== sequence) return;
  if (!trace) {
    deps.lessons.setState({
      status: 'error',
      message: `The ${part.run} run of sample "${lesson.sample}" is not available here (run \`npm run samples\`).`,
    });
    return;
  }
  const perSelector = await deps.client.select('a', [...part.select]);
  if (mine !== sequence) return;
  const events = [...new Set(perSelector.flat())].sort((a, b) => a - b);
  const focus = perSelector.find((l) => l.length > 0)?.[0] ?? null;
  if (focus === null) {
    deps.lessons.setState({
      status: 'error',
      message: 'None of the events this step points at are in this capture.',
    });
    return;
  }
  deps.lessons.setState({ status: 'ready', events, focus });
  const app = deps.store.getState();
  const model = selectLaneModel(trace, app.xMode);
  const height =
    (typeof document === 'undefined'
      ? null
      : document.querySelector('[data-testid="timeline-a"]')?.clientHeight) ?? 6 * LANE_HEIGHT_CSS_PX;
  const viewport = computeStepViewport(
    model,
    events,
    focus,
    Math.max(1, Math.floor(height / LANE_HEIGHT_CSS_PX)),
  );
  if (viewport) app.setViewport('a', viewport);
  app.select({ slot: 'a', index: focus });
}

export function startLesson(deps: LessonDeps, lessonId: string): Promise<void> {
  return showStep(deps, lessonId, 0);
}

/** Back to free exploration: the trace, viewport and selection stay as they are. */
export function exitLesson(deps: LessonDeps): void {
  sequence++;
  deps.lessons.setState({
    lessonId: null,
    stepIndex: 0,
    view: 'step',
    status: 'idle',
    message: '',
    events: [],
    focus: null,
  });
  writeLessonUrl(null, 0);
}

/**
 * Above this many events the phases are not computed on load: the worker answers one query at a time, and
 * phases of a 1M-event trace take it a second or two (mostly the process tree), which would hold up the
 * details of the first click. Switching the bands on asks for them anyway.
 */
export const PHASES_AUTO_LIMIT = 300_000;

/** Fetches the phases of the trace now in slot a (once per trace). */
export async function loadPhases(deps: LessonDeps, trace: TraceData, force = false): Promise<void> {
  if (deps.lessons.getState().phases?.traceId === trace.id) return;
  if (!force && (trace.columns.count > PHASES_AUTO_LIMIT || !deps.lessons.getState().showPhases)) return;
  const phases = await deps.client.phases('a');
  if (deps.store.getState().traces.a?.id === trace.id)
    deps.lessons.setState({ phases: { traceId: trace.id, phases } });
}
