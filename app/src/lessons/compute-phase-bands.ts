import type { Phase, PhaseKind } from '../../../parsers/analysis/phases.js';
import type { LaneModel } from '../logic/compute-lanes.js';

/** One phase as a rectangle over its lane, in CSS pixels relative to the plot's left edge. */
export interface PhaseBand {
  kind: PhaseKind;
  label: string;
  lane: number;
  xCssPx: number;
  widthCssPx: number;
}

/** Lanes [from, to): the ones in view. */
export interface LaneRange {
  from: number;
  to: number;
}

/**
 * Where each phase is drawn for the current window: x from its first event's start to its last event's end
 * on the pid's lane. Bands entirely outside the window are dropped; a band is at least 2 px wide. With
 * `lanes`, only the bands of those lanes, found by binary search in each (a busy trace has thousands of
 * phases: 100,000 calls of 48 rotating pids, 4,907; a frame then costs the bands in view, not all).
 */
export function computePhaseBands(
  model: LaneModel,
  phases: readonly Phase[],
  x0: number,
  x1: number,
  plotWidthCssPx: number,
  lanes?: LaneRange,
): PhaseBand[] {
  const perX = plotWidthCssPx / Math.max(x1 - x0, 1e-12);
  const out: PhaseBand[] = [];
  const place = (p: Phase, lane: number, start: number, end: number): void => {
    if (end < x0 || start > x1) return;
    const left = Math.max(-1, (start - x0) * perX);
    const right = Math.min(plotWidthCssPx + 1, (end - x0) * perX);
    out.push({ kind: p.kind, label: p.label, lane, xCssPx: left, widthCssPx: Math.max(2, right - left) });
  };
  if (!lanes) {
    for (const p of phases) {
      const at = extentOf(model, p);
      if (at) place(p, at.lane, at.start, at.end);
    }
    return out;
  }
  const index = indexPhases(model, phases);
  for (let lane = Math.max(0, lanes.from); lane < Math.min(lanes.to, index.length); lane++) {
    const entries = index[lane];
    if (!entries) continue;
    // The first phase that may reach into the window: ends are not sorted, their running maximum is.
    let lo = 0;
    let hi = entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (entries[mid]!.maxEnd < x0) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < entries.length && entries[k]!.start <= x1; k++) {
      const e = entries[k]!;
      place(e.phase, lane, e.start, e.end);
    }
  }
  return out;
}

/** A phase's lane and x extent, or null when its events are not in the model (filtered out). */
function extentOf(model: LaneModel, p: Phase): { lane: number; start: number; end: number } | null {
  const lane = model.laneOf[p.firstIndex] ?? -1;
  const l = model.lanes[lane];
  const a = model.posOf[p.firstIndex] ?? -1;
  const b = model.posOf[p.lastIndex] ?? -1;
  if (!l || a < 0 || b < 0) return null;
  const start = l.x[a] as number;
  return { lane, start, end: Math.max(start, l.xEnd[b] as number) };
}

interface IndexedPhase {
  phase: Phase;
  start: number;
  end: number;
  /** The largest end of this phase and those before it in its lane. */
  maxEnd: number;
}

/** Each lane's phases sorted by start, built once per lane model and list of phases. */
const INDEXES = new WeakMap<readonly Phase[], { model: LaneModel; lanes: IndexedPhase[][] }>();

function indexPhases(model: LaneModel, phases: readonly Phase[]): IndexedPhase[][] {
  const known = INDEXES.get(phases);
  if (known?.model === model) return known.lanes;
  const lanes: IndexedPhase[][] = [];
  for (const phase of phases) {
    const at = extentOf(model, phase);
    if (at) (lanes[at.lane] ??= []).push({ phase, start: at.start, end: at.end, maxEnd: at.end });
  }
  for (const entries of lanes) {
    if (!entries) continue;
    entries.sort((a, b) => a.start - b.start);
    for (let k = 1; k < entries.length; k++)
      entries[k]!.maxEnd = Math.max(entries[k]!.end, entries[k - 1]!.maxEnd);
  }
  INDEXES.set(phases, { model, lanes });
  return lanes;
}

/** Band colours by phase kind: light washes, so the marks stay readable on top. */
export const PHASE_COLORS: Record<PhaseKind, string> = {
  loader: '#6366f1',
  startup: '#0ea5e9',
  work: '#10b981',
  chroot: '#f59e0b',
  namespace: '#d946ef',
  mount: '#a16207',
  exit: '#64748b',
  // a container runtime's steps (runc): its own work grey, each isolation step its own hue
  runtime: '#94a3b8',
  capabilities: '#ef4444',
  'no-new-privs': '#f97316',
  seccomp: '#dc2626',
  cgroup: '#14b8a6',
};

/** Label colours by phase kind: the band's hue, dark enough to read at 11 px on a white label. */
export const PHASE_LABEL_COLORS: Record<PhaseKind, string> = {
  loader: '#4338ca',
  startup: '#0369a1',
  work: '#047857',
  chroot: '#b45309',
  namespace: '#a21caf',
  mount: '#713f12',
  exit: '#334155',
  runtime: '#334155',
  capabilities: '#b91c1c',
  'no-new-privs': '#c2410c',
  seccomp: '#991b1b',
  cgroup: '#0f766e',
};
