import { useEffect, useRef } from 'react';
import { useAppContext, useAppState } from '../store/store-context.js';
import { TimelineView } from '../timeline/timeline-view.js';
import { CompareLayers } from './compare-layers.js';
import { useCompareState, useCompareStore } from './compare-store.js';

/**
 * The two part-1 timelines one above the other, A on top, with the diff drawn over each and the strip
 * that joins matched calls between them.
 */
export function CompareTimelines() {
  const { store } = useAppContext();
  const cs = useCompareStore();
  const diff = useCompareState((s) => s.diff);
  const labels = diff?.labels ?? { a: 'A', b: 'B' };
  const titleA = useAppState((s) => s.traces.a?.title ?? '');
  const titleB = useAppState((s) => s.traces.b?.title ?? '');
  const wrapA = useRef<HTMLDivElement>(null);
  const wrapB = useRef<HTMLDivElement>(null);
  const marksA = useRef<HTMLCanvasElement>(null);
  const marksB = useRef<HTMLCanvasElement>(null);
  const strip = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const [a, b, ma, mb, st] = [wrapA.current, wrapB.current, marksA.current, marksB.current, strip.current];
    if (!a || !b || !ma || !mb || !st) return;
    const layers = new CompareLayers(store, cs, { wrapA: a, wrapB: b, marksA: ma, marksB: mb, strip: st });
    return () => layers.destroy();
  }, [store, cs]);
  return (
    <section aria-label="Compared timelines" className="border-b border-slate-200 dark:border-slate-700">
      <div ref={wrapA} className="relative" data-testid="compare-timeline-a">
        <h2 className="truncate px-3 pt-1 text-xs font-semibold">
          A · {labels.a} <span className="font-normal text-slate-500">{titleA}</span>
        </h2>
        <TimelineView slot="a" />
        <canvas
          ref={marksA}
          className="pointer-events-none absolute left-0"
          aria-hidden="true"
          data-testid="diff-marks-a"
        />
      </div>
      <canvas ref={strip} className="block h-10 w-full" aria-hidden="true" data-testid="alignment-strip" />
      <div ref={wrapB} className="relative" data-testid="compare-timeline-b">
        <h2 className="truncate px-3 pt-1 text-xs font-semibold">
          B · {labels.b} <span className="font-normal text-slate-500">{titleB}</span>
        </h2>
        <TimelineView slot="b" />
        <canvas
          ref={marksB}
          className="pointer-events-none absolute left-0"
          aria-hidden="true"
          data-testid="diff-marks-b"
        />
      </div>
    </section>
  );
}
