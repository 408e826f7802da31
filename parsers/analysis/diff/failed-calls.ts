import type { Trace } from '../../model/index.js';
import type { TraceDiffCore } from './compute-diff.js';
import type { DiffUnit } from './diff-units.js';
import type { DiffFinding, DiffLabels } from './finding.js';
import { callOf, formatLineRef, lineRef, requestOf } from './finding.js';
import { CHANGED, ONLY_A, ONLY_B } from './pair-list.js';

/** How many failing calls of one kind a finding lists. */
const MAX_LISTED = 8;

/**
 * Calls that fail in one run only: aligned calls where one side returned an errno the other did not,
 * and one-sided failing calls whose request (name and path) never fails that way in the other run.
 * A failed execve gets its likely reason (see explainExecFailure).
 */
export function findFailedOnly(core: TraceDiffCore, labels: DiffLabels, skip: Uint8Array): DiffFinding[] {
  const { a, b, pairs } = core;
  const failsInA = failureSet(a, core.keysA.coarse);
  const failsInB = failureSet(b, core.keysB.coarse);
  const groups = new Map<string, { side: 'a' | 'b'; i: number; other: number; count: number }>();
  for (let k = 0; k < pairs.count; k++) {
    if (skip[k]) continue;
    const s = pairs.status[k] as number;
    const i = pairs.a[k] as number;
    const j = pairs.b[k] as number;
    let side: 'a' | 'b' | null = null;
    if (s === CHANGED) {
      const ea = a.columns.errnoId[i] as number;
      const eb = b.columns.errnoId[j] as number;
      if (ea !== 0 && eb === 0) side = 'a';
      else if (eb !== 0 && ea === 0) side = 'b';
      else if (ea !== 0 && a.errno(i) !== b.errno(j)) side = 'b';
    } else if (s === ONLY_A && a.columns.errnoId[i] !== 0) {
      if (!failsAlike(failsInB, a, core.keysA.coarse, i)) side = 'a';
    } else if (s === ONLY_B && b.columns.errnoId[j] !== 0) {
      if (!failsAlike(failsInA, b, core.keysB.coarse, j)) side = 'b';
    }
    if (side === null) continue;
    const key = side === 'a' ? 'a' + failKey(a, core.keysA.coarse, i) : 'b' + failKey(b, core.keysB.coarse, j);
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { side, i: side === 'a' ? i : j, other: side === 'a' ? j : i, count: 1 });
  }
  const out: DiffFinding[] = [];
  const ordered = [...groups.values()].sort(
    (x, y) => Number(isExec(y, core)) - Number(isExec(x, core)) || y.count - x.count,
  );
  const plain: string[] = [];
  for (const g of ordered) {
    const t = g.side === 'a' ? a : b;
    const o = g.side === 'a' ? b : a;
    const label = g.side === 'a' ? labels.a : labels.b;
    const otherLabel = g.side === 'a' ? labels.b : labels.a;
    const ref = lineRef(t, g.i);
    const times = g.count > 1 ? ` (${g.count} times)` : '';
    if (isExec(g, core) && t.errno(g.i) === 'ENOENT') {
      const finding: DiffFinding = {
        kind: 'failed-only',
        message: explainExecFailure(core, g.side, g.i, labels),
        [g.side]: ref,
      };
      if (g.other >= 0) finding[g.side === 'a' ? 'b' : 'a'] = lineRef(o, g.other);
      out.push(finding);
      continue;
    }
    if (out.length < MAX_LISTED && g.other >= 0) {
      const finding: DiffFinding = {
        kind: 'failed-only',
        message: `${requestOf(t, g.i)} fails with ${t.errno(g.i)} in ${label} (${formatLineRef(ref)})${times}; in ${otherLabel} the call it lines up with ${o.errno(g.other) ? `fails with ${o.errno(g.other)}` : 'succeeds'} (${formatLineRef(lineRef(o, g.other))}).`,
        [g.side]: ref,
        [g.side === 'a' ? 'b' : 'a']: lineRef(o, g.other),
      };
      out.push(finding);
      continue;
    }
    plain.push(`${label} ${formatLineRef(ref)}: ${callOf(t, g.i)}${times}`);
  }
  if (plain.length > 0) {
    out.push({
      kind: 'failed-only',
      message: `${plain.length}${out.length > 0 ? ' more' : ''} failing call${plain.length === 1 ? ' happens' : 's happen'} in one run only.`,
      details: plain.slice(0, 40),
    });
  }
  return out;
}

function isExec(g: { side: 'a' | 'b'; i: number }, core: TraceDiffCore): boolean {
  const name = (g.side === 'a' ? core.a : core.b).name(g.i);
  return name === 'execve' || name === 'execveat';
}

function failKey(t: Trace, coarse: Int32Array, i: number): string {
  return `${coarse[i] as number} ${t.errno(i) ?? ''}`;
}

/** The same name, errno and file name: `readlink("/tmp/a/toyfs")` and `readlink("/tmp/b/toyfs")` fail alike. */
function looseFailKey(t: Trace, i: number): string {
  const m = /"([^"]*)"/.exec(t.rawLine(i));
  const path = m ? (m[1] as string) : '';
  return `${t.name(i)} ${t.errno(i) ?? ''} ${path.slice(path.lastIndexOf('/') + 1)}`;
}

function failsAlike(set: Set<string>, t: Trace, coarse: Int32Array, i: number): boolean {
  return set.has(failKey(t, coarse, i)) || set.has(looseFailKey(t, i));
}

function failureSet(t: Trace, coarse: Int32Array): Set<string> {
  const set = new Set<string>();
  for (let i = 0; i < t.count; i++) {
    if ((t.columns.errnoId[i] as number) === 0) continue;
    set.add(failKey(t, coarse, i));
    set.add(looseFailKey(t, i));
  }
  return set;
}

/** Paths a dynamically linked program touches while the loader sets it up. */
const LOADER_PATH = /ld-linux[^/"]*\.so|\/ld\.so\.cache|\/lib[^"<>]*\.so(\.\d+)*[">]/;

/**
 * Why `execve(path) = -1 ENOENT` when the other run exec'd the same program: execve also returns
 * ENOENT when the ELF interpreter named in the binary (the dynamic loader) does not exist. If the other
 * run shows the program loading shared libraries right after its execve, the program is dynamically
 * linked, and in a chroot the loader is the likely missing piece.
 */
export function explainExecFailure(core: TraceDiffCore, side: 'a' | 'b', i: number, labels: DiffLabels): string {
  const t = side === 'a' ? core.a : core.b;
  const label = side === 'a' ? labels.a : labels.b;
  const otherLabel = side === 'a' ? labels.b : labels.a;
  const units = side === 'a' ? core.unitsB : core.unitsA;
  const o = side === 'a' ? core.b : core.a;
  const failed = [...(side === 'a' ? core.unitsA : core.unitsB).byPid.values()]
    .flatMap((p) => p.units)
    .find((u) => u.execEvent === i);
  const program = failed?.program ?? '';
  const inChroot = failed ? chrootBefore(t, failed, side === 'a' ? core.unitsA : core.unitsB) : false;
  const base = `${requestOf(t, i)} fails with ENOENT in ${label} (${formatLineRef(lineRef(t, i))})`;
  const ran = [...units.byPid.values()].flatMap((p) => p.units).find((u) => u.execOk && u.program === program);
  if (!ran) {
    return `${base}; ${otherLabel} never runs ${program || 'that program'} either. The file is missing${inChroot ? ' from the chroot' : ''}, or its ELF interpreter (the dynamic loader it names) is.`;
  }
  const loaderLines: string[] = [];
  for (const e of ran.events) {
    if (loaderLines.length >= 3) break;
    const name = o.name(e);
    if (name !== 'openat' && name !== 'open' && name !== 'access') continue;
    if (o.columns.errnoId[e] !== 0) continue;
    const m = /"([^"]*)"/.exec(o.rawLine(e));
    const path = m ? (m[1] as string) : '';
    if (LOADER_PATH.test(`"${path}"`)) loaderLines.push(`${path} (${formatLineRef(lineRef(o, e))})`);
  }
  const where = inChroot ? 'the chroot' : 'this run';
  const ranAt = formatLineRef(lineRef(o, ran.execEvent));
  if (loaderLines.length === 0) {
    return `${base}, but ${otherLabel} runs ${program} (${ranAt}) and it loads no shared library: it looks statically linked, so the file itself is most likely missing from ${where}.`;
  }
  return (
    `${base}, but the same program runs in ${otherLabel} (${ranAt}). ENOENT from execve does not always ` +
    `mean the file is missing: it also means the ELF interpreter the binary names is. In ${otherLabel}, ` +
    `${program} is dynamically linked: right after its execve the loader opens ${loaderLines.join(', then ')}. ` +
    `So ${where} most likely lacks the dynamic loader (on x86-64, /lib64/ld-linux-x86-64.so.2) and the ` +
    `libraries it loads.`
  );
}

/** Whether the unit's pid called chroot() before the unit's exec. */
function chrootBefore(t: Trace, unit: DiffUnit, units: { byPid: Map<number, { units: DiffUnit[] }> }): boolean {
  const p = units.byPid.get(unit.pid);
  if (!p) return false;
  for (const u of p.units) {
    if (u === unit) return false;
    if (u.chrootEvent >= 0 && t.columns.errnoId[u.chrootEvent] === 0) return true;
  }
  return false;
}
