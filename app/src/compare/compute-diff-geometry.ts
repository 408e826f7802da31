import type { LaneModel } from '../logic/compute-lanes.js';
import type { DiffData } from './diff-data.js';

/** x of event i on its lane (seconds from the trace start, or call order), or NaN when it has no lane. */
export function xOfEvent(model: LaneModel, i: number): number {
  const lane = model.lanes[model.laneOf[i] ?? -1];
  const pos = model.posOf[i] ?? -1;
  return lane && pos >= 0 ? (lane.x[pos] as number) : NaN;
}

/** Per lane: positions of the events whose pair is not equal, with their x (sorted as the lane is). */
export interface DiffMarks {
  pos: Int32Array[];
  x: Float64Array[];
}

const marksCache = new WeakMap<LaneModel, WeakMap<DiffData, DiffMarks>>();

/** The marks worth drawing on one side: changed and one-sided calls, found once per lane model and diff. */
export function selectDiffMarks(model: LaneModel, diff: DiffData, side: 'a' | 'b'): DiffMarks {
  let byDiff = marksCache.get(model);
  if (!byDiff) marksCache.set(model, (byDiff = new WeakMap()));
  let marks = byDiff.get(diff);
  if (marks) return marks;
  const pairOf = side === 'a' ? diff.pairOfA : diff.pairOfB;
  const pos: Int32Array[] = [];
  const x: Float64Array[] = [];
  for (const lane of model.lanes) {
    const p: number[] = [];
    for (let j = 0; j < lane.events.length; j++) {
      const k = pairOf[lane.events[j] as number] ?? -1;
      if (k >= 0 && diff.status[k] !== 0) p.push(j);
    }
    pos.push(Int32Array.from(p));
    x.push(Float64Array.from(p, (j) => lane.x[j] as number));
  }
  byDiff.set(diff, (marks = { pos, x }));
  return marks;
}
