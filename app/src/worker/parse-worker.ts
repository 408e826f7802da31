/// <reference lib="webworker" />
import BlockWorker from './block-worker.ts?worker&inline';
import { answerRequest, createWorkerState } from './worker-handlers.js';
import type { WorkerRequest, WorkerResponse } from './worker-protocol.js';

/**
 * The trace processor, in a Web Worker: each request is answered by worker-handlers.ts. A big log is
 * parsed on block workers too, nested workers inlined as blobs like this one (block-threads.ts says why).
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const state = createWorkerState(() => new BlockWorker());
scope.onmessage = (e: MessageEvent<WorkerRequest>) =>
  void answerRequest(e.data, state, (msg: WorkerResponse, transfer: Transferable[] = []) =>
    scope.postMessage(msg, transfer),
  );
