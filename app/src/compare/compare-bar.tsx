import { useEffect, useState } from 'react';
import { formatCount } from '../logic/format-value.js';
import { useAppContext, useAppState } from '../store/store-context.js';
import { RunPicker } from './run-picker.js';

/** The comparison's header: counts, progress while aligning, which runs are A and B, linked zoom, close. */
export function CompareBar() {
  const { store } = useAppContext();
  const diff = useAppState((s) => s.compare.diff);
  const status = useAppState((s) => s.compare.status);
  const stage = useAppState((s) => s.compare.stage);
  const progress = useAppState((s) => s.compare.progress);
  const message = useAppState((s) => s.compare.message);
  const linked = useAppState((s) => s.compare.linked);
  const st = store.getState;
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1 border-b border-slate-200 px-3 py-1 text-xs dark:border-slate-700">
      <RunPicker />
      {diff && (
        <p className="mr-auto min-w-0 truncate" data-testid="compare-counts">
          {formatCount(diff.equal)} equal ·{' '}
          <span className="text-amber-700 dark:text-amber-400">{formatCount(diff.changed)} changed</span> ·{' '}
          <span className="text-red-700 dark:text-red-400">
            {formatCount(diff.onlyA)} only in {diff.labels.a}
          </span>{' '}
          ·{' '}
          <span className="text-green-700 dark:text-green-400">
            {formatCount(diff.onlyB)} only in {diff.labels.b}
          </span>
          <span className="hidden text-slate-500 xl:inline">
            {' '}
            · aligned in {Math.round(diff.elapsedMs)} ms
          </span>
          {diff.coarse && <span className="text-slate-500"> (coarse in places)</span>}
        </p>
      )}
      {status !== 'ready' && (
        <div className="mr-auto flex items-center gap-2" data-testid="compare-status">
          {(status === 'loading' || status === 'aligning') && (
            <>
              <progress
                aria-label="Comparing"
                max={1}
                value={status === 'aligning' && progress < 0.9 ? undefined : progress}
                className="w-40"
              />
              <span>
                {stage}… <Elapsed key={stage} />
              </span>
            </>
          )}
          {status === 'error' && (
            <span role="alert" className="text-red-700">
              {message}
            </span>
          )}
        </div>
      )}
      <button
        type="button"
        className="btn py-0.5 text-xs"
        aria-pressed={linked}
        onClick={() => st().setLinked(!linked)}
        title="Zoom and pan both timelines together"
      >
        Link zoom
      </button>
      <button
        type="button"
        className="btn py-0.5 text-xs"
        disabled={!diff}
        onClick={() => st().frameOnTarget()}
      >
        Align on execve
      </button>
      <button
        type="button"
        className="btn py-0.5 text-xs"
        onClick={() => st().endCompare()}
        title="Explore run A alone"
      >
        Close comparison
      </button>
    </div>
  );
}

/** Seconds since this stage started: the alignment has no finer progress than its stages. */
function Elapsed() {
  const [started] = useState(() => performance.now());
  const [now, setNow] = useState(started);
  useEffect(() => {
    const timer = setInterval(() => setNow(performance.now()), 200);
    return () => clearInterval(timer);
  }, []);
  return <span className="tabular-nums text-slate-500">{((now - started) / 1000).toFixed(1)} s</span>;
}
