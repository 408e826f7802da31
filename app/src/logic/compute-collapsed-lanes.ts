import type { Lane, LaneModel } from './compute-lanes.js';

/**
 * The lane model with some process groups folded: each folded lane takes the events of every lane of
 * its group (its descendants, which follow it in tree order) merged by x, and those lanes go. Event
 * positions (laneOf, posOf) are renumbered; `failed` and `special` follow their events. O(n log n) in
 * the events of the folded groups, done once per fold (memoized by the selector).
 */
export function computeCollapsedModel(model: LaneModel, foldedPids: readonly number[]): LaneModel {
  const folded = new Set(foldedPids);
  const laneOf = model.laneOf.slice();
  const posOf = model.posOf.slice();
  const lanes: Lane[] = [];
  for (let li = 0; li < model.lanes.length;) {
    const lane = model.lanes[li] as Lane;
    if (!folded.has(lane.pid) || lane.descendants === 0) {
      placeLane(lane, lanes.length, laneOf);
      lanes.push(lane);
      li++;
      continue;
    }
    const group = model.lanes.slice(li, li + 1 + lane.descendants);
    const merged = mergeLanes(lane, group);
    for (let j = 0; j < merged.events.length; j++) {
      const i = merged.events[j] as number;
      laneOf[i] = lanes.length;
      posOf[i] = j;
    }
    lanes.push(merged);
    li += group.length;
  }
  return { ...model, lanes, laneOf, posOf };
}

function placeLane(lane: Lane, at: number, laneOf: Int32Array): void {
  for (let j = 0; j < lane.events.length; j++) laneOf[lane.events[j] as number] = at;
}

function mergeLanes(head: Lane, group: readonly Lane[]): Lane {
  const n = group.reduce((k, l) => k + l.events.length, 0);
  const items: { x: number; xEnd: number; event: number; failed: boolean; special: boolean }[] = [];
  for (const l of group) {
    const failed = new Set(l.failed);
    const special = new Set(l.special);
    for (let j = 0; j < l.events.length; j++)
      items.push({
        x: l.x[j] as number,
        xEnd: l.xEnd[j] as number,
        event: l.events[j] as number,
        failed: failed.has(j),
        special: special.has(j),
      });
  }
  items.sort((p, q) => p.x - q.x || p.event - q.event);
  const events = new Int32Array(n);
  const x = new Float64Array(n);
  const xEnd = new Float64Array(n);
  const failedPos: number[] = [];
  const specialPos: number[] = [];
  items.forEach((it, j) => {
    events[j] = it.event;
    x[j] = it.x;
    xEnd[j] = it.xEnd;
    if (it.failed) failedPos.push(j);
    if (it.special) specialPos.push(j);
  });
  return {
    ...head,
    events,
    x,
    xEnd,
    failed: Int32Array.from(failedPos),
    special: Int32Array.from(specialPos),
    descendants: 0,
    folded: group.length - 1,
  };
}
