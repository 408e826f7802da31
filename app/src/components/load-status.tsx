import { cancelLoad } from '../load/load-trace.js';
import { useAppContext, useAppState } from '../store/store-context.js';

/** Progress bar with a cancel button while parsing; the error when a file could not be read. */
export function LoadStatus() {
  const { store, client } = useAppContext();
  const load = useAppState((s) => s.load);
  if (load.state === 'loading')
    return (
      <div
        role="status"
        aria-live="polite"
        className="flex items-center gap-3 border-b border-slate-200 px-4 py-2 text-sm dark:border-slate-700"
      >
        <span>Parsing {load.label}…</span>
        <progress
          aria-label="Parsing progress"
          className="h-2 w-64"
          max={1}
          value={load.progress >= 0 ? load.progress : undefined}
        />
        <span>{load.progress >= 0 ? `${Math.round(load.progress * 100)}%` : ''}</span>
        <button type="button" className="btn" onClick={() => cancelLoad(store, client)}>
          Cancel
        </button>
      </div>
    );
  if (load.state === 'error' || load.message)
    return (
      <div
        role="alert"
        className="border-b border-red-200 bg-red-50 px-4 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
      >
        {load.message}
      </div>
    );
  return null;
}
