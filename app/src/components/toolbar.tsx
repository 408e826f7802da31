import { useState } from 'react';
import { formatChromeTrace } from '../logic/export-chrome-trace.js';
import { formatBytes, formatCount } from '../logic/format-value.js';
import { useAppContext, useAppState } from '../store/store-context.js';
import { downloadBlob, exportViewPng, exportViewSvg } from '../timeline/export-view.js';

/** Header: what is open, x mode, theme, exports, help. */
export function Toolbar({ onOpen }: { onOpen: () => void }) {
  const { store } = useAppContext();
  const trace = useAppState((s) => s.traces.a);
  const xMode = useAppState((s) => s.xMode);
  const theme = useAppState((s) => s.theme);
  const [busy, setBusy] = useState(false);
  const base = (trace?.title ?? 'trace').replace(/[^\w.-]+/g, '_').slice(0, 60);
  const width = (): number => document.querySelector('[data-testid="timeline-a"]')?.clientWidth ?? 1200;

  const exportPng = async (): Promise<void> => {
    setBusy(true);
    const blob = await exportViewPng(store.getState(), 'a', width());
    setBusy(false);
    if (blob) downloadBlob(blob, `${base}.png`);
  };
  const exportSvg = (): void => {
    const svg = exportViewSvg(store.getState(), 'a', width());
    if (svg) downloadBlob(new Blob([svg], { type: 'image/svg+xml' }), `${base}.svg`);
  };
  const exportChrome = (): void => {
    if (trace)
      downloadBlob(new Blob([formatChromeTrace(trace)], { type: 'application/json' }), `${base}.trace.json`);
  };

  return (
    <header className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-700">
      <h1 className="mr-2 text-lg font-bold tracking-tight">spelunk</h1>
      {trace && (
        <p className="mr-auto min-w-0 truncate text-sm" data-testid="trace-title">
          <span className="font-medium">{trace.title}</span>{' '}
          <span className="text-slate-500">
            · {formatCount(trace.columns.count)} events · {trace.processes.length} tasks ·{' '}
            {formatBytes(trace.inputBytes)} parsed in {Math.round(trace.parseMs)} ms
            {trace.unknownCount ? ` · ${formatCount(trace.unknownCount)} unknown lines` : ''}
          </span>
        </p>
      )}
      {!trace && <span className="mr-auto" />}
      <button type="button" className="btn" onClick={onOpen}>
        Open…
      </button>
      <div role="group" aria-label="X axis" className="flex">
        <button
          type="button"
          className="btn rounded-r-none"
          aria-pressed={xMode === 'time'}
          onClick={() => store.getState().setXMode('time')}
        >
          Time
        </button>
        <button
          type="button"
          className="btn rounded-l-none"
          aria-pressed={xMode === 'order'}
          onClick={() => store.getState().setXMode('order')}
        >
          Call order
        </button>
      </div>
      <button type="button" className="btn" disabled={!trace || busy} onClick={() => void exportPng()}>
        Export PNG
      </button>
      <button type="button" className="btn" disabled={!trace} onClick={exportSvg}>
        Export SVG
      </button>
      <button
        type="button"
        className="btn"
        disabled={!trace}
        onClick={exportChrome}
        title="Chrome Trace Event JSON; opens in Perfetto"
      >
        Export trace JSON
      </button>
      <button
        type="button"
        className="btn"
        aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
        onClick={() => store.getState().setTheme(theme === 'dark' ? 'light' : 'dark')}
      >
        {theme === 'dark' ? '☀' : '☾'}
      </button>
      <button
        type="button"
        className="btn"
        aria-label="Keyboard shortcuts"
        onClick={() => store.getState().setHelpOpen(true)}
      >
        ?
      </button>
    </header>
  );
}
