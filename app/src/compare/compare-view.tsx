import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useAppContext } from '../store/store-context.js';
import { AlignedTable } from './aligned-table.js';
import { findNextDifference, selectAligned, startCompareSync } from './compare-actions.js';
import { CompareBar } from './compare-bar.js';
import { CompareDetails } from './compare-details.js';
import { CompareProcesses } from './compare-processes.js';
import { CompareStats } from './compare-stats.js';
import type { CompareTab } from './compare-store.js';
import { compareStoreFor, useCompareState, useCompareStore } from './compare-store.js';
import { CompareTimelines } from './compare-timelines.js';
import { FindingsPanel } from './findings-panel.js';
import { startCompareUrlSync } from './compare-url.js';
import { compareLayerTimes } from './compare-layers.js';
import { TabBar } from '../components/tab-bar.js';

/** Whether the comparison view is showing; keeps linked views and the URL in step while it is. */
export function useCompareMode(): boolean {
  const { store } = useAppContext();
  const cs = compareStoreFor(store);
  useEffect(() => {
    // The documented test and benchmark hook (main.tsx) gets the comparison's store too.
    const hook = (window as unknown as { __spelunk?: Record<string, unknown> }).__spelunk;
    if (hook) Object.assign(hook, { compareStore: cs, compareLayerTimes });
    const stops = [startCompareSync(store, cs), startCompareUrlSync(store, cs)];
    return () => stops.forEach((s) => s());
  }, [store, cs]);
  return useStore(cs, (s) => s.active);
}

/** Two runs side by side: timelines linked by the alignment, findings, aligned calls, details. */
export function CompareView() {
  const { store } = useAppContext();
  const cs = useCompareStore();
  // ] and [ step through the differences (outside text fields), in both timelines and the table.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== ']' && e.key !== '[') return;
      const t = e.target as HTMLElement | null;
      if (
        t &&
        (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable)
      )
        return;
      const k = findNextDifference(cs, e.key === ']' ? 1 : -1);
      if (k >= 0) selectAligned(store, cs, { pair: k }, true);
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, cs]);
  const tab = useCompareState((s) => s.tab);
  const selA = useCompareState((s) => s.selA);
  const selB = useCompareState((s) => s.selB);
  const labels = useCompareState((s) => s.diff?.labels);
  const tabs: [CompareTab, string][] = [
    ['aligned', 'Aligned calls'],
    ['stats', 'Statistics'],
    ['processes', 'Processes'],
  ];
  return (
    <main className="flex min-h-0 flex-1 flex-col" data-testid="compare-view">
      <CompareBar />
      <div className="max-h-[55vh] shrink-0 overflow-auto">
        <CompareTimelines />
      </div>
      <p className="sr-only" aria-live="polite" data-testid="compare-selection" data-a={selA} data-b={selB}>
        {selA >= 0 || selB >= 0
          ? `Selected: ${labels?.a ?? 'A'} event ${selA >= 0 ? selA : 'none'}, ${labels?.b ?? 'B'} event ${selB >= 0 ? selB : 'none'}`
          : ''}
      </p>
      <div className="flex min-h-0 flex-1">
        <aside className="w-[27rem] shrink-0 overflow-auto border-r border-slate-200 dark:border-slate-700">
          <FindingsPanel />
        </aside>
        <section aria-label="Comparison panels" className="flex min-w-0 flex-1 flex-col">
          <TabBar
            label="Comparison panels"
            tabs={tabs}
            selected={tab}
            onSelect={(id) => cs.setState({ tab: id })}
          />
          {tab === 'aligned' && <AlignedTable />}
          {tab === 'stats' && <CompareStats />}
          {tab === 'processes' && <CompareProcesses />}
        </section>
        <aside className="w-[26rem] shrink-0 overflow-auto border-l border-slate-200 dark:border-slate-700">
          <CompareDetails />
        </aside>
      </div>
    </main>
  );
}
