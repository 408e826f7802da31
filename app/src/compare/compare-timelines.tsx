import { useEffect, useRef } from 'react';
import { formatRunTitle } from '../components/toolbar.js';
import { useAppContext, useAppState } from '../store/store-context.js';
import { TimelineView } from '../timeline/timeline-view.js';
import { CompareLayers } from './compare-layers.js';
import { formatLauncherBlock, isLauncherBlock } from './compare-selection.js';

/** "A · host  hello world in a bare chroot": the letter, the run's label, and its title without the label. */
function PaneTitle({ letter, label, title }: { letter: 'A' | 'B'; label: string; title: string }) {
  const rest = formatRunTitle(label, title);
  const side = letter === 'A' ? 'a' : 'b';
  const launchers = useAppState((s) =>
    (s.compare.diff?.blocks ?? [])
      .filter((b) => isLauncherBlock(b) && (side === 'a' ? b.firstA : b.firstB) >= 0)
      .map(
        (b) =>
          `${(side === 'a' ? b.programA : b.programB) || 'launcher'} start-up: ${b.end - b.start} calls, one block`,
      )
      .join('; '),
  );
  return (
    <h2
      className="truncate px-3 pt-1 text-xs font-semibold"
      data-testid={`pane-title-${letter.toLowerCase()}`}
    >
      <span className="mr-1 rounded bg-slate-200 px-1 dark:bg-slate-700">{letter}</span>
      {label !== letter && <span>{label}</span>}
      {rest && <span className="font-normal text-slate-500"> {rest}</span>}
      {launchers && <span className="font-normal text-green-700 dark:text-green-400"> · ◀ {launchers}</span>}
    </h2>
  );
}

/**
 * The two part-1 timelines one above the other, A on top, with the diff drawn over each and the strip
 * that joins matched calls between them.
 */
export function CompareTimelines({ fill = false }: { fill?: boolean }) {
  const { store, frames } = useAppContext();
  const labelA = useAppState((s) => s.compare.diff?.labels.a ?? s.compare.sides?.[0].label ?? 'A');
  const labelB = useAppState((s) => s.compare.diff?.labels.b ?? s.compare.sides?.[1].label ?? 'B');
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
    const layers = new CompareLayers(
      store,
      { wrapA: a, wrapB: b, marksA: ma, marksB: mb, strip: st },
      frames,
    );
    return () => layers.destroy();
  }, [store, frames]);
  const pane = fill ? 'relative flex min-h-0 flex-1 flex-col' : 'relative';
  return (
    <div className={fill ? 'flex min-h-0 flex-1 flex-col' : ''}>
      <div ref={wrapA} className={pane} data-testid="compare-timeline-a">
        <PaneTitle letter="A" label={labelA} title={titleA} />
        <TimelineView slot="a" fill={fill} compact laneLabels={false} />
        <canvas
          ref={marksA}
          className="pointer-events-none absolute left-0"
          aria-hidden="true"
          data-testid="diff-marks-a"
        />
      </div>
      <canvas
        ref={strip}
        className="block h-10 w-full shrink-0"
        aria-hidden="true"
        data-testid="alignment-strip"
      />
      <div ref={wrapB} className={pane} data-testid="compare-timeline-b">
        <PaneTitle letter="B" label={labelB} title={titleB} />
        <TimelineView slot="b" fill={fill} compact laneLabels={false} />
        <canvas
          ref={marksB}
          className="pointer-events-none absolute left-0"
          aria-hidden="true"
          data-testid="diff-marks-b"
        />
      </div>
    </div>
  );
}
