import type { ProcessInfo, TraceData } from '../trace/trace-data.js';
import { KIND } from '../trace/trace-data.js';
import { computeTreeOrder } from './compute-processes.js';

export type XMode = 'time' | 'order';

/** One timeline row: the events of one task, sorted by x. */
export interface Lane {
  pid: number;
  depth: number;
  label: string;
  isThread: boolean;
  /** Event indices into the trace, sorted by x. */
  events: Int32Array;
  /** x of each entry of `events` (seconds from the trace start, or call order). */
  x: Float64Array;
  /** End x of each entry (x + duration; x + 1 in call order). */
  xEnd: Float64Array;
  /** Positions (into `events`) of failed calls, and of signals / exits / kills. */
  failed: Int32Array;
  special: Int32Array;
  /** How many lanes below this one are its descendants (the process group it can fold). */
  descendants: number;
  /** Tasks folded into this lane (their events merged into it), 0 when unfolded. */
  folded: number;
}

export interface LaneModel {
  xMode: XMode;
  lanes: Lane[];
  /** Lane number of every event; -1 for events not on a lane (unknown lines, strace messages). */
  laneOf: Int32Array;
  /** Position of every event inside its lane. */
  posOf: Int32Array;
  xMin: number;
  xMax: number;
  /** Absolute time of x = 0 in time mode (seconds, as the log printed it). */
  t0: number;
}

/** Whether x can be time: the log has timestamps on its calls. */
function hasTimestamps(trace: TraceData): boolean {
  return trace.format.timestamps !== 'none';
}

/**
 * Lanes in process-tree order with their events sorted by x. O(n) plus a sort of any lane whose events
 * are out of time order (strace -f prints lines as calls finish, so a stitched call can start earlier
 * than the line before it).
 */
export function computeLanes(trace: TraceData, requested: XMode): LaneModel {
  const xMode: XMode = requested === 'time' && hasTimestamps(trace) ? 'time' : 'order';
  const c = trace.columns;
  const n = c.count;
  let t0 = Infinity;
  if (xMode === 'time') for (let i = 0; i < n; i++) if ((c.ts[i] as number) < t0) t0 = c.ts[i] as number;
  if (!Number.isFinite(t0)) t0 = 0;

  const order = computeTreeOrder(trace.processes);
  const infoByPid = new Map<number, ProcessInfo>(trace.processes.map((p) => [p.pid, p]));
  const laneByPid = new Map<number, number>(order.map((o, k) => [o.pid, k]));
  const counts = new Int32Array(order.length);
  const laneOf = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const kind = c.kind[i] as number;
    if (kind === KIND.unknown || kind === KIND.message) continue;
    if (xMode === 'time' && Number.isNaN(c.ts[i] as number)) continue;
    const lane = laneByPid.get(c.pid[i] as number);
    if (lane === undefined) continue;
    laneOf[i] = lane;
    counts[lane]!++;
  }
  const lists = order.map((_, k) => new Int32Array(counts[k] as number));
  const fill = new Int32Array(order.length);
  for (let i = 0; i < n; i++) {
    const lane = laneOf[i] as number;
    if (lane >= 0) (lists[lane] as Int32Array)[fill[lane]!++] = i;
  }
  const posOf = new Int32Array(n).fill(-1);
  let xMin = Infinity;
  let xMax = -Infinity;
  const lanes = order.map((o, k): Lane => {
    let events = lists[k] as Int32Array;
    const xOf = (i: number): number => (xMode === 'time' ? (c.ts[i] as number) - t0 : i);
    let sorted = true;
    for (let j = 1; j < events.length && sorted; j++) sorted = xOf(events[j - 1]!) <= xOf(events[j]!);
    if (!sorted) events = Int32Array.from(events).sort((a, b) => xOf(a) - xOf(b) || a - b);
    const x = new Float64Array(events.length);
    const xEnd = new Float64Array(events.length);
    const failed: number[] = [];
    const special: number[] = [];
    for (let j = 0; j < events.length; j++) {
      const i = events[j] as number;
      posOf[i] = j;
      const xs = xOf(i);
      const d = c.dur[i] as number;
      x[j] = xs;
      xEnd[j] = xMode === 'time' ? xs + (Number.isNaN(d) ? 0 : d) : xs + 1;
      const kind = c.kind[i] as number;
      if (kind === KIND.syscall) {
        if ((c.errnoId[i] as number) !== 0) failed.push(j);
      } else special.push(j);
    }
    if (x.length) {
      xMin = Math.min(xMin, x[0] as number);
      xMax = Math.max(xMax, xEnd[x.length - 1] as number);
    }
    const info = infoByPid.get(o.pid);
    return {
      pid: o.pid,
      depth: o.depth,
      label: formatLaneLabel(o.pid, info),
      isThread: info?.isThread ?? false,
      events,
      x,
      xEnd,
      failed: Int32Array.from(failed),
      special: Int32Array.from(special),
      descendants: 0,
      folded: 0,
    };
  });
  countDescendants(lanes);
  for (const lane of lanes) for (let j = 0; j < lane.xEnd.length; j++) xMax = Math.max(xMax, lane.xEnd[j]!);
  if (!Number.isFinite(xMin)) [xMin, xMax] = [0, 1];
  if (xMax <= xMin) xMax = xMin + (xMode === 'time' ? 1e-3 : 1);
  return { xMode, lanes, laneOf, posOf, xMin, xMax, t0 };
}

/** Lanes are in depth-first tree order: a lane's descendants are the deeper lanes right after it. */
function countDescendants(lanes: Lane[]): void {
  const open: number[] = []; // lanes whose group has not ended yet, shallowest first
  const close = (end: number, depth: number): void => {
    while (open.length && (lanes[open[open.length - 1] as number] as Lane).depth >= depth) {
      const li = open.pop() as number;
      (lanes[li] as Lane).descendants = end - li - 1;
    }
  };
  lanes.forEach((lane, li) => {
    close(li, lane.depth);
    open.push(li);
  });
  close(lanes.length, -Infinity);
}

function formatLaneLabel(pid: number, info: ProcessInfo | undefined): string {
  const who = pid < 0 ? 'process' : String(pid);
  const cmd = info?.command ? ` ${info.command}` : '';
  return `${info?.isThread ? 'thread ' : ''}${who}${cmd}`;
}

/** Positions (into lane.events) of the events whose name id is in `nameIds`, per lane. */
export function computeHighlightPositions(
  model: LaneModel,
  nameIdColumn: Uint32Array,
  kindColumn: Uint8Array,
  nameIds: ReadonlySet<number>,
): Int32Array[] {
  return model.lanes.map((lane) => {
    const out: number[] = [];
    if (nameIds.size)
      for (let j = 0; j < lane.events.length; j++) {
        const i = lane.events[j] as number;
        if (kindColumn[i] === KIND.syscall && nameIds.has(nameIdColumn[i] as number)) out.push(j);
      }
    return Int32Array.from(out);
  });
}
