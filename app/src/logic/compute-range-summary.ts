import type { TraceData } from '../trace/trace-data.js';
import { KIND } from '../trace/trace-data.js';
import type { LaneModel } from './compute-lanes.js';
import { lowerBound } from './search-sorted.js';

export interface RangeSummary {
  /** Events that start inside the range, all kinds. */
  events: number;
  calls: number;
  failed: number;
  /** Summed -T durations of those calls (seconds), or null without -T. */
  callSeconds: number | null;
  lanes: number;
  /** Calls per name, most frequent first, with their failures. */
  byName: { name: string; calls: number; failed: number }[];
}

/** What happens in [x0, x1] on a timeline: counts per call name, failures, time in calls, lanes touched. */
export function computeRangeSummary(
  trace: TraceData,
  model: LaneModel,
  x0: number,
  x1: number,
): RangeSummary {
  const c = trace.columns;
  const byName = new Map<number, { calls: number; failed: number }>();
  let events = 0;
  let calls = 0;
  let failed = 0;
  let seconds = 0;
  let timed = false;
  let lanes = 0;
  for (const lane of model.lanes) {
    const from = lowerBound(lane.x, x0);
    let to = from;
    while (to < lane.x.length && (lane.x[to] as number) <= x1) to++;
    if (to > from) lanes++;
    for (let j = from; j < to; j++) {
      const i = lane.events[j] as number;
      events++;
      if ((c.kind[i] as number) !== KIND.syscall) continue;
      calls++;
      const bad = (c.errnoId[i] as number) !== 0;
      if (bad) failed++;
      const d = c.dur[i] as number;
      if (!Number.isNaN(d)) {
        seconds += d;
        timed = true;
      }
      const id = c.nameId[i] as number;
      const entry = byName.get(id) ?? { calls: 0, failed: 0 };
      entry.calls++;
      if (bad) entry.failed++;
      byName.set(id, entry);
    }
  }
  return {
    events,
    calls,
    failed,
    callSeconds: timed ? seconds : null,
    lanes,
    byName: [...byName]
      .map(([id, v]) => ({ name: trace.names[id] ?? '?', ...v }))
      .sort((a, b) => b.calls - a.calls || a.name.localeCompare(b.name)),
  };
}
