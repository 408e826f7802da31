import type { Trace } from '../../../parsers/model/index.js';
import type { BlockThreads } from './block-threads.js';
import { computeLanes } from '../logic/compute-lanes.js';
import type { TraceData } from '../trace/trace-data.js';
import { buildTraceData, listColumnBuffers, listLaneBuffers } from './build-trace-data.js';
import { CancelledError, NotATraceError, parseInputs } from './parse-trace.js';
import type { CallContext } from './worker-handlers.js';
import { measureInput } from './read-input.js';
import type { CallParams } from './worker-protocol.js';

/**
 * The worker's `load`: parses the inputs (progress every 50 ms; a big log in blocks on `blockThreads`),
 * keeps the Trace in its slot, and answers with the columns and the lanes for the default x mode, both
 * moved by transfer.
 */
export async function loadTraceData(
  params: CallParams<'load'>,
  ctx: CallContext<'load'>,
  traces: Map<string, Trace>,
  blockThreads: BlockThreads | null = null,
): Promise<TraceData> {
  const started = performance.now();
  let total = 0;
  for (const input of params.inputs) total += await measureInput(input);
  let bytes = 0;
  let lastPost = 0;
  let threads = 1;
  let trace: Trace;
  try {
    trace = await parseInputs(params.inputs, {
      isCancelled: ctx.isCancelled,
      blockThreads,
      onThreads: (n) => (threads = n),
      onBytes(n) {
        bytes += n;
        const now = performance.now();
        if (now - lastPost > 50) {
          lastPost = now;
          ctx.progress({ bytes, totalBytes: total });
        }
      },
    });
  } catch (err) {
    if (err instanceof CancelledError || ctx.isCancelled())
      throw Object.assign(new Error('Loading cancelled.'), { cancelled: true });
    if (err instanceof NotATraceError) throw err;
    throw new Error(`Could not read the trace: ${String(err)}`);
  }
  traces.set(params.slot, trace);
  const data = buildTraceData(trace, params.id, params.title, bytes, performance.now() - started, threads);
  // The lanes for the default x mode are computed here too (300 ms at 1M events that the main thread
  // would otherwise spend frozen right after loading); their arrays travel by transfer.
  const lanes = computeLanes(data, 'time');
  data.precomputedLanes = { time: lanes, [lanes.xMode]: lanes };
  ctx.transfer.push(...listColumnBuffers(data), ...listLaneBuffers(lanes));
  return data;
}
