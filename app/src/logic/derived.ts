import type { TraceData } from '../trace/trace-data.js';
import { computeCategoryCodes } from './categories.js';
import type { LaneModel, XMode } from './compute-lanes.js';
import { computeHighlightPositions, computeLanes } from './compute-lanes.js';
import type { LaneLink } from './compute-lane-links.js';
import { computeLaneLinks } from './compute-lane-links.js';

/**
 * Memoized derived data, keyed by the trace object (which never changes once loaded). The store stays
 * canonical; these caches are what selectors read.
 */
const laneCache = new WeakMap<TraceData, Map<XMode, LaneModel>>();
const categoryCache = new WeakMap<TraceData, Uint8Array>();
const highlightCache = new WeakMap<LaneModel, Map<string, Int32Array[]>>();

export function selectLaneModel(trace: TraceData, xMode: XMode): LaneModel {
  let byMode = laneCache.get(trace);
  if (!byMode) laneCache.set(trace, (byMode = new Map()));
  let model = byMode.get(xMode);
  if (!model) byMode.set(xMode, (model = trace.precomputedLanes?.[xMode] ?? computeLanes(trace, xMode)));
  return model;
}

export function selectCategoryCodes(trace: TraceData): Uint8Array {
  let codes = categoryCache.get(trace);
  if (!codes) categoryCache.set(trace, (codes = computeCategoryCodes(trace.names)));
  return codes;
}

/** Positions of one highlighted syscall in each lane. */
export function selectHighlightPositions(trace: TraceData, model: LaneModel, name: string): Int32Array[] {
  let byName = highlightCache.get(model);
  if (!byName) highlightCache.set(model, (byName = new Map()));
  let positions = byName.get(name);
  if (!positions) {
    const id = trace.names.indexOf(name);
    positions = computeHighlightPositions(
      model,
      trace.columns.nameId,
      trace.columns.kind,
      new Set(id >= 0 ? [id] : []),
    );
    byName.set(name, positions);
  }
  return positions;
}

const timeCache = new WeakMap<TraceData, { t0: number; span: number }>();

/** First timestamp and time span of a trace (0, 0 without timestamps). */
export function selectTimeRange(trace: TraceData): { t0: number; span: number } {
  let r = timeCache.get(trace);
  if (!r) {
    let min = Infinity;
    let max = -Infinity;
    const ts = trace.columns.ts;
    for (let i = 0; i < ts.length; i++) {
      const t = ts[i] as number;
      if (t < min) min = t;
      if (t > max) max = t;
    }
    r = Number.isFinite(min) ? { t0: min, span: max - min } : { t0: 0, span: 0 };
    timeCache.set(trace, r);
  }
  return r;
}

const densityCache = new WeakMap<LaneModel, Float64Array>();

/** Events per bin across the whole x extent (for the overview strip), normalised to 0..1. */
export function selectDensity(model: LaneModel, bins = 512): Float64Array {
  let d = densityCache.get(model);
  if (d && d.length === bins) return d;
  d = new Float64Array(bins);
  const span = model.xMax - model.xMin;
  for (const lane of model.lanes)
    for (let j = 0; j < lane.x.length; j++) {
      const b = Math.min(bins - 1, Math.floor((((lane.x[j] as number) - model.xMin) / span) * bins));
      d[b]!++;
    }
  // Square root so that a few busy bins do not flatten everything else.
  let max = 0;
  for (let b = 0; b < bins; b++) max = Math.max(max, (d[b] = Math.sqrt(d[b]!)));
  if (max > 0) for (let b = 0; b < bins; b++) d[b]! /= max;
  densityCache.set(model, d);
  return d;
}

const linkCache = new WeakMap<TraceData, LaneLink[]>();

/** The arrows between lanes (fork, wait, exec) of a trace. */
export function selectLaneLinks(trace: TraceData): LaneLink[] {
  let links = linkCache.get(trace);
  if (!links) linkCache.set(trace, (links = computeLaneLinks(trace)));
  return links;
}
