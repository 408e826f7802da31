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

/**
 * Where each phase is drawn for the current window: x from its first event's start to its last event's end
 * on the pid's lane. Bands entirely outside the window are dropped; a band is at least 2 px wide.
 */
export function computePhaseBands(
  model: LaneModel,
  phases: readonly Phase[],
  x0: number,
  x1: number,
  plotWidthCssPx: number,
): PhaseBand[] {
  const perX = plotWidthCssPx / Math.max(x1 - x0, 1e-12);
  const out: PhaseBand[] = [];
  for (const p of phases) {
    const lane = model.laneOf[p.firstIndex] ?? -1;
    const l = model.lanes[lane];
    const a = model.posOf[p.firstIndex] ?? -1;
    const b = model.posOf[p.lastIndex] ?? -1;
    if (!l || a < 0 || b < 0) continue;
    const start = l.x[a] as number;
    const end = Math.max(start, l.xEnd[b] as number);
    if (end < x0 || start > x1) continue;
    const left = Math.max(-1, (start - x0) * perX);
    const right = Math.min(plotWidthCssPx + 1, (end - x0) * perX);
    out.push({ kind: p.kind, label: p.label, lane, xCssPx: left, widthCssPx: Math.max(2, right - left) });
  }
  return out;
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
