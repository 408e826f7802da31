import type { ServedRun, ServedTrace } from '../load/served-traces.js';
import { formatRunId, formatRunTitle } from '../load/served-traces.js';
import type { AppStore } from '../store/create-app-store.js';
import type { TraceClient } from '../trace/trace-client.js';
import type { CompareStore } from './compare-store.js';
import { compareStoreFor } from './compare-store.js';
import type { CompareSide } from './open-compare.js';
import { openCompare } from './open-compare.js';

/** The sample `npm start` opens on: the host run against the bare chroot run whose execve fails. */
export const DEFAULT_COMPARE_SAMPLE = 'hello-bare-chroot';

/** `#compare=<run id A>,<run id B>` */
export function readCompareHash(hash: string): [string, string] | null {
  const v = new URLSearchParams(hash.replace(/^#/, '')).get('compare');
  const parts = v?.split(',') ?? [];
  return parts.length === 2 && parts[0] && parts[1] ? [parts[0], parts[1]] : null;
}

type Run = { t: ServedTrace; r: ServedRun };

/**
 * Which two served runs open as a comparison when the page starts, or null for the single view:
 * `#compare=` names them; `#trace=` or a lesson link asks for one trace; `spelunk serve <a> <b>` serves
 * two single-run traces; a session directory (or one sample) is one trace with host and chroot runs;
 * the bundled samples open on hello-bare-chroot.
 */
export function pickDefaultCompare(served: ServedTrace[], hash: string, search: string): [Run, Run] | null {
  const runs: Run[] = served.flatMap((t) => t.runs.map((r) => ({ t, r })));
  const byId = (id: string): Run | undefined => runs.find(({ t, r }) => formatRunId(t, r) === id);
  const named = readCompareHash(hash);
  if (named) {
    const a = byId(named[0]);
    const b = byId(named[1]);
    if (a && b) return [a, b];
  }
  if (/(^|[#&])trace=/.test(hash) || new URLSearchParams(search).has('lesson')) return null;
  const pairOf = (t: ServedTrace): [Run, Run] | null => {
    const host = t.runs.find((r) => r.label === 'host') ?? t.runs[0];
    const other = t.runs.find((r) => r !== host && r.label === 'chroot') ?? t.runs.find((r) => r !== host);
    return host && other
      ? [
          { t, r: host },
          { t, r: other },
        ]
      : null;
  };
  const sample = served.find((t) => t.id === DEFAULT_COMPARE_SAMPLE);
  if (sample) return pairOf(sample);
  if (served.length === 2 && served.every((t) => t.runs.length === 1)) {
    return [
      { t: served[0]!, r: served[0]!.runs[0]! },
      { t: served[1]!, r: served[1]!.runs[0]! },
    ];
  }
  if (served.length === 1 && served[0]!.runs.length >= 2) return pairOf(served[0]!);
  return null;
}

function sideOf(run: Run, label: string): CompareSide {
  return {
    id: formatRunId(run.t, run.r),
    title: formatRunTitle(run.t, run.r),
    label,
    inputs: run.r.urls.map((u) => ({ type: 'url', url: u, name: u.slice(u.lastIndexOf('/') + 1) })),
  };
}

/** Labels in findings: the runs' own ("host", "chroot") when they have them, else A and B. */
function labelsOf(a: Run, b: Run): [string, string] {
  const la = a.r.label;
  const lb = b.r.label;
  return la !== lb && la !== 'log' && lb !== 'log' ? [la, lb] : ['A', 'B'];
}

/** Opens the start-up comparison if there is one; false leaves the page to the single view. */
export function openDefaultCompare(app: AppStore, client: TraceClient, served: ServedTrace[]): boolean {
  const pick = pickDefaultCompare(served, window.location.hash, window.location.search);
  if (!pick) return false;
  const [la, lb] = labelsOf(pick[0], pick[1]);
  void openCompare(app, compareStoreFor(app), client, sideOf(pick[0], la), sideOf(pick[1], lb), true);
  return true;
}

/** Opens two served runs as a comparison (the open panel's "Compare" buttons). */
export function openServedCompare(app: AppStore, client: TraceClient, a: Run, b: Run): void {
  const [la, lb] = labelsOf(a, b);
  void openCompare(app, compareStoreFor(app), client, sideOf(a, la), sideOf(b, lb), true);
}

/** While a served comparison shows, the hash names it (`#compare=a,b`), so a reload reopens it. */
export function startCompareUrlSync(app: AppStore, cs: CompareStore): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = (): void => {
    timer = null;
    const c = cs.getState();
    if (!c.active || !c.ids || !app.getState().traces.b) return;
    const next = `#${new URLSearchParams({ compare: c.ids.join(',') }).toString()}`;
    if (window.location.hash !== next)
      history.replaceState(null, '', `${window.location.pathname}${window.location.search}${next}`);
  };
  const stops = [
    app.subscribe(() => (timer ??= setTimeout(write, 300))),
    cs.subscribe(() => (timer ??= setTimeout(write, 300))),
  ];
  return () => stops.forEach((s) => s());
}
