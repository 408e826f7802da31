import type { RunContext } from '../../../parsers/analysis/diff/index.js';
import type { InputSource } from '../worker/worker-protocol.js';
import { loadBundledData } from './bundled-data.js';

/**
 * Traces the page can open without an upload: those `spelunk serve` was given (api/traces.json) or, in a
 * static build, the bundled samples (samples/index.json, embedded at build time).
 */
export interface ServedRun {
  label: string;
  /** URLs of the log files, relative to the page (several: an -ff set). */
  urls: string[];
  /** What the collector knows of the run (session.json): passed to the diagnosis. */
  context?: RunContext;
  /** A sample bundled with the build (readable from file:// too), rather than a file the server serves. */
  bundled?: boolean;
}

export interface ServedTrace {
  id: string;
  title: string;
  teaches?: string;
  runs: ServedRun[];
}

/**
 * Reads the server's list, falling back to the samples bundled with the build; [] when neither exists.
 * The samples are read through a script tag, so a build opened from disk (file://, where fetch is
 * refused) lists them too.
 */
export async function fetchServedTraces(): Promise<ServedTrace[]> {
  // From disk there is no server to ask (and asking logs a refused request in the console).
  const fromDisk = typeof location !== 'undefined' && location.protocol === 'file:';
  const fromServer = fromDisk ? null : await fetchJson('api/traces.json');
  if (fromServer) return parseServedList(fromServer, '');
  const samples = await loadBundledData('samples/index.json');
  if (samples === null) return [];
  try {
    return parseServedList(JSON.parse(samples), 'samples/').map((t) => ({
      ...t,
      runs: t.runs.map((r) => ({ ...r, bundled: true })),
    }));
  } catch {
    return [];
  }
}

async function fetchJson(url: string): Promise<unknown> {
  try {
    const res = await fetch(url);
    if (!res.ok || !(res.headers.get('content-type') ?? '').includes('json')) return null;
    return await res.json();
  } catch {
    return null;
  }
}

/** Accepts `[{id, title, teaches, runs: [{label, log | logs | urls, context}]}]` or `{samples | traces: [...]}`. */
export function parseServedList(json: unknown, base: string): ServedTrace[] {
  const obj = json as { samples?: unknown; traces?: unknown } | null;
  const list = Array.isArray(json)
    ? json
    : Array.isArray(obj?.traces)
      ? obj.traces
      : Array.isArray(obj?.samples)
        ? obj.samples
        : [];
  const out: ServedTrace[] = [];
  for (const raw of list as Record<string, unknown>[]) {
    if (!raw || typeof raw !== 'object') continue;
    const id = typeof raw.id === 'string' ? raw.id : String(out.length + 1);
    const runsRaw = Array.isArray(raw.runs) ? (raw.runs as Record<string, unknown>[]) : [];
    const runs: ServedRun[] = [];
    for (const r of runsRaw) {
      const files = [
        ...(typeof r.log === 'string' ? [r.log] : []),
        ...(Array.isArray(r.logs) ? r.logs.filter((x): x is string => typeof x === 'string') : []),
        ...(Array.isArray(r.urls) ? r.urls.filter((x): x is string => typeof x === 'string') : []),
      ];
      if (!files.length) continue;
      const context = r.context && typeof r.context === 'object' ? (r.context as RunContext) : undefined;
      runs.push({
        label: typeof r.label === 'string' ? r.label : `run ${runs.length + 1}`,
        urls: files.map((f) =>
          Array.isArray(r.urls) ? f : base + f.split('/').map(encodeURIComponent).join('/'),
        ),
        ...(context ? { context } : {}),
      });
    }
    if (!runs.length) continue;
    out.push({
      id,
      title: typeof raw.title === 'string' ? raw.title : id,
      teaches: typeof raw.teaches === 'string' ? raw.teaches : undefined,
      runs,
    });
  }
  return out;
}

/** The id a served run has in URLs: "<trace id>/<run label>". */
export function formatRunId(trace: ServedTrace, run: ServedRun): string {
  return `${trace.id}/${run.label}`;
}

/** "foo: host run" for a trace with several runs; just the trace's title when it has one. */
export function formatRunTitle(trace: ServedTrace, run: ServedRun): string {
  return trace.runs.length > 1 ? `${trace.title}: ${run.label}` : trace.title;
}

/** A served run and the trace it belongs to. */
export interface ServedRunRef {
  t: ServedTrace;
  r: ServedRun;
}

export function listServedRuns(served: readonly ServedTrace[]): ServedRunRef[] {
  return served.flatMap((t) => t.runs.map((r) => ({ t, r })));
}

export function findServedRun(served: readonly ServedTrace[], id: string): ServedRunRef | undefined {
  return listServedRuns(served).find(({ t, r }) => formatRunId(t, r) === id);
}

/** What the worker reads for a served run: its files by URL. */
export function runInputs(run: ServedRun): InputSource[] {
  return run.urls.map((url) => ({
    type: 'url',
    url,
    name: decodeURIComponent(url.slice(url.lastIndexOf('/') + 1)),
    ...(run.bundled ? { bundled: true } : {}),
  }));
}
