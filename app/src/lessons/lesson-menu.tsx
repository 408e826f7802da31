import { LESSONS } from '../../../parsers/lessons/index.js';

/** The list of lessons, in the workshop's order. */
export function LessonMenu({ onPick }: { onPick: (id: string) => void }) {
  return (
    <nav
      aria-label="Lessons"
      className="max-h-72 overflow-auto border-t border-slate-200 px-3 py-2 dark:border-slate-700"
    >
      <ol className="grid gap-1 md:grid-cols-2">
        {LESSONS.map((l, k) => (
          <li key={l.id}>
            <button
              type="button"
              className="w-full rounded px-2 py-1 text-left hover:bg-slate-100 dark:hover:bg-slate-800"
              onClick={() => onPick(l.id)}
              data-lesson-id={l.id}
            >
              <span className="font-medium">
                {k + 1}. {l.title}
              </span>
              <span className="block text-xs text-slate-500">
                {l.summary} · {l.sample} · {l.steps.length} steps
              </span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
