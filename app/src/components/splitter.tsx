import { useAppContext, useAppState } from '../store/store-context.js';

/**
 * The handle between the timeline area (the element just before it) and the panels: drag it, or focus it
 * and press ↑ ↓, to give the timeline more or less room; double-click fits the timeline to its lanes again.
 */
export function Splitter({ label }: { label: string }) {
  const { store } = useAppContext();
  const height = useAppState((s) => s.timelineHeightCssPx);
  const setHeight = (h: number | null): void => store.getState().setTimelineHeight(h);
  const sectionOf = (el: HTMLElement): HTMLElement | null => el.previousElementSibling as HTMLElement | null;
  return (
    <div
      role="separator"
      aria-orientation="horizontal"
      aria-label={label}
      aria-valuenow={height ?? undefined}
      tabIndex={0}
      title="Drag to resize; double-click to fit the lanes"
      data-testid="timeline-splitter"
      className="group relative h-2 shrink-0 cursor-row-resize border-y border-slate-200 bg-slate-100 hover:bg-sky-200 focus:bg-sky-200 focus:outline-none dark:border-slate-700 dark:bg-slate-800 dark:hover:bg-sky-900"
      onPointerDown={(e) => {
        const section = sectionOf(e.currentTarget);
        if (!section) return;
        e.currentTarget.setPointerCapture(e.pointerId);
        const top = section.getBoundingClientRect().top;
        const move = (ev: PointerEvent): void => setHeight(ev.clientY - top);
        const up = (): void => {
          window.removeEventListener('pointermove', move);
          window.removeEventListener('pointerup', up);
        };
        window.addEventListener('pointermove', move);
        window.addEventListener('pointerup', up);
      }}
      onDoubleClick={() => setHeight(null)}
      onKeyDown={(e) => {
        if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
        e.preventDefault();
        e.stopPropagation();
        const section = sectionOf(e.currentTarget);
        const now = height ?? section?.getBoundingClientRect().height ?? 200;
        setHeight(now + (e.key === 'ArrowDown' ? 24 : -24));
      }}
    >
      <span className="absolute left-1/2 top-1/2 h-0.5 w-10 -translate-x-1/2 -translate-y-1/2 rounded bg-slate-400 group-hover:bg-sky-600" />
    </div>
  );
}
