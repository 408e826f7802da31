import type { AppState } from '../store/create-app-store.js';
import { selectCategoryCodes } from '../logic/derived.js';
import { selectFilteredModel, selectLaneModelOf, selectViewport } from '../store/selectors.js';
import { DARK_THEME, LIGHT_THEME } from '../timeline/timeline-theme.js';
import { computePhaseBands } from '../lessons/compute-phase-bands.js';
import { GUTTER_CSS_PX, LANE_HEIGHT_CSS_PX } from '../timeline/draw-timeline.js';
import { labelBackground } from '../timeline/timeline-labels.js';
import { selectDiffMarks } from './compute-diff-geometry.js';
import type { MarksFrame, StripFrame } from './draw-diff-layers.js';

/**
 * The frames of the comparison's layers for the store's state (the live view and the picture exports
 * draw the same): one side's diff marks, and the strip between the two timelines.
 */
export function buildMarksFrame(
  s: AppState,
  side: 'a' | 'b',
  size: { widthCssPx: number; heightCssPx: number },
  laneTop?: number,
): MarksFrame | null {
  const c = s.compare;
  const trace = s.traces[side];
  const model = selectLaneModelOf(s, side);
  const vp = selectViewport(s, side);
  if (!c.diff || !trace || !model || !vp) return null;
  const finding = c.finding >= 0 ? c.diff.findings[c.finding] : undefined;
  const cursor = c.cursorX === null ? null : side === 'a' ? c.cursorX : c.cursorX + c.offset;
  const phases = s.lesson.phases[side];
  return {
    side,
    model,
    diff: c.diff,
    marks: selectDiffMarks(model, c.diff, side),
    names: trace.names,
    nameId: trace.columns.nameId,
    errnos: trace.errnos,
    errnoId: trace.columns.errnoId,
    x0: vp.x0,
    x1: vp.x1,
    laneTop: laneTop ?? vp.laneTop,
    ...size,
    selected: side === 'a' ? c.selA : c.selB,
    evidence: (side === 'a' ? finding?.evidenceA : finding?.evidenceB) ?? [],
    cursorX: cursor,
    textColor: s.theme === 'dark' ? '#e2e8f0' : '#1e293b',
    dark: s.theme === 'dark',
    range: s.range?.slot === side ? s.range : null,
    labelBackground: labelBackground(s.theme === 'dark'),
    callNames: {
      marks: selectFilteredModel(s, side) ?? model,
      kind: trace.columns.kind,
      categoryOfName: selectCategoryCodes(trace),
      color: (s.theme === 'dark' ? DARK_THEME : LIGHT_THEME).markText,
    },
    phases:
      s.lesson.showPhases && phases?.traceId === trace.id
        ? computePhaseBands(
            model,
            phases.phases,
            vp.x0,
            vp.x1,
            Math.max(1, size.widthCssPx - GUTTER_CSS_PX),
            {
              from: Math.floor(laneTop ?? vp.laneTop),
              to: Math.floor(laneTop ?? vp.laneTop) + Math.ceil(size.heightCssPx / LANE_HEIGHT_CSS_PX) + 1,
            },
          )
        : [],
  };
}

export function buildStripFrame(
  s: AppState,
  size: { widthCssPx: number; heightCssPx: number },
): StripFrame | null {
  const diff = s.compare.diff;
  const ma = selectLaneModelOf(s, 'a');
  const mb = selectLaneModelOf(s, 'b');
  const a = selectViewport(s, 'a');
  const b = selectViewport(s, 'b');
  if (!diff || !ma || !mb || !a || !b) return null;
  return {
    diff,
    modelA: ma,
    modelB: mb,
    marksA: selectDiffMarks(ma, diff, 'a'),
    marksB: selectDiffMarks(mb, diff, 'b'),
    a,
    b,
    ...size,
    selectedPair: s.compare.pair,
  };
}
