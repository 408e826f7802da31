/// <reference lib="webworker" />
import { computePhases } from '../../../parsers/analysis/phases.js';
import { resolveSelector } from '../../../parsers/lessons/index.js';
import type { Trace } from '../../../parsers/model/index.js';
import { computeLanes } from '../logic/compute-lanes.js';
import { answerDiffRequest } from '../compare/worker-diff.js';
import { buildTraceData, listColumnBuffers, listLaneBuffers } from './build-trace-data.js';
import { CancelledError, NotATraceError, parseInputs } from './parse-trace.js';
import { measureInput } from './read-input.js';
import {
  computeEventDetail,
  computeRowTexts,
  computeTextMatches,
  computeUnknownLines,
} from './trace-queries.js';
import type { QueryResult, TraceQuery, WorkerRequest, WorkerResponse } from './worker-protocol.js';

/**
 * The trace processor. It parses, keeps each parsed Trace (columns and raw text) by slot, and answers
 * questions about it. The main thread gets a copy of the columns only; see trace-client.ts.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const traces = new Map<string, Trace>();
const cancelled = new Set<number>();

function post(msg: WorkerResponse, transfer: Transferable[] = []): void {
  scope.postMessage(msg, transfer);
}

scope.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const msg = e.data;
  if (msg.type === 'cancel') cancelled.add(msg.requestId);
  else if (msg.type === 'load') void load(msg);
  else if (msg.type === 'diff' || msg.type === 'diff-export') answerDiffRequest(msg, traces, post);
  else if (msg.type === 'query') {
    const trace = traces.get(msg.slot);
    try {
      post({ type: 'result', queryId: msg.queryId, result: trace ? answer(trace, msg.query) : null });
    } catch (err) {
      post({ type: 'result', queryId: msg.queryId, result: null, error: String(err) });
    }
  }
};

async function load(msg: Extract<WorkerRequest, { type: 'load' }>): Promise<void> {
  const started = performance.now();
  let total = 0;
  for (const input of msg.inputs) total += await measureInput(input);
  let bytes = 0;
  let lastPost = 0;
  try {
    const trace = await parseInputs(msg.inputs, {
      isCancelled: () => cancelled.has(msg.requestId),
      onBytes(n) {
        bytes += n;
        const now = performance.now();
        if (now - lastPost > 50) {
          lastPost = now;
          post({ type: 'progress', requestId: msg.requestId, bytes, totalBytes: total });
        }
      },
    });
    traces.set(msg.slot, trace);
    const data = buildTraceData(trace, msg.id, msg.title, bytes, performance.now() - started);
    // The lanes for the default x mode are computed here too (300 ms at 1M events that the main thread
    // would otherwise spend frozen right after loading); their arrays travel by transfer.
    const lanes = computeLanes(data, 'time');
    data.precomputedLanes = { time: lanes, [lanes.xMode]: lanes };
    post({ type: 'loaded', requestId: msg.requestId, data }, [
      ...listColumnBuffers(data),
      ...listLaneBuffers(lanes),
    ]);
  } catch (err) {
    const isCancel = err instanceof CancelledError || cancelled.has(msg.requestId);
    const message =
      err instanceof NotATraceError || isCancel
        ? (err as Error).message
        : `Could not read the trace: ${String(err)}`;
    post({ type: 'failed', requestId: msg.requestId, message, cancelled: isCancel });
  } finally {
    cancelled.delete(msg.requestId);
  }
}

function answer(trace: Trace, q: TraceQuery): QueryResult {
  switch (q.kind) {
    case 'event':
      return { kind: 'event', detail: computeEventDetail(trace, q.index) };
    case 'rows':
      return { kind: 'rows', rows: computeRowTexts(trace, q.indices) };
    case 'search':
      return { kind: 'search', matches: computeTextMatches(trace, q.text) };
    case 'unknown-lines':
      return { kind: 'unknown-lines', lines: computeUnknownLines(trace, q.limit) };
    case 'phases':
      return { kind: 'phases', phases: computePhases(trace) };
    case 'select':
      return { kind: 'select', perSelector: q.selectors.map((s) => resolveSelector(trace, s)) };
  }
}
