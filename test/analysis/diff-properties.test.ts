import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignCoarse, alignWindowed } from '../../parsers/analysis/diff/align.js';
import { alignSequences, computeTraceDiff } from '../../parsers/analysis/diff/index.js';
import { alignMyers } from '../../parsers/analysis/diff/myers.js';
import { parseStrace } from '../../parsers/strace/index.js';
import { CORPUS, FIXTURES, syscallCount } from './diff-helpers.js';

/** Length of a longest common subsequence, by dynamic programming (the oracle for small inputs). */
function lcsLength(a: Int32Array, b: Int32Array): number {
  const row = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j] as number;
      row[j] = a[i - 1] === b[j - 1] ? diag + 1 : Math.max(up, row[j - 1] as number);
      diag = up;
    }
  }
  return row[b.length] as number;
}

/** Matches must pair equal keys, in increasing order on both sides, each index once. */
function checkMatching(a: Int32Array, b: Int32Array, aToB: Int32Array, bToA: Int32Array): number {
  let last = -1;
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    const j = aToB[i] as number;
    if (j < 0) continue;
    expect(j).toBeGreaterThan(last);
    expect(a[i]).toBe(b[j]);
    expect(bToA[j]).toBe(i);
    last = j;
    n++;
  }
  return n;
}

const seq = fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 60 }).map((xs) => Int32Array.from(xs));

describe('sequence alignment', () => {
  it('finds a longest common subsequence (checked against dynamic programming)', () => {
    fc.assert(
      fc.property(seq, seq, (a, b) => {
        const { aToB, bToA, coarse } = alignSequences(a, b, Date.now() + 60_000);
        expect(coarse).toBe(false);
        expect(checkMatching(a, b, aToB, bToA)).toBe(lcsLength(a, b));
      }),
    );
  });

  it('coarse fallback still gives a valid matching, and matches identical sequences fully', () => {
    fc.assert(
      fc.property(seq, seq, (a, b) => {
        const aToB = new Int32Array(a.length).fill(-1);
        const bToA = new Int32Array(b.length).fill(-1);
        alignCoarse(a, b, 0, a.length, 0, b.length, aToB, bToA);
        checkMatching(a, b, aToB, bToA);
        const same = new Int32Array(a.length).fill(-1);
        alignCoarse(a, a, 0, a.length, 0, a.length, same, new Int32Array(a.length).fill(-1));
        expect([...same]).toEqual([...a.keys()]);
      }),
    );
  });

  it('windowed Myers gives a valid matching, exact on identical sequences', () => {
    fc.assert(
      fc.property(seq, seq, (a, b) => {
        const aToB = new Int32Array(a.length).fill(-1);
        const bToA = new Int32Array(b.length).fill(-1);
        expect(alignWindowed(a, b, 0, a.length, 0, b.length, aToB, bToA, Date.now() + 60_000)).toBe(true);
        checkMatching(a, b, aToB, bToA);
      }),
    );
  });

  it('windowed Myers finds (nearly) the longest common subsequence of long loops with scattered edits', () => {
    // A syscall loop (5 calls) repeated 20k times; B replaces, drops or adds a call in ~3% of iterations.
    const rng = fc.sample(fc.integer({ min: 0, max: 2 ** 30 }), { numRuns: 1, seed: 42 })[0] as number;
    let state = rng;
    const rand = (): number => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) % 1000) / 1000;
    const a: number[] = [];
    const b: number[] = [];
    for (let it = 0; it < 20_000; it++) {
      for (const call of [1, 2, 3, 4, 5]) {
        a.push(call);
        const r = rand();
        if (r < 0.01) continue;
        b.push(r < 0.02 ? 6 : call);
        if (r > 0.99) b.push(7);
      }
    }
    const A = Int32Array.from(a);
    const B = Int32Array.from(b);
    const whole = alignSequences(A, B, Date.now() + 60_000);
    const aToB = new Int32Array(A.length).fill(-1);
    const bToA = new Int32Array(B.length).fill(-1);
    alignWindowed(A, B, 0, A.length, 0, B.length, aToB, bToA, Date.now() + 60_000);
    const exact = new Int32Array(A.length).fill(-1);
    // diff-sequences on the whole pair is the reference.
    alignMyers(A, B, 0, A.length, 0, B.length, exact, new Int32Array(B.length).fill(-1), Date.now() + 60_000);
    const lcs = exact.filter((j) => j >= 0).length;
    // Windows see only part of the sequence: in a loop of five calls many alignments tie, and a window
    // can pick one that costs a match later. Measured: 40 matches short of 98,048 (0.04%).
    const windowed = checkMatching(A, B, aToB, bToA);
    expect(windowed).toBeLessThanOrEqual(lcs);
    expect(windowed).toBeGreaterThanOrEqual(Math.floor(lcs * 0.999));
    expect(whole.windowed).toBe(true);
    expect(checkMatching(A, B, whole.aToB, whole.bToA)).toBe(windowed);
  });

  it('falls back to the coarse alignment past the deadline instead of hanging', () => {
    // Two unrelated 40k sequences: Myers would need ~D*(N+M) = 40k*80k steps.
    const a = Int32Array.from({ length: 40_000 }, (_, i) => (i * 7919) % 13);
    const b = Int32Array.from({ length: 40_000 }, (_, i) => (i * 104729 + 5) % 17);
    // The test's own timeout stands for "not hanging": a wall-clock bound would fail on a loaded machine.
    const { aToB, bToA, coarse } = alignSequences(a, b, Date.now() - 1);
    expect(coarse).toBe(true);
    checkMatching(a, b, aToB, bToA);
  });
});

/** Lines of a real log (a single process, -tt -T), to build traces from. */
const FOO = readFileSync(CORPUS + 'foo-host.log', 'latin1')
  .split('\n')
  .filter((l) => /^\d+ /.test(l) && !l.includes('+++'));
const PIPE = readFileSync(CORPUS + 'pipe-f-yy.log', 'latin1').split('\n');
const MT = readFileSync(FIXTURES + 'mt-run1.log', 'latin1');

/** A trace made of a subsequence of a real log's lines. */
const subTrace = fc.subarray(FOO, { minLength: 1 }).map((lines) => lines.join('\n') + '\n');

/** The same log as a rerun would print it: other pids, other addresses, other timestamps. */
function rerun(text: string, pidShift: number, addrShift: number): string {
  const pids = new Set(text.match(/^\d+/gm) ?? []);
  return text
    .replace(/\b\d{4,}\b/g, (p) => (pids.has(p) ? String(Number(p) + pidShift) : p))
    .replace(
      /0x7f([0-9a-f]{10})/g,
      (_, h: string) =>
        '0x7f' + ((parseInt(h, 16) + addrShift * 4096) % 2 ** 40).toString(16).padStart(10, '0'),
    )
    .replace(
      /(\d\d:\d\d:\d\d\.)(\d{6})/g,
      (_, hms: string, us: string) => hms + String((Number(us) + 1234) % 1e6).padStart(6, '0'),
    )
    .replace(/<0\.\d{6}>/g, '<0.000042>');
}

describe('diff properties on real lines', () => {
  it('a trace against itself is all-equal', () => {
    fc.assert(
      fc.property(subTrace, (text) => {
        const t = parseStrace(text);
        const d = computeTraceDiff(t, t);
        expect(d.changed + d.onlyA + d.onlyB).toBe(0);
        expect(d.equal).toBe(syscallCount(t));
        expect(d.firstDivergence).toBe(-1);
      }),
      { numRuns: 60 },
    );
  });

  it('a rerun (new pids, addresses, times) is all-equal: threaded and pipeline logs too', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(FOO.join('\n'), PIPE.join('\n'), MT),
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 1000 }),
        (text, pidShift, addrShift) => {
          const a = parseStrace(text);
          const b = parseStrace(rerun(text, pidShift, addrShift));
          const d = computeTraceDiff(a, b);
          expect({ changed: d.changed, onlyA: d.onlyA, onlyB: d.onlyB }).toEqual({
            changed: 0,
            onlyA: 0,
            onlyB: 0,
          });
        },
      ),
      { numRuns: 30 },
    );
  });

  it('counts every syscall of each side once, and swapping the sides swaps onlyA and onlyB', () => {
    // Single-process lines (foo) and a three-process pipeline (pipe-f-yy), in random subsets.
    const pipeSubTrace = fc.subarray(PIPE, { minLength: 1 }).map((lines) => lines.join('\n') + '\n');
    const pair = fc.oneof(fc.tuple(subTrace, subTrace), fc.tuple(pipeSubTrace, pipeSubTrace));
    fc.assert(
      fc.property(pair, ([x, y]) => {
        const a = parseStrace(x);
        const b = parseStrace(y);
        // The wall-clock budget is lifted: on a loaded machine a small pair could cross it and take the
        // coarse path, whose own properties are tested below.
        const exact = { budgetMs: Number.POSITIVE_INFINITY };
        const ab = computeTraceDiff(a, b, exact);
        const ba = computeTraceDiff(b, a, exact);
        expect([ab.coarse, ba.coarse]).toEqual([false, false]);
        expect(ab.equal + ab.changed + ab.onlyA).toBe(syscallCount(a));
        expect(ab.equal + ab.changed + ab.onlyB).toBe(syscallCount(b));
        expect([ba.onlyA, ba.onlyB, ba.equal, ba.changed]).toEqual([
          ab.onlyB,
          ab.onlyA,
          ab.equal,
          ab.changed,
        ]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('time budget', () => {
  it('past the budget, says the alignment is coarse instead of taking its time', () => {
    // Two 40k-call processes that share little: exact alignment would be slow.
    const line = (n: number, name: string, arg: number): string => `100 ${name}(${arg}, "x", 1) = 0`;
    const a: string[] = [];
    const b: string[] = [];
    for (let k = 0; k < 40_000; k++) {
      a.push(line(k, k % 3 ? 'read' : 'write', k % 11));
      b.push(line(k, k % 5 ? 'read' : 'write', k % 13));
    }
    const diff = computeTraceDiff(parseStrace(a.join('\n')), parseStrace(b.join('\n')), { budgetMs: 0 });
    expect(diff.coarse).toBe(true);
    expect(diff.findings.at(-1)?.kind).toBe('coarse');
    expect(diff.equal + diff.changed + diff.onlyA).toBe(40_000);
    expect(diff.equal + diff.changed + diff.onlyB).toBe(40_000);
  });
});

describe('process pairing', () => {
  /** A parent forking two workers of one program, each opening its own file, in the order given. */
  function workers(parent: number, files: string[]): string {
    const lines = [`${parent} execve("/bin/sh", ["sh"], 0x7ffd0000 /* 3 vars */) = 0`];
    files.forEach((f, k) =>
      lines.push(`${parent} clone(child_stack=NULL, flags=SIGCHLD) = ${parent + k + 1}`),
    );
    files.forEach((f, k) => {
      const pid = parent + k + 1;
      lines.push(`${pid} execve("/bin/worker", ["worker"], 0x7ffd0000 /* 3 vars */) = 0`);
      for (let r = 0; r < 5; r++)
        lines.push(`${pid} openat(AT_FDCWD, "${f}", O_RDONLY) = 3`, `${pid} close(3) = 0`);
      lines.push(`${pid} exit_group(0) = ?`, `${pid} +++ exited with 0 +++`);
    });
    return lines.join('\n') + '\n';
  }

  it('pairs same-program siblings by what they do, not by the order they were started', () => {
    const a = parseStrace(workers(100, ['/jobs/x', '/jobs/y']));
    const b = parseStrace(workers(200, ['/jobs/y', '/jobs/x']));
    const diff = computeTraceDiff(a, b);
    expect({ changed: diff.changed, onlyA: diff.onlyA, onlyB: diff.onlyB }).toEqual({
      changed: 0,
      onlyA: 0,
      onlyB: 0,
    });
    const pidsB = diff.blocks.filter((bl) => bl.unitA?.pid === 101).map((bl) => bl.unitB?.pid);
    expect(pidsB).toEqual([202]);
  });
});
