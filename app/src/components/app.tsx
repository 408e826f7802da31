import { useEffect, useRef, useState } from 'react';
import { loadTrace } from '../load/load-trace.js';
import type { ServedTrace } from '../load/served-traces.js';
import { formatRunId, formatRunTitle } from '../load/served-traces.js';
import { useAppContext, useAppState } from '../store/store-context.js';
import { applyUrlView, readUrlState } from '../store/url-sync.js';
import { TimelineView } from '../timeline/timeline-view.js';
import { DetailsPanel } from './details-panel.js';
import { EventTable } from './event-table.js';
import { FilterBar } from './filter-bar.js';
import { HelpOverlay } from './help-overlay.js';
import { Legend } from './legend.js';
import { LoadPanel, nextUploadId, useDropFiles, useServedTraces } from './load-panel.js';
import { LoadStatus } from './load-status.js';
import { LessonBar } from '../lessons/lesson-bar.js';
import { CompareOpen } from '../compare/compare-open.js';
import { openDefaultCompare } from '../compare/compare-url.js';
import { CompareView, useCompareMode } from '../compare/compare-view.js';
import { ProcessTreePanel } from './process-tree-panel.js';
import { handleShortcut } from './shortcuts.js';
import { StatsPanel } from './stats-panel.js';
import { Toolbar } from './toolbar.js';
import { UnknownLinesPanel } from './unknown-lines-panel.js';
import { useFilteredRows } from './use-filtered-rows.js';
import { TabBar } from './tab-bar.js';

type Tab = 'events' | 'stats' | 'processes' | 'unknown';

export function App() {
  const { store, client } = useAppContext();
  const trace = useAppState((s) => s.traces.a);
  const comparing = useCompareMode();
  const theme = useAppState((s) => s.theme);
  const [showOpen, setShowOpen] = useState(false);
  const [tab, setTab] = useState<Tab>('events');
  const served = useServedTraces();
  const { rows, searching } = useFilteredRows(trace);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const fileInput = useRef<HTMLInputElement>(null);

  const openFiles = (files: File[]): void => {
    if (!files.length) return;
    setShowOpen(false);
    const title = files.length === 1 ? files[0]!.name : `${files.length} files (${files[0]!.name}, …)`;
    void loadTrace(
      store,
      client,
      'a',
      nextUploadId(),
      title,
      files.map((file) => ({ type: 'file', file })),
    );
  };
  useDropFiles(openFiles);
  useAutoOpen(served);

  useEffect(() => {
    document.documentElement.classList.toggle('dark', theme === 'dark');
  }, [theme]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (
        handleShortcut(
          e,
          store,
          () => rowsRef.current,
          () => fileInput.current?.click(),
        )
      )
        e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
  useEffect(() => setShowOpen(false), [trace]);

  const tabs: [Tab, string][] = [
    ['events', 'Events'],
    ['stats', 'Statistics'],
    ['processes', 'Processes'],
    ['unknown', `Unknown lines${trace?.unknownCount ? ` (${trace.unknownCount})` : ''}`],
  ];
  return (
    <div className="flex h-screen flex-col bg-white text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <Toolbar onOpen={() => setShowOpen((v) => !v)} />
      <input
        ref={fileInput}
        type="file"
        multiple
        className="sr-only"
        tabIndex={-1}
        aria-label="Open trace files"
        onChange={(e) => {
          openFiles([...(e.currentTarget.files ?? [])]);
          e.currentTarget.value = '';
        }}
      />
      <LoadStatus />
      <LessonBar />
      {comparing && !showOpen ? (
        <CompareView />
      ) : !trace || showOpen ? (
        <main className="flex-1 overflow-auto">
          <LoadPanel served={served} />
          <CompareOpen served={served} />
        </main>
      ) : (
        <main className="flex min-h-0 flex-1 flex-col">
          <section aria-label="Timeline" className="border-b border-slate-200 dark:border-slate-700">
            <TimelineView slot="a" />
            <Legend />
          </section>
          <div className="flex min-h-0 flex-1">
            <section aria-label="Trace panels" className="flex min-w-0 flex-1 flex-col">
              <TabBar label="Panels" tabs={tabs} selected={tab} onSelect={setTab} panelIds />
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
            <aside className="w-[26rem] shrink-0 border-l border-slate-200 dark:border-slate-700">
              <DetailsPanel />
            </aside>
          </div>
        </main>
      )}
      <HelpOverlay />
    </div>
  );
}

/** Opens the trace named in the URL, or else the first served trace, once the list has arrived. */
function useAutoOpen(served: ServedTrace[]): void {
  const { store, client } = useAppContext();
  const done = useRef(false);
  useEffect(() => {
    if (
      done.current ||
      !served.length ||
      store.getState().traces.a ||
      store.getState().load.state === 'loading'
    )
      return;
    done.current = true;
    if (openDefaultCompare(store, client, served)) return;
    const url = readUrlState();
    const runs = served.flatMap((t) => t.runs.map((r) => ({ t, r })));
    const pick = (url.trace && runs.find(({ t, r }) => formatRunId(t, r) === url.trace)) || runs[0];
    if (!pick) return;
    void loadTrace(
      store,
      client,
      'a',
      formatRunId(pick.t, pick.r),
      formatRunTitle(pick.t, pick.r),
      pick.r.urls.map((u) => ({ type: 'url', url: u, name: u.slice(u.lastIndexOf('/') + 1) })),
    ).then((trace) => {
      if (trace && url.trace === trace.id) applyUrlView(store, url);
    });
  }, [served, store, client]);
}
