import type { LaneModel } from '../logic/compute-lanes.js';
import { selectHighlightPositions } from '../logic/derived.js';
import { ALWAYS_HIGHLIGHTED } from '../store/trace-slice.js';
import type { TraceData } from '../trace/trace-data.js';
import type { HighlightLayer } from './draw-timeline.js';
import { MARKER_SHAPES } from './draw-timeline.js';
import { highlightColor } from './timeline-theme.js';

/** The fixed highlights (execve, brk, mmap, chroot) then the user's, each with its colour, shape and positions. */
export function computeHighlightLayers(
  userHighlights: readonly string[],
  trace: TraceData,
  model: LaneModel,
): HighlightLayer[] {
  return [...ALWAYS_HIGHLIGHTED, ...userHighlights].map((name, k) => ({
    name,
    color: highlightColor(name, k - ALWAYS_HIGHLIGHTED.length),
    shape: MARKER_SHAPES[k % MARKER_SHAPES.length]!,
    positions: selectHighlightPositions(trace, model, name),
  }));
}
