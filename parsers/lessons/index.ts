/**
 * Lessons: guided walks through the real captures in samples/, in the workshop's order. Each step points
 * at events with stable selectors (selector.ts), resolved against the trace when the lesson is opened.
 */
import type { Trace } from '../model/index.js';
import type { Lesson, LessonStep, RunLabel } from './lesson.js';
import { BARE_CHROOT, CHROOT_FIXED, ENV_CLEARED, HELLO_PROCESS, STATIC_BINARY } from './lessons-process.js';
import { BIND_MOUNT, CAP_DROP, CGROUP, NSENTER, SECCOMP, UNSHARE_NET } from './lessons-isolation.js';
import { CONTAINER_PIDS, DOCKER_IS_NOT_MAGIC } from './lessons-container.js';
import { NS_COMPARE, PID_NAMESPACE, USERNS, VETH_PAIR } from './lessons-namespaces.js';
import { CGROUP_OOM, ROOTFS_TAR, SECCOMP_PROFILE } from './lessons-runtime.js';
import { OVERLAYFS, PIVOT_ROOT } from './lessons-mounts.js';
import { STRACE_FOLLOW } from './lessons-strace.js';
import type { EventSelector } from './selector.js';
import { resolveSelector } from './selector.js';

export type { Lesson, LessonStep, RunLabel } from './lesson.js';
export { WORKSHOP_SECTIONS } from './lesson.js';
export type { EventSelector } from './selector.js';
export { formatSelector, resolveSelector } from './selector.js';
export type { LessonCheck } from './checks.js';
export { evaluateCheck, evaluateStepChecks, formatCheckResult } from './checks.js';

/** The workshop's order: each section's lessons together, one lesson per line (merge-friendly). */
export const LESSONS: readonly Lesson[] = [
  HELLO_PROCESS,
  STRACE_FOLLOW,
  BARE_CHROOT,
  CHROOT_FIXED,
  STATIC_BINARY,
  ROOTFS_TAR,
  ENV_CLEARED,
  UNSHARE_NET,
  PID_NAMESPACE,
  NS_COMPARE,
  USERNS,
  NSENTER,
  BIND_MOUNT,
  PIVOT_ROOT,
  OVERLAYFS,
  CGROUP,
  CGROUP_OOM,
  CAP_DROP,
  VETH_PAIR,
  SECCOMP,
  SECCOMP_PROFILE,
  DOCKER_IS_NOT_MAGIC,
  CONTAINER_PIDS,
];

export function findLesson(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}

/** The runs of its sample a lesson needs. */
export function lessonRuns(lesson: Lesson): RunLabel[] {
  const runs = new Set<RunLabel>();
  for (const s of lesson.steps) {
    runs.add(s.run);
    if (s.compare) runs.add(s.compare.run);
  }
  return [...runs];
}

/** A step's selectors, resolved: the events of each, and all of them merged in trace order. */
export interface ResolvedSelection {
  run: RunLabel;
  perSelector: number[][];
  events: number[];
}

export interface ResolvedStep {
  main: ResolvedSelection;
  compare: ResolvedSelection | null;
}

function resolveSelection(
  trace: Trace,
  run: RunLabel,
  selectors: readonly EventSelector[],
): ResolvedSelection {
  const perSelector = selectors.map((s) => resolveSelector(trace, s));
  const events = [...new Set(perSelector.flat())].sort((a, b) => a - b);
  return { run, perSelector, events };
}

/** Resolves a step against the traces of its sample's runs (null: that run is not loaded). */
export function resolveStep(step: LessonStep, traceOf: (run: RunLabel) => Trace | null): ResolvedStep {
  const main = traceOf(step.run);
  const other = step.compare ? traceOf(step.compare.run) : null;
  return {
    main: main
      ? resolveSelection(main, step.run, step.select)
      : { run: step.run, perSelector: step.select.map(() => []), events: [] },
    compare: step.compare && other ? resolveSelection(other, step.compare.run, step.compare.select) : null,
  };
}

/** The event a step moves the timeline to: the first match of its first selector that matched. */
export function focusEvent(resolved: ResolvedSelection): number | null {
  for (const list of resolved.perSelector) if (list.length) return list[0] as number;
  return null;
}
