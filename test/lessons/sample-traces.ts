import { readFileSync } from 'node:fs';
import type { Trace } from '../../parsers/model/index.js';
import { parseStrace } from '../../parsers/strace/index.js';

export const SAMPLES = new URL('../../samples/', import.meta.url).pathname;

interface IndexEntry {
  id: string;
  backend: string;
  runs: { label: string; log: string }[];
}

/** samples/index.json as the app reads it. */
export function readSampleIndex(): IndexEntry[] {
  return (JSON.parse(readFileSync(SAMPLES + 'index.json', 'utf8')) as { samples: IndexEntry[] }).samples;
}

const cache = new Map<string, Trace>();

/** The parsed trace of one run of a sample, or null when the sample or run is not in the index. */
export function loadSampleRun(sample: string, run: string): Trace | null {
  const entry = readSampleIndex().find((e) => e.id === sample);
  const log = entry?.runs.find((r) => r.label === run)?.log;
  if (!log) return null;
  let trace = cache.get(log);
  if (!trace) {
    trace = parseStrace(readFileSync(SAMPLES + log, 'latin1'), { fileName: log.split('/').pop() });
    cache.set(log, trace);
  }
  return trace;
}
