import { useEffect, useRef } from 'react';
import { useAppContext, useAppState } from '../store/store-context.js';
import { SHORTCUTS } from './shortcuts.js';

/** The keyboard shortcut list, as a modal dialog. */
export function HelpOverlay() {
  const { store } = useAppContext();
  const open = useAppState((s) => s.helpOpen);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) closeRef.current?.focus();
  }, [open]);
  if (!open) return null;
  return (
    <div
      className="fixed inset-0 z-50 flex items-center justify-center bg-black/40"
      onClick={() => store.getState().setHelpOpen(false)}
    >
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="help-title"
        className="max-h-[90vh] w-[32rem] overflow-auto rounded-xl bg-white p-5 shadow-xl dark:bg-slate-900"
        onClick={(e) => e.stopPropagation()}
      >
        <div className="mb-3 flex items-center justify-between">
          <h2 id="help-title" className="text-lg font-semibold">
            Keyboard shortcuts
          </h2>
          <button
            ref={closeRef}
            type="button"
            className="btn"
            onClick={() => store.getState().setHelpOpen(false)}
          >
            Close
          </button>
        </div>
        <table className="w-full text-sm">
          <tbody>
            {SHORTCUTS.map(([k, what]) => (
              <tr key={k}>
                <th scope="row" className="py-1 pr-4 text-left font-mono font-normal">
                  <kbd>{k}</kbd>
                </th>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-3 text-xs text-slate-500">
          Mouse: wheel zooms, drag pans, click selects a call, drag in the overview strip chooses the visible
          range.
        </p>
      </div>
    </div>
  );
}
