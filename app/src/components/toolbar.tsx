import { formatBytes, formatCount } from '../logic/format-value.js';
import { isComparing } from '../store/selectors.js';
import { useAppContext, useAppState } from '../store/store-context.js';
import { ExportMenu } from './export-menu.js';

const plural = (n: number, one: string, many: string): string => `${formatCount(n)} ${n === 1 ? one : many}`;

/** Header, one row: what is open (both runs in a comparison), open and compare, x mode, exports, theme, help. */
export function Toolbar() {
  const { store } = useAppContext();
  const trace = useAppState((s) => s.traces.a);
  const traceB = useAppState((s) => s.traces.b);
  const comparing = useAppState(isComparing);
  const labels = useAppState((s) => s.compare.diff?.labels ?? null);
  const sides = useAppState((s) => s.compare.sides);
  const xMode = useAppState((s) => s.xMode);
  const theme = useAppState((s) => s.theme);
  const panel = useAppState((s) => s.panel);
  const st = store.getState;
  return (
    <header className="flex min-w-0 flex-nowrap items-center gap-2 border-b border-slate-200 px-3 py-1.5 dark:border-slate-700">
      <h1 className="shrink-0 text-lg font-bold tracking-tight">spelunk</h1>
      {comparing && trace && traceB ? (
        <p
          className="min-w-0 flex-1 truncate text-sm"
          data-testid="trace-title"
          title={`${trace.title} ⇄ ${traceB.title}`}
        >
          <RunName letter="A" label={labels?.a ?? sides?.[0].label ?? 'A'} title={trace.title} />
          <span className="mx-1.5 text-slate-400">⇄</span>
          <RunName letter="B" label={labels?.b ?? sides?.[1].label ?? 'B'} title={traceB.title} />
        </p>
      ) : trace ? (
        <p
          className="min-w-0 flex-1 truncate text-sm"
          data-testid="trace-title"
          data-parse-threads={trace.parseThreads}
          title={trace.title}
        >
          <span className="font-medium">{trace.title}</span>{' '}
          <span className="text-slate-500">
            · {plural(trace.columns.count, 'event', 'events')} ·{' '}
            {plural(trace.processes.length, 'task', 'tasks')} · {formatBytes(trace.inputBytes)} parsed in{' '}
            {Math.round(trace.parseMs)} ms
            {trace.parseThreads > 1 ? ` on ${trace.parseThreads} threads` : ''}
            {trace.unknownCount ? ` · ${plural(trace.unknownCount, 'unknown line', 'unknown lines')}` : ''}
          </span>
        </p>
      ) : (
        <span className="flex-1" />
      )}
      <button
        type="button"
        className="btn shrink-0"
        aria-expanded={panel === 'open'}
        onClick={() => st().setPanel(panel === 'open' ? 'none' : 'open')}
      >
        Open…
      </button>
      <button
        type="button"
        className="btn shrink-0"
        aria-expanded={panel === 'compare'}
        onClick={() => st().setPanel(panel === 'compare' ? 'none' : 'compare')}
        title="Compare two runs: two samples' runs, a session's runs, or two files"
      >
        Compare…
      </button>
      <div role="group" aria-label="X axis" className="flex shrink-0">
        <button
          type="button"
          className="btn rounded-r-none"
          aria-pressed={xMode === 'time'}
          onClick={() => st().setXMode('time')}
        >
          Time
        </button>
        <button
          type="button"
          className="btn rounded-l-none"
          aria-pressed={xMode === 'order'}
          onClick={() => st().setXMode('order')}
        >
          Call order
        </button>
      </div>
      <ExportMenu />
      <button
        type="button"
        className="btn shrink-0"
        aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
        onClick={() => st().setTheme(theme === 'dark' ? 'light' : 'dark')}
      >
        {theme === 'dark' ? '☀' : '☾'}
      </button>
      <button
        type="button"
        className="btn shrink-0"
        aria-label="Keyboard shortcuts"
        onClick={() => st().setHelpOpen(true)}
      >
        ?
      </button>
    </header>
  );
}

/** "A host · hello world in a bare chroot: host", without saying the label twice. */
function RunName({ letter, label, title }: { letter: string; label: string; title: string }) {
  const rest = formatRunTitle(label, title);
  return (
    <span>
      <span className="mr-1 rounded bg-slate-200 px-1 text-xs font-semibold dark:bg-slate-700">{letter}</span>
      {label !== letter && <span className="font-medium">{label}</span>}
      {rest && <span className="text-slate-500"> {rest}</span>}
    </span>
  );
}

/**
 * A run's title without the label it already carries: "hello world in a bare chroot: host" labelled
 * "host" reads "hello world in a bare chroot"; a title equal to the label reads ''.
 */
export function formatRunTitle(label: string, title: string): string {
  if (title === label) return '';
  const suffix = `: ${label}`;
  return title.endsWith(suffix) ? title.slice(0, -suffix.length) : title;
}
