import { loadTrace } from '../load/load-trace.js';
import type { AppStore } from '../store/create-app-store.js';
import type { TraceClient } from '../trace/trace-client.js';
import type { CompareSide } from './compare-slice.js';

/**
 * Opens a comparison: parses A into slot a and B into slot b (one after the other, with the usual
 * progress), aligns them in the worker (with what the collector knows of each run), frames both timelines
 * on the target's execve and opens on the diagnosis: findings[0], its lines selected in both runs.
 */
export async function openCompare(
  store: AppStore,
  client: TraceClient,
  a: CompareSide,
  b: CompareSide,
): Promise<boolean> {
  const st = store.getState();
  st.setPanel('none');
  st.setCompare({
    active: true,
    status: 'loading',
    stage: `reading ${a.label}`,
    progress: 0,
    message: '',
    diff: null,
    traceA: null,
    traceB: null,
    sides: [a, b],
    pair: -1,
    selA: -1,
    selB: -1,
    finding: -1,
    cursorX: null,
    nameFilter: null,
  });
  const stillMine = (): boolean => store.getState().compare.sides?.[0] === a;
  // A load that fails or is cancelled (the user opened something else) ends the comparison; the load
  // status line says why.
  const fail = (message: string): false => {
    if (!stillMine()) return false;
    store.getState().endCompare();
    store.getState().setCompare({ status: 'error', message });
    return false;
  };
  const traceA = await loadTrace(store, client, 'a', a.id, a.title, a.inputs);
  if (!traceA) return fail(store.getState().load.message || `Could not read ${a.label}.`);
  if (!stillMine()) return false;
  store.getState().setCompare({ stage: `reading ${b.label}`, progress: 0.5 });
  const traceB = await loadTrace(store, client, 'b', b.id, b.title, b.inputs);
  if (!traceB) return fail(store.getState().load.message || `Could not read ${b.label}.`);
  if (!stillMine()) return false;
  store.getState().setCompare({ traceA, traceB, status: 'aligning', stage: 'aligning calls', progress: 0 });
  try {
    const context = a.context || b.context ? { a: a.context, b: b.context } : undefined;
    const diff = await client.call(
      'diff',
      { labels: { a: a.label, b: b.label }, ...(context ? { context } : {}) },
      (p) => store.getState().setCompare({ stage: p.stage, progress: p.fraction }),
    ).done;
    const s = store.getState();
    if (s.traces.a !== traceA || s.traces.b !== traceB || !stillMine()) return false;
    s.setCompare({ diff, status: 'ready', stage: '', progress: 1 });
    s.frameOnTarget();
    const first = diff.findings.findIndex((f) => f.indexA >= 0 || f.indexB >= 0);
    if (first === 0) store.getState().selectFinding(0, false);
    return true;
  } catch (err) {
    return fail((err as Error).message);
  }
}
