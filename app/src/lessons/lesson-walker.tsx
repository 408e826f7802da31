import type { Lesson } from '../../../parsers/lessons/index.js';
import { useAppState } from '../store/store-context.js';
import { LessonText } from './lesson-text.js';
import type { LessonDeps } from './lesson-controller.js';
import { exitLesson, showStep } from './lesson-controller.js';
import { useLessonState } from './lesson-store.js';

/** One lesson step on screen: progress, text, the events it points at, and the ways on (or out). */
export function LessonWalker({ lesson, deps }: { lesson: Lesson; deps: LessonDeps }) {
  const stepIndex = useLessonState((s) => s.stepIndex);
  const view = useLessonState((s) => s.view);
  const status = useLessonState((s) => s.status);
  const message = useLessonState((s) => s.message);
  const events = useLessonState((s) => s.events);
  const focus = useLessonState((s) => s.focus);
  const trace = useAppState((s) => s.traces.a);
  const step = lesson.steps[stepIndex];
  if (!step) return null;
  const n = lesson.steps.length;
  const go = (k: number): void => void showStep(deps, lesson.id, k);
  const lineOf = (i: number): number => (trace?.columns.line[i] as number | undefined) ?? 0;
  const focusName = focus !== null && trace ? trace.names[trace.columns.nameId[focus] as number] : null;
  const run = view === 'compare' && step.compare ? step.compare.run : step.run;

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
        <button type="button" className="btn" onClick={() => exitLesson(deps)}>
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
            <span className="font-medium" data-testid="lesson-run">
              {run}
            </span>
            {status === 'loading' && ' · loading…'}
          </p>
          {status === 'ready' && focusName !== null && focus !== null && (
            <p data-testid="lesson-focus" data-index={focus}>
              Selected: <span className="font-mono">{focusName}</span> at line {lineOf(focus)}
              {events.length > 1 &&
                ` (and ${events.length - 1} more highlighted: lines ${events.slice(0, 8).map(lineOf).join(', ')}${events.length > 8 ? ', …' : ''})`}
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
                onClick={() =>
                  void showStep(deps, lesson.id, stepIndex, view === 'compare' ? 'step' : 'compare')
                }
              >
                {view === 'compare' ? `Back to the ${step.run} run` : `Show the ${step.compare.run} run`}
              </button>
            </div>
          )}
        </aside>
      </div>
    </section>
  );
}
