import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TraceClient } from '../../app/src/trace/trace-client.js';
import { answerRequest, createWorkerState } from '../../app/src/worker/worker-handlers.js';
import type { WorkerRequest, WorkerResponse } from '../../app/src/worker/worker-protocol.js';

/** The repository's root, where the samples the app fetches (`samples/...`) live. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The app's worker run in this process behind a real TraceClient: the same handlers as the Web Worker
 * (worker-handlers.ts), only the transport is a function call. `delay.ms` holds every answer back, to
 * test what the page does with late answers. Served URLs (`samples/...`) are read from the repository
 * through a fetch that serves files, as `spelunk serve` would.
 */
export function createInProcessClient(delay = { ms: 0 }): { client: TraceClient; loads: string[] } {
  const state = createWorkerState();
  const loads: string[] = [];
  const worker = {
    onmessage: null as ((e: MessageEvent<WorkerResponse>) => void) | null,
    postMessage(req: WorkerRequest) {
      if (req.method === 'load') loads.push(req.params.id);
      const post = (msg: WorkerResponse): void => {
        setTimeout(() => worker.onmessage?.({ data: msg } as MessageEvent<WorkerResponse>), delay.ms);
      };
      void answerRequest(req, state, post);
    },
    terminate() {},
  };
  return { client: new TraceClient(worker as unknown as Worker), loads };
}

/** A fetch that answers repository paths (`samples/x/host.strace.log`) with the file, like a static host. */
export async function fetchRepositoryFile(input: string | URL): Promise<Response> {
  const path = decodeURIComponent(String(input).replace(/^[a-z]+:\/\/[^/]*\//, ''));
  try {
    const bytes = readFileSync(ROOT + path);
    const type = path.endsWith('.json') ? 'application/json' : 'text/plain';
    return new Response(bytes, { headers: { 'content-type': type, 'content-length': String(bytes.length) } });
  } catch {
    return new Response('not found', { status: 404 });
  }
}
