import { describe, expect, it } from 'vitest';
import { formatLessonUrl, readLessonUrl } from '../../app/src/lessons/lesson-url.js';

describe('lesson links', () => {
  it('round-trip a step, 1-based in the URL', () => {
    expect(formatLessonUrl('bare-chroot-enoent', 2)).toBe('?lesson=bare-chroot-enoent&step=3');
    expect(readLessonUrl('?lesson=bare-chroot-enoent&step=3')).toEqual({
      lessonId: 'bare-chroot-enoent',
      stepIndex: 2,
    });
    expect(formatLessonUrl(null, 0)).toBe('');
  });

  it('clamp the step, default to the first, and ignore unknown lessons', () => {
    expect(readLessonUrl('?lesson=seccomp-deny&step=99')).toEqual({ lessonId: 'seccomp-deny', stepIndex: 4 });
    expect(readLessonUrl('?lesson=seccomp-deny&step=0')).toEqual({ lessonId: 'seccomp-deny', stepIndex: 0 });
    expect(readLessonUrl('?lesson=seccomp-deny&step=x')).toEqual({ lessonId: 'seccomp-deny', stepIndex: 0 });
    expect(readLessonUrl('?lesson=seccomp-deny')).toEqual({ lessonId: 'seccomp-deny', stepIndex: 0 });
    expect(readLessonUrl('?lesson=nope&step=2')).toBeNull();
    expect(readLessonUrl('')).toBeNull();
  });
});
