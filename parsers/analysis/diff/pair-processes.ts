import { alignMyers } from './myers.js';
import { alignCoarse } from './align.js';
import type { DiffUnit, PidUnits, TraceUnits } from './diff-units.js';

/** A step of the pairing: two units to align, or a unit present in one trace only. */
export type UnitMatch =
  | { kind: 'aligned'; a: DiffUnit; b: DiffUnit }
  | { kind: 'onlyA'; a: DiffUnit; why: OneSidedReason }
  | { kind: 'onlyB'; b: DiffUnit; why: OneSidedReason };

/**
 * Why a unit has no counterpart: the chroot program's start-up up to its execve of the target, another
 * launcher stage (env, a shell's exec), an exec of a program the other run did not run, or a whole
 * process (and its descendants) the other run did not have.
 */
export type OneSidedReason =
  'chroot-scaffolding' | 'runtime-scaffolding' | 'launcher' | 'unpaired-exec' | 'unpaired-process';

/** A stage that only sets the program up (chroot's start-up, a container runtime, env or unshare): one block, never the cause. */
export function isSetupBlock(why: OneSidedReason | string | null): boolean {
  return why === 'chroot-scaffolding' || why === 'runtime-scaffolding' || why === 'launcher';
}

/**
 * Pairs processes by lineage: roots with roots, then the children of two paired processes by the program
 * they end up running (threads with threads), in creation order; within a paired pid, exec stages are
 * paired by program name. Both are small sequence alignments (Myers on interned names). Returns the
 * matches in reading order: a process, then its children, depth first.
 */
export function pairProcesses(
  a: TraceUnits,
  b: TraceUnits,
  deadlineMs: number,
  similarity: (pidA: number, pidB: number) => number = () => 0,
): UnitMatch[] {
  const out: UnitMatch[] = [];
  const names = new Map<string, number>();
  const intern = (s: string): number => {
    let id = names.get(s);
    if (id === undefined) {
      id = names.size;
      names.set(s, id);
    }
    return id;
  };
  const pidKey = (p: PidUnits): number => {
    const last = p.units[p.units.length - 1];
    return intern((p.thread ? 'thread ' : '') + (last ? last.program : ''));
  };

  // An explicit stack of steps rather than recursion: the depth of a process tree is the input's
  // (2,500 nested clones overflowed the call stack). Steps are pushed in reverse so they run in order.
  const stack: Step[] = [];
  const pushInOrder = (steps: Step[]): void => {
    for (let k = steps.length - 1; k >= 0; k--) stack.push(steps[k] as Step);
  };

  const onlyPid = (side: 'a' | 'b', units: TraceUnits, pid: number): void => {
    const p = units.byPid.get(pid);
    if (!p) return;
    for (const u of p.units) {
      out.push(
        side === 'a'
          ? { kind: 'onlyA', a: u, why: 'unpaired-process' }
          : { kind: 'onlyB', b: u, why: 'unpaired-process' },
      );
    }
    pushInOrder(p.children.map((child): Step => ({ kind: 'only', side, pid: child })));
  };

  /**
   * The processes above a twin (unshare, which forked it): their units as one-sided launcher blocks,
   * and their other children as unpaired processes, after the twin's pairing.
   */
  const visitAbove = (
    side: 'a' | 'b',
    units: TraceUnits,
    found: { twin: PidUnits; chain: PidUnits[] },
  ): void => {
    const later: Step[] = [];
    for (const p of found.chain) {
      for (const u of p.units) {
        out.push(
          side === 'a' ? { kind: 'onlyA', a: u, why: 'launcher' } : { kind: 'onlyB', b: u, why: 'launcher' },
        );
      }
      const next = found.chain[found.chain.indexOf(p) + 1] ?? found.twin;
      for (const child of p.children) if (child !== next.pid) later.push({ kind: 'only', side, pid: child });
    }
    void units;
    pushInOrder(later);
  };

  const visit = (pa: PidUnits, pb: PidUnits): void => {
    const ua = pa.units;
    const ub = pb.units;
    const [aToB] = matchByKey(
      ua.map((u) => intern(u.program)),
      ub.map((u) => intern(u.program)),
      deadlineMs,
    );
    let j = 0;
    for (let i = 0; i < ua.length; i++) {
      const u = ua[i] as DiffUnit;
      const mj = aToB[i] as number;
      if (mj < 0) {
        out.push({ kind: 'onlyA', a: u, why: reasonFor(u) });
        continue;
      }
      for (; j < mj; j++)
        out.push({ kind: 'onlyB', b: ub[j] as DiffUnit, why: reasonFor(ub[j] as DiffUnit) });
      out.push({ kind: 'aligned', a: u, b: ub[mj] as DiffUnit });
      j = mj + 1;
    }
    for (; j < ub.length; j++)
      out.push({ kind: 'onlyB', b: ub[j] as DiffUnit, why: reasonFor(ub[j] as DiffUnit) });
    stack.push({ kind: 'lists', pidsA: pa.children, pidsB: pb.children });
  };

  const visitLists = (pidsA: number[], pidsB: number[]): void => {
    const la = pidsA.map((p) => a.byPid.get(p)).filter((p): p is PidUnits => p !== undefined);
    const lb = pidsB.map((p) => b.byPid.get(p)).filter((p): p is PidUnits => p !== undefined);
    const keysA = la.map(pidKey);
    const [aToB] = matchByKey(keysA, lb.map(pidKey), deadlineMs);
    repairBySimilarity(aToB, keysA, (i, j) => similarity((la[i] as PidUnits).pid, (lb[j] as PidUnits).pid));
    const emittedB = new Uint8Array(lb.length);
    for (const j of aToB) if (j >= 0) emittedB[j] = 1;
    const steps: Step[] = [];
    let nextB = 0;
    const flushB = (upTo: number): void => {
      for (; nextB < upTo; nextB++)
        if (!emittedB[nextB]) steps.push({ kind: 'only', side: 'b', pid: (lb[nextB] as PidUnits).pid });
    };
    for (let i = 0; i < la.length; i++) {
      const p = la[i] as PidUnits;
      const mj = aToB[i] as number;
      if (mj < 0) {
        steps.push({ kind: 'only', side: 'a', pid: p.pid });
        continue;
      }
      flushB(mj);
      steps.push({ kind: 'visit', pa: p, pb: lb[mj] as PidUnits });
    }
    flushB(lb.length);
    pushInOrder(steps);
  };

  // A root that only forks (a shell running a pipeline) still pairs with the other root: roots are
  // matched by key first and, failing that, in order.
  if (a.roots.length === 1 && b.roots.length === 1) {
    const rootA = a.byPid.get(a.roots[0] as number) as PidUnits;
    const rootB = b.byPid.get(b.roots[0] as number) as PidUnits;
    // `unshare --pid --fork` runs the program in a child: pair it with its twin, the other run's root,
    // and show the processes above it as the launcher.
    const twinInB =
      rootA.units.length > 0 && pidKey(rootA) !== pidKey(rootB)
        ? findTwin(b, rootB, lastProgram(rootA))
        : null;
    const twinInA =
      !twinInB && rootB.units.length > 0 && pidKey(rootA) !== pidKey(rootB)
        ? findTwin(a, rootA, lastProgram(rootB))
        : null;
    if (twinInB) {
      visitAbove('b', b, twinInB);
      visit(rootA, twinInB.twin);
    } else if (twinInA) {
      visitAbove('a', a, twinInA);
      visit(twinInA.twin, rootB);
    } else visit(rootA, rootB);
  } else {
    visitLists(a.roots, b.roots);
  }
  for (let step = stack.pop(); step !== undefined; step = stack.pop()) {
    if (step.kind === 'visit') visit(step.pa, step.pb);
    else if (step.kind === 'lists') visitLists(step.pidsA, step.pidsB);
    else onlyPid(step.side, step.side === 'a' ? a : b, step.pid);
  }
  return out;
}

/** The program a process ends up running: its last exec stage's. */
function lastProgram(p: PidUnits): string {
  return p.units[p.units.length - 1]?.program ?? '';
}

/** How deep below a root a twin is looked for (unshare, then its forked child: 1 or 2 levels). */
const MAX_TWIN_DEPTH = 4;

/**
 * The first process below `root` (breadth first, in creation order, at most MAX_TWIN_DEPTH levels)
 * that ends up running `program`, with the chain of processes from the root down to its parent.
 */
function findTwin(
  units: TraceUnits,
  root: PidUnits,
  program: string,
): { twin: PidUnits; chain: PidUnits[] } | null {
  if (program === '') return null;
  let level: { p: PidUnits; chain: PidUnits[] }[] = [{ p: root, chain: [] }];
  for (let depth = 0; depth < MAX_TWIN_DEPTH && level.length > 0; depth++) {
    const next: { p: PidUnits; chain: PidUnits[] }[] = [];
    for (const { p, chain } of level) {
      for (const child of p.children) {
        const c = units.byPid.get(child);
        if (!c || c.thread) continue;
        if (lastProgram(c) === program) return { twin: c, chain: [...chain, p] };
        next.push({ p: c, chain: [...chain, p] });
      }
    }
    level = next;
  }
  return null;
}

/** One step of the depth-first pairing walk. */
type Step =
  | { kind: 'visit'; pa: PidUnits; pb: PidUnits }
  | { kind: 'lists'; pidsA: number[]; pidsB: number[] }
  | { kind: 'only'; side: 'a' | 'b'; pid: number };

/** Groups of same-key siblings larger than this keep their creation-order pairing (n² scores). */
const MAX_REPAIR_GROUP = 64;

/**
 * Siblings running the same program (a build's compiler jobs, a pool of workers) are matched in
 * creation order by the key alignment; when the runs started them in another order, that pairs the
 * wrong ones. Within each group of matched siblings sharing a key, re-pair greedily by similarity
 * (shared calls), keeping creation order on ties.
 */
function repairBySimilarity(
  aToB: Int32Array,
  keysA: number[],
  score: (i: number, j: number) => number,
): void {
  const groups = new Map<number, number[]>();
  for (let i = 0; i < aToB.length; i++) {
    if ((aToB[i] as number) < 0) continue;
    const k = keysA[i] as number;
    const g = groups.get(k);
    if (g) g.push(i);
    else groups.set(k, [i]);
  }
  for (const members of groups.values()) {
    if (members.length < 2 || members.length > MAX_REPAIR_GROUP) continue;
    const partners = members.map((i) => aToB[i] as number);
    const scores: { i: number; j: number; s: number; order: number }[] = [];
    for (const i of members) {
      for (const j of partners)
        scores.push({ i, j, s: score(i, j), order: Math.abs(members.indexOf(i) - partners.indexOf(j)) });
    }
    scores.sort((x, y) => y.s - x.s || x.order - y.order);
    const usedA = new Set<number>();
    const usedB = new Set<number>();
    for (const { i, j } of scores) {
      if (usedA.has(i) || usedB.has(j)) continue;
      aToB[i] = j;
      usedA.add(i);
      usedB.add(j);
    }
  }
}

function reasonFor(u: DiffUnit): OneSidedReason {
  if (u.runtime) return 'runtime-scaffolding';
  if (u.launcher && u.chrootEvent >= 0) return 'chroot-scaffolding';
  if (u.launcher) return 'launcher';
  return 'unpaired-exec';
}

/** Myers on two short key lists; past the deadline, the coarse alignment. */
function matchByKey(ka: number[], kb: number[], deadlineMs: number): [Int32Array, Int32Array] {
  const a = Int32Array.from(ka);
  const b = Int32Array.from(kb);
  const aToB = new Int32Array(a.length).fill(-1);
  const bToA = new Int32Array(b.length).fill(-1);
  if (!alignMyers(a, b, 0, a.length, 0, b.length, aToB, bToA, deadlineMs)) {
    alignCoarse(a, b, 0, a.length, 0, b.length, aToB, bToA);
  }
  return [aToB, bToA];
}
