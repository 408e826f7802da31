import type { TraceDiff } from '../../../parsers/analysis/diff/index.js';
import { CHANGED } from '../../../parsers/analysis/diff/pair-list.js';
import { computeSyscallDelta, countSyscalls } from '../../../parsers/analysis/syscall-delta.js';
import type { DiffLineRef } from '../../../parsers/analysis/diff/index.js';
import type { Trace } from '../../../parsers/model/index.js';
import { isSetupBlock } from '../../../parsers/analysis/diff/pair-processes.js';
import type { BlockView, DiffData, FindingView } from './diff-data.js';
import { CHANGE_ARGS, CHANGE_RESULT } from './diff-data.js';

/**
 * Turns a TraceDiff (which holds both Traces, worker-side only) into plain data for the main thread:
 * the pair columns trimmed to length, per-event pair indices, blocks, findings with event indices.
 */
export function computeDiffData(diff: TraceDiff): DiffData {
  const { a, b, pairs } = diff;
  const count = pairs.count;
  const pairA = pairs.a.slice(0, count);
  const pairB = pairs.b.slice(0, count);
  const status = pairs.status.slice(0, count);
  const change = new Uint8Array(count);
  const pairOfA = new Int32Array(a.count).fill(-1);
  const pairOfB = new Int32Array(b.count).fill(-1);
  for (let k = 0; k < count; k++) {
    const i = pairA[k] as number;
    const j = pairB[k] as number;
    if (i >= 0) pairOfA[i] = k;
    if (j >= 0) pairOfB[j] = k;
    if (status[k] === CHANGED && i >= 0 && j >= 0) change[k] = computeChange(a, i, b, j);
  }
  const blocks: BlockView[] = diff.blocks.map((bl) => {
    const ea = bl.unitA?.events;
    const eb = bl.unitB?.events;
    return {
      kind: bl.kind,
      why: bl.why,
      start: bl.start,
      end: bl.end,
      pidA: bl.unitA?.pid ?? null,
      pidB: bl.unitB?.pid ?? null,
      programA: bl.unitA?.program ?? '',
      programB: bl.unitB?.program ?? '',
      firstA: ea && ea.length ? (ea[0] as number) : -1,
      lastA: ea && ea.length ? (ea[ea.length - 1] as number) : -1,
      firstB: eb && eb.length ? (eb[0] as number) : -1,
      lastB: eb && eb.length ? (eb[eb.length - 1] as number) : -1,
    };
  });
  const refsA = diff.findings.flatMap((f) => [...(f.a ? [f.a] : []), ...(f.evidence?.a ?? [])]);
  const refsB = diff.findings.flatMap((f) => [...(f.b ? [f.b] : []), ...(f.evidence?.b ?? [])]);
  const eventA = computeEventsOfLines(a, refsA);
  const eventB = computeEventsOfLines(b, refsB);
  const findings: FindingView[] = diff.findings.map((f) => {
    const indexA = f.a ? (eventA(f.a) ?? -1) : -1;
    const indexB = f.b ? (eventB(f.b) ?? -1) : -1;
    const evidence = (
      refs: DiffLineRef[] | undefined,
      main: number,
      of: (r: DiffLineRef) => number | undefined,
    ) =>
      [...new Set([...(main >= 0 ? [main] : []), ...(refs ?? []).map((r) => of(r) ?? -1)])]
        .filter((i) => i >= 0)
        .sort((x, y) => x - y);
    return {
      ...f,
      indexA,
      indexB,
      evidenceA: evidence(f.evidence?.a, indexA, eventA),
      evidenceB: evidence(f.evidence?.b, indexB, eventB),
    };
  });
  const processPairs: [number, number][] = [];
  const seen = new Set<string>();
  for (const bl of diff.blocks) {
    if (bl.kind !== 'aligned' || !bl.unitA || !bl.unitB) continue;
    const key = `${bl.unitA.pid}:${bl.unitB.pid}`;
    if (!seen.has(key)) processPairs.push([bl.unitA.pid, bl.unitB.pid]);
    seen.add(key);
  }
  const target = diff.blocks.find(
    (bl) => bl.kind === 'aligned' && (bl.unitA?.execEvent ?? -1) >= 0 && (bl.unitB?.execEvent ?? -1) >= 0,
  );
  return {
    labels: diff.labels,
    equal: diff.equal,
    changed: diff.changed,
    onlyA: diff.onlyA,
    onlyB: diff.onlyB,
    coarse: diff.coarse,
    elapsedMs: diff.elapsedMs,
    firstDivergence: diff.firstDivergence,
    count,
    pairA,
    pairB,
    status,
    change,
    pairOfA,
    pairOfB,
    blocks,
    findings,
    execA: target?.unitA?.execEvent ?? firstExec(a),
    execB: target?.unitB?.execEvent ?? firstExec(b),
    deltas: computeSyscallDelta(countSyscalls(a, null), countSyscalls(b, null)),
    deltasWithoutLaunchers: computeDeltasWithoutLaunchers(diff),
    processPairs,
  };
}

/** The typed-array buffers of a DiffData, to transfer instead of copy. */
export function diffDataTransfer(d: DiffData): ArrayBuffer[] {
  return [d.pairA, d.pairB, d.status, d.change, d.pairOfA, d.pairOfB].map((x) => x.buffer as ArrayBuffer);
}

/**
 * What differs in a changed pair: the result (errno, or success against failure) and/or the arguments.
 * Pointer values and the -y decorations differ between any two runs, so they are masked first.
 */
function computeChange(a: Trace, i: number, b: Trace, j: number): number {
  let bits = 0;
  if (a.errno(i) !== b.errno(j) || Math.sign(a.ret(i) ?? 0) !== Math.sign(b.ret(j) ?? 0))
    bits |= CHANGE_RESULT;
  if (maskedArgs(a, i) !== maskedArgs(b, j)) bits |= CHANGE_ARGS;
  return bits || CHANGE_ARGS;
}

/** `openat(AT_FDCWD</tmp/x>, "/etc/a", O_RDONLY) = 3</etc/a>` -> `openat(AT_FDCWD, "/etc/a", O_RDONLY)` */
function maskedArgs(t: Trace, i: number): string {
  const raw = t.rawLine(i);
  const name = t.name(i);
  const at = raw.indexOf(name + '(');
  const eq = raw.lastIndexOf(') = ');
  const text = at >= 0 ? raw.slice(at, eq > at ? eq + 1 : undefined) : raw;
  return text.replace(/<[^<>]*>/g, '').replace(/0x[0-9a-f]+/gi, '0x…');
}

/**
 * The event each line reference names (its first event on that line of that file), found for all the
 * references in one pass over the events: a finding may list hundreds of evidence lines.
 */
function computeEventsOfLines(
  t: Trace,
  refs: readonly DiffLineRef[],
): (ref: DiffLineRef) => number | undefined {
  const key = (line: number, file: string | undefined): string => `${file ?? ''}\0${line}`;
  const wanted = new Set(refs.map((r) => r.line));
  const found = new Map<string, number>();
  const c = t.columns;
  if (wanted.size)
    for (let i = 0; i < t.count; i++) {
      const line = c.line[i] as number;
      if (!wanted.has(line)) continue;
      const file = t.file(i);
      if (!found.has(key(line, file))) found.set(key(line, file), i);
      if (!found.has(key(line, undefined))) found.set(key(line, undefined), i);
    }
  return (ref) => found.get(key(ref.line, ref.file));
}

function firstExec(t: Trace): number {
  for (let i = 0; i < t.count; i++) if (t.name(i) === 'execve' || t.name(i) === 'execveat') return i;
  return -1;
}

/** Per-syscall deltas with launcher stages left out, as the findings count them; null when there are none. */
function computeDeltasWithoutLaunchers(diff: TraceDiff) {
  const skipA = new Uint8Array(diff.a.count);
  const skipB = new Uint8Array(diff.b.count);
  let any = false;
  for (const block of diff.blocks) {
    if (!isSetupBlock(block.why)) continue;
    any = true;
    for (const i of block.unitA?.events ?? []) skipA[i] = 1;
    for (const j of block.unitB?.events ?? []) skipB[j] = 1;
  }
  return any ? computeSyscallDelta(countSyscalls(diff.a, skipA), countSyscalls(diff.b, skipB)) : null;
}
