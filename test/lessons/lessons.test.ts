import { describe, expect, it } from 'vitest';
import type { EventSelector } from '../../parsers/lessons/index.js';
import {
  LESSONS,
  focusEvent,
  formatSelector,
  lessonRuns,
  resolveSelector,
  resolveStep,
} from '../../parsers/lessons/index.js';
import { loadSampleRun, readSampleIndex } from './sample-traces.js';

/** What every event a selector picks must satisfy, checked on the event itself. */
function expectMatches(
  trace: NonNullable<ReturnType<typeof loadSampleRun>>,
  selector: EventSelector,
  events: number[],
  where: string,
): void {
  expect(events.length, `${where}: ${formatSelector(selector)} matches nothing`).toBeGreaterThan(0);
  for (const i of events) {
    if (selector.syscall !== undefined) {
      const names = typeof selector.syscall === 'string' ? [selector.syscall] : selector.syscall;
      expect(names, `${where}: line ${trace.line(i)}`).toContain(trace.name(i));
    }
    if (selector.errno !== undefined) expect(trace.errno(i)).toBe(selector.errno);
    if (selector.failed !== undefined) expect(trace.errno(i) !== null).toBe(selector.failed);
    if (selector.text) expect(trace.rawLine(i)).toMatch(selector.text);
  }
  if (selector.nth !== undefined) expect(events).toHaveLength(1);
}

describe('lessons', () => {
  it('come in the workshop order, each on a strace sample that exists, with unique ids', () => {
    expect(LESSONS.map((l) => l.id)).toEqual([
      'hello-process',
      'strace-follow',
      'bare-chroot-enoent',
      'chroot-ldd-fix',
      'static-needs-nothing',
      'rootfs-tar',
      'env-i',
      'unshare-net',
      'pid-namespace',
      'ns-compare',
      'userns',
      'nsenter-setns',
      'bind-mount',
      'pivot-root',
      'overlayfs',
      'cgroup-join',
      'cgroup-oom',
      'cap-drop-eperm',
      'veth-pair',
      'seccomp-deny',
      'seccomp-profile',
      'docker-is-not-magic',
      'container-pids',
    ]);
    const index = readSampleIndex();
    for (const lesson of LESSONS) {
      const entry = index.find((e) => e.id === lesson.sample);
      expect(entry, lesson.sample).toBeDefined();
      expect(entry?.backend).toBe('strace');
      for (const run of lessonRuns(lesson)) expect(entry?.runs.map((r) => r.label)).toContain(run);
      expect(lesson.steps.length).toBeGreaterThanOrEqual(4);
      for (const step of lesson.steps) expect(step.text.length).toBeGreaterThan(80);
    }
  });

  // The guard against a re-capture silently breaking a lesson: every selector of every step must still
  // pick at least one event of the right syscall in the current samples.
  for (const lesson of LESSONS) {
    it(`${lesson.id}: every selector resolves on the current ${lesson.sample} sample`, () => {
      lesson.steps.forEach((step, k) => {
        const where = `${lesson.id} step ${k + 1} (${step.title})`;
        const trace = loadSampleRun(lesson.sample, step.run);
        expect(trace, where).not.toBeNull();
        if (!trace) return;
        for (const s of step.select) expectMatches(trace, s, resolveSelector(trace, s), where);
        const resolved = resolveStep(step, (run) => loadSampleRun(lesson.sample, run));
        expect(focusEvent(resolved.main)).toBe(resolved.main.perSelector[0]?.[0]);
        if (step.compare) {
          const other = loadSampleRun(lesson.sample, step.compare.run);
          expect(other).not.toBeNull();
          if (!other) return;
          for (const s of step.compare.select)
            expectMatches(other, s, resolveSelector(other, s), `${where} compare`);
          expect(resolved.compare?.events.length).toBeGreaterThan(0);
        }
      });
    });
  }

  it('walk forward in time: each step focuses at or after the previous one in the same run', () => {
    for (const lesson of LESSONS) {
      const last = new Map<string, number>();
      for (const step of lesson.steps) {
        const focus = focusEvent(
          resolveStep(step, (run) => loadSampleRun(lesson.sample, run)).main,
        ) as number;
        expect(focus, `${lesson.id}: ${step.title}`).toBeGreaterThanOrEqual(last.get(step.run) ?? 0);
        last.set(step.run, focus);
      }
    }
  });
});

describe('selectors', () => {
  const chroot = () => loadSampleRun('hello-bare-chroot', 'chroot')!;
  const hello = () => loadSampleRun('hello-world', 'chroot')!;

  it('tell the chroot program from its target by program image', () => {
    const t = hello();
    const [first] = resolveSelector(t, { syscall: 'execve', program: 'chroot' });
    const [target] = resolveSelector(t, { syscall: 'execve', program: 'hello' });
    expect(t.rawLine(first as number)).toContain('execve("/usr/sbin/chroot"');
    expect(t.rawLine(target as number)).toContain('execve("/tmp/spelunk-samples/bin/hello"');
    expect(t.pid(first as number)).toBe(t.pid(target as number));
  });

  it('count nth from the start and from the end', () => {
    const t = chroot();
    const all = resolveSelector(t, { syscall: 'openat', failed: true });
    expect(all.length).toBeGreaterThan(3);
    expect(resolveSelector(t, { syscall: 'openat', failed: true, nth: 1 })).toEqual([all[0]]);
    expect(resolveSelector(t, { syscall: 'openat', failed: true, nth: -1 })).toEqual([all[all.length - 1]]);
    expect(resolveSelector(t, { syscall: 'openat', failed: true, nth: all.length + 1 })).toEqual([]);
  });

  it('match paths in arguments and -y decorations, and phases', () => {
    const t = hello();
    const libc = resolveSelector(t, { syscall: 'mmap', program: 'hello', path: /libc\.so/ });
    expect(libc).toHaveLength(4); // four segments of libc, named only by the fd's -y path
    const loaderOpens = resolveSelector(t, { syscall: 'openat', program: 'hello', phase: 'loader' });
    expect(
      loaderOpens.every((i) => /ld\.so\.cache|libc\.so|glibc-hwcaps|tls|x86_64/.test(t.rawLine(i))),
    ).toBe(true);
    expect(
      resolveSelector(t, { syscall: 'openat', program: 'hello', phase: 'work', path: /libc\.so/ }),
    ).toEqual([]);
  });

  it('start after another selector', () => {
    const t = chroot();
    const [chrootCall] = resolveSelector(t, { syscall: 'chroot' });
    const after = resolveSelector(t, { syscall: 'openat', after: { syscall: 'chroot' } });
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((i) => i > (chrootCall as number))).toBe(true);
    expect(after.every((i) => t.rawLine(i).includes('spelunk-rootfs'))).toBe(true); // the fd decoration shows the new root
  });

  it('format as one line', () => {
    expect(
      formatSelector({
        syscall: ['chroot', 'chdir'],
        program: 'chroot',
        path: /libc\.so/,
        failed: false,
        nth: -1,
      }),
    ).toBe('syscall=chroot|chdir program=chroot path=/libc\\.so/ ok nth=-1');
  });
});
