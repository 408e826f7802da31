import { useEffect, useRef } from 'react';
import { CompareView } from '../compare/compare-view.js';
import { LessonBar } from '../lessons/lesson-bar.js';
import { loadTrace } from '../load/load-trace.js';
import { isComparing } from '../store/selectors.js';
import { useAppContext, useAppState } from '../store/store-context.js';
import { HelpOverlay } from './help-overlay.js';
import { LoadStatus } from './load-status.js';
import { OpenPanel, useDropFiles } from './open-panel.js';
import { handleShortcut } from './shortcuts.js';
import { SingleView } from './single-view.js';
import { Toolbar } from './toolbar.js';

export function App() {
  const { store, client } = useAppContext();
  const trace = useAppState((s) => s.traces.a);
  const comparing = useAppState(isComparing);
  const panel = useAppState((s) => s.panel);
  const theme = useAppState((s) => s.theme);
  const fileInput = useRef<HTMLInputElement>(null);

  const openFiles = (files: File[]): void => {
    if (!files.length) return;
    const st = store.getState();
    st.setPanel('none');
    const title = files.length === 1 ? files[0]!.name : `${files.length} files (${files[0]!.name}, …)`;
    void loadTrace(
      store,
      client,
      'a',
      st.nextUploadId('upload'),
      title,
      files.map((file) => ({ type: 'file', file })),
    );
  };
  useDropFiles(openFiles);

  useEffect(() => {
    document.documentElement.classList.toggle('dark', theme === 'dark');
  }, [theme]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (handleShortcut(e, store, () => fileInput.current?.click())) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);

  const showPanel = panel !== 'none' || (!trace && !comparing);
  return (
    <div className="flex h-screen flex-col bg-white text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <Toolbar />
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
      {showPanel ? <OpenPanel /> : comparing ? <CompareView /> : trace ? <SingleView trace={trace} /> : null}
      <HelpOverlay />
    </div>
  );
}
