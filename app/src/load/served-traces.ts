/**
 * Traces the page can open without an upload: those `spelunk serve` was given (api/traces.json) or, in a
 * static build, the bundled samples (samples/index.json, embedded at build time).
 */
export interface ServedRun {
  label: string;
  /** URLs of the log files, relative to the page (several: an -ff set). */
  urls: string[];
}

export interface ServedTrace {
  id: string;
  title: string;
  teaches?: string;
  runs: ServedRun[];
}

/** Reads the server's list, falling back to the bundled samples; [] when neither exists. */
export async function fetchServedTraces(): Promise<ServedTrace[]> {
  const fromServer = await fetchJson('api/traces.json');
  if (fromServer) return parseServedList(fromServer, '');
  const samples = await fetchJson('samples/index.json');
  return samples ? parseServedList(samples, 'samples/') : [];
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

/** Accepts `[{id, title, teaches, runs: [{label, log | logs | urls}]}]` or `{samples | traces: [...]}`. */
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
      runs.push({
        label: typeof r.label === 'string' ? r.label : `run ${runs.length + 1}`,
        urls: files.map((f) =>
          Array.isArray(r.urls) ? f : base + f.split('/').map(encodeURIComponent).join('/'),
        ),
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
