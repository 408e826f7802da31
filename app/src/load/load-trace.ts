import type { AppStore, TraceSlot } from '../store/create-app-store.js';
import type { TraceClient } from '../trace/trace-client.js';
import type { TraceData } from '../trace/trace-data.js';
import type { InputSource } from '../worker/worker-protocol.js';

let current: { requestId: number; client: TraceClient } | null = null;

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
  if (current) current.client.cancel(current.requestId);
  store.getState().setLoad({ state: 'loading', slot, label: title, progress: 0, message: '' });
  const { requestId, done } = client.load(slot, id, title, inputs, (bytes, total) => {
    store.getState().setLoad({ progress: total > 0 ? Math.min(1, bytes / total) : -1 });
  });
  current = { requestId, client };
  try {
    const trace = await done;
    if (current?.requestId !== requestId) return null;
    store.getState().setTrace(slot, trace);
    store.getState().setLoad({ state: 'done', progress: 1, message: '' });
    return trace;
  } catch (err) {
    if (current?.requestId === requestId) {
      const cancelled = (err as { cancelled?: boolean }).cancelled;
      store
        .getState()
        .setLoad({
          state: cancelled ? 'idle' : 'error',
          message: cancelled ? 'Loading cancelled.' : (err as Error).message,
        });
    }
    return null;
  } finally {
    if (current?.requestId === requestId) current = null;
  }
}

export function cancelLoad(store: AppStore): void {
  if (!current) return;
  current.client.cancel(current.requestId);
  store.getState().setLoad({ state: 'idle', message: 'Loading cancelled.' });
}
