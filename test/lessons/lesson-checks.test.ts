import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Lesson, LessonCheck, LessonStep } from '../../parsers/lessons/index.js';
import {
  LESSONS,
  WORKSHOP_SECTIONS,
  evaluateCheck,
  evaluateStepChecks,
  findLesson,
} from '../../parsers/lessons/index.js';
import type { Trace } from '../../parsers/model/index.js';
import { parseStrace } from '../../parsers/strace/index.js';
import { SAMPLES, loadSampleRun, readSampleIndex } from './sample-traces.js';

/** A sample run's log with one edit, parsed: a re-capture whose story differs from the lesson's text. */
function doctored(lesson: Lesson, run: string, from: string | RegExp, to: string): Trace {
  const log = readSampleIndex()
    .find((e) => e.id === lesson.sample)
    ?.runs.find((r) => r.label === run)?.log as string;
  const text = readFileSync(SAMPLES + log, 'latin1');
  const edited = text.replace(from, to);
  expect(edited, 'the edit applies').not.toBe(text);
  return parseStrace(edited);
}

const stepOf = (id: string, title: RegExp): { lesson: Lesson; step: LessonStep } => {
  const lesson = findLesson(id) as Lesson;
  const step = lesson.steps.find((s) => title.test(s.title)) as LessonStep;
  return { lesson, step };
};

describe('lesson checks', () => {
  it('cover every section of the workshop, each with a real capture', () => {
    const index = readSampleIndex();
    for (const section of WORKSHOP_SECTIONS) {
      const here = LESSONS.filter((l) => l.section === section);
      expect(here.length, section).toBeGreaterThan(0);
      for (const l of here)
        expect(
          index.some((e) => e.id === l.sample),
          `${l.id}: ${l.sample}`,
        ).toBe(true);
    }
  });

  it('every step of every lesson states its claim as checks', () => {
    for (const lesson of LESSONS)
      for (const step of lesson.steps)
        expect(step.checks?.length ?? 0, `${lesson.id}: ${step.title}`).toBeGreaterThan(0);
  });

  for (const lesson of LESSONS) {
    it(`${lesson.id}: every check holds on the current ${lesson.sample} sample`, () => {
      for (const step of lesson.steps) {
        const results = evaluateStepChecks(step, (run) => loadSampleRun(lesson.sample, run));
        for (const r of results) expect(r.ok, `${step.title}: ${r.claim} — ${r.detail}`).toBe(true);
      }
    });
  }

  it('fail when a re-capture changes the flags (bind mount made with MS_BIND alone)', () => {
    const { lesson, step } = stepOf('bind-mount', /two calls/);
    const trace = doctored(lesson, 'chroot', 'MS_RDONLY|MS_BIND, NULL) = 0', 'MS_BIND, NULL) = 0');
    const results = evaluateStepChecks(step, (run) => (run === 'chroot' ? trace : null));
    expect(results.find((r) => !r.ok)).toMatchObject({
      claim: 'the first call passes MS_RDONLY|MS_BIND',
      detail: expect.stringMatching(/^chroot:\d+ MS_BIND lacks MS_RDONLY$/),
    });
  });

  it('fail when a value before and after differs (capset filling the inheritable set)', () => {
    const { lesson, step } = stepOf('cap-drop-eperm', /bounding set/);
    const trace = doctored(
      lesson,
      'host',
      /(capset\(.*inheritable=)0\}\) = 0(?![\s\S]*capset\()/,
      '$11<<CAP_SYS_CHROOT}) = 0',
    );
    const failed = evaluateStepChecks(step, (run) => (run === 'host' ? trace : null)).filter((r) => !r.ok);
    expect(failed.map((r) => r.claim)).toEqual(['inheritable is 0 after the capset too']);
    expect(failed[0]?.detail).toMatch(/inheritable= is 1<<CAP_SYS_CHROOT, not 0/);
  });

  it('fail when the order of calls changes, naming both lines', () => {
    const lesson = findLesson('hello-process') as Lesson;
    const check: LessonCheck = {
      claim: 'write before exit_group',
      order: [{ syscall: 'exit_group' }, { syscall: 'write', text: /hello, world/ }],
    };
    const r = evaluateCheck(check, lesson.steps[0] as LessonStep, (run) => loadSampleRun(lesson.sample, run));
    expect(r.ok).toBe(false);
    expect(r.detail).toMatch(/^host:\d+ \(exit_group\) is not before host:\d+ \(write\)$/);
  });
});

describe('check evaluation', () => {
  const log = [
    '10 1.0 execve("/bin/x", ["x"], 0x7ffd /* 2 vars */) = 0 <0.1>',
    '10 1.1 getpid() = 10 <0.1>',
    '10 1.2 mount("none", "/", NULL, MS_REC|MS_PRIVATE, NULL) = 0 <0.1>',
    '10 1.3 capget({version=_LINUX_CAPABILITY_VERSION_3, pid=10}, {effective=1<<CAP_CHOWN, permitted=1<<CAP_CHOWN, inheritable=0}) = 0 <0.1>',
    '10 1.4 write(1</tmp/o>, "10\\n", 3) = 3 <0.1>',
    '10 1.5 openat(AT_FDCWD, "/nope", O_RDONLY) = -1 ENOENT (No such file or directory) <0.1>',
    '10 1.6 exit_group(3) = ?',
    '10 1.7 +++ exited with 3 +++',
  ].join('\n');
  const trace = parseStrace(log);
  const step: LessonStep = {
    title: 't',
    text: 'x',
    run: 'host',
    select: [{ syscall: 'mount' }, { syscall: 'capget' }],
  };
  const run = (c: LessonCheck) => evaluateCheck(c, step, (r) => (r === 'host' ? trace : null));

  it('read arguments, struct members, returns, errnos, pids and exit codes', () => {
    expect(run({ claim: 'a', value: { of: 0, arg: 3 }, has: ['MS_PRIVATE'], lacks: ['MS_SHARED'] }).ok).toBe(
      true,
    );
    expect(run({ claim: 'b', value: { of: 1, arg: 1, field: 'inheritable' }, equals: 0 }).ok).toBe(true);
    expect(
      run({ claim: 'c', value: { of: { syscall: 'openat' }, read: 'errno' }, equals: 'ENOENT' }).ok,
    ).toBe(true);
    expect(run({ claim: 'd', value: { of: { kind: 'exit' }, read: 'code' }, equals: 3 }).ok).toBe(true);
    expect(
      run({
        claim: 'e',
        same: [
          { of: { syscall: 'write' }, arg: 1 },
          { of: 1, read: 'pid' },
        ],
      }).ok,
    ).toBe(true);
    expect(
      run({
        claim: 'f',
        differ: [
          { of: 1, arg: 1, field: 'effective' },
          { of: 1, arg: 1, field: 'inheritable' },
        ],
      }).ok,
    ).toBe(true);
    expect(run({ claim: 'g', value: { of: { syscall: 'execve' }, arg: 2 }, matches: /2 vars/ }).ok).toBe(
      true,
    );
  });

  it('say what is wrong, with the run and line', () => {
    expect(run({ claim: 'a', value: { of: 0, arg: 3 }, has: ['MS_SHARED'] })).toEqual({
      claim: 'a',
      ok: false,
      detail: 'host:3 MS_REC|MS_PRIVATE lacks MS_SHARED',
    });
    expect(run({ claim: 'b', value: { of: { syscall: 'chroot' }, read: 'ret' }, equals: '0' }).detail).toBe(
      'nothing matches syscall=chroot',
    );
    expect(run({ claim: 'c', count: { syscall: 'openat' }, min: 2 })).toMatchObject({
      ok: false,
      detail: '1 event(s) in host',
    });
    expect(run({ claim: 'd', value: { of: 0, run: 'chroot', read: 'ret' }, equals: '0' }).detail).toBe(
      'run chroot is not loaded',
    );
    expect(run({ claim: 'e', value: { of: 0, arg: 9 }, equals: 'x' }).detail).toBe(
      'host:3 has no argument 9',
    );
  });

  it('hold an order across groups only when every event of one comes before every event of the next', () => {
    expect(run({ claim: 'a', order: [0, 1, { syscall: 'write' }] }).ok).toBe(true);
    expect(run({ claim: 'b', order: [{ syscall: ['mount', 'write'] }, 1] }).ok).toBe(false);
  });
});
