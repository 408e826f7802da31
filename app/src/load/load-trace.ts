import type { AppStore, TraceSlot } from '../store/create-app-store.js';
import type { TraceClient } from '../trace/trace-client.js';
import type { TraceData } from '../trace/trace-data.js';
import type { InputSource } from '../worker/worker-protocol.js';
import { resolveBundledInputs } from './bundled-data.js';

/**
 * Parses inputs in the worker into `slot`, reporting progress in the store. Starting a new load cancels
 * the one in flight. Resolves with the trace, or null when it failed or was cancelled (the store says why).
 */
export async function loadTrace(
  store: AppStore,
  client: TraceClient,
  slot: TraceSlot,
  id: string,
  title: string,
  inputs: InputSource[],
): Promise<TraceData | null> {
  const before = store.getState().load;
  if (before.state === 'loading' && before.requestId) client.cancel(before.requestId);
  let readable: InputSource[];
  try {
    // The worker runs from a blob: a relative URL means nothing there, so it gets absolute ones.
    readable = (await resolveBundledInputs(inputs)).map((i) =>
      i.type === 'url' && typeof document !== 'undefined'
        ? { ...i, url: new URL(i.url, document.baseURI).href }
        : i,
    );
  } catch (err) {
    store
      .getState()
      .setLoad({ state: 'error', slot, label: title, message: (err as Error).message, requestId: 0 });
    return null;
  }
  const { id: requestId, done } = client.call('load', { slot, id, title, inputs: readable }, (p) =>
    store.getState().setLoad({ progress: p.totalBytes > 0 ? Math.min(1, p.bytes / p.totalBytes) : -1 }),
  );
  store.getState().setLoad({ state: 'loading', slot, label: title, progress: 0, message: '', requestId });
  const mine = (): boolean => store.getState().load.requestId === requestId;
  try {
    const trace = await done;
    if (!mine()) return null;
    store.getState().setTrace(slot, trace);
    store.getState().setLoad({ state: 'done', progress: 1, message: '', requestId: 0 });
    return trace;
  } catch (err) {
    if (mine()) {
      const cancelled = (err as { cancelled?: boolean }).cancelled === true;
      store.getState().setLoad({
        state: cancelled ? 'idle' : 'error',
        message: cancelled ? 'Loading cancelled.' : (err as Error).message,
        requestId: 0,
      });
    }
    return null;
  }
}

export function cancelLoad(store: AppStore, client: TraceClient): void {
  const { load } = store.getState();
  if (load.state !== 'loading' || !load.requestId) return;
  client.cancel(load.requestId);
  store.getState().setLoad({ state: 'idle', message: 'Loading cancelled.', requestId: 0 });
}
