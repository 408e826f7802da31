import { useState } from 'react';
import { CATEGORIES } from '../logic/categories.js';
import type { Category } from '../logic/categories.js';
import { formatCount } from '../logic/format-value.js';
import { isFilterActive } from '../store/filters.js';
import { EMPTY_FILTERS } from '../store/filters.js';
import { useAppContext, useAppState } from '../store/store-context.js';
import type { TraceData } from '../trace/trace-data.js';

/** Filters for the event table: syscall, category, pid, errno / failed only, and text search. */
export function FilterBar({
  trace,
  shown,
  searching,
}: {
  trace: TraceData;
  shown: number;
  searching: boolean;
}) {
  const { store } = useAppContext();
  const f = useAppState((s) => s.filters);
  const set = store.getState().setFilters;
  // What the user typed stays as typed ("openat," while the next name comes); the filter gets the names.
  const [draft, setDraft] = useState(f.names.join(', '));
  const shownDraft = sameNames(parseNames(draft), f.names) ? draft : f.names.join(', ');
  return (
    <form
      role="search"
      aria-label="Filter events"
      className="flex flex-wrap items-center gap-2 p-2 text-xs"
      onSubmit={(e) => e.preventDefault()}
    >
      <input
        aria-label="Search text or path"
        type="search"
        placeholder="search text or path ( / )"
        className="input w-52"
        id="filter-text"
        value={f.text}
        onChange={(e) => set({ text: e.target.value })}
      />
      <input
        aria-label="Filter by syscall names"
        placeholder="syscalls: openat,read"
        list="syscall-names"
        className="input w-40"
        value={shownDraft}
        onChange={(e) => {
          setDraft(e.target.value);
          set({ names: parseNames(e.target.value) });
        }}
      />
      <select
        aria-label="Filter by category"
        className="input"
        value={f.categories[0] ?? ''}
        onChange={(e) => set({ categories: e.target.value ? [e.target.value as Category] : [] })}
      >
        <option value="">all categories</option>
        {CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
      <select
        aria-label="Filter by process"
        className="input"
        value={f.pids[0] ?? ''}
        onChange={(e) => set({ pids: e.target.value ? [Number(e.target.value)] : [] })}
      >
        <option value="">all processes</option>
        {trace.processes.map((p) => (
          <option key={p.pid} value={p.pid}>
            {p.pid < 0 ? 'process' : p.pid} {p.command}
          </option>
        ))}
      </select>
      <select
        aria-label="Filter by error"
        className="input"
        value={f.errno}
        onChange={(e) => set({ errno: e.target.value })}
      >
        <option value="">any result</option>
        {trace.errnos.filter(Boolean).map((e) => (
          <option key={e} value={e}>
            {e}
          </option>
        ))}
      </select>
      <label className="flex items-center gap-1">
        <input
          type="checkbox"
          checked={f.failedOnly}
          onChange={(e) => set({ failedOnly: e.target.checked })}
        />
        failed only
      </label>
      {isFilterActive(f) && (
        <button type="button" className="btn" onClick={() => set(EMPTY_FILTERS)}>
          Clear filters
        </button>
      )}
      <span role="status" aria-live="polite" className="ml-auto text-slate-500" data-testid="row-count">
        {searching ? 'searching…' : `${formatCount(shown)} of ${formatCount(trace.columns.count)} events`}
      </span>
    </form>
  );
}

/** "openat, read," -> ['openat', 'read'] */
export function parseNames(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((n, k) => n === b[k]);
}
