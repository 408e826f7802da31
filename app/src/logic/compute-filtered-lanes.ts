import type { Lane, LaneModel } from './compute-lanes.js';

/**
 * The lane model restricted to the events in `rows` (the table's filter): same lanes, same x, fewer
 * events. The timeline draws it in full colour over the whole model drawn faded, so a filter shows where
 * its calls are. laneOf/posOf point into the filtered lanes (-1 for events filtered out). One pass.
 */
export function computeFilteredModel(model: LaneModel, rows: Int32Array, eventCount: number): LaneModel {
  const keep = new Uint8Array(eventCount);
  for (let k = 0; k < rows.length; k++) keep[rows[k] as number] = 1;
  const laneOf = new Int32Array(eventCount).fill(-1);
  const posOf = new Int32Array(eventCount).fill(-1);
  const lanes = model.lanes.map((lane, li): Lane => {
    let n = 0;
    for (let j = 0; j < lane.events.length; j++) n += keep[lane.events[j] as number] as number;
    const events = new Int32Array(n);
    const x = new Float64Array(n);
    const xEnd = new Float64Array(n);
    const failedAt = new Uint8Array(lane.events.length);
    for (let k = 0; k < lane.failed.length; k++) failedAt[lane.failed[k] as number] = 1;
    const specialAt = new Uint8Array(lane.events.length);
    for (let k = 0; k < lane.special.length; k++) specialAt[lane.special[k] as number] = 1;
    const failed: number[] = [];
    const special: number[] = [];
    let m = 0;
    for (let j = 0; j < lane.events.length; j++) {
      const i = lane.events[j] as number;
      if (!keep[i]) continue;
      events[m] = i;
      x[m] = lane.x[j] as number;
      xEnd[m] = lane.xEnd[j] as number;
      if (failedAt[j]) failed.push(m);
      if (specialAt[j]) special.push(m);
      laneOf[i] = li;
      posOf[i] = m;
      m++;
    }
    return { ...lane, events, x, xEnd, failed: Int32Array.from(failed), special: Int32Array.from(special) };
  });
  return { ...model, lanes, laneOf, posOf };
}
