import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { exportCompareHtml, exportCompareJson, exportCompareMarkdown } from '../compare/export-compare.js';
import { exportComparePng, exportCompareSvg } from '../compare/export-compare-view.js';
import { isComparing } from '../store/selectors.js';
import { useAppContext, useAppState } from '../store/store-context.js';
import { downloadBlob, exportViewPng, exportViewSvg } from '../timeline/export-view.js';

/**
 * Every export, in one menu: the picture of what is on screen (one timeline, or the whole comparison:
 * both timelines and the strip between them), the Perfetto trace (both runs in a comparison), and the
 * comparison's reports.
 */
export function ExportMenu() {
  const { store, client } = useAppContext();
  const trace = useAppState((s) => s.traces.a);
  const comparing = useAppState(isComparing);
  const ready = useAppState((s) => s.compare.status === 'ready' && s.compare.diff !== null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const menu = useRef<HTMLDetailsElement>(null);
  // A <details> stays open until its summary is clicked again; a menu closes on Esc (before the page's
  // own Esc, which would clear the selection) and on a press anywhere else. The listeners stay attached
  // and ask the element whether it is open: attached on its toggle event, they missed a press that came
  // before that event was dispatched.
  useEffect(() => {
    const isOpen = (): boolean => menu.current?.open === true;
    const close = (): void => {
      if (menu.current) menu.current.open = false;
    };
    const onDown = (e: PointerEvent): void => {
      if (isOpen() && !menu.current?.contains(e.target as Node)) close();
    };
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape' || !isOpen()) return;
      e.stopPropagation();
      close();
      menu.current?.querySelector('summary')?.focus();
    };
    document.addEventListener('pointerdown', onDown);
    window.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      window.removeEventListener('keydown', onKey, true);
    };
  }, []);
  const s = store.getState;
  const base = (): string => {
    const st = s();
    const name = isComparing(st)
      ? `spelunk-${st.compare.diff?.labels.a ?? 'A'}-vs-${st.compare.diff?.labels.b ?? 'B'}`
      : (st.traces.a?.title ?? 'trace');
    return name.replace(/[^\w.-]+/g, '_').slice(0, 60);
  };
  const width = (): number => document.querySelector('[data-testid="timeline-a"]')?.clientWidth ?? 1200;
  const run = (fn: () => Promise<void> | void): void => {
    if (menu.current) menu.current.open = false;
    setBusy(true);
    setError('');
    void Promise.resolve()
      .then(fn)
      .catch((e: Error) => {
        setError(e.message);
        if (menu.current) menu.current.open = true;
      })
      .finally(() => setBusy(false));
  };
  const png = async (): Promise<void> => {
    const picture = comparing ? await exportComparePng(s(), width()) : await exportViewPng(s(), 'a', width());
    if (!picture) return;
    // The label boxes drawn in the picture (CSS px in it), for tests: none may cover another.
    if (menu.current) menu.current.dataset.pictureLabels = JSON.stringify(picture.labels);
    downloadBlob(picture.blob, `${base()}.png`);
  };
  const svg = (): void => {
    const text = comparing ? exportCompareSvg(s(), width()) : exportViewSvg(s(), 'a', width());
    if (text) downloadBlob(new Blob([text], { type: 'image/svg+xml' }), `${base()}.svg`);
  };
  const perfetto = async (): Promise<void> => {
    const st = s();
    const labels = st.compare.diff?.labels;
    const runs = isComparing(st)
      ? [
          { slot: 'a', label: labels?.a ?? 'A' },
          { slot: 'b', label: labels?.b ?? 'B' },
        ]
      : [{ slot: 'a', label: st.traces.a?.title ?? 'trace' }];
    const text = await client.call('chromeTrace', { runs }).done;
    downloadBlob(new Blob([text], { type: 'application/json' }), `${base()}.trace.json`);
  };
  return (
    <details ref={menu} className="relative shrink-0" data-testid="export-menu">
      <summary className="btn cursor-pointer list-none" aria-label="Export">
        Export ▾
      </summary>
      <div
        role="menu"
        aria-label="Export"
        className="absolute right-0 z-40 mt-1 w-64 rounded-md border border-slate-200 bg-white py-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
      >
        <MenuItem disabled={!trace || busy} onClick={() => run(png)}>
          Export PNG{comparing ? ' (both runs)' : ''}
        </MenuItem>
        <MenuItem disabled={!trace || busy} onClick={() => run(svg)}>
          Export SVG{comparing ? ' (both runs)' : ''}
        </MenuItem>
        <MenuItem
          disabled={!trace || busy}
          onClick={() => run(perfetto)}
          title="Chrome Trace Event JSON, with arguments and paths; opens in Perfetto"
        >
          Export trace JSON (Perfetto){comparing ? ', both runs' : ''}
        </MenuItem>
        {comparing && (
          <>
            <hr className="my-1 border-slate-200 dark:border-slate-700" />
            <MenuItem
              disabled={!ready || busy}
              onClick={() => run(() => exportCompareMarkdown(store, client))}
            >
              Export Markdown
            </MenuItem>
            <MenuItem disabled={!ready || busy} onClick={() => run(() => exportCompareJson(store, client))}>
              Export diff JSON
            </MenuItem>
            <MenuItem disabled={!ready || busy} onClick={() => run(() => exportCompareHtml(store, client))}>
              Export HTML
            </MenuItem>
          </>
        )}
        {error && (
          <p role="alert" className="px-3 py-1 text-xs text-red-700">
            {error}
          </p>
        )}
      </div>
    </details>
  );
}

function MenuItem(props: { disabled: boolean; onClick: () => void; title?: string; children: ReactNode }) {
  return (
    <button
      type="button"
      role="menuitem"
      className="block w-full px-3 py-1.5 text-left text-sm hover:bg-slate-100 disabled:opacity-50 dark:hover:bg-slate-800"
      disabled={props.disabled}
      onClick={props.onClick}
      title={props.title}
    >
      {props.children}
    </button>
  );
}
