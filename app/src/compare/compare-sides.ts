import type { ServedRunRef, ServedTrace } from '../load/served-traces.js';
import {
  findServedRun,
  formatRunId,
  formatRunTitle,
  listServedRuns,
  runInputs,
} from '../load/served-traces.js';
import type { CompareSide } from './compare-slice.js';

/** The sample `npm start` opens on: the host run against the bare chroot run whose execve fails. */
const DEFAULT_COMPARE_SAMPLE = 'hello-bare-chroot';

/** The runs of a served trace a comparison opens with: host (or the first) against the first isolated one. */
export function pickRunPair(t: ServedTrace): [ServedRunRef, ServedRunRef] | null {
  const host = t.runs.find((r) => r.label === 'host') ?? t.runs[0];
  const other = t.runs.find((r) => r !== host && r.label === 'chroot') ?? t.runs.find((r) => r !== host);
  return host && other
    ? [
        { t, r: host },
        { t, r: other },
      ]
    : null;
}

/**
 * Which two served runs open as a comparison when the page starts, or null for the single view:
 * `#compare=` names them; `#trace=` or a lesson link asks for one trace; `spelunk serve <a> <b>` serves
 * two single-run traces; a session directory (or one sample) is one trace with host and chroot runs;
 * the bundled samples open on hello-bare-chroot.
 */
export function pickDefaultCompare(
  served: ServedTrace[],
  hash: string,
  search: string,
): [ServedRunRef, ServedRunRef] | null {
  const named = readCompareHash(hash);
  if (named) {
    const a = findServedRun(served, named[0]);
    const b = findServedRun(served, named[1]);
    if (a && b) return [a, b];
  }
  if (/(^|[#&])trace=/.test(hash) || new URLSearchParams(search).has('lesson')) return null;
  const sample = served.find((t) => t.id === DEFAULT_COMPARE_SAMPLE);
  if (sample) return pickRunPair(sample);
  const runs = listServedRuns(served);
  if (served.length === 2 && runs.length === 2) return [runs[0]!, runs[1]!];
  if (served.length === 1) return pickRunPair(served[0]!);
  return null;
}

/** `#compare=<run id A>,<run id B>` */
export function readCompareHash(hash: string): [string, string] | null {
  const v = new URLSearchParams(hash.replace(/^#/, '')).get('compare');
  const parts = v?.split(',') ?? [];
  return parts.length === 2 && parts[0] && parts[1] ? [parts[0], parts[1]] : null;
}

/**
 * Labels in findings: the runs' own ("host", "chroot", "container") when they differ, else A and B. Two
 * runs of different traces with the same label ("log") read "A" and "B".
 */
function labelRuns(a: ServedRunRef, b: ServedRunRef): [string, string] {
  const la = a.r.label;
  const lb = b.r.label;
  return la !== lb && la !== 'log' && lb !== 'log' ? [la, lb] : ['A', 'B'];
}

/** Both sides of a comparison of two served runs. */
export function servedSides(a: ServedRunRef, b: ServedRunRef): [CompareSide, CompareSide] {
  const [la, lb] = labelRuns(a, b);
  const side = (x: ServedRunRef, label: string): CompareSide => ({
    id: formatRunId(x.t, x.r),
    title: formatRunTitle(x.t, x.r),
    label,
    inputs: runInputs(x.r),
    served: true,
    ...(x.r.context ? { context: x.r.context } : {}),
  });
  return [side(a, la), side(b, lb)];
}
