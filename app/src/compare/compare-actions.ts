import { selectLaneModel } from '../logic/derived.js';
import type { AppStore, TraceSlot, Viewport } from '../store/create-app-store.js';
import { xOfEvent } from './compute-diff-geometry.js';
import { COMPARISON_ENDED, type CompareStore } from './compare-store.js';
import { isSetupBlock } from '../../../parsers/analysis/diff/pair-processes.js';

/**
 * Both timelines framed on the alignment point: the target's execve (by default) at the same screen x,
 * A's whole run in view (widened so B's shifted run fits too), B's window A's plus the offset.
 */
export function frameOnTarget(app: AppStore, cs: CompareStore): void {
  const s = app.getState();
  const { diff } = cs.getState();
  const ta = s.traces.a;
  const tb = s.traces.b;
  if (!diff || !ta || !tb) return;
  const ma = selectLaneModel(ta, s.xMode);
  const mb = selectLaneModel(tb, s.xMode);
  const xa = diff.execA >= 0 ? xOfEvent(ma, diff.execA) : NaN;
  const xb = diff.execB >= 0 ? xOfEvent(mb, diff.execB) : NaN;
  const offset = Number.isFinite(xa) && Number.isFinite(xb) ? xb - xa : mb.xMin - ma.xMin;
  const x0 = Math.min(ma.xMin, mb.xMin - offset);
  const x1 = Math.max(ma.xMax, mb.xMax - offset);
  const pad = (x1 - x0) * 0.02;
  cs.setState({ offset });
  setViews(
    app,
    { x0: x0 - pad, x1: x1 + pad, laneTop: 0 },
    { x0: x0 - pad + offset, x1: x1 + pad + offset, laneTop: 0 },
  );
}

let syncing = false;

function setViews(app: AppStore, a: Viewport, b: Viewport): void {
  syncing = true;
  try {
    app.getState().setViewport('a', a);
    app.getState().setViewport('b', b);
  } finally {
    syncing = false;
  }
}

/**
 * Selects a pair of the alignment (or one event of one run, and its partner) in both timelines and in
 * the table. `center` brings both calls to the middle of their timelines and re-anchors the link on them.
 */
export function selectAligned(
  app: AppStore,
  cs: CompareStore,
  target: { pair: number } | { slot: TraceSlot; index: number } | { a: number; b: number },
  center: boolean,
): void {
  const { diff } = cs.getState();
  if (!diff) return;
  let pair = -1;
  let selA = -1;
  let selB = -1;
  if ('a' in target) {
    // A finding names a line in each run; they need not be partners in the alignment.
    selA = target.a;
    selB = target.b;
    pair = selA >= 0 ? (diff.pairOfA[selA] ?? -1) : selB >= 0 ? (diff.pairOfB[selB] ?? -1) : -1;
    if (pair >= 0 && selA >= 0 && selB < 0) selB = diff.pairB[pair] as number;
    if (pair >= 0 && selB >= 0 && selA < 0) selA = diff.pairA[pair] as number;
  } else if ('pair' in target) {
    pair = target.pair;
    selA = diff.pairA[pair] ?? -1;
    selB = diff.pairB[pair] ?? -1;
  } else {
    pair = (target.slot === 'a' ? diff.pairOfA : diff.pairOfB)[target.index] ?? -1;
    selA = target.slot === 'a' ? target.index : pair >= 0 ? (diff.pairA[pair] as number) : -1;
    selB = target.slot === 'b' ? target.index : pair >= 0 ? (diff.pairB[pair] as number) : -1;
  }
  cs.setState({ pair, selA, selB });
  const s = app.getState();
  const ta = s.traces.a;
  const tb = s.traces.b;
  if (!ta || !tb) return;
  const ma = selectLaneModel(ta, s.xMode);
  const mb = selectLaneModel(tb, s.xMode);
  const va = s.viewports.a;
  const vb = s.viewports.b;
  if (!va || !vb) return;
  const xa = selA >= 0 ? xOfEvent(ma, selA) : NaN;
  const xb = selB >= 0 ? xOfEvent(mb, selB) : NaN;
  const within = (v: Viewport, x: number): boolean => !Number.isFinite(x) || (x >= v.x0 && x <= v.x1);
  if (center || !within(va, xa) || !within(vb, xb)) {
    const spanA = va.x1 - va.x0;
    const spanB = vb.x1 - vb.x0;
    const na = Number.isFinite(xa) ? { x0: xa - spanA / 2, x1: xa + spanA / 2 } : va;
    const nb = Number.isFinite(xb) ? { x0: xb - spanB / 2, x1: xb + spanB / 2 } : vb;
    const laneOf = (m: typeof ma, i: number, v: Viewport): number => {
      const li = i >= 0 ? (m.laneOf[i] ?? -1) : -1;
      return li >= 0 && (li < v.laneTop || li >= v.laneTop + 8) ? Math.max(0, li - 2) : v.laneTop;
    };
    if (Number.isFinite(xa) && Number.isFinite(xb)) cs.setState({ offset: nb.x0 - na.x0 });
    setViews(app, { ...na, laneTop: laneOf(ma, selA, va) }, { ...nb, laneTop: laneOf(mb, selB, vb) });
  }
  // The part-1 selection drives the timeline's own ring and the URL; it names one side.
  const sel =
    selA >= 0 ? { slot: 'a' as const, index: selA } : selB >= 0 ? { slot: 'b' as const, index: selB } : null;
  selecting = true;
  try {
    s.select(sel);
  } finally {
    selecting = false;
  }
}

let selecting = false;

/**
 * Keeps the comparison in step with the app store: linked zoom and pan (B's window is A's plus the
 * offset), a click on either timeline selects the partner call too, a change of x mode re-frames, and a
 * different trace opened in slot a ends the comparison.
 */
export function startCompareSync(app: AppStore, cs: CompareStore): () => void {
  return app.subscribe((s, prev) => {
    const c = cs.getState();
    if (!c.active) return;
    // traceA is set once both runs are parsed (while aligning, and after): another trace in slot a ends it.
    if (c.traceA && s.traces.a !== prev.traces.a && s.traces.a !== c.traceA) {
      cs.setState(COMPARISON_ENDED);
      if (s.traces.b) s.setTrace('b', undefined);
      return;
    }
    if (c.status !== 'ready' || !c.diff) return;
    if ((!s.viewports.a || !s.viewports.b) && s.xMode !== prev.xMode) {
      frameOnTarget(app, cs);
      return;
    }
    if (!selecting && s.selection !== prev.selection && s.selection) {
      selectAligned(app, cs, s.selection, false);
      return;
    }
    if (syncing || !c.linked) return;
    const va = s.viewports.a;
    const vb = s.viewports.b;
    if (!va || !vb) return;
    if (va !== prev.viewports.a) {
      const want = { x0: va.x0 + c.offset, x1: va.x1 + c.offset, laneTop: vb.laneTop };
      if (want.x0 !== vb.x0 || want.x1 !== vb.x1) setViews(app, va, want);
    } else if (vb !== prev.viewports.b) {
      const want = { x0: vb.x0 - c.offset, x1: vb.x1 - c.offset, laneTop: va.laneTop };
      if (want.x0 !== va.x0 || want.x1 !== va.x1) setViews(app, want, vb);
    }
  });
}

/**
 * The next (+1) or previous (-1) difference from the selected pair, skipping launcher stages (the chroot
 * program's start-up is one block, not a list of differences); -1 when there is none.
 */
export function findNextDifference(cs: CompareStore, direction: 1 | -1): number {
  const { diff, pair } = cs.getState();
  if (!diff) return -1;
  const skip = new Uint8Array(diff.count);
  for (const b of diff.blocks) if (isSetupBlock(b.why)) skip.fill(1, b.start, b.end);
  for (
    let k = pair < 0 ? (direction > 0 ? 0 : diff.count - 1) : pair + direction;
    k >= 0 && k < diff.count;
    k += direction
  )
    if (diff.status[k] !== 0 && !skip[k]) return k;
  return -1;
}
