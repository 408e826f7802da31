import type { TraceDiff } from '../../../parsers/analysis/diff/index.js';
import { computeTraceDiff, formatDiffJson } from '../../../parsers/analysis/diff/index.js';
import type { Trace } from '../../../parsers/model/index.js';
import { computeDiffData, diffDataTransfer } from './compute-diff-data.js';
import type { DiffRequest, DiffResponse, EmbeddedLog } from './diff-protocol.js';
import { formatDiffMarkdown } from './format-diff-markdown.js';

let last: { diff: TraceDiff; a: Trace; b: Trace } | null = null;

/**
 * The worker's half of the comparison: aligns the traces in slots a and b with computeTraceDiff (the same
 * diff as `spelunk diff`), keeps the result for exports, and sends plain columns to the page.
 */
export function answerDiffRequest(
  msg: DiffRequest,
  traces: Map<string, Trace>,
  post: (msg: DiffResponse, transfer?: Transferable[]) => void,
): void {
  const a = traces.get('a');
  const b = traces.get('b');
  if (!a || !b) {
    post({ type: 'diff-failed', requestId: msg.requestId, message: 'Load two traces (A and B) first.' });
    return;
  }
  try {
    if (msg.type === 'diff') {
      post({ type: 'diff-progress', requestId: msg.requestId, stage: 'aligning calls', fraction: 0.1 });
      const diff = computeTraceDiff(a, b, { labels: msg.labels });
      last = { diff, a, b };
      post({ type: 'diff-progress', requestId: msg.requestId, stage: 'preparing the view', fraction: 0.9 });
      const data = computeDiffData(diff);
      post({ type: 'diff-done', requestId: msg.requestId, data }, diffDataTransfer(data));
      return;
    }
    if (!last || last.a !== a || last.b !== b) {
      post({ type: 'diff-failed', requestId: msg.requestId, message: 'No comparison to export yet.' });
      return;
    }
    const { diff } = last;
    if (msg.format === 'json') {
      post({
        type: 'diff-export-done',
        requestId: msg.requestId,
        text: JSON.stringify(formatDiffJson(diff)),
      });
    } else if (msg.format === 'markdown') {
      const names = (t: Trace): string[] => t.sources.map((s) => s.name);
      post({
        type: 'diff-export-done',
        requestId: msg.requestId,
        text: formatDiffMarkdown(diff, { a: names(a), b: names(b) }),
      });
    } else {
      post({ type: 'diff-export-done', requestId: msg.requestId, text: '', sources: [logsOf(a), logsOf(b)] });
    }
  } catch (err) {
    post({ type: 'diff-failed', requestId: msg.requestId, message: `Comparison failed: ${String(err)}` });
  }
}

/** The raw text of each source file of a trace, rebuilt line by line. */
function logsOf(t: Trace): EmbeddedLog[] {
  return t.sources.map((s) => {
    const lines: string[] = new Array(s.lineCount);
    for (let n = 0; n < s.lineCount; n++) lines[n] = s.line(n + 1);
    return { name: s.name, text: lines.join('\n') + '\n' };
  });
}
