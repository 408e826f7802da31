import { computePhases } from '../../../parsers/analysis/phases.js';
import { resolveSelector } from '../../../parsers/lessons/index.js';
import type { Trace } from '../../../parsers/model/index.js';
import { answerDiff, answerDiffExport } from '../compare/worker-diff.js';
import type { WorkerDiffState } from '../compare/worker-diff.js';
import { formatChromeTrace } from '../logic/export-chrome-trace.js';
import { createBlockThreads, type BlockThreads, type BlockTuning } from './block-threads.js';
import { loadTraceData } from './load-in-worker.js';
import {
  computeEventDetail,
  computeRowTexts,
  computeTextMatches,
  computeUnknownLines,
} from './trace-queries.js';
import type {
  CallParams,
  CallProgress,
  CallResult,
  WorkerMethod,
  WorkerRequest,
  WorkerResponse,
} from './worker-protocol.js';

/**
 * The trace processor's answers: one handler per method of worker-protocol.ts, over a state that keeps
 * each parsed Trace (columns and raw text) by slot. parse-worker.ts wires them to the worker's messages;
 * tests run them in-process behind a real TraceClient. The main thread gets a copy of the columns only;
 * see trace-client.ts.
 */
export interface WorkerState extends WorkerDiffState {
  traces: Map<string, Trace>;
  /** Where big logs are parsed in blocks (null: in one pass, as in tests run in-process). */
  blockThreads: BlockThreads | null;
  tuning: BlockTuning;
  /** Ids of requests the page cancelled; a running load checks it between chunks. */
  cancelled: Set<number>;
}

export interface CallContext<M extends WorkerMethod> {
  id: number;
  progress(p: CallProgress<M>): void;
  isCancelled(): boolean;
  /** Buffers to move with the answer instead of copying them. */
  transfer: Transferable[];
}

type Handlers = {
  [M in WorkerMethod]: (
    params: CallParams<M>,
    ctx: CallContext<M>,
    state: WorkerState,
  ) => CallResult<M> | Promise<CallResult<M>>;
};

function traceIn(state: WorkerState, slot: string): Trace {
  const trace = state.traces.get(slot);
  if (!trace) throw new Error(`No trace is loaded in slot ${slot}.`);
  return trace;
}

const handlers: Handlers = {
  load: (params, ctx, state) => loadTraceData(params, ctx, state.traces, state.blockThreads),
  event: (p, _c, s) => computeEventDetail(traceIn(s, p.slot), p.index),
  rows: (p, _c, s) => computeRowTexts(traceIn(s, p.slot), p.indices),
  search: (p, ctx, s) => {
    const matches = computeTextMatches(traceIn(s, p.slot), p.text);
    ctx.transfer.push(matches.buffer);
    return matches;
  },
  unknownLines: (p, _c, s) => computeUnknownLines(traceIn(s, p.slot), p.limit),
  phases: (p, _c, s) => computePhases(traceIn(s, p.slot)),
  select: (p, _c, s) => p.selectors.map((sel) => resolveSelector(traceIn(s, p.slot), sel)),
  chromeTrace: (p, _c, s) =>
    formatChromeTrace(p.runs.map((r) => ({ trace: traceIn(s, r.slot), label: r.label }))),
  diff: (p, ctx, s) => answerDiff(p, ctx, s),
  diffExport: (p, _c, s) => answerDiffExport(p, s),
  tune: (p, _c, s) => {
    s.tuning = { ...p };
    return null;
  },
  cancel: (p, _c, s) => {
    s.cancelled.add(p.id);
    return null;
  },
};

/** `spawnBlockWorker` starts a block worker (parse-worker.ts gives one); without it, one pass always. */
export function createWorkerState(spawnBlockWorker?: () => Worker): WorkerState {
  const state: WorkerState = {
    traces: new Map(),
    cancelled: new Set(),
    lastDiff: null,
    blockThreads: null,
    tuning: {},
  };
  if (spawnBlockWorker) state.blockThreads = createBlockThreads(spawnBlockWorker, () => state.tuning);
  return state;
}

/** Answers one request: progress messages while it runs, then its result or its error. */
export async function answerRequest(
  req: WorkerRequest,
  state: WorkerState,
  post: (msg: WorkerResponse, transfer?: Transferable[]) => void,
): Promise<void> {
  const { id, method } = req;
  const ctx: CallContext<WorkerMethod> = {
    id,
    progress: (progress) => post({ id, method, type: 'progress', progress } as WorkerResponse),
    isCancelled: () => state.cancelled.has(id),
    transfer: [],
  };
  try {
    const handler = handlers[method] as (p: unknown, c: CallContext<WorkerMethod>, s: WorkerState) => unknown;
    const result = await handler(req.params, ctx, state);
    post({ id, method, type: 'result', result } as WorkerResponse, ctx.transfer);
  } catch (err) {
    const cancelled = state.cancelled.has(id) || (err as { cancelled?: boolean }).cancelled === true;
    const message = err instanceof Error ? err.message : String(err);
    post({ id, method, type: 'error', message, cancelled } as WorkerResponse);
  } finally {
    state.cancelled.delete(id);
  }
}
