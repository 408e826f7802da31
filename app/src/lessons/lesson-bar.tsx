import { useEffect } from 'react';
import { findLesson } from '../../../parsers/lessons/index.js';
import { useAppContext } from '../store/store-context.js';
import { loadPhases, showStep, startLesson } from './lesson-controller.js';
import { readLessonUrl } from './lesson-url.js';
import { LessonMenu } from './lesson-menu.js';
import { lessonStoreFor, useLessonState } from './lesson-store.js';
import { LessonWalker } from './lesson-walker.js';
import { PhaseList } from './phase-list.js';

/**
 * The lessons strip under the toolbar: a menu of lessons and the phase-band switch in free exploration;
 * the step walker while a lesson runs.
 */
export function LessonBar() {
  const { store, client } = useAppContext();
  const lessons = lessonStoreFor(store);
  const deps = { store, client, lessons };
  const lessonId = useLessonState((s) => s.lessonId);
  const menuOpen = useLessonState((s) => s.menuOpen);
  const showPhases = useLessonState((s) => s.showPhases);
  const lesson = lessonId ? findLesson(lessonId) : undefined;
  // A link to a step (?lesson=ID&step=N) opens it once, at start.
  useEffect(() => {
    const fromUrl = readLessonUrl(window.location.search);
    if (fromUrl) void showStep({ store, client, lessons }, fromUrl.lessonId, fromUrl.stepIndex);
  }, [store, client, lessons]);

  return (
    <div className="border-b border-slate-200 dark:border-slate-700" data-testid="lesson-bar">
      {!lesson && (
        <div className="flex flex-wrap items-center gap-3 px-3 py-1 text-sm">
          <button
            type="button"
            className="btn"
            aria-expanded={menuOpen}
            onClick={() => lessons.setState({ menuOpen: !menuOpen })}
          >
            Lessons
          </button>
          <label className="flex items-center gap-1">
            <input
              type="checkbox"
              checked={showPhases}
              onChange={(e) => {
                lessons.setState({ showPhases: e.currentTarget.checked });
                const trace = store.getState().traces.a;
                if (e.currentTarget.checked && trace) void loadPhases(deps, trace, true);
              }}
            />
            phase bands
          </label>
          <PhaseList />
        </div>
      )}
      {!lesson && menuOpen && <LessonMenu onPick={(id) => void startLesson(deps, id)} />}
      {lesson && <LessonWalker lesson={lesson} deps={deps} />}
    </div>
  );
}
