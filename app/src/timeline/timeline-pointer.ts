import { computeNearestMark } from '../logic/compute-marks.js';
import { formatDuration } from '../logic/format-value.js';
import { formatVisibleText } from '../logic/visible-text.js';
import type { AppStore } from '../store/create-app-store.js';
import { selectFilteredModel, selectLaneModelOf, selectViewport } from '../store/selectors.js';
import type { TraceSlot } from '../store/trace-slice.js';
import { KIND } from '../trace/trace-data.js';
import { EVENT_KINDS } from '../../../parsers/model/index.js';
import { GUTTER_CSS_PX, LANE_HEIGHT_CSS_PX } from './draw-timeline.js';

export interface TimelinePointer {
  destroy(): void;
}

interface Elements {
  root: HTMLElement;
  overlay: HTMLElement;
  tooltip: HTMLElement;
}

/**
 * The pointer on one timeline: a click selects the nearest mark, a click on a lane's label folds or
 * unfolds its process group, hovering a mark shows what it is (its arguments come from the worker),
 * shift-drag selects a range of x, shift+wheel scrolls the lanes. Panning and zooming are d3-zoom's.
 */
export function createTimelinePointer(
  store: AppStore,
  slot: TraceSlot,
  el: Elements,
  rowText: (index: number) => Promise<{ text: string; ret: string } | null>,
  plotWidth: () => number,
): TimelinePointer {
  let drag: { startX: number } | null = null;
  let hovered = -1;
  let moveFrame = 0;

  const view = () => {
    const s = store.getState();
    const vp = selectViewport(s, slot);
    const model = selectLaneModelOf(s, slot);
    return vp && model ? { s, vp, model, marks: selectFilteredModel(s, slot) ?? model } : null;
  };
  const xAt = (clientX: number): number | null => {
    const v = view();
    if (!v) return null;
    const rect = el.overlay.getBoundingClientRect();
    return v.vp.x0 + ((clientX - rect.left) / plotWidth()) * (v.vp.x1 - v.vp.x0);
  };
  /** The event under the pointer (on the marks drawn in colour), or -1. */
  const hit = (clientX: number, clientY: number): number => {
    const v = view();
    if (!v) return -1;
    const rect = el.overlay.getBoundingClientRect();
    const lane = v.marks.lanes[Math.floor(v.vp.laneTop + (clientY - rect.top) / LANE_HEIGHT_CSS_PX)];
    if (!lane) return -1;
    const perPx = (v.vp.x1 - v.vp.x0) / plotWidth();
    const pos = computeNearestMark(lane, v.vp.x0 + (clientX - rect.left) * perPx, 4 * perPx);
    return pos >= 0 ? (lane.events[pos] as number) : -1;
  };

  const onClick = (e: MouseEvent): void => {
    if (e.shiftKey) return;
    const i = hit(e.clientX, e.clientY);
    if (i >= 0) store.getState().select({ slot, index: i });
  };
  // The gutter: a click on a lane's label folds (or unfolds) the process group it heads.
  const onRootClick = (e: MouseEvent): void => {
    const rect = el.root.getBoundingClientRect();
    if (e.clientX - rect.left >= GUTTER_CSS_PX) return;
    const v = view();
    if (!v) return;
    const lane = v.model.lanes[Math.floor(v.vp.laneTop + (e.clientY - rect.top) / LANE_HEIGHT_CSS_PX)];
    if (lane && (lane.descendants > 0 || lane.folded > 0)) store.getState().toggleCollapsed(slot, lane.pid);
  };
  const onWheel = (e: WheelEvent): void => {
    if (!e.shiftKey) return;
    e.preventDefault();
    store.getState().scrollLanes(slot, Math.sign(e.deltaY || e.deltaX) * 3);
  };
  const onDown = (e: PointerEvent): void => {
    if (!e.shiftKey || e.button !== 0) return;
    const x = xAt(e.clientX);
    if (x === null) return;
    drag = { startX: x };
    // The tooltip of the mark where the drag began would stay over the range being drawn.
    onLeave();
    el.overlay.setPointerCapture(e.pointerId);
    store.getState().setRange(null);
    e.preventDefault();
  };
  const onMove = (e: PointerEvent): void => {
    if (drag) {
      const x = xAt(e.clientX);
      if (x !== null)
        store.getState().setRange({ slot, x0: Math.min(drag.startX, x), x1: Math.max(drag.startX, x) });
      return;
    }
    const { clientX, clientY } = e;
    if (moveFrame) cancelAnimationFrame(moveFrame);
    moveFrame = requestAnimationFrame(() => {
      moveFrame = 0;
      showTooltip(hit(clientX, clientY), clientX, clientY);
    });
  };
  const onUp = (e: PointerEvent): void => {
    if (!drag) return;
    drag = null;
    if (el.overlay.hasPointerCapture(e.pointerId)) el.overlay.releasePointerCapture(e.pointerId);
  };
  const onLeave = (): void => {
    if (moveFrame) cancelAnimationFrame(moveFrame);
    moveFrame = 0;
    showTooltip(-1, 0, 0);
  };

  function showTooltip(i: number, clientX: number, clientY: number): void {
    const tip = el.tooltip;
    if (i < 0) {
      hovered = -1;
      tip.hidden = true;
      return;
    }
    const rootRect = el.root.getBoundingClientRect();
    tip.style.left = `${Math.min(clientX - rootRect.left + 12, rootRect.width - 320)}px`;
    tip.style.top = `${clientY - rootRect.top + 14}px`;
    tip.hidden = false;
    if (i === hovered) return;
    hovered = i;
    const trace = store.getState().traces[slot];
    if (!trace) return;
    const c = trace.columns;
    const kind = c.kind[i] as number;
    const name = trace.names[c.nameId[i] as number] ?? '';
    const errno = trace.errnos[c.errnoId[i] as number];
    const dur = c.dur[i] as number;
    const head = kind === KIND.syscall ? `${name}(…)` : `${EVENT_KINDS[kind]} ${name}`.trim();
    const facts = [
      `line ${c.line[i]}`,
      (c.pid[i] as number) >= 0 ? `pid ${c.pid[i]}` : '',
      Number.isNaN(dur) ? '' : formatDuration(dur),
    ].filter(Boolean);
    setTooltip(head, errno ? `failed: ${errno}` : '', facts.join(' · '), Boolean(errno));
    if (kind !== KIND.syscall) return;
    void rowText(i).then((r) => {
      if (hovered !== i || !r) return;
      const call = `${name}(${formatVisibleText(r.text)})`;
      const head2 = call.length > 220 ? `${call.slice(0, 219)}…` : call;
      setTooltip(
        head2,
        `= ${formatVisibleText(r.ret)}${errno ? ` ${errno}` : ''}`,
        facts.join(' · '),
        Boolean(errno),
      );
    });
  }
  function setTooltip(head: string, result: string, facts: string, failed: boolean): void {
    const [h, r, f] = [0, 1, 2].map((k) => el.tooltip.children[k] as HTMLElement | undefined);
    if (h) h.textContent = head;
    if (r) {
      r.textContent = result;
      r.toggleAttribute('data-failed', failed);
    }
    if (f) f.textContent = facts;
  }

  el.overlay.addEventListener('click', onClick);
  el.overlay.addEventListener('pointerdown', onDown);
  el.overlay.addEventListener('pointermove', onMove);
  el.overlay.addEventListener('pointerup', onUp);
  el.overlay.addEventListener('pointerleave', onLeave);
  el.root.addEventListener('click', onRootClick);
  el.root.addEventListener('wheel', onWheel, { passive: false });
  return {
    destroy() {
      if (moveFrame) cancelAnimationFrame(moveFrame);
      el.overlay.removeEventListener('click', onClick);
      el.overlay.removeEventListener('pointerdown', onDown);
      el.overlay.removeEventListener('pointermove', onMove);
      el.overlay.removeEventListener('pointerup', onUp);
      el.overlay.removeEventListener('pointerleave', onLeave);
      el.root.removeEventListener('click', onRootClick);
      el.root.removeEventListener('wheel', onWheel);
    },
  };
}
