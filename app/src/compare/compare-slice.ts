import type { RunContext } from '../../../parsers/analysis/diff/index.js';
import type { GetAppState, SetAppState } from '../store/create-app-store.js';
import { selectLaneModelOf, selectViewport, selectVisibleLanes } from '../store/selectors.js';
import type { Viewport } from '../store/trace-slice.js';
import { COMPARISON_ENDED_FIELDS } from '../store/trace-slice.js';
import type { TraceData } from '../trace/trace-data.js';
import type { InputSource } from '../worker/worker-protocol.js';
import type { AlignedTarget } from './compare-selection.js';
import { computeAlignedSelection, computeTargetFrame } from './compare-selection.js';
import { xOfEvent } from './compute-diff-geometry.js';
import type { DiffData } from './diff-data.js';

export type CompareTab = 'aligned' | 'stats' | 'processes';

/** One side of a comparison: what to parse, what to call it, and what the collector knows of the run. */
export interface CompareSide {
  id: string;
  title: string;
  /** Short name in findings: "host", "chroot", "A". */
  label: string;
  inputs: InputSource[];
  /** A served run (a sample, `spelunk serve`): its id can go in the URL and reopen it. */
  served: boolean;
  context?: RunContext;
}

/**
 * The comparison: its two traces live in slots a and b of the trace slice, so the timelines draw them
 * unchanged; this holds the alignment and what the comparison adds (link, selected pair, cursor).
 */
export interface CompareState {
  /** The comparison view is showing (slots a and b hold its traces). */
  active: boolean;
  /** The traces it was opened with: a different trace in slot a ends it. */
  traceA: TraceData | null;
  traceB: TraceData | null;
  sides: readonly [CompareSide, CompareSide] | null;
  status: 'idle' | 'loading' | 'aligning' | 'ready' | 'error';
  stage: string;
  /** 0..1 */
  progress: number;
  message: string;
  diff: DiffData | null;
  /** Zoom and pan move both timelines together (B's window is derived from A's). */
  linked: boolean;
  /** x of B minus x of A at the same screen position (the target's execve by default). */
  offset: number;
  /** Selected pair (-1: none) and the events it selects in each run (-1: none on that side). */
  pair: number;
  selA: number;
  selB: number;
  /** The finding whose evidence is selected (-1: none). */
  finding: number;
  /** The shared cursor, in A's x (B's is this plus offset); null when the pointer is elsewhere. */
  cursorX: number | null;
  /** The aligned table lists differences only. */
  diffsOnly: boolean;
  /** The aligned table lists only calls of this name (a statistics row clicked). */
  nameFilter: string | null;
  tab: CompareTab;
}

export interface CompareSlice {
  compare: CompareState;
  setCompare(patch: Partial<CompareState>): void;
  /** Back to run A alone. */
  endCompare(): void;
  /** Unlinking keeps B where it is; linking keeps B's left edge and gives it A's zoom. */
  setLinked(linked: boolean): void;
  /** Frames both runs on the target program's execve (the default alignment point). */
  frameOnTarget(): void;
  /**
   * Selects a pair (or one event and its partner, or a line in each run) in both timelines and the table;
   * `center` brings both calls to the middle of their timelines and re-anchors the link on them.
   */
  selectAligned(target: AlignedTarget, center: boolean): void;
  /** Selects a finding's main lines in both runs (its evidence is ringed). */
  selectFinding(k: number, center?: boolean): void;
}

const INITIAL_COMPARE: CompareState = {
  active: false,
  traceA: null,
  traceB: null,
  sides: null,
  status: 'idle',
  stage: '',
  progress: 0,
  message: '',
  diff: null,
  linked: true,
  offset: 0,
  pair: -1,
  selA: -1,
  selB: -1,
  finding: -1,
  cursorX: null,
  diffsOnly: false,
  nameFilter: null,
  tab: 'aligned',
};

export function createCompareSlice(set: SetAppState, get: GetAppState): CompareSlice {
  const patch = (p: Partial<CompareState>): void => set({ compare: { ...get().compare, ...p } });
  return {
    compare: INITIAL_COMPARE,
    setCompare: patch,
    endCompare() {
      const traces = { ...get().traces };
      delete traces.b;
      const viewports = { ...get().viewports };
      delete viewports.b;
      const selection = get().selection?.slot === 'b' ? null : get().selection;
      set({ traces, viewports, selection, compare: { ...get().compare, ...COMPARISON_ENDED_FIELDS } });
    },
    setLinked(linked) {
      const s = get();
      if (linked === s.compare.linked) return;
      if (!linked) {
        // B's window was derived: keep it where it is shown.
        const b = selectViewport(s, 'b');
        set({
          compare: { ...s.compare, linked },
          viewports: b ? { ...s.viewports, b } : s.viewports,
        });
        return;
      }
      const a = s.viewports.a;
      const b = s.viewports.b;
      patch({ linked, ...(a && b ? { offset: b.x0 - a.x0 } : {}) });
    },
    frameOnTarget() {
      const s = get();
      const { diff } = s.compare;
      const ma = selectLaneModelOf(s, 'a');
      const mb = selectLaneModelOf(s, 'b');
      if (!diff || !ma || !mb) return;
      const { x0, x1, offset } = computeTargetFrame(diff, ma, mb);
      set({
        compare: { ...s.compare, offset },
        viewports: {
          a: { x0, x1, laneTop: 0 },
          b: { x0: x0 + offset, x1: x1 + offset, laneTop: 0 },
        },
      });
    },
    selectAligned(target, center) {
      const s = get();
      const { diff } = s.compare;
      if (!diff) return;
      const { pair, selA, selB } = computeAlignedSelection(diff, target);
      const selection =
        'slot' in target
          ? { slot: target.slot, index: target.index }
          : selA >= 0
            ? { slot: 'a' as const, index: selA }
            : selB >= 0
              ? { slot: 'b' as const, index: selB }
              : null;
      set({ selection, compare: { ...s.compare, pair, selA, selB, finding: -1 } });
      revealPair(get, set, selA, selB, center);
    },
    selectFinding(k, center = true) {
      const f = get().compare.diff?.findings[k];
      if (!f) return;
      get().selectAligned({ a: f.indexA, b: f.indexB }, center);
      patch({ finding: k });
    },
  };
}

/**
 * Brings the selected events of both runs into view. With `center`, or when either is outside its window,
 * each is centred (same zoom), the link is re-anchored so the two sit at the same screen x, and each
 * timeline scrolls to its lane.
 */
function revealPair(get: GetAppState, set: SetAppState, selA: number, selB: number, center: boolean): void {
  const s = get();
  const ma = selectLaneModelOf(s, 'a');
  const mb = selectLaneModelOf(s, 'b');
  const va = selectViewport(s, 'a');
  const vb = selectViewport(s, 'b');
  if (!ma || !mb || !va || !vb) return;
  const xa = selA >= 0 ? xOfEvent(ma, selA) : NaN;
  const xb = selB >= 0 ? xOfEvent(mb, selB) : NaN;
  const within = (v: Viewport, x: number): boolean => !Number.isFinite(x) || (x >= v.x0 && x <= v.x1);
  const laneOf = (m: typeof ma, i: number, v: Viewport, visible: number): number => {
    const li = i >= 0 ? (m.laneOf[i] ?? -1) : -1;
    return li >= 0 && (li < v.laneTop || li >= v.laneTop + visible) ? Math.max(0, li - 1) : v.laneTop;
  };
  const laneA = laneOf(ma, selA, va, selectVisibleLanes(s, 'a'));
  const laneB = laneOf(mb, selB, vb, selectVisibleLanes(s, 'b'));
  if (!center && within(va, xa) && within(vb, xb)) {
    if (laneA !== va.laneTop || laneB !== vb.laneTop)
      set({ viewports: { a: { ...va, laneTop: laneA }, b: { ...vb, laneTop: laneB } } });
    return;
  }
  const recentre = (v: Viewport, x: number): { x0: number; x1: number } => {
    const span = v.x1 - v.x0;
    return Number.isFinite(x) ? { x0: x - span / 2, x1: x + span / 2 } : { x0: v.x0, x1: v.x1 };
  };
  const na = recentre(va, xa);
  let nb = recentre(vb, xb);
  let offset = s.compare.offset;
  if (Number.isFinite(xa) && Number.isFinite(xb)) offset = nb.x0 - na.x0;
  else if (Number.isFinite(xa) && s.compare.linked) nb = { x0: na.x0 + offset, x1: na.x1 + offset };
  else if (Number.isFinite(xb) && s.compare.linked) {
    const a = { x0: nb.x0 - offset, x1: nb.x1 - offset };
    Object.assign(na, a);
  }
  set({
    compare: { ...get().compare, offset },
    viewports: { a: { ...na, laneTop: laneA }, b: { ...nb, laneTop: laneB } },
  });
}
