import { useEffect, useRef, useState } from 'react';
import type { ServedTrace } from '../load/served-traces.js';
import { fetchServedTraces, formatRunId, formatRunTitle } from '../load/served-traces.js';
import { loadTrace } from '../load/load-trace.js';
import { useAppContext } from '../store/store-context.js';

let uploadCounter = 0;

/** Ways to open a trace: pick or drop files (several = an -ff set), paste text, or open a served trace. */
export function LoadPanel({ served }: { served: ServedTrace[] }) {
  const { store, client } = useAppContext();
  const fileRef = useRef<HTMLInputElement>(null);
  const [paste, setPaste] = useState('');

  const openFiles = (files: File[]): void => {
    if (!files.length) return;
    const title = files.length === 1 ? files[0]!.name : `${files.length} files (${files[0]!.name}, …)`;
    void loadTrace(
      store,
      client,
      'a',
      `upload:${++uploadCounter}`,
      title,
      files.map((file) => ({ type: 'file', file })),
    );
  };

  return (
    <section aria-label="Open a trace" className="mx-auto max-w-4xl p-6 space-y-6">
      <div className="rounded-xl border-2 border-dashed border-slate-300 dark:border-slate-600 p-8 text-center">
        <p className="text-lg font-medium">Drop strace logs anywhere on this page</p>
        <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">
          Several files at once form an <code>-ff</code> set. Files are parsed in your browser and never
          uploaded.
        </p>
        <button type="button" className="btn-primary mt-4" onClick={() => fileRef.current?.click()}>
          Choose files…
        </button>
        <input
          ref={fileRef}
          type="file"
          multiple
          aria-label="Choose trace files"
          data-testid="file-input"
          className="sr-only"
          onChange={(e) => {
            openFiles([...(e.currentTarget.files ?? [])]);
            e.currentTarget.value = '';
          }}
        />
      </div>
      {served.length > 0 && (
        <div>
          <h2 className="mb-2 text-base font-semibold">Samples and served traces</h2>
          <ul className="grid gap-3 sm:grid-cols-2" aria-label="Available traces">
            {served.map((t) => (
              <li key={t.id} className="rounded-lg border border-slate-200 dark:border-slate-700 p-3">
                <div className="font-medium">{t.title}</div>
                {t.teaches && <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t.teaches}</p>}
                <div className="mt-2 flex flex-wrap gap-2">
                  {t.runs.map((r) => (
                    <button
                      key={r.label}
                      type="button"
                      className="btn"
                      aria-label={`Open ${t.title}: ${r.label}`}
                      onClick={() =>
                        void loadTrace(
                          store,
                          client,
                          'a',
                          formatRunId(t, r),
                          formatRunTitle(t, r),
                          r.urls.map((url) => ({
                            type: 'url',
                            url,
                            name: url.slice(url.lastIndexOf('/') + 1),
                          })),
                        )
                      }
                    >
                      {r.label}
                    </button>
                  ))}
                </div>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div>
        <label htmlFor="paste-trace" className="mb-2 block text-base font-semibold">
          Or paste a log
        </label>
        <textarea
          id="paste-trace"
          value={paste}
          onChange={(e) => setPaste(e.target.value)}
          rows={5}
          className="w-full rounded-md border border-slate-300 bg-white p-2 font-mono text-xs dark:border-slate-600 dark:bg-slate-900"
          placeholder={
            '1234  12:00:00.000001 execve("/bin/true", ["true"], 0x7ffd /* 20 vars */) = 0 <0.000150>'
          }
        />
        <button
          type="button"
          className="btn mt-2"
          disabled={!paste.trim()}
          onClick={() =>
            void loadTrace(store, client, 'a', `paste:${++uploadCounter}`, 'Pasted log', [
              { type: 'text', text: paste, name: 'pasted.log' },
            ])
          }
        >
          Parse pasted text
        </button>
      </div>
    </section>
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

export function useServedTraces(): ServedTrace[] {
  const [served, setServed] = useState<ServedTrace[]>([]);
  useEffect(() => {
    void fetchServedTraces().then(setServed);
  }, []);
  return served;
}

export function nextUploadId(): string {
  return `upload:${++uploadCounter}`;
}
