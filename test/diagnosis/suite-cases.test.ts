import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTrace } from '../../collector/trace-input.js';
import { DIAGNOSIS_RULES } from '../../parsers/analysis/diff/finding.js';
import type { Trace } from '../../parsers/model/trace.js';
import type { DiagnosisCase, RunOutcome } from './load-cases.js';
import { caseIds, loadCases } from './load-cases.js';

/**
 * The diagnosis suite is ground truth for the engine, so each case must be what it says: a well-formed
 * case.json, logs that parse, evidence lines that show what the recipe says, and runs that ended as
 * recorded. A bad capture fails here, before it can mislead the engine's test.
 */
const cases = loadCases();
/** Issue 11 asks for at least 30 real pairs. */
const MIN_CASES = 30;

describe('the diagnosis suite', () => {
  it('has at least 30 cases, 8 of them where both runs succeed, and covers every cause rule', () => {
    expect(cases.length).toBe(caseIds().length);
    expect(cases.length).toBeGreaterThanOrEqual(MIN_CASES);
    expect(cases.filter((c) => c.json.bothSucceed).length).toBeGreaterThanOrEqual(8);
    const covered = new Set(cases.map((c) => c.json.cause.rule));
    expect(DIAGNOSIS_RULES.filter((r) => !covered.has(r))).toEqual([]);
  });
});

describe.each(cases.map((c) => [c.id, c] as const))('case %s', (_id, c) => {
  const lines = {
    a: readFileSync(c.logs.a, 'utf8').split('\n'),
    b: readFileSync(c.logs.b, 'utf8').split('\n'),
  };

  it('has its recipe, and both runs parse into system calls', async () => {
    expect(readFileSync(join(c.dir, 'RECIPE.md'), 'utf8')).toContain(`diagnosis:capture ${c.id}`);
    for (const side of ['a', 'b'] as const) {
      const trace = await readTrace([c.logs[side]]);
      expect(syscallCount(trace), `${side}: system calls`).toBeGreaterThan(0);
    }
  });

  it('points its evidence at lines that show the cause', () => {
    for (const side of ['a', 'b'] as const) {
      const numbers = c.json.evidence[side] ?? [];
      const regexes = c.json.evidenceMatch[side] ?? [];
      numbers.forEach((n, k) => {
        const line = lines[side][n - 1];
        expect(line, `${side} line ${n} exists`).toBeDefined();
        expect(line, `${side} line ${n}`).toMatch(new RegExp(regexes[k] as string));
      });
    }
  });

  it('holds the facts of its scenario', () => {
    for (const side of ['a', 'b'] as const) {
      for (const re of c.json.facts?.[side] ?? [])
        expect(
          lines[side].some((l) => new RegExp(re).test(l)),
          `${side} has a line matching ${re}`,
        ).toBe(true);
      for (const re of c.json.absent?.[side] ?? [])
        expect(
          lines[side].filter((l) => new RegExp(re).test(l)),
          `${side} lines matching ${re}`,
        ).toEqual([]);
    }
  });

  it('records how each run ended, as the session or the log says', async () => {
    const recorded = c.json.session ? sessionOutcomes(c) : await logOutcomes(c);
    expect(recorded).toEqual(c.json.outcome);
    if (c.json.bothSucceed) expect([c.json.outcome.a.exitCode, c.json.outcome.b.exitCode]).toEqual([0, 0]);
    else expect(c.json.outcome).not.toEqual({ a: { exitCode: 0 }, b: { exitCode: 0 } });
  });
});

function syscallCount(trace: Trace): number {
  let n = 0;
  for (let i = 0; i < trace.count; i++) if (trace.kind(i) === 'syscall') n++;
  return n;
}

interface SessionRun {
  label: string;
  exitCode: number | null;
  signal?: string | null;
  incompleteReason?: string;
}

function sessionOutcomes(c: DiagnosisCase): { a: RunOutcome; b: RunOutcome } {
  const session = JSON.parse(readFileSync(join(c.dir, 'session.json'), 'utf8')) as { runs: SessionRun[] };
  const of = (log: string): RunOutcome => {
    const run = session.runs.find((r) => (r as SessionRun & { log: string }).log === log);
    if (!run) throw new Error(`${c.id}: session.json has no run with log ${log}`);
    return {
      ...(run.exitCode !== null ? { exitCode: run.exitCode } : { signal: run.signal ?? 'unknown' }),
      ...(run.incompleteReason === 'timeout' ? { timedOut: true } : {}),
    };
  };
  return { a: of(c.json.logs.a), b: of(c.json.logs.b) };
}

/** A plain log: how its first process ended (`+++ exited with 1 +++`, `+++ killed by SIGKILL +++`). */
async function logOutcomes(c: DiagnosisCase): Promise<{ a: RunOutcome; b: RunOutcome }> {
  const of = async (path: string): Promise<RunOutcome> => {
    const trace = await readTrace([path]);
    let first: number | null | undefined;
    for (let i = 0; i < trace.count; i++) {
      const kind = trace.kind(i);
      if (first === undefined && kind === 'syscall') first = trace.pid(i);
      if (first === undefined || trace.pid(i) !== first) continue;
      const event = trace.event(i);
      if (event.kind === 'exit') return { exitCode: event.code };
      if (event.kind === 'killed') return { signal: event.signal };
    }
    throw new Error(`${path}: the first process never exits`);
  };
  return { a: await of(c.logs.a), b: await of(c.logs.b) };
}

describe('case folders', () => {
  it('stay small: the whole suite is a few MB', () => {
    let bytes = 0;
    for (const c of cases) for (const name of readdirSync(c.dir)) bytes += statSync(join(c.dir, name)).size;
    // A container case carries runc's own trace (about 6,000 lines, 700 KB) besides the program's.
    const containers = cases.filter((c) => c.id.startsWith('container-')).length;
    expect(bytes).toBeLessThan((6 + containers * 0.75) * 1024 * 1024);
  });
});
