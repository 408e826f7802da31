import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatStraceText } from '../../parsers/format/strace-text.js';
import { formatTraceDump } from '../../parsers/format/trace-dump.js';
import type { SyscallEvent } from '../../parsers/model/event.js';
import type { Trace } from '../../parsers/model/trace.js';
import { createStraceParser, parseStrace, parseStraceLine } from '../../parsers/strace/index.js';
import { checkTraceIntegrity } from '../../parsers/strace/integrity.js';
import { CORPUS } from './corpus-files.js';

const corpusText = (name: string): string => readFileSync(CORPUS + name, 'latin1');

/** Complete syscall lines of real logs, without their prefix: `openat(AT_FDCWD, "/x", O_RDONLY) = 3`. */
const BODIES = ['mt-f.log', 'pipe-f-yy.log', 'format/rets.log', 'format/esc.log', 'format/exotic.yy.log']
  .flatMap((f) => corpusText(f).split('\n'))
  .map((l) => ({ l, p: parseStraceLine(l) }))
  .filter(({ p }) => p.kind === 'call' && p.dur === null)
  .map(({ l, p }) => ({
    body: l.slice(p.end),
    name: p.name,
    args: l.slice(p.argsStart, p.argsEnd),
    tail: l.slice(p.argsEnd + 1),
  }));

const calls = (t: Trace): SyscallEvent[] =>
  [...t.events()].filter((e): e is SyscallEvent => e.kind === 'syscall');
const byPid = (t: Trace): Record<string, string[]> => {
  const out: Record<string, string[]> = {};
  for (const e of calls(t))
    (out[String(e.pid)] ??= []).push(
      `${e.name}(${e.args.map((a) => a.text).join(', ')}) = ${e.ret} ${e.errno ?? ''}`,
    );
  return out;
};

describe('parser properties', () => {
  it('never throws on any input, and accounts for every line it is given', () => {
    const fragment = fc.oneof(
      fc.string(),
      fc.constantFrom(
        '(',
        ')',
        '"',
        '\\',
        '<unfinished ...>',
        '<... read resumed>',
        ' = ',
        '-1 ENOENT (x)',
        '+++ ',
        '--- ',
        '[pid  12] ',
        '12345 ',
        '\n',
        ' > ',
        '/*',
        '*/',
        '<',
        '>',
        '{',
        '}',
        '[',
        ']',
        'strace: Process 9 attached',
        '% time     seconds  usecs/call     calls    errors syscall',
      ),
      fc.constantFrom(...BODIES.slice(0, 40).map((b) => b.body)),
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 40 }), (parts) => {
        const trace = parseStrace(parts.join(''));
        const problems = checkTraceIntegrity(trace).filter((p) => !p.includes('time goes back'));
        expect(problems).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('gives the same events for any way of cutting the input into chunks', () => {
    const text = corpusText('pipe-f-yy.log');
    const whole = formatTraceDump(parseStrace(text));
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: text.length - 1 }), { maxLength: 30 }), (cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), text.length];
        const p = createStraceParser();
        for (let i = 1; i < points.length; i++) p.push(text.slice(points[i - 1], points[i]));
        expect(formatTraceDump(p.end())).toBe(whole);
      }),
      { numRuns: 60 },
    );
  });

  it('stitches random unfinished/resumed interleavings across pids into the same calls', () => {
    const step = fc.record({
      pid: fc.integer({ min: 101, max: 104 }),
      call: fc.integer({ min: 0, max: BODIES.length - 1 }),
      split: fc.constantFrom('none', 'before-args', 'after-args'),
      delay: fc.integer({ min: 0, max: 4 }),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 30 }), (steps) => {
        const sequential = steps.map((s) => `${s.pid} ${BODIES[s.call]?.body}`);
        const out: string[] = [];
        const pending = new Map<number, { line: string; due: number }>();
        const flush = (pid: number): void => {
          const p = pending.get(pid);
          if (p) out.push(p.line);
          pending.delete(pid);
        };
        steps.forEach((s, n) => {
          flush(s.pid);
          for (const [pid, p] of [...pending]) if (p.due <= n) flush(pid);
          const b = BODIES[s.call] as (typeof BODIES)[number];
          if (s.split === 'none') return out.push(`${s.pid} ${b.body}`);
          const [head, rest] = s.split === 'before-args' ? ['', b.args] : [b.args, ''];
          out.push(`${s.pid} ${b.name}(${head} <unfinished ...>`);
          pending.set(s.pid, { line: `${s.pid} <... ${b.name} resumed>${rest})${b.tail}`, due: n + s.delay });
        });
        for (const pid of [...pending.keys()]) flush(pid);
        expect(byPid(parseStrace(out.join('\n')))).toEqual(byPid(parseStrace(sequential.join('\n'))));
      }),
      { numRuns: 200 },
    );
  });

  it('prints then parses back to the same events (round trip through strace text)', () => {
    const trace = parseStrace(corpusText('pipe-f-yy.log'));
    const events = calls(trace);
    fc.assert(
      fc.property(fc.subarray(events, { minLength: 1 }), fc.boolean(), (subset, withTime) => {
        const text = subset.map((e) => formatStraceText(e, { pid: true, timestamps: withTime })).join('\n');
        const back = calls(parseStrace(text));
        const key = (e: SyscallEvent) => [
          e.pid,
          e.name,
          e.args.map((a) => a.text),
          e.ret,
          e.errno,
          e.retPath,
          e.dur,
        ];
        expect(back.map(key)).toEqual(subset.map(key));
        if (withTime) expect(back.map((e) => e.ts)).toEqual(subset.map((e) => e.ts));
      }),
      { numRuns: 100 },
    );
  });
});
