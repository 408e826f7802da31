import type { Phase } from '../../../parsers/analysis/phases.js';
import type { EventSelector } from '../../../parsers/lessons/index.js';
import type {
  EventDetail,
  InputSource,
  QueryResult,
  RowText,
  TraceQuery,
  WorkerRequest,
  WorkerResponse,
} from '../worker/worker-protocol.js';
import type { TraceData } from './trace-data.js';

/**
 * The main thread's handle on the parse worker.
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
  private readonly worker: Worker;
  private nextId = 1;
  private readonly loads = new Map<
    number,
    { resolve(d: TraceData): void; reject(e: Error): void; onProgress(done: number, total: number): void }
  >();
  /** Listeners for messages this class does not handle itself (the comparison's diff replies). */
  private readonly listeners = new Set<(msg: WorkerResponse) => void>();
  private readonly queries = new Map<
    number,
    { resolve(r: QueryResult | null): void; reject(e: Error): void }
  >();

  constructor(worker?: Worker) {
    this.worker =
      worker ?? new Worker(new URL('../worker/parse-worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<WorkerResponse>) => this.receive(e.data);
  }

  /** Parses inputs into `slot`; returns the request id (for cancel) and the result. */
  load(
    slot: string,
    id: string,
    title: string,
    inputs: InputSource[],
    onProgress: (doneBytes: number, totalBytes: number) => void,
  ): { requestId: number; done: Promise<TraceData> } {
    const requestId = this.nextId++;
    const done = new Promise<TraceData>((resolve, reject) => {
      this.loads.set(requestId, { resolve, reject, onProgress });
    });
    // The worker resolves relative URLs against its own script (assets/...), not the page: make them absolute.
    const absolute = inputs.map((i) =>
      i.type === 'url' ? { ...i, url: new URL(i.url, document.baseURI).href } : i,
    );
    this.send({ type: 'load', requestId, slot, id, title, inputs: absolute });
    return { requestId, done };
  }

  cancel(requestId: number): void {
    this.send({ type: 'cancel', requestId });
  }

  async eventDetail(slot: string, index: number): Promise<EventDetail | null> {
    const r = await this.query(slot, { kind: 'event', index });
    return r?.kind === 'event' ? r.detail : null;
  }

  async rowTexts(slot: string, indices: number[]): Promise<RowText[]> {
    const r = await this.query(slot, { kind: 'rows', indices });
    return r?.kind === 'rows' ? r.rows : [];
  }

  async search(slot: string, text: string): Promise<Int32Array> {
    const r = await this.query(slot, { kind: 'search', text });
    return r?.kind === 'search' ? r.matches : new Int32Array(0);
  }

  async unknownLines(slot: string, limit: number) {
    const r = await this.query(slot, { kind: 'unknown-lines', limit });
    return r?.kind === 'unknown-lines' ? r.lines : [];
  }

  async phases(slot: string): Promise<Phase[]> {
    const r = await this.query(slot, { kind: 'phases' });
    return r?.kind === 'phases' ? r.phases : [];
  }

  /** The events each selector picks in the trace of `slot` (lessons). */
  async select(slot: string, selectors: EventSelector[]): Promise<number[][]> {
    const r = await this.query(slot, { kind: 'select', selectors });
    return r?.kind === 'select' ? r.perSelector : selectors.map(() => []);
  }

  /** Sends a request the client does not model (compare/compare-client.ts), and hears every reply. */
  post(msg: WorkerRequest): void {
    this.send(msg);
  }

  listen(fn: (msg: WorkerResponse) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  terminate(): void {
    this.worker.terminate();
  }

  private query(slot: string, query: TraceQuery): Promise<QueryResult | null> {
    const queryId = this.nextId++;
    return new Promise((resolve, reject) => {
      this.queries.set(queryId, { resolve, reject });
      this.send({ type: 'query', queryId, slot, query });
    });
  }

  private send(msg: WorkerRequest): void {
    this.worker.postMessage(msg);
  }

  private receive(msg: WorkerResponse): void {
    for (const fn of this.listeners) fn(msg);
    if (
      msg.type === 'diff-progress' ||
      msg.type === 'diff-done' ||
      msg.type === 'diff-failed' ||
      msg.type === 'diff-export-done'
    )
      return;
    if (msg.type === 'result') {
      const q = this.queries.get(msg.queryId);
      this.queries.delete(msg.queryId);
      if (msg.error) q?.reject(new Error(msg.error));
      else q?.resolve(msg.result);
      return;
    }
    const load = this.loads.get(msg.requestId);
    if (!load) return;
    if (msg.type === 'progress') load.onProgress(msg.bytes, msg.totalBytes);
    else {
      this.loads.delete(msg.requestId);
      if (msg.type === 'loaded') load.resolve(msg.data);
      else load.reject(Object.assign(new Error(msg.message), { cancelled: msg.cancelled }));
    }
  }
}
