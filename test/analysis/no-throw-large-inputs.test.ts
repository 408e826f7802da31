/**
 * No input of up to 1 MB makes parse, stats or diff throw (issue 12). Inputs are real log lines, cut,
 * spliced and damaged, mixed with the shapes that broke commands before: argument chains thousands of
 * links long (`[1 => 1 => ...]`, `||`, `<<`), brackets nested past the cap, clone chains that nest
 * processes, one pid exec'ing again and again, escape bytes, NULs, lines of 100 KB. Each input goes
 * through the input pipeline as the CLI reads a file (format detected), then the statistics, a diff
 * against a real log and against itself, and the diff's text report.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeSyscallStats } from '../../parsers/analysis/syscall-stats.js';
import { computeTraceDiff, formatDiffReport } from '../../parsers/analysis/diff/index.js';
import { formatTraceDump } from '../../parsers/format/trace-dump.js';
import { readTraceInput } from '../../parsers/input/index.js';
import type { Trace } from '../../parsers/model/trace.js';
import { parseStrace } from '../../parsers/strace/index.js';
import { CORPUS } from '../corpus-path.js';

const MB = 1 << 20;
const lines = (name: string): string[] =>
  readFileSync(`${CORPUS}/${name}`, 'latin1').split('\n').filter(Boolean);
const REAL = [
  'pipe-f-yy.log',
  'mt-f.log',
  'foo-chroot-fails.log',
  'format/esc.log',
  'format/exotic.yy.log',
  'format/mt.f.stderr.log',
  'format/killed.mt.log',
].flatMap(lines);
const reference = parseStrace(readFileSync(`${CORPUS}/foo-host.log`, 'latin1'), { fileName: 'foo-host.log' });

const repeat = (unit: string, n: number): string => unit.repeat(n);
/** Shapes that overflowed a stack, grew output with the square of the line, or hung, before. */
const hostile = fc.oneof(
  fc.integer({ min: 1, max: 20_000 }).map((n) => `read(3, [${repeat('1 => ', n)}1]) = 1`),
  fc.integer({ min: 1, max: 20_000 }).map((n) => `ioctl(3, ${repeat('A||', n)}B) = 0`),
  fc.integer({ min: 1, max: 20_000 }).map((n) => `prctl(${repeat('1<<', n)}1, 0) = 0`),
  fc.integer({ min: 1, max: 20_000 }).map((n) => `fcntl(3, ${repeat('a&&', n)}b) = 0`),
  fc.integer({ min: 1, max: 20_000 }).map((n) => `poll(${repeat('[{', n)}${repeat('}]', n)}, 1, 0) = 1`),
  fc
    .integer({ min: 1, max: 3_000 })
    .map((n) =>
      Array.from(
        { length: n },
        (_, k) => `${100 + k} clone(child_stack=NULL, flags=SIGCHLD) = ${101 + k}`,
      ).join('\n'),
    ),
  fc
    .integer({ min: 1, max: 3_000 })
    .map((n) => repeat('7 execve("/bin/sh", ["sh", "-c", "exec sh"], 0x7ffd /* 3 vars */) = 0\n', n)),
  fc.integer({ min: 1, max: 100_000 }).map((n) => `write(1, "${repeat('\\x1b[2J', n >> 3)}", ${n}) = ${n}`),
  fc.uint8Array({ maxLength: 2_000 }).map((b) => String.fromCharCode(...b)),
  fc.constantFrom(
    '<... read resumed>"x", 1) = 1',
    'read(3,  <unfinished ...>',
    '[pid 9] <... read resumed> <unfinished ...>',
    'strace: Process 9 attached',
    '+++ killed by SIGKILL (core dumped) +++',
    '--- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=NULL} ---',
    '% time     seconds  usecs/call     calls    errors syscall',
    ') = ?',
    '\u202egpj.exe',
  ),
);
/** A real line, whole or damaged: cut anywhere, a byte changed, or two lines spliced. */
const real = fc.oneof(
  fc.constantFrom(...REAL),
  fc
    .tuple(fc.constantFrom(...REAL), fc.nat(), fc.integer({ min: 0, max: 255 }))
    .map(
      ([l, at, b]) =>
        l.slice(0, at % (l.length + 1)) + String.fromCharCode(b) + l.slice((at % (l.length + 1)) + 1),
    ),
  fc
    .tuple(fc.constantFrom(...REAL), fc.constantFrom(...REAL), fc.nat())
    .map(([a, b, at]) => a.slice(0, at % (a.length + 1)) + b.slice(at % (b.length + 1))),
);
/** An input: a body of lines, repeated (with new pids each time) up to a size of 1 KB to 1 MB. */
const input = fc
  .record({
    head: fc.array(real, { minLength: 1, maxLength: 30 }),
    body: fc.array(fc.oneof({ arbitrary: real, weight: 3 }, { arbitrary: hostile, weight: 1 }), {
      minLength: 1,
      maxLength: 40,
    }),
    size: fc.oneof(fc.integer({ min: 1_024, max: 64 * 1_024 }), fc.constant(MB)),
  })
  .map(({ head, body, size }) => {
    const unit = body.join('\n') + '\n';
    let text = head.join('\n') + '\n';
    for (let round = 0; text.length < size; round++)
      text += unit.replace(
        /^(\[pid +)?(\d+)/gm,
        (_m, pre: string | undefined, pid: string) => `${pre ?? ''}${Number(pid) + round}`,
      );
    return text.slice(0, size);
  });

async function read(text: string): Promise<Trace | null> {
  const bytes = Uint8Array.from(text, (ch) => ch.charCodeAt(0) & 0xff);
  const chunks = (async function* () {
    for (let at = 0; at < bytes.length; at += 65_536) yield bytes.subarray(at, at + 65_536);
  })();
  const r = await readTraceInput([{ name: 'fuzz.log', size: bytes.length, chunks }], {
    acceptTableOnly: true,
  });
  return r.ok ? r.trace : null;
}

describe('no input of up to 1 MB makes parse, stats or diff throw', () => {
  it('real lines damaged and mixed with hostile shapes, through the whole pipeline', async () => {
    let megabytes = 0;
    await fc.assert(
      fc.asyncProperty(input, async (text) => {
        const trace = await read(text);
        if (!trace) return; // refused with a message (binary, not a trace): not a throw
        expect(trace.count).toBeGreaterThan(0);
        if (text.length === MB) megabytes++;
        computeSyscallStats(trace);
        // a bounded look at the events: decoding every argument of 1 MB is the app's lazy job
        expect(formatTraceDump(trace).length).toBeGreaterThan(0);
        for (const diff of [
          computeTraceDiff(reference, trace, { budgetMs: 2_000 }),
          computeTraceDiff(trace, trace, { budgetMs: 2_000 }),
        ])
          expect(formatDiffReport(diff, { maxLines: 400 })).toContain('\n');
      }),
      {
        numRuns: 16,
        examples: [
          [
            `execve("/x", ["x"], 0x1 /* 1 vars */) = 0\n${repeat('read(3, [1 => 1]) = 1\n', 50_000)}`.slice(
              0,
              MB,
            ),
          ],
        ],
      },
    );
    expect(megabytes).toBeGreaterThan(0);
  }, 240_000);
});
