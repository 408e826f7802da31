import type { Trace } from '../../model/index.js';
import { callLine } from './call-text.js';
import type { ProcessNode, ProcessTree } from '../process-tree.js';
import { changedSyscalls, computeSyscallDelta, countSyscalls, formatSyscallDelta } from '../syscall-delta.js';
import type { DiffBlock, TraceDiffCore } from './compute-diff.js';
import { findFailedOnly } from './failed-calls.js';
import type { DiffFinding, DiffLabels } from './finding.js';
import { FINDING_KINDS, callOf, formatLineRef, lineRef } from './finding.js';
import { findPathsOnly } from './paths-only.js';
import { EQUAL, PAIR_STATUSES } from './pair-list.js';
import type { DiffRunContexts } from './run-context.js';
import type { CallReading } from '../diagnosis/index.js';
import { computeCallReading, computeDiagnosis } from '../diagnosis/index.js';
import { isSetupBlock } from './pair-processes.js';
import { describeRuntimeSetup } from './runtime-message.js';

/** All findings of a diff, ranked (see FINDING_KINDS): the diagnosis first, expected differences last. */
export function computeDiffFindings(
  core: TraceDiffCore,
  labels: DiffLabels,
  contexts: DiffRunContexts = {},
): DiffFinding[] {
  const diagnosis = computeDiagnosis(core, labels, contexts);
  const reading = computeCallReading(diagnosis.context);
  const launcherPairs = new Uint8Array(core.pairs.count);
  const launcherA = new Uint8Array(core.a.count);
  const launcherB = new Uint8Array(core.b.count);
  for (const block of core.blocks) {
    if (!isSetupBlock(block.why)) continue;
    launcherPairs.fill(1, block.start, block.end);
    for (const i of block.unitA?.events ?? []) launcherA[i] = 1;
    for (const j of block.unitB?.events ?? []) launcherB[j] = 1;
  }
  const found: DiffFinding[] = [
    ...diagnosis.causes,
    ...firstDivergence(core, labels, reading),
    ...findFailedOnly(core, labels, launcherPairs, reading),
    ...findPathsOnly(core, labels, orInto(launcherA, reading.quiet.a), orInto(launcherB, reading.quiet.b)),
    ...processesOnly(core, labels),
    ...syscallDeltas(core, labels, launcherA, launcherB),
    ...exitStatus(core, labels),
    ...envSizes(core, labels),
    ...scaffolding(core, labels),
    ...diagnosis.expected,
    ...coarseNote(core, labels),
  ];
  linkLocalesToEnvironment(found);
  // A stable sort keeps each kind's own order.
  return found.sort((x, y) => FINDING_KINDS.indexOf(x.kind) - FINDING_KINDS.indexOf(y.kind));
}

/**
 * A cleared environment (env -i) has no LANG or LC_*: the program then loads no locale files, which
 * shows up as locale paths opened in one run only. Say so on the environment finding.
 */
function linkLocalesToEnvironment(found: DiffFinding[]): void {
  const env = found.find((f) => f.kind === 'env-size');
  const locales = found.some(
    (f) => f.kind === 'paths-only' && (f.details ?? []).some((d) => d.includes('/locale')),
  );
  if (env && locales) {
    env.message +=
      ' Without LANG or LC_* variables a program stays in the C locale and opens no locale files: this explains the locale paths opened in one run only.';
  }
}

/** A copy of `base` with the calls `extra` marks set too. */
function orInto(base: Uint8Array, extra: Uint8Array): Uint8Array {
  const out = base.slice();
  for (let i = 0; i < out.length; i++) if (extra[i]) out[i] = 1;
  return out;
}

/**
 * The first entry that differs, launcher stages and expected differences (ASLR addresses, loader and
 * locale probes) left out: `brk(NULL)` returning another address is not where two runs part ways.
 */
function firstRealDivergence(core: TraceDiffCore, reading: CallReading): number {
  const { pairs } = core;
  for (const block of core.blocks) {
    if (isSetupBlock(block.why)) continue;
    for (let k = block.start; k < block.end; k++) {
      if (pairs.status[k] === EQUAL) continue;
      const i = pairs.a[k] as number;
      const j = pairs.b[k] as number;
      if ((i < 0 || reading.quiet.a[i]) && (j < 0 || reading.quiet.b[j])) continue;
      return k;
    }
  }
  return -1;
}

function firstDivergence(core: TraceDiffCore, labels: DiffLabels, reading: CallReading): DiffFinding[] {
  const k = firstRealDivergence(core, reading);
  if (k < 0) return [];
  const { a, b, pairs } = core;
  const status = PAIR_STATUSES[pairs.status[k] as number];
  // For a one-sided entry, show where the other run stands: its next call in the same block.
  let i = pairs.a[k] as number;
  let j = pairs.b[k] as number;
  for (let n = k + 1; n < pairs.count && (i < 0 || j < 0); n++) {
    if (i < 0 && (pairs.a[n] as number) >= 0) i = pairs.a[n] as number;
    if (j < 0 && (pairs.b[n] as number) >= 0) j = pairs.b[n] as number;
  }
  const sideA =
    i >= 0 ? `${labels.a} ${formatLineRef(lineRef(a, i))}: ${callOf(a, i)}` : `${labels.a}: (nothing)`;
  const sideB =
    i >= 0 || j >= 0
      ? j >= 0
        ? `${labels.b} ${formatLineRef(lineRef(b, j))}: ${callOf(b, j)}`
        : `${labels.b}: (nothing)`
      : '';
  const sameResult =
    status === 'changed' && a.errno(i) === b.errno(j) && Object.is(a.columns.ret[i], b.columns.ret[j]);
  const what =
    status === 'changed'
      ? sameResult
        ? `the same ${a.name(i)} call with different arguments`
        : `the same ${a.name(i)} call returning differently`
      : status === 'onlyA'
        ? `a call only ${labels.a} makes`
        : `a call only ${labels.b} makes`;
  const finding: DiffFinding = {
    kind: 'first-divergence',
    message: `The runs first differ at ${what}. ${sideA} | ${sideB}`,
  };
  if (i >= 0) finding.a = lineRef(a, i);
  if (j >= 0) finding.b = lineRef(b, j);
  return [finding];
}

function processesOnly(core: TraceDiffCore, labels: DiffLabels): DiffFinding[] {
  const out: DiffFinding[] = [];
  const seen = new Set<string>();
  for (const block of core.blocks) {
    if (block.why !== 'unpaired-process') continue;
    const unit = block.unitA ?? block.unitB;
    const side = block.unitA ? 'a' : 'b';
    if (!unit || seen.has(side + unit.pid)) continue;
    seen.add(side + unit.pid);
    const t = side === 'a' ? core.a : core.b;
    const first = unit.events[0];
    const label = side === 'a' ? labels.a : labels.b;
    const finding: DiffFinding = {
      kind: 'process-only',
      message: `Process ${unit.pid} (${unit.program || 'unknown program'}) runs only in ${label}${first === undefined ? '' : `, from ${formatLineRef(lineRef(t, first))}`}.`,
    };
    if (first !== undefined) finding[side] = lineRef(t, first);
    out.push(finding);
  }
  return out;
}

function syscallDeltas(
  core: TraceDiffCore,
  labels: DiffLabels,
  launcherA: Uint8Array,
  launcherB: Uint8Array,
): DiffFinding[] {
  const anyLauncher = launcherA.includes(1) || launcherB.includes(1);
  const changed = changedSyscalls(
    computeSyscallDelta(countSyscalls(core.a, launcherA), countSyscalls(core.b, launcherB)),
  );
  if (changed.length === 0) return [];
  const top = changed.slice(0, 4).map(formatSyscallDelta).join('; ');
  return [
    {
      kind: 'syscall-delta',
      message: `${changed.length} syscall${changed.length === 1 ? ' differs' : 's differ'} in count or errors (${labels.a} → ${labels.b}${anyLauncher ? ', launcher stages left out' : ''}): ${top}${changed.length > 4 ? '; …' : ''}.`,
      details: changed.slice(0, 30).map(formatSyscallDelta),
    },
  ];
}

/** The exit of a pid: on its last node. */
function exitOf(tree: ProcessTree, pid: number): ProcessNode | null {
  const ids = tree.byPid.get(pid);
  const last = ids ? tree.nodes[ids[ids.length - 1] as number] : undefined;
  return last ?? null;
}

function describeExit(node: ProcessNode | null): string {
  if (!node?.exit) return 'no recorded exit';
  return 'code' in node.exit
    ? `exit status ${node.exit.code}`
    : `killed by ${node.exit.signal}${node.exit.core ? ' (core dumped)' : ''}`;
}

function exitStatus(core: TraceDiffCore, labels: DiffLabels): DiffFinding[] {
  const out: DiffFinding[] = [];
  const seen = new Set<string>();
  for (const block of core.blocks) {
    if (block.kind !== 'aligned' || !block.unitA || !block.unitB) continue;
    const key = `${block.unitA.pid} ${block.unitB.pid}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const na = exitOf(core.unitsA.tree, block.unitA.pid);
    const nb = exitOf(core.unitsB.tree, block.unitB.pid);
    const da = describeExit(na);
    const db = describeExit(nb);
    if (da === db) continue;
    const finding: DiffFinding = {
      kind: 'exit-status',
      message: `${block.unitA.program || 'The process'} ends with ${da} in ${labels.a} and ${db} in ${labels.b}.`,
    };
    if (na?.exit) finding.a = lineRef(core.a, na.lastEvent);
    if (nb?.exit) finding.b = lineRef(core.b, nb.lastEvent);
    out.push(finding);
  }
  return out;
}

function envSizes(core: TraceDiffCore, labels: DiffLabels): DiffFinding[] {
  const out: DiffFinding[] = [];
  const firstExec = (t: Trace, blocks: DiffBlock[], side: 'unitA' | 'unitB'): number => {
    for (const bl of blocks) {
      const u = bl[side];
      if (u && u.execEvent >= 0) return u.execEvent;
    }
    return -1;
  };
  // The environment a run started with, then each pair of aligned programs.
  const candidates: [number, number, number | null, number | null][] = [];
  const ia = firstExec(core.a, core.blocks, 'unitA');
  const ib = firstExec(core.b, core.blocks, 'unitB');
  const envAt = (units: TraceDiffCore['unitsA'], i: number): number | null => {
    const u = units.all[units.unitOfEvent[i] ?? -1];
    return u && u.execEvent === i ? u.envCount : null;
  };
  if (ia >= 0 && ib >= 0) candidates.push([ia, ib, envAt(core.unitsA, ia), envAt(core.unitsB, ib)]);
  for (const bl of core.blocks) {
    if (bl.kind !== 'aligned' || !bl.unitA || !bl.unitB) continue;
    if (bl.unitA.execEvent < 0 || bl.unitB.execEvent < 0) continue;
    candidates.push([bl.unitA.execEvent, bl.unitB.execEvent, bl.unitA.envCount, bl.unitB.envCount]);
  }
  const seen = new Set<string>();
  for (const [i, j, ea, eb] of candidates) {
    if (ea === null || eb === null || ea === eb || seen.has(`${i} ${j}`)) continue;
    seen.add(`${i} ${j}`);
    const vars = (n: number): string => `${n} environment variable${n === 1 ? '' : 's'}`;
    const prog = (t: Trace, e: number): string => programOfExec(t, e);
    const cleared = Math.min(ea, eb) <= 2 ? ' (one run cleared its environment, as env -i does)' : '';
    out.push({
      kind: 'env-size',
      message: `${prog(core.a, i)} starts with ${vars(ea)} in ${labels.a} (${formatLineRef(lineRef(core.a, i))}) but ${vars(eb)} in ${labels.b} (${formatLineRef(lineRef(core.b, j))})${cleared}.`,
      a: lineRef(core.a, i),
      b: lineRef(core.b, j),
    });
  }
  return out;
}

/** `execve("/usr/sbin/chroot", ...)` -> `/usr/sbin/chroot` (the first string of the call). */
function programOfExec(t: Trace, i: number): string {
  const m = /"((?:[^"\\]|\\.)*)"/.exec(callLine(t, i));
  return m ? (m[1] as string) : t.name(i);
}

function scaffolding(core: TraceDiffCore, labels: DiffLabels): DiffFinding[] {
  const out: DiffFinding[] = [];
  for (const block of core.blocks) {
    if (!isSetupBlock(block.why)) continue;
    const unit = block.unitA ?? block.unitB;
    if (!unit || unit.events.length === 0) continue;
    const side = block.unitA ? 'a' : 'b';
    const t = side === 'a' ? core.a : core.b;
    const label = side === 'a' ? labels.a : labels.b;
    const first = unit.events[0] as number;
    const last = unit.events[unit.events.length - 1] as number;
    const range = `${formatLineRef(lineRef(t, first))}–${lineRef(t, last).line}`;
    const n = unit.events.length;
    const units = (side === 'a' ? core.unitsA : core.unitsB).byPid.get(unit.pid)?.units ?? [];
    const next = units[units.indexOf(unit) + 1];
    const target = next && next.execEvent >= 0 ? `, and ${callOf(t, next.execEvent, 60)}` : '';
    const other = labels[side === 'a' ? 'b' : 'a'];
    const message =
      block.why === 'runtime-scaffolding'
        ? describeRuntimeSetup(t, unit, label, other, next)
        : block.why === 'chroot-scaffolding'
          ? `${label} starts with the chroot program's own start-up (${range}, ${n} calls: loading ${unit.program}, then ${callOf(t, unit.chrootEvent, 60)}${nextCalls(t, unit.events, unit.chrootEvent)}${target}). ${labels[side === 'a' ? 'b' : 'a']} has no such stage; it is shown as one block, not compared call by call.`
          : `${label} runs ${unit.program || 'a launcher'} first (${range}, ${n} calls)${isolationCalls(t, unit.events)}, which starts the next program${target}; ${labels[side === 'a' ? 'b' : 'a']} does not. Shown as one block.`;
    out.push({ kind: 'scaffolding', message, [side]: lineRef(t, first) });
  }
  return out;
}

/** Calls that set up isolation: what a launcher such as unshare, nsenter or setpriv is there for. */
const ISOLATION_CALLS = new Set([
  'unshare',
  'setns',
  'mount',
  'umount2',
  'pivot_root',
  'chroot',
  'sethostname',
  'setdomainname',
  'setuid',
  'setgid',
  'setgroups',
  'setresuid',
  'setresgid',
  'capset',
  'seccomp',
  'prctl',
]);

/** `: unshare(CLONE_NEWNET) = 0, sethostname("x", 1) = 0` — a launcher's isolation calls, up to four. */
function isolationCalls(t: Trace, events: Int32Array): string {
  const calls: string[] = [];
  for (const i of events) {
    if (calls.length === 4) break;
    const name = t.name(i);
    if (!ISOLATION_CALLS.has(name)) continue;
    // prctl is mostly libc start-up; only the security ones belong here.
    if (
      name === 'prctl' &&
      !/PR_SET_NO_NEW_PRIVS|PR_CAPBSET_DROP|PR_SET_SECCOMP|PR_SET_KEEPCAPS/.test(callLine(t, i))
    )
      continue;
    calls.push(callOf(t, i, 60));
  }
  return calls.length > 0 ? ` — ${calls.join(', ')} —` : '';
}

/** `, chdir("/")` ... after the chroot call, up to the unit's end. */
function nextCalls(t: Trace, events: Int32Array, after: number): string {
  const parts: string[] = [];
  let seen = false;
  for (const i of events) {
    if (i === after) seen = true;
    else if (seen && parts.length < 2) parts.push(callOf(t, i, 40));
  }
  return parts.length ? `, ${parts.join(', ')}` : '';
}

function coarseNote(core: TraceDiffCore, labels: DiffLabels): DiffFinding[] {
  const blocks = core.blocks.filter((b) => b.coarse);
  if (blocks.length === 0) return [];
  return [
    {
      kind: 'coarse',
      message: `Aligning took longer than the time budget: ${blocks.length} process stage${blocks.length === 1 ? ' was' : 's were'} aligned coarsely (unique anchors and a short lookahead), so some equal calls between ${labels.a} and ${labels.b} may show as removed and added.`,
    },
  ];
}
