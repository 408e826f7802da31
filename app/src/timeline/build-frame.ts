import { selectCategoryCodes, selectLaneLinks } from '../logic/derived.js';
import type { AppState } from '../store/create-app-store.js';
import {
  selectFilteredModel,
  selectLaneModelOf,
  selectSelectedIndex,
  selectViewport,
} from '../store/selectors.js';
import type { TraceSlot } from '../store/trace-slice.js';
import type { TimelineFrame } from './draw-timeline.js';
import { computeHighlightLayers } from './highlight-layers.js';
import { DARK_THEME, LIGHT_THEME } from './timeline-theme.js';

/**
 * The frame one timeline shows for the store's state: its lanes (folded groups folded), the marks a
 * filter keeps, window, selection, highlights, arrows and range. The live view and the exports draw
 * the same frame; `size` gives the canvas, `laneTop` overrides the first lane (exports draw them all).
 */
export function buildTimelineFrame(
  s: AppState,
  slot: TraceSlot,
  size: { widthCssPx: number; heightCssPx: number },
  laneTop?: number,
): TimelineFrame | null {
  const trace = s.traces[slot];
  const vp = selectViewport(s, slot);
  const model = selectLaneModelOf(s, slot);
  if (!trace || !vp || !model) return null;
  const filtered = selectFilteredModel(s, slot);
  const c = trace.columns;
  return {
    model,
    marks: filtered ?? model,
    ghost: filtered !== null,
    kind: c.kind,
    nameId: c.nameId,
    errnoId: c.errnoId,
    names: trace.names,
    errnos: trace.errnos,
    categoryOfName: selectCategoryCodes(trace),
    x0: vp.x0,
    x1: vp.x1,
    laneTop: laneTop ?? vp.laneTop,
    widthCssPx: size.widthCssPx,
    heightCssPx: size.heightCssPx,
    highlights: computeHighlightLayers(s.highlights, trace, model),
    selected: selectSelectedIndex(s, slot),
    links: selectLaneLinks(trace),
    range: s.range?.slot === slot ? s.range : null,
    theme: s.theme === 'dark' ? DARK_THEME : LIGHT_THEME,
    labels: true,
  };
}
