import type { DiffLabels } from '../../../parsers/analysis/diff/index.js';
import type { TraceClient } from '../trace/trace-client.js';
import type { WorkerResponse } from '../worker/worker-protocol.js';
import type { DiffData, EmbeddedLog } from './diff-protocol.js';

let nextId = 1_000_000;

/** Asks the worker to align the traces in slots a and b; progress arrives by stage. */
export function requestDiff(
  client: TraceClient,
  labels: DiffLabels,
  onProgress: (stage: string, fraction: number) => void,
): Promise<DiffData> {
  const requestId = nextId++;
  return new Promise((resolve, reject) => {
    const stop = client.listen((msg: WorkerResponse) => {
      if (!('requestId' in msg) || msg.requestId !== requestId) return;
      if (msg.type === 'diff-progress') onProgress(msg.stage, msg.fraction);
      else if (msg.type === 'diff-done') {
        stop();
        resolve(msg.data);
      } else if (msg.type === 'diff-failed') {
        stop();
        reject(new Error(msg.message));
      }
    });
    client.post({ type: 'diff', requestId, labels });
  });
}

/** The last comparison as JSON (`spelunk diff --json`'s shape), as Markdown, or the raw logs of both runs. */
export function requestDiffExport(
  client: TraceClient,
  format: 'json' | 'markdown' | 'sources',
): Promise<{ text: string; sources?: EmbeddedLog[][] }> {
  const requestId = nextId++;
  return new Promise((resolve, reject) => {
    const stop = client.listen((msg: WorkerResponse) => {
      if (!('requestId' in msg) || msg.requestId !== requestId) return;
      if (msg.type === 'diff-export-done') {
        stop();
        resolve(msg.sources ? { text: msg.text, sources: msg.sources } : { text: msg.text });
      } else if (msg.type === 'diff-failed') {
        stop();
        reject(new Error(msg.message));
      }
    });
    client.post({ type: 'diff-export', requestId, format });
  });
}
