import type { Phase } from '../../../parsers/analysis/phases.js';
import type { EventSelector } from '../../../parsers/lessons/index.js';
import type {
  CallParams,
  CallProgress,
  CallResult,
  EventDetail,
  RowText,
  UnknownLine,
  WorkerMethod,
  WorkerRequest,
  WorkerResponse,
} from '../worker/worker-protocol.js';

interface Pending {
  resolve(result: unknown): void;
  reject(error: Error): void;
  onProgress?: (progress: unknown) => void;
}

/** A worker call in flight: its id (to cancel it) and its answer. */
export interface CallHandle<M extends WorkerMethod> {
  id: number;
  done: Promise<CallResult<M>>;
}

/** The error a cancelled call rejects with. */
class CancelledCallError extends Error {
  readonly cancelled = true;
}

/**
 * The main thread's handle on the parse worker: one typed request/response channel (worker-protocol.ts),
 * one id counter.
 *
 * Why the Trace stays in the worker: a parsed Trace is small columns plus the whole raw text (the text is
 * what `event(i)` decodes on demand). At 1M events the columns are ~40 MB and the text 100+ MB. Moving
 * the columns is a cheap transfer of typed-array buffers; moving the text would be a structured clone of
 * 100+ MB of strings (hundreds of ms on the main thread and twice the memory). So the main thread gets the
 * columns, which is all that drawing, filtering and statistics need, and asks the worker for the few
 * things that need text: one event's details, the ~40 visible table rows, a text search. Those answers
 * are small and arrive within a frame or two.
 */
export class TraceClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly worker: Worker) {
    worker.onmessage = (e: MessageEvent<WorkerResponse>) => this.receive(e.data);
  }

  /** Sends one request; `onProgress` hears what the worker reports before the answer. */
  call<M extends WorkerMethod>(
    method: M,
    params: CallParams<M>,
    onProgress?: (progress: CallProgress<M>) => void,
  ): CallHandle<M> {
    const id = this.nextId++;
    const done = new Promise<CallResult<M>>((resolve, reject) => {
      this.pending.set(id, {
        resolve: resolve as (r: unknown) => void,
        reject,
        onProgress: onProgress as ((p: unknown) => void) | undefined,
      });
    });
    this.worker.postMessage({ id, method, params } as WorkerRequest);
    return { id, done };
  }

  cancel(id: number): void {
    if (this.pending.has(id)) this.call('cancel', { id });
  }

  eventDetail(slot: string, index: number): Promise<EventDetail | null> {
    return this.call('event', { slot, index }).done;
  }

  rowTexts(slot: string, indices: number[]): Promise<RowText[]> {
    return indices.length ? this.call('rows', { slot, indices }).done : Promise.resolve([]);
  }

  search(slot: string, text: string): Promise<Int32Array> {
    return this.call('search', { slot, text }).done;
  }

  unknownLines(slot: string, limit: number): Promise<UnknownLine[]> {
    return this.call('unknownLines', { slot, limit }).done;
  }

  phases(slot: string): Promise<Phase[]> {
    return this.call('phases', { slot }).done;
  }

  /** The events each selector picks in the trace of `slot` (lessons). */
  select(slot: string, selectors: EventSelector[]): Promise<number[][]> {
    return this.call('select', { slot, selectors }).done;
  }

  terminate(): void {
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(new CancelledCallError('The worker was stopped.'));
    this.pending.clear();
  }

  private receive(msg: WorkerResponse): void {
    const p = this.pending.get(msg.id);
    if (!p) return;
    if (msg.type === 'progress') {
      p.onProgress?.(msg.progress);
      return;
    }
    this.pending.delete(msg.id);
    if (msg.type === 'result') p.resolve(msg.result);
    else p.reject(msg.cancelled ? new CancelledCallError(msg.message) : new Error(msg.message));
  }
}
