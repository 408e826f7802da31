import { isSearching, selectTableRows } from '../store/selectors.js';
import { useAppState } from '../store/store-context.js';
import type { MainTab } from '../store/view-slice.js';
import type { TraceData } from '../trace/trace-data.js';
import { TimelineView } from '../timeline/timeline-view.js';
import { DetailsPanel } from './details-panel.js';
import { EventTable } from './event-table.js';
import { FilterBar } from './filter-bar.js';
import { Legend } from './legend.js';
import { ProcessTreePanel } from './process-tree-panel.js';
import { RangeSummary } from './range-summary.js';
import { Splitter } from './splitter.js';
import { StatsPanel } from './stats-panel.js';
import { TabBar } from './tab-bar.js';
import { UnknownLinesPanel } from './unknown-lines-panel.js';
import { useAppContext } from '../store/store-context.js';

/** One trace: its timeline (resizable), then the table, statistics, processes and unknown lines, and the details. */
export function SingleView({ trace }: { trace: TraceData }) {
  const { store } = useAppContext();
  const tab = useAppState((s) => s.tab);
  const rows = useAppState(selectTableRows);
  const searching = useAppState(isSearching);
  const height = useAppState((s) => s.timelineHeightCssPx);
  const tabs: [MainTab, string][] = [
    ['events', 'Events'],
    ['stats', 'Statistics'],
    ['processes', 'Processes'],
    ['unknown', `Unknown lines${trace.unknownCount ? ` (${trace.unknownCount})` : ''}`],
  ];
  return (
    <main className="flex min-h-0 flex-1 flex-col">
      <section
        aria-label="Timeline"
        className={`shrink-0 overflow-auto ${height !== null ? 'flex flex-col' : ''}`}
        style={height === null ? { maxHeight: '55vh' } : { height }}
        data-testid="timeline-section"
      >
        <TimelineView slot="a" fill={height !== null} />
        <RangeSummary slot="a" />
        <Legend />
      </section>
      <Splitter label="Resize the timeline" />
      <div className="flex min-h-0 flex-1">
        <section aria-label="Trace panels" className="flex min-w-0 flex-1 flex-col">
          <TabBar
            label="Panels"
            tabs={tabs}
            selected={tab}
            onSelect={(t) => store.getState().setTab(t)}
            panelIds
          />
          <div
            role="tabpanel"
            id={`panel-${tab}`}
            aria-labelledby={`tab-${tab}`}
            className="flex min-h-0 flex-1 flex-col"
          >
            {tab === 'events' && (
              <>
                <FilterBar trace={trace} shown={rows.length} searching={searching} />
                <div className="min-h-0 flex-1">
                  <EventTable trace={trace} rows={rows} />
                </div>
              </>
            )}
            {tab === 'stats' && <StatsPanel trace={trace} />}
            {tab === 'processes' && <ProcessTreePanel trace={trace} />}
            {tab === 'unknown' && <UnknownLinesPanel trace={trace} />}
          </div>
        </section>
        <aside className="w-[20rem] shrink-0 border-l border-slate-200 xl:w-[26rem] dark:border-slate-700">
          <DetailsPanel />
        </aside>
      </div>
    </main>
  );
}
