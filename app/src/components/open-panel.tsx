import { useEffect, useRef, useState } from 'react';
import { CompareOpen } from '../compare/compare-open.js';
import { pickRunPair, servedSides } from '../compare/compare-sides.js';
import { openCompare } from '../compare/open-compare.js';
import { loadTrace } from '../load/load-trace.js';
import { formatRunId, formatRunTitle, runInputs } from '../load/served-traces.js';
import { useAppContext, useAppState } from '../store/store-context.js';
import { FilePicker } from './file-picker.js';

/**
 * Ways to open something, at the top of one panel: a trace (pick or drop files, several = an -ff set, or
 * paste), or two runs to compare (two served runs, or files for A and B); then the samples and served
 * traces, each run openable alone and each trace with several runs comparable in one click. Esc closes it.
 */
export function OpenPanel() {
  const { store, client } = useAppContext();
  const served = useAppState((s) => s.served) ?? [];
  const panel = useAppState((s) => s.panel);
  const [paste, setPaste] = useState('');
  const compareRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (panel === 'compare') compareRef.current?.scrollIntoView({ block: 'nearest' });
  }, [panel]);
  const st = store.getState;

  const openFiles = (files: File[]): void => {
    if (!files.length) return;
    st().setPanel('none');
    const title = files.length === 1 ? files[0]!.name : `${files.length} files (${files[0]!.name}, …)`;
    void loadTrace(
      store,
      client,
      'a',
      st().nextUploadId('upload'),
      title,
      files.map((file) => ({ type: 'file', file })),
    );
  };

  return (
    <main className="flex-1 overflow-auto" data-testid="open-panel">
      <div className="mx-auto grid max-w-6xl gap-6 p-6 lg:grid-cols-2">
        <section aria-label="Open a trace" className="space-y-4">
          <h2 className="text-base font-semibold">Open a trace</h2>
          <div className="rounded-xl border-2 border-dashed border-slate-300 p-6 text-center dark:border-slate-600">
            <p className="font-medium">Drop strace logs anywhere on this page</p>
            <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">
              Several files at once form an <code>-ff</code> set. Files are parsed in your browser and never
              uploaded.
            </p>
            <FilePicker
              label="Choose trace files"
              button="Choose files…"
              testId="file-input"
              primary
              onFiles={openFiles}
            />
          </div>
          <div>
            <label htmlFor="paste-trace" className="mb-1 block text-sm font-semibold">
              Or paste a log
            </label>
            <textarea
              id="paste-trace"
              value={paste}
              onChange={(e) => setPaste(e.target.value)}
              rows={4}
              className="w-full rounded-md border border-slate-300 bg-white p-2 font-mono text-xs dark:border-slate-600 dark:bg-slate-900"
              placeholder={
                '1234  12:00:00.000001 execve("/bin/true", ["true"], 0x7ffd /* 20 vars */) = 0 <0.000150>'
              }
            />
            <button
              type="button"
              className="btn mt-2"
              disabled={!paste.trim()}
              onClick={() => {
                st().setPanel('none');
                void loadTrace(store, client, 'a', st().nextUploadId('paste'), 'Pasted log', [
                  { type: 'text', text: paste, name: 'pasted.log' },
                ]);
              }}
            >
              Parse pasted text
            </button>
          </div>
        </section>
        <CompareOpen sectionRef={compareRef} highlighted={panel === 'compare'} />
      </div>
      {served.length > 0 && (
        <section aria-label="Samples and served traces" className="mx-auto max-w-6xl px-6 pb-8">
          <h2 className="mb-2 text-base font-semibold">Samples and served traces</h2>
          <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3" aria-label="Available traces">
            {served.map((t) => {
              const pair = pickRunPair(t);
              return (
                <li key={t.id} className="rounded-lg border border-slate-200 p-3 dark:border-slate-700">
                  <div className="font-medium">{t.title}</div>
                  {t.teaches && (
                    <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t.teaches}</p>
                  )}
                  <div className="mt-2 flex flex-wrap gap-2">
                    {t.runs.map((r) => (
                      <button
                        key={r.label}
                        type="button"
                        className="btn"
                        aria-label={`Open ${t.title}: ${r.label}`}
                        onClick={() => {
                          st().setPanel('none');
                          void loadTrace(
                            store,
                            client,
                            'a',
                            formatRunId(t, r),
                            formatRunTitle(t, r),
                            runInputs(r),
                          );
                        }}
                      >
                        {r.label}
                      </button>
                    ))}
                    {pair && (
                      <button
                        type="button"
                        className="btn border-sky-600 text-sky-800 dark:text-sky-300"
                        aria-label={`Compare ${t.title}: ${pair[0].r.label} against ${pair[1].r.label}`}
                        onClick={() => void openCompare(store, client, ...servedSides(pair[0], pair[1]))}
                      >
                        {pair[0].r.label} ⇄ {pair[1].r.label}
                      </button>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </main>
  );
}

/** Files dropped anywhere on the page open as a trace. */
export function useDropFiles(onFiles: (files: File[]) => void): void {
  const cb = useRef(onFiles);
  cb.current = onFiles;
  useEffect(() => {
    const over = (e: DragEvent): void => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const drop = (e: DragEvent): void => {
      if (!e.dataTransfer?.files.length) return;
      e.preventDefault();
      cb.current([...e.dataTransfer.files]);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);
}
