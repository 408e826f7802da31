import { useState } from 'react';
import { CATEGORIES } from '../logic/categories.js';
import { ALWAYS_HIGHLIGHTED } from '../store/create-app-store.js';
import { useAppContext, useAppState } from '../store/store-context.js';
import { MARKER_SHAPES } from '../timeline/draw-timeline.js';
import type { MarkerShape } from '../timeline/draw-timeline.js';
import { categoryColor, highlightColor } from '../timeline/timeline-theme.js';

/** What the colours and markers mean, and the control to highlight more syscalls. */
export function Legend() {
  const { store } = useAppContext();
  const theme = useAppState((s) => s.theme);
  const highlights = useAppState((s) => s.highlights);
  const names = useAppState((s) => s.traces.a?.names);
  const [draft, setDraft] = useState('');
  const all = [...ALWAYS_HIGHLIGHTED, ...highlights];
  return (
    <div
      className="flex flex-wrap items-center gap-x-4 gap-y-1 px-3 py-1 text-xs"
      aria-label="Legend"
      role="group"
    >
      <ul className="flex flex-wrap gap-x-3" aria-label="Categories">
        {CATEGORIES.map((c) => (
          <li key={c} className="flex items-center gap-1">
            <span
              aria-hidden="true"
              className="inline-block h-2.5 w-3 rounded-sm"
              style={{ background: categoryColor(theme, c) }}
            />
            {c}
          </li>
        ))}
        <li className="flex items-center gap-1">
          <span aria-hidden="true" className="inline-block h-1 w-3 bg-red-600" /> failed
        </li>
        <li className="flex items-center gap-1">
          <Marker shape="diamond" color="#c026d3" /> signal
        </li>
        <li className="flex items-center gap-1">
          <span aria-hidden="true" className="inline-block h-3 w-1 bg-slate-900 dark:bg-slate-200" /> exit
        </li>
      </ul>
      <ul className="flex flex-wrap gap-x-3" aria-label="Highlighted syscalls">
        {all.map((name, k) => (
          <li key={name} className="flex items-center gap-1">
            <Marker
              shape={MARKER_SHAPES[k % MARKER_SHAPES.length]!}
              color={highlightColor(name, k - ALWAYS_HIGHLIGHTED.length)}
            />
            <span className="font-mono">{name}</span>
            {k >= ALWAYS_HIGHLIGHTED.length && (
              <button
                type="button"
                className="text-slate-500 hover:text-red-600"
                aria-label={`Stop highlighting ${name}`}
                onClick={() => store.getState().removeHighlight(name)}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      <form
        className="flex items-center gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          store.getState().addHighlight(draft);
          setDraft('');
        }}
      >
        <input
          aria-label="Highlight a syscall"
          list="syscall-names"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          placeholder="highlight syscall…"
          className="input w-36"
        />
        <datalist id="syscall-names">
          {names?.filter(Boolean).map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
        <button type="submit" className="btn" disabled={!draft.trim()}>
          Add
        </button>
      </form>
    </div>
  );
}

function Marker({ shape, color }: { shape: MarkerShape; color: string }) {
  const d =
    shape === 'triangle'
      ? 'M1 2 L9 2 L5 9 Z'
      : shape === 'square'
        ? 'M2 2 H8 V8 H2 Z'
        : shape === 'diamond'
          ? 'M5 0 L10 5 L5 10 L0 5 Z'
          : 'M5 1 A4 4 0 1 0 5.01 1 Z';
  return (
    <svg width="10" height="10" aria-hidden="true">
      <path d={d} fill={color} />
    </svg>
  );
}
