import type { TraceDiff } from '../../../parsers/analysis/diff/index.js';
import { computeTraceDiff, formatDiffJson } from '../../../parsers/analysis/diff/index.js';
import type { Trace } from '../../../parsers/model/index.js';
import type { CallContext } from '../worker/worker-handlers.js';
import type { CallParams, CallResult } from '../worker/worker-protocol.js';
import { computeDiffData, diffDataTransfer } from './compute-diff-data.js';
import type { DiffData, EmbeddedLog } from './diff-data.js';
import { formatDiffMarkdown } from './format-diff-markdown.js';

/** What the worker keeps of the last comparison, for its exports. */
export interface WorkerDiffState {
  traces: Map<string, Trace>;
  lastDiff: { diff: TraceDiff; a: Trace; b: Trace } | null;
}

function bothTraces(state: WorkerDiffState): { a: Trace; b: Trace } {
  const a = state.traces.get('a');
  const b = state.traces.get('b');
  if (!a || !b) throw new Error('Load two traces (A and B) first.');
  return { a, b };
}

/**
 * The worker's half of the comparison: aligns the traces in slots a and b with computeTraceDiff (the same
 * diff as `spelunk diff`, given what the collector knows of each run), keeps the result for exports, and
 * sends plain columns to the page.
 */
export function answerDiff(
  params: CallParams<'diff'>,
  ctx: CallContext<'diff'>,
  state: WorkerDiffState,
): DiffData {
  const { a, b } = bothTraces(state);
  ctx.progress({ stage: 'aligning calls', fraction: 0.1 });
  let diff: TraceDiff;
  try {
    diff = computeTraceDiff(a, b, {
      labels: params.labels,
      ...(params.context ? { context: params.context } : {}),
    });
  } catch (err) {
    throw new Error(`Comparison failed: ${String(err)}`);
  }
  state.lastDiff = { diff, a, b };
  ctx.progress({ stage: 'preparing the view', fraction: 0.9 });
  const data = computeDiffData(diff);
  ctx.transfer.push(...diffDataTransfer(data));
  return data;
}

export function answerDiffExport(
  params: CallParams<'diffExport'>,
  state: WorkerDiffState,
): CallResult<'diffExport'> {
  const { a, b } = bothTraces(state);
  const last = state.lastDiff;
  if (!last || last.a !== a || last.b !== b) throw new Error('No comparison to export yet.');
  const { diff } = last;
  if (params.format === 'json') return { text: JSON.stringify(formatDiffJson(diff)) };
  if (params.format === 'markdown') {
    const names = (t: Trace): string[] => t.sources.map((s) => s.name);
    return { text: formatDiffMarkdown(diff, { a: names(a), b: names(b) }) };
  }
  return { text: '', sources: [logsOf(a), logsOf(b)] };
}

/** The raw text of each source file of a trace, rebuilt line by line. */
function logsOf(t: Trace): EmbeddedLog[] {
  return t.sources.map((s) => {
    const lines: string[] = new Array(s.lineCount);
    for (let n = 0; n < s.lineCount; n++) lines[n] = s.line(n + 1);
    return { name: s.name, text: lines.join('\n') + '\n' };
  });
}
