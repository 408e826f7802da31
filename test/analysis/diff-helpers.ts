import { readFileSync } from 'node:fs';
import type { Trace } from '../../parsers/model/index.js';
import { parseStrace } from '../../parsers/strace/index.js';
import type { TraceDiff } from '../../parsers/analysis/diff/index.js';
import { formatDiffJson, formatDiffReport } from '../../parsers/analysis/diff/index.js';

export const CORPUS = new URL('../corpus/', import.meta.url).pathname;
export const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;

/** A log by name: `corpus:foo-host.log` or `fixture:mt-run1.log`. */
export function loadLog(ref: string): Trace {
  const [where, name] = ref.split(':') as [string, string];
  const dir = where === 'corpus' ? CORPUS : FIXTURES;
  return parseStrace(readFileSync(dir + name, 'latin1'), { fileName: name });
}

/** The number of syscall events in a trace: what equal + changed + onlyX must add up to. */
export function syscallCount(trace: Trace): number {
  let n = 0;
  for (let i = 0; i < trace.count; i++) if (trace.kind(i) === 'syscall') n++;
  return n;
}

/** The golden text: counts and first divergence as JSON, then the whole report, alignment included. */
export function formatGolden(diff: TraceDiff): string {
  const json = formatDiffJson(diff);
  const head = {
    equal: json.equal,
    changed: json.changed,
    onlyA: json.onlyA,
    onlyB: json.onlyB,
    coarse: json.coarse,
    firstDivergence: json.firstDivergence && {
      status: json.firstDivergence.status,
      a: json.firstDivergence.a?.line ?? null,
      b: json.firstDivergence.b?.line ?? null,
    },
  };
  return (
    JSON.stringify(head) + '\n\n' + formatDiffReport(diff, { context: 'all', maxLines: Infinity, width: 160 })
  );
}
