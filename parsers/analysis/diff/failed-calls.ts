import type { Trace } from '../../model/index.js';
import { firstQuotedOfLine } from './call-text.js';
import { FailureIndex, exactKey } from './failure-index.js';
import type { TraceDiffCore } from './compute-diff.js';
import type { DiffUnit } from './diff-units.js';
import type { DiffFinding, DiffLabels } from './finding.js';
import { callOf, formatLineRef, lineRef, requestOf } from './finding.js';
import { CHANGED, ONLY_A, ONLY_B } from './pair-list.js';
import { explainExecFailure, unitOf } from './exec-failure.js';
import { failureHint, firstPath } from './failure-hints.js';
import type { CallReading } from '../diagnosis/call-reading.js';
import { lineQuotesBytes } from '../diagnosis/quoted-bytes.js';

/** How many failing calls of one kind a finding lists. */
const MAX_LISTED = 8;

/**
 * Calls that fail in one run only: aligned calls where one side returned an errno the other did not,
 * and one-sided failing calls whose request (name and path) never fails that way in the other run.
 * A failed execve gets its likely reason (see explainExecFailure).
 */
export function findFailedOnly(
  core: TraceDiffCore,
  labels: DiffLabels,
  skip: Uint8Array,
  reading: CallReading,
): DiffFinding[] {
  const { a, b, pairs } = core;
  const failsInA = new FailureIndex(a, core.keysA.coarse, lineFileName, false, lineQuotesBytes);
  const failsInB = new FailureIndex(b, core.keysB.coarse, lineFileName, false, lineQuotesBytes);
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
      if (!failsInB.failsAlike(a, core.keysA.coarse, i)) side = 'a';
    } else if (s === ONLY_B && b.columns.errnoId[j] !== 0) {
      if (!failsInA.failsAlike(b, core.keysB.coarse, j)) side = 'b';
    }
    if (side === null) continue;
    // Expected differences (loader and locale probes, PATH searches that end well) are listed apart.
    if (side === 'a' ? reading.quiet.a[i] : reading.quiet.b[j]) continue;
    const key =
      side === 'a' ? 'a' + exactKey(a, core.keysA.coarse, i) : 'b' + exactKey(b, core.keysB.coarse, j);
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { side, i: side === 'a' ? i : j, other: side === 'a' ? j : i, count: 1 });
  }
  const out: DiffFinding[] = [];
  const ordered = [...groups.values()].sort(
    (x, y) => Number(isExec(y, core)) - Number(isExec(x, core)) || y.count - x.count,
  );
  const plain: string[] = [];
  let plainCalls = 0;
  const explainedExecs = new Set<DiffUnit>();
  const hinted = new Map<string, DiffFinding>();
  for (const g of ordered) {
    const t = g.side === 'a' ? a : b;
    const o = g.side === 'a' ? b : a;
    const label = g.side === 'a' ? labels.a : labels.b;
    const otherLabel = g.side === 'a' ? labels.b : labels.a;
    const ref = lineRef(t, g.i);
    const times = g.count > 1 ? ` (${g.count} times)` : '';
    if (isExec(g, core) && t.errno(g.i) === 'ENOENT') {
      // One finding per exec stage: a PATH search fails once per directory.
      const unit = unitOf(g.side === 'a' ? core.unitsA : core.unitsB, g.i);
      // A PATH search that ends in a successful execve is no failure.
      if (unit?.execOk) continue;
      if (unit && explainedExecs.has(unit)) continue;
      if (unit) explainedExecs.add(unit);
      const finding: DiffFinding = {
        kind: 'failed-only',
        message: explainExecFailure(core, g.side, g.i, labels, reading),
        [g.side]: ref,
      };
      if (g.other >= 0) finding[g.side === 'a' ? 'b' : 'a'] = lineRef(o, g.other);
      out.push(finding);
      continue;
    }
    const errno = t.errno(g.i) ?? '';
    const hint = failureHint(
      firstPath(t, g.i),
      errno,
      reading.inChroot(g.side, g.i),
      !reading.byTarget(g.side, g.i),
      errno === 'EPERM' || errno === 'EACCES' ? reading.refusal(g.side, g.i) : null,
    );
    if (hint) {
      // Failures with the same explanation make one finding, listing its calls.
      const key = `${g.side} ${hint}`;
      const seen = hinted.get(key);
      if (seen) {
        seen.details?.push(`${formatLineRef(ref)}: ${callOf(t, g.i)}${times}`);
        continue;
      }
      const finding: DiffFinding = {
        kind: 'failed-only',
        message: `${requestOf(t, g.i)} fails with ${errno} in ${label} (${formatLineRef(ref)})${times}${g.other >= 0 ? `; in ${otherLabel} the call it lines up with ${o.errno(g.other) ? `fails with ${o.errno(g.other)}` : 'succeeds'} (${formatLineRef(lineRef(o, g.other))})` : `, not in ${otherLabel}`}. Likely why: ${hint}.`,
        [g.side]: ref,
        details: [],
      };
      if (g.other >= 0) finding[g.side === 'a' ? 'b' : 'a'] = lineRef(o, g.other);
      hinted.set(key, finding);
      out.push(finding);
      continue;
    }
    if (out.length < MAX_LISTED && g.other >= 0) {
      const finding: DiffFinding = {
        kind: 'failed-only',
        message: `${requestOf(t, g.i)} fails with ${errno} in ${label} (${formatLineRef(ref)})${times}; in ${otherLabel} the call it lines up with ${o.errno(g.other) ? `fails with ${o.errno(g.other)}` : 'succeeds'} (${formatLineRef(lineRef(o, g.other))}).`,
        [g.side]: ref,
        [g.side === 'a' ? 'b' : 'a']: lineRef(o, g.other),
      };
      out.push(finding);
      continue;
    }
    plain.push(`${label} ${formatLineRef(ref)}: ${callOf(t, g.i)}${times}`);
    plainCalls += g.count;
  }
  for (const f of hinted.values()) {
    if (f.details && f.details.length === 0) delete f.details;
    else if (f.details && f.details.length > 20) f.details.splice(20, f.details.length, '…');
  }
  if (plain.length > 0) {
    out.push({
      kind: 'failed-only',
      message:
        `${plainCalls}${out.length > 0 ? ' more' : ''} failing call${plainCalls === 1 ? ' happens' : 's happen'} in one run only` +
        (plainCalls > plain.length ? ` (${plain.length} distinct).` : '.'),
      details: plain.slice(0, 40),
    });
  }
  return out;
}

function isExec(g: { side: 'a' | 'b'; i: number }, core: TraceDiffCore): boolean {
  const name = (g.side === 'a' ? core.a : core.b).name(g.i);
  return name === 'execve' || name === 'execveat';
}

/** The file a line names: its first quoted text after the last slash (`readlink("/tmp/a/toyfs")` -> `toyfs`). */
function lineFileName(t: Trace, i: number): string {
  const path = firstQuotedOfLine(t, i);
  return path.slice(path.lastIndexOf('/') + 1);
}
