import { findServedRun, formatRunId, listServedRuns } from '../load/served-traces.js';
import { useAppContext, useAppState } from '../store/store-context.js';
import { servedSides } from './compare-sides.js';
import { openCompare } from './open-compare.js';

/**
 * Which runs are A and B, when they are served ones (a sample, a session with host, chroot and container
 * runs): any run can be picked for either side, and the two swapped.
 */
export function RunPicker() {
  const { store, client } = useAppContext();
  const served = useAppState((s) => s.served);
  const sides = useAppState((s) => s.compare.sides);
  if (!served || !sides?.[0].served || !sides[1].served) return null;
  const ids: [string, string] = [sides[0].id, sides[1].id];
  const a = findServedRun(served, ids[0]);
  const b = findServedRun(served, ids[1]);
  if (!a || !b) return null;
  // The runs of the traces on screen first (a session's runs), then every other served run.
  const runs = listServedRuns(served);
  const near = runs.filter((x) => x.t === a.t || x.t === b.t);
  const open = (idA: string, idB: string): void => {
    const ra = findServedRun(served, idA);
    const rb = findServedRun(served, idB);
    if (ra && rb && idA !== idB) void openCompare(store, client, ...servedSides(ra, rb));
  };
  const nearLabel = (x: (typeof runs)[number]): string =>
    x.t.runs.length > 1 ? `${x.r.label} (${x.t.id})` : x.t.title;
  const otherLabel = (x: (typeof runs)[number]): string => `${x.t.title}: ${x.r.label}`;
  // a closed select shows only what fits: the whole name of the chosen run is its tooltip
  const labelOf = (id: string): string => {
    const x = runs.find((r) => formatRunId(r.t, r.r) === id);
    return x ? (near.includes(x) ? nearLabel(x) : otherLabel(x)) : id;
  };
  const options = (
    <>
      <optgroup label="This comparison's traces">
        {near.map((x) => (
          <option key={formatRunId(x.t, x.r)} value={formatRunId(x.t, x.r)}>
            {nearLabel(x)}
          </option>
        ))}
      </optgroup>
      <optgroup label="Other served runs">
        {runs
          .filter((x) => !near.includes(x))
          .map((x) => (
            <option key={formatRunId(x.t, x.r)} value={formatRunId(x.t, x.r)}>
              {otherLabel(x)}
            </option>
          ))}
      </optgroup>
    </>
  );
  return (
    <div className="flex items-center gap-1 text-xs" role="group" aria-label="Runs compared">
      <label className="flex items-center gap-1">
        <span className="font-semibold">A</span>
        <select
          className="input max-w-64 py-0.5 text-xs"
          aria-label="Run A"
          title={labelOf(ids[0])}
          value={ids[0]}
          onChange={(e) => open(e.target.value, ids[1])}
        >
          {options}
        </select>
      </label>
      <button
        type="button"
        className="btn px-1.5 py-0.5 text-xs"
        aria-label="Swap A and B"
        title="Swap A and B"
        onClick={() => open(ids[1], ids[0])}
      >
        ⇄
      </button>
      <label className="flex items-center gap-1">
        <span className="font-semibold">B</span>
        <select
          className="input max-w-64 py-0.5 text-xs"
          aria-label="Run B"
          title={labelOf(ids[1])}
          value={ids[1]}
          onChange={(e) => open(ids[0], e.target.value)}
        >
          {options}
        </select>
      </label>
    </div>
  );
}
