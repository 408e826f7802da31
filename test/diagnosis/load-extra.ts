import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSessionContexts } from '../../collector/session/run-context.js';
import type { TraceDiff } from '../../parsers/analysis/diff/index.js';
import { computeTraceDiff } from '../../parsers/analysis/diff/index.js';
import type { DiagnosisContext } from '../../parsers/analysis/diagnosis/index.js';
import { computeDiagnosis } from '../../parsers/analysis/diagnosis/index.js';
import type { DiffRunContexts } from '../../parsers/analysis/diff/run-context.js';
import { parseStrace } from '../../parsers/strace/index.js';
import { CASES_DIR } from './load-cases.js';

export const EXTRA = new URL('./extra/', import.meta.url).pathname;
export const SAMPLES = new URL('../../samples/', import.meta.url).pathname;

/** A captured pair as the diagnosis sees it: both traces, labels and run contexts from session.json. */
export interface LoadedPair {
  id: string;
  diff: TraceDiff;
  context: DiagnosisContext;
}

const cache = new Map<string, LoadedPair>();

/**
 * Loads a session directory (test/diagnosis/extra/ID, or samples/ID with `sample:ID`): its host run
 * against its other run, with the contexts `spelunk diff SESSION` would pass.
 */
export function loadPair(ref: string): LoadedPair {
  const hit = cache.get(ref);
  if (hit) return hit;
  const dir = ref.startsWith('sample:')
    ? join(SAMPLES, ref.slice(7))
    : ref.startsWith('case:')
      ? join(CASES_DIR, ref.slice(5))
      : join(EXTRA, ref);
  // A case of the suite made of two plain logs (no session.json) is compared as `spelunk diff A B` does.
  const manifest = existsSync(join(dir, 'session.json'))
    ? (JSON.parse(readFileSync(join(dir, 'session.json'), 'utf8')) as {
        runs: { label: string; log: string }[];
      })
    : plainLogs(dir);
  const host = manifest.runs.find((r) => r.label === 'host') ?? manifest.runs[0];
  const other = manifest.runs.find((r) => r !== host);
  if (!host || !other) throw new Error(`${dir}: needs two runs`);
  const a = parseStrace(readFileSync(join(dir, host.log), 'latin1'), { fileName: host.log });
  const b = parseStrace(readFileSync(join(dir, other.log), 'latin1'), { fileName: other.log });
  const contexts = readSessionContexts(dir);
  const labels = { a: host.label, b: other.label };
  const context: DiffRunContexts = {};
  const ca = contexts.get(host.label);
  const cb = contexts.get(other.label);
  if (ca) context.a = ca;
  if (cb) context.b = cb;
  const diff = computeTraceDiff(a, b, { labels, context });
  // The diff is its own alignment core: the rules' context comes from it without aligning again.
  const pair = { id: ref, diff, context: computeDiagnosis(diff, labels, context).context };
  cache.set(ref, pair);
  return pair;
}

/** The two logs a suite case's case.json names, as runs A and B. */
function plainLogs(dir: string): { runs: { label: string; log: string }[] } {
  const json = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as { logs: { a: string; b: string } };
  return {
    runs: [
      { label: 'A', log: json.logs.a },
      { label: 'B', log: json.logs.b },
    ],
  };
}
