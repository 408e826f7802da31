import { findLesson } from '../../../parsers/lessons/index.js';

/**
 * A lesson step as a link a teacher can hand out: `?lesson=bare-chroot-enoent&step=3`. It lives in the
 * query string because the hash belongs to the view (url-sync.ts), which rewrites it freely.
 */
export function readLessonUrl(search: string): { lessonId: string; stepIndex: number } | null {
  const p = new URLSearchParams(search);
  const lesson = findLesson(p.get('lesson') ?? '');
  if (!lesson) return null;
  const step = Number(p.get('step') ?? '1');
  const stepIndex = Number.isInteger(step) ? Math.min(lesson.steps.length, Math.max(1, step)) - 1 : 0;
  return { lessonId: lesson.id, stepIndex };
}

/** The query string for a step (1-based in the URL), or '' to leave the lesson. */
export function formatLessonUrl(lessonId: string | null, stepIndex: number): string {
  return lessonId
    ? `?${new URLSearchParams({ lesson: lessonId, step: String(stepIndex + 1) }).toString()}`
    : '';
}

export function writeLessonUrl(lessonId: string | null, stepIndex: number): void {
  if (typeof window === 'undefined') return; // store tests run without a page
  const search = formatLessonUrl(lessonId, stepIndex);
  if (window.location.search !== search)
    history.replaceState(history.state, '', `${window.location.pathname}${search}${window.location.hash}`);
}
