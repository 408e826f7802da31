import { useEffect } from 'react';
import { findLesson } from '../../../parsers/lessons/index.js';
import { useAppContext, useAppState } from '../store/store-context.js';
import { loadPhases, showStep, startLesson } from './lesson-controller.js';
import { readLessonUrl } from './lesson-url.js';
import { LessonMenu } from './lesson-menu.js';
import { LessonWalker } from './lesson-walker.js';
import { PhaseList } from './phase-list.js';

/**
 * The lessons strip under the toolbar: a menu of lessons and the phase-band switch in free exploration;
 * the step walker while a lesson runs.
 */
export function LessonBar() {
  const { store, client } = useAppContext();
  const lessonId = useAppState((s) => s.lesson.lessonId);
  const menuOpen = useAppState((s) => s.lesson.menuOpen);
  const showPhases = useAppState((s) => s.lesson.showPhases);
  const lesson = lessonId ? findLesson(lessonId) : undefined;
  // A link to a step (?lesson=ID&step=N) opens it once, at start.
  useEffect(() => {
    const fromUrl = readLessonUrl(window.location.search);
    if (fromUrl) void showStep({ store, client }, fromUrl.lessonId, fromUrl.stepIndex);
  }, [store, client]);
  const setLesson = store.getState().setLesson;

  return (
    <div className="border-b border-slate-200 dark:border-slate-700" data-testid="lesson-bar">
      {!lesson && (
        <div className="flex flex-wrap items-center gap-3 px-3 py-1 text-sm">
          <button
            type="button"
            className="btn"
            aria-expanded={menuOpen}
            onClick={() => setLesson({ menuOpen: !menuOpen })}
          >
            Lessons
          </button>
          <label className="flex items-center gap-1">
            <input
              type="checkbox"
              checked={showPhases}
              onChange={(e) => {
                setLesson({ showPhases: e.currentTarget.checked });
                if (e.currentTarget.checked)
                  for (const slot of ['a', 'b'] as const) void loadPhases({ store, client }, slot, true);
              }}
            />
            phase bands
          </label>
          <PhaseList />
        </div>
      )}
      {!lesson && menuOpen && <LessonMenu onPick={(id) => void startLesson({ store, client }, id)} />}
      {lesson && <LessonWalker lesson={lesson} deps={{ store, client }} />}
    </div>
  );
}
