import { Legend } from '../components/legend.js';
import { Splitter } from '../components/splitter.js';
import { TabBar } from '../components/tab-bar.js';
import { useAppContext, useAppState } from '../store/store-context.js';
import { AlignedTable } from './aligned-table.js';
import { CompareBar } from './compare-bar.js';
import { CompareDetails } from './compare-details.js';
import { CompareLegend } from './compare-legend.js';
import { CompareProcesses } from './compare-processes.js';
import type { CompareTab } from './compare-slice.js';
import { CompareStats } from './compare-stats.js';
import { CompareTimelines } from './compare-timelines.js';
import { DiagnosisBanner } from './diagnosis-banner.js';
import { FindingsPanel } from './findings-panel.js';

const TABS: [CompareTab, string][] = [
  ['aligned', 'Aligned calls'],
  ['stats', 'Statistics'],
  ['processes', 'Processes'],
];

/**
 * Two runs side by side: the diagnosis, timelines linked by the alignment, findings, aligned calls and
 * the compared call. Below 1280 px the compared call goes under the findings, so the aligned table keeps
 * its width.
 */
export function CompareView() {
  const { store } = useAppContext();
  const tab = useAppState((s) => s.compare.tab);
  const selA = useAppState((s) => s.compare.selA);
  const selB = useAppState((s) => s.compare.selB);
  const labels = useAppState((s) => s.compare.diff?.labels);
  const lineA = useAppState((s) => (selA >= 0 ? s.traces.a?.columns.line[selA] : undefined));
  const lineB = useAppState((s) => (selB >= 0 ? s.traces.b?.columns.line[selB] : undefined));
  const height = useAppState((s) => s.timelineHeightCssPx);
  return (
    <main className="flex min-h-0 flex-1 flex-col" data-testid="compare-view">
      <DiagnosisBanner />
      <CompareBar />
      <section
        aria-label="Compared timelines"
        className={`shrink-0 overflow-auto ${height !== null ? 'flex flex-col' : ''}`}
        style={height === null ? { maxHeight: '55vh' } : { height }}
        data-testid="timeline-section"
      >
        <CompareTimelines fill={height !== null} />
        <CompareLegend />
        <details
          className="shrink-0 border-t border-slate-100 dark:border-slate-800"
          data-testid="call-colours"
        >
          <summary className="cursor-pointer px-3 py-0.5 text-xs text-slate-500">
            call colours and highlights
          </summary>
          <Legend />
        </details>
      </section>
      <Splitter label="Resize the timelines" />
      <p className="sr-only" aria-live="polite" data-testid="compare-selection" data-a={selA} data-b={selB}>
        {selA >= 0 || selB >= 0
          ? `Selected: ${labels?.a ?? 'A'} ${lineA !== undefined ? `line ${lineA}` : 'none'}, ${labels?.b ?? 'B'} ${lineB !== undefined ? `line ${lineB}` : 'none'}`
          : ''}
      </p>
      <div className="grid min-h-0 flex-1 grid-cols-[20rem_minmax(0,1fr)] grid-rows-[minmax(0,1fr)_minmax(0,1fr)] xl:grid-cols-[24rem_minmax(0,1fr)_24rem] xl:grid-rows-[minmax(0,1fr)]">
        <aside className="col-start-1 row-start-1 min-h-0 overflow-auto border-r border-slate-200 dark:border-slate-700">
          <FindingsPanel />
        </aside>
        <section
          aria-label="Comparison panels"
          className="col-start-2 row-span-2 row-start-1 flex min-h-0 min-w-0 flex-col xl:row-span-1"
        >
          <TabBar
            label="Comparison panels"
            tabs={TABS}
            selected={tab}
            onSelect={(id) => store.getState().setCompare({ tab: id })}
          />
          {tab === 'aligned' && <AlignedTable />}
          {tab === 'stats' && <CompareStats />}
          {tab === 'processes' && <CompareProcesses />}
        </section>
        <aside className="col-start-1 row-start-2 min-h-0 overflow-auto border-r border-t border-slate-200 xl:col-start-3 xl:row-start-1 xl:border-l xl:border-r-0 xl:border-t-0 dark:border-slate-700">
          <CompareDetails />
        </aside>
      </div>
    </main>
  );
}
