import type { Lesson } from '../../../parsers/lessons/index.js';
import { useAppState } from '../store/store-context.js';
import type { TraceSlot } from '../store/trace-slice.js';
import { LessonText } from './lesson-text.js';
import type { LessonDeps } from './lesson-controller.js';
import { exitLesson, showStep } from './lesson-controller.js';

/** "(and 2 more highlighted: lines 4, 5)": the step's other events, by line, the focus left out. */
export function formatOtherEvents(
  events: readonly number[],
  focus: number,
  lineOf: (i: number) => number,
): string {
  const others = events.filter((i) => i !== focus);
  if (!others.length) return '';
  const shown = others.slice(0, 8).map(lineOf);
  return ` (and ${others.length} more highlighted: ${others.length === 1 ? 'line' : 'lines'} ${shown.join(', ')}${others.length > 8 ? ', …' : ''})`;
}

/** One lesson step on screen: progress, text, the events it points at, and the ways on (or out). */
export function LessonWalker({ lesson, deps }: { lesson: Lesson; deps: LessonDeps }) {
  const stepIndex = useAppState((s) => s.lesson.stepIndex);
  const view = useAppState((s) => s.lesson.view);
  const status = useAppState((s) => s.lesson.status);
  const message = useAppState((s) => s.lesson.message);
  const events = useAppState((s) => s.lesson.events);
  const focus = useAppState((s) => s.lesson.focus);
  const origin = useAppState((s) => s.lesson.origin);
  const traces = useAppState((s) => s.traces);
  const step = lesson.steps[stepIndex];
  if (!step) return null;
  const n = lesson.steps.length;
  const go = (k: number): void => void showStep(deps, lesson.id, k);
  const lineOf =
    (slot: TraceSlot) =>
    (i: number): number =>
      (traces[slot]?.columns.line[i] as number | undefined) ?? 0;
  const focusTrace = focus ? traces[focus.slot] : undefined;
  const focusName =
    focus && focusTrace ? focusTrace.names[focusTrace.columns.nameId[focus.index] as number] : null;
  const sideBySide = view === 'compare' && step.compare;
  const run = sideBySide ? `${step.compare!.run} and ${step.run}, side by side` : step.run;

  return (
    <section
      aria-label={`Lesson: ${lesson.title}`}
      className="border-t border-amber-300 bg-amber-50 px-3 py-2 dark:border-amber-700 dark:bg-amber-950/40"
      data-testid="lesson-walker"
    >
      <div className="flex flex-wrap items-center gap-2">
        <p className="text-xs font-semibold uppercase tracking-wide text-amber-800 dark:text-amber-300">
          Lesson · {lesson.title}
        </p>
        <p
          className="text-xs text-slate-600 dark:text-slate-400"
          data-testid="lesson-progress"
          aria-live="polite"
        >
          Step {stepIndex + 1} of {n}
        </p>
        <progress className="h-1.5 w-32" max={n} value={stepIndex + 1} aria-label="Lesson progress" />
        <span className="mr-auto" />
        <button type="button" className="btn" onClick={() => go(stepIndex - 1)} disabled={stepIndex === 0}>
          ← Previous
        </button>
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => go(stepIndex + 1)}
          disabled={stepIndex + 1 >= n}
        >
          Next →
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => void exitLesson(deps)}
          title={
            origin?.kind === 'compare'
              ? 'Back to the comparison you started from'
              : 'Back to free exploration'
          }
        >
          Exit lesson
        </button>
      </div>
      <div className="mt-1 grid gap-3 md:grid-cols-[1fr_18rem]">
        <div className="max-h-48 overflow-auto">
          <h2 className="text-base font-semibold" data-testid="lesson-step-title">
            {step.title}
          </h2>
          <LessonText text={step.text} testId="lesson-step-text" />
        </div>
        <aside className="text-xs text-slate-600 dark:text-slate-400">
          <p>
            Run:{' '}
            <span className="font-medium" data-testid="lesson-run" data-run={step.run}>
              {run}
            </span>
            {status === 'loading' && ' · loading…'}
          </p>
          {status === 'ready' && focusName !== null && focus !== null && (
            <p data-testid="lesson-focus" data-index={focus.index} data-slot={focus.slot}>
              Selected: <span className="font-mono">{focusName}</span> at line{' '}
              {lineOf(focus.slot)(focus.index)}
              {formatOtherEvents(events[focus.slot] ?? [], focus.index, lineOf(focus.slot))}
            </p>
          )}
          {status === 'error' && (
            <p role="alert" className="text-red-700 dark:text-red-400">
              {message}
            </p>
          )}
          {step.compare && (
            <div className="mt-1 rounded border border-amber-300 p-1.5 dark:border-amber-700">
              <LessonText text={step.compare.text} testId="lesson-compare-text" />
              <button
                type="button"
                className="btn mt-1"
                onClick={() => void showStep(deps, lesson.id, stepIndex, sideBySide ? 'step' : 'compare')}
              >
                {sideBySide
                  ? `Back to the ${step.run} run alone`
                  : `Show the ${step.compare.run} run beside it`}
              </button>
            </div>
          )}
        </aside>
      </div>
    </section>
  );
}
