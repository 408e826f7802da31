import { useEffect, useState } from 'react';
import { formatCount } from '../logic/format-value.js';
import { useAppContext } from '../store/store-context.js';
import { frameOnTarget } from './compare-actions.js';
import { COMPARISON_ENDED, useCompareState, useCompareStore } from './compare-store.js';
import { exportCompareHtml, exportCompareJson, exportCompareMarkdown } from './export-compare.js';

/** The comparison's header: counts, progress while aligning, linked zoom, re-framing, exports, close. */
export function CompareBar() {
  const { store, client } = useAppContext();
  const cs = useCompareStore();
  const diff = useCompareState((s) => s.diff);
  const status = useCompareState((s) => s.status);
  const stage = useCompareState((s) => s.stage);
  const progress = useCompareState((s) => s.progress);
  const message = useCompareState((s) => s.message);
  const linked = useCompareState((s) => s.linked);
  const [busy, setBusy] = useState('');
  const run = (what: string, fn: () => Promise<void>): void => {
    setBusy(what);
    fn()
      .catch((e: Error) => cs.setState({ message: e.message }))
      .finally(() => setBusy(''));
  };
  const close = (): void => {
    cs.setState(COMPARISON_ENDED);
    store.getState().setTrace('b', undefined);
  };
  return (
    <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-1.5 text-sm dark:border-slate-700">
      <strong>Comparison</strong>
      {diff && (
        <p className="mr-auto" data-testid="compare-counts">
          {formatCount(diff.equal)} equal ·{' '}
          <span className="text-amber-700 dark:text-amber-400">{formatCount(diff.changed)} changed</span> ·{' '}
          <span className="text-red-700 dark:text-red-400">
            {formatCount(diff.onlyA)} only in {diff.labels.a}
          </span>{' '}
          ·{' '}
          <span className="text-green-700 dark:text-green-400">
            {formatCount(diff.onlyB)} only in {diff.labels.b}
          </span>
          <span className="text-slate-500">
            {' '}
            · aligned in {Math.round(diff.elapsedMs)} ms{diff.coarse ? ' (coarse in places)' : ''}
          </span>
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
        className="btn"
        aria-pressed={linked}
        onClick={() => cs.setState({ linked: !linked })}
        title="Zoom and pan both timelines together"
      >
        Link zoom
      </button>
      <button type="button" className="btn" disabled={!diff} onClick={() => frameOnTarget(store, cs)}>
        Align on execve
      </button>
      <button
        type="button"
        className="btn"
        disabled={!diff || !!busy}
        onClick={() => run('md', () => exportCompareMarkdown(client, cs))}
      >
        Export Markdown
      </button>
      <button
        type="button"
        className="btn"
        disabled={!diff || !!busy}
        onClick={() => run('json', () => exportCompareJson(client, cs))}
      >
        Export diff JSON
      </button>
      <button
        type="button"
        className="btn"
        disabled={!diff || !!busy}
        onClick={() => run('html', () => exportCompareHtml(store, client, cs))}
      >
        Export HTML
      </button>
      <button type="button" className="btn" onClick={close} title={'Explore trace A alone'}>
        Close comparison
      </button>
      {status === 'ready' && message && (
        <span role="alert" className="w-full text-red-700">
          {message}
        </span>
      )}
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
