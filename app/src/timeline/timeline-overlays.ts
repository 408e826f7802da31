import type { TraceSlot } from '../store/create-app-store.js';
import type { TimelineFrame } from './draw-timeline.js';

/**
 * Extra layers drawn on a timeline's canvas in the same animation frame as the marks (phase bands,
 * comparison links, ...). Drawing here instead of re-rendering React/SVG on every viewport change keeps
 * panning at one canvas draw per frame. `ctx` is in CSS pixels; x maps through the frame's window.
 */
export type TimelineOverlay = (ctx: CanvasRenderingContext2D, frame: TimelineFrame) => void;

const overlays = new Map<TraceSlot, Set<TimelineOverlay>>();
const listeners = new Set<(slot: TraceSlot) => void>();

/** Adds a layer; returns the function that removes it. Call `requestOverlayRedraw` when its data changes. */
export function registerTimelineOverlay(slot: TraceSlot, draw: TimelineOverlay): () => void {
  const set = overlays.get(slot) ?? new Set();
  set.add(draw);
  overlays.set(slot, set);
  requestOverlayRedraw(slot);
  return () => {
    set.delete(draw);
    requestOverlayRedraw(slot);
  };
}

export function requestOverlayRedraw(slot: TraceSlot): void {
  for (const l of listeners) l(slot);
}

/** For the renderer: the layers of a slot, and a way to hear that they want a redraw. */
export function listTimelineOverlays(slot: TraceSlot): readonly TimelineOverlay[] {
  return [...(overlays.get(slot) ?? [])];
}

export function onOverlayRedraw(listener: (slot: TraceSlot) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
