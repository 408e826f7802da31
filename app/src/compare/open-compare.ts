import { loadTrace } from '../load/load-trace.js';
import type { AppStore } from '../store/create-app-store.js';
import type { TraceClient } from '../trace/trace-client.js';
import type { InputSource } from '../worker/worker-protocol.js';
import { frameOnTarget } from './compare-actions.js';
import { requestDiff } from './compare-client.js';
import type { CompareStore } from './compare-store.js';

/** One side of a comparison: what to parse, and what to call it. */
export interface CompareSide {
  id: string;
  title: string;
  /** Short name in findings: "host", "chroot", "A". */
  label: string;
  inputs: InputSource[];
}

/**
 * Opens a comparison: parses A into slot a and B into slot b (one after the other, with the usual
 * progress), then aligns them in the worker and frames both timelines on the target's execve.
 */
export async function openCompare(
  app: AppStore,
  cs: CompareStore,
  client: TraceClient,
  a: CompareSide,
  b: CompareSide,
  served = false,
): Promise<boolean> {
  cs.setState({
    active: true,
    status: 'loading',
    stage: `reading ${a.label}`,
    progress: 0,
    message: '',
    diff: null,
    traceA: null,
    traceB: null,
    pair: -1,
    selA: -1,
    selB: -1,
    cursorX: null,
    ids: served ? [a.id, b.id] : null,
  });
  // A load that fails or is cancelled (the user opened something else) ends the comparison; the load
  // status line says why.
  const fail = (message: string): false => {
    cs.setState({ status: 'error', message, active: false, diff: null });
    if (app.getState().traces.b) app.getState().setTrace('b', undefined);
    return false;
  };
  const traceA = await loadTrace(app, client, 'a', a.id, a.title, a.inputs);
  if (!traceA) return fail(app.getState().load.message || `Could not read ${a.label}.`);
  cs.setState({ stage: `reading ${b.label}`, progress: 0.5 });
  const traceB = await loadTrace(app, client, 'b', b.id, b.title, b.inputs);
  if (!traceB) return fail(app.getState().load.message || `Could not read ${b.label}.`);
  cs.setState({ traceA, traceB, status: 'aligning', stage: 'aligning calls', progress: 0 });
  try {
    const diff = await requestDiff(client, { a: a.label, b: b.label }, (stage, fraction) =>
      cs.setState({ stage, progress: fraction }),
    );
    if (app.getState().traces.a !== traceA || app.getState().traces.b !== traceB) return false;
    cs.setState({ diff, status: 'ready', stage: '', progress: 1 });
    frameOnTarget(app, cs);
    return true;
  } catch (err) {
    return fail((err as Error).message);
  }
}
