/// <reference lib="webworker" />
import { answerRequest, createWorkerState } from './worker-handlers.js';
import type { WorkerRequest, WorkerResponse } from './worker-protocol.js';

/** The trace processor, in a Web Worker: each request is answered by worker-handlers.ts. */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const state = createWorkerState();
scope.onmessage = (e: MessageEvent<WorkerRequest>) =>
  void answerRequest(e.data, state, (msg: WorkerResponse, transfer: Transferable[] = []) =>
    scope.postMessage(msg, transfer),
  );
