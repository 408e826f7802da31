import { computeCollapsedModel } from '../logic/compute-collapsed-lanes.js';
import { computeFilteredModel } from '../logic/compute-filtered-lanes.js';
import type { LaneModel } from '../logic/compute-lanes.js';
import { computeFilteredRows, computeSortedRows } from '../logic/compute-rows.js';
import type { XWindow } from '../logic/compute-window.js';
import { selectLaneModel } from '../logic/derived.js';
import { LANE_HEIGHT_CSS_PX } from '../timeline/draw-timeline.js';
import type { AppState } from './create-app-store.js';
import { isFilterActive } from './filters.js';
import type { TraceSlot, Viewport } from './trace-slice.js';

/**
 * Derived state, computed from the one store and memoized on what it reads (the objects the store holds
 * never change in place, so identity says when to recompute).
 */

/** A comparison is on screen and its zoom is linked: B's window is A's plus the offset. */
export function isLinked(s: AppState): boolean {
  return s.compare.active && s.compare.status === 'ready' && s.compare.linked;
}

export function isComparing(s: AppState): boolean {
  return s.compare.active && Boolean(s.traces.b);
}

const linkedViews = new WeakMap<object, { offset: number; b: Viewport | undefined }>();

/** The window a timeline shows: as stored, or B's derived from A's while zoom is linked. */
export function selectViewport(s: AppState, slot: TraceSlot): Viewport | undefined {
  if (slot === 'a' || !isLinked(s)) return s.viewports[slot];
  const cached = linkedViews.get(s.viewports);
  const offset = s.compare.offset;
  if (cached && cached.offset === offset) return cached.b;
  const a = s.viewports.a;
  const b = a ? { x0: a.x0 + offset, x1: a.x1 + offset, laneTop: s.viewports.b?.laneTop ?? 0 } : undefined;
  linkedViews.set(s.viewports, { offset, b });
  return b;
}

const collapsedModels = new WeakMap<LaneModel, { pids: readonly number[]; model: LaneModel }>();

/** The lanes a timeline draws: the trace's, with the folded process groups folded. */
export function selectLaneModelOf(s: AppState, slot: TraceSlot): LaneModel | null {
  const trace = s.traces[slot];
  if (!trace) return null;
  const base = selectLaneModel(trace, s.xMode);
  const pids = s.collapsed[slot];
  if (!pids?.length) return base;
  const cached = collapsedModels.get(base);
  if (cached && cached.pids === pids) return cached.model;
  const model = computeCollapsedModel(base, pids);
  collapsedModels.set(base, { pids, model });
  return model;
}

/** How many lanes the plot of a slot shows. */
export function selectVisibleLanes(s: AppState, slot: TraceSlot): number {
  return Math.max(1, Math.floor((s.plotHeights[slot] ?? 6 * LANE_HEIGHT_CSS_PX) / LANE_HEIGHT_CSS_PX));
}

/**
 * How far a timeline may zoom out and pan: its own trace, or in a linked comparison both traces (the
 * other one shifted by the offset), so the two can always be framed together.
 */
export function selectXExtent(s: AppState, slot: TraceSlot): XWindow | null {
  const model = selectLaneModelOf(s, slot);
  if (!model) return null;
  if (!isLinked(s)) return { x0: model.xMin, x1: model.xMax };
  const other = selectLaneModelOf(s, slot === 'a' ? 'b' : 'a');
  if (!other) return { x0: model.xMin, x1: model.xMax };
  const shift = slot === 'a' ? -s.compare.offset : s.compare.offset;
  return { x0: Math.min(model.xMin, other.xMin + shift), x1: Math.max(model.xMax, other.xMax + shift) };
}

/** The selected event of one timeline: in a comparison each side has its own (partners). */
export function selectSelectedIndex(s: AppState, slot: TraceSlot): number | null {
  if (s.compare.active && s.compare.status === 'ready') {
    const i = slot === 'a' ? s.compare.selA : s.compare.selB;
    return i >= 0 ? i : null;
  }
  return s.selection?.slot === slot ? s.selection.index : null;
}

const filteredRows = new WeakMap<object, { filters: object; search: object | null; rows: Int32Array }>();

/** The events of slot a the filters keep, in trace order (the text filter waits for the worker's answer). */
function selectFilteredRows(s: AppState): Int32Array {
  const trace = s.traces.a;
  if (!trace) return new Int32Array(0);
  const text = s.filters.text.trim();
  const search = text && s.search?.traceId === trace.id && s.search.text === text ? s.search : null;
  const cached = filteredRows.get(trace);
  if (cached && cached.filters === s.filters && cached.search === search) return cached.rows;
  const rows = computeFilteredRows(
    trace,
    { ...s.filters, text },
    text ? (search?.matches ?? new Int32Array(0)) : null,
  );
  filteredRows.set(trace, { filters: s.filters, search, rows });
  return rows;
}

/** The text filter is waiting for the worker. */
export function isSearching(s: AppState): boolean {
  const text = s.filters.text.trim();
  const trace = s.traces.a;
  return Boolean(text && trace) && !(s.search?.traceId === trace?.id && s.search?.text === text);
}

const sortedRows = new WeakMap<Int32Array, { sort: object | null; rows: Int32Array }>();

/** The table's rows: the filtered events in the order of the column the user sorted by. */
export function selectTableRows(s: AppState): Int32Array {
  const rows = selectFilteredRows(s);
  const trace = s.traces.a;
  if (!s.tableSort || !trace) return rows;
  const cached = sortedRows.get(rows);
  if (cached && cached.sort === s.tableSort) return cached.rows;
  const sorted = computeSortedRows(trace, rows, s.tableSort);
  sortedRows.set(rows, { sort: s.tableSort, rows: sorted });
  return sorted;
}

const filteredModels = new WeakMap<LaneModel, { rows: Int32Array; model: LaneModel }>();

/**
 * The marks a timeline draws in full colour when the table is filtered (the rest are drawn faded), or
 * null when nothing is filtered. Filters belong to the single view's trace.
 */
export function selectFilteredModel(s: AppState, slot: TraceSlot): LaneModel | null {
  if (slot !== 'a' || isComparing(s) || !isFilterActive(s.filters)) return null;
  const model = selectLaneModelOf(s, slot);
  const trace = s.traces[slot];
  if (!model || !trace) return null;
  const rows = selectFilteredRows(s);
  const cached = filteredModels.get(model);
  if (cached && cached.rows === rows) return cached.model;
  const filtered = computeFilteredModel(model, rows, trace.columns.count);
  filteredModels.set(model, { rows, model: filtered });
  return filtered;
}
