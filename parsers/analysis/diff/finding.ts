import type { Trace } from '../../model/index.js';
import { callLine, readCallText } from './call-text.js';

/**
 * What kind of difference a finding reports; the list order is the ranking order. `diagnosis` is the
 * cause (findings[0] when there is one); `expected` findings are known, harmless differences (noise).
 */
export const FINDING_KINDS = [
  'diagnosis',
  'first-divergence',
  'failed-only',
  'paths-only',
  'process-only',
  'syscall-delta',
  'exit-status',
  'env-size',
  'scaffolding',
  'expected',
  'coarse',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** A line of one trace that backs a finding. */
export interface DiffLineRef {
  line: number;
  file?: string;
  /** The raw line as strace printed it. */
  text: string;
}

/** How sure a diagnosis is: the trace shows it / it fits what the trace shows / one of several readings. */
export type DiagnosisConfidence = 'certain' | 'likely' | 'possible';

/** One difference between two runs, said in plain words. */
export interface DiffFinding {
  kind: FindingKind;
  /** For findings[0] (the diagnosis): one plain sentence a student understands. */
  message: string;
  /** The main evidence line of each run: what the app selects in both timelines. */
  a?: DiffLineRef;
  b?: DiffLineRef;
  /** Supporting items (paths, per-syscall deltas, ...), one line each. */
  details?: string[];
  /** The id of the cause rule that produced it (see DIAGNOSIS_RULES). */
  rule?: DiagnosisRuleId;
  confidence?: DiagnosisConfidence;
  /** Every line that shows it, in each run. */
  evidence?: { a: DiffLineRef[]; b: DiffLineRef[] };
  /** A known, harmless difference (noise); `message` says why it is expected. */
  expected?: true;
}

/** The causes the diagnosis knows, by id (shared with the diagnosis suite's case.json). */
export const DIAGNOSIS_RULES = [
  'missing-elf-interpreter',
  'missing-script-interpreter',
  'missing-shared-library',
  'missing-file',
  'missing-proc',
  'missing-dev-node',
  'missing-user-db',
  'missing-locale',
  'missing-interpreter-stdlib',
  'read-only-mount',
  'capability-dropped',
  'seccomp-denied',
  'file-permission',
  'network-namespace',
  'pid-namespace',
  'hostname',
  'missing-env-var',
  'oom-killed',
  'timeout',
  'filtered-trace',
  'different-output',
  'different-arguments',
  'different-directory-entries',
  'different-files-read',
  'same-behaviour',
] as const;
export type DiagnosisRuleId = (typeof DIAGNOSIS_RULES)[number];

/** Names for the two traces in messages: "host" and "chroot", or "A" and "B". */
export interface DiffLabels {
  a: string;
  b: string;
}

export function lineRef(trace: Trace, i: number): DiffLineRef {
  const file = trace.file(i);
  const ref: DiffLineRef = { line: trace.line(i), text: callLine(trace, i) };
  if (file !== undefined) ref.file = file;
  return ref;
}

/** `line 12` or `pipe.7722:12` */
export function formatLineRef(ref: DiffLineRef): string {
  return ref.file ? `${ref.file}:${ref.line}` : `line ${ref.line}`;
}

/** The call part of a raw line, prefix (pid, time) and -T duration dropped, cut to `max` characters. */
export function callOf(trace: Trace, i: number, max = 100): string {
  const name = trace.name(i);
  let text: string;
  if (trace.kind(i) === 'syscall' && (trace.columns.endLine[i] as number) > 0) {
    // A split call reads as one: its two halves joined.
    text = `${name}(${readCallText(trace, i)}`;
  } else {
    const raw = callLine(trace, i);
    const at = name ? raw.indexOf(name + '(') : -1;
    text = at >= 0 ? raw.slice(at) : raw.trim();
  }
  // strace pads short calls to a column: `close(3)          = 0`.
  text = text.replace(/ <\d+\.\d+>$/, '').replace(/\) {2,}= /, ') = ');
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

/** The call without its result: `execve("/foo", ["/foo"], 0x7ffe9da4a1d8 /* 8 vars *\/)`. */
export function requestOf(trace: Trace, i: number, max = 100): string {
  const call = callOf(trace, i, 100000);
  const eq = call.lastIndexOf(') = ');
  const text = eq < 0 ? call : call.slice(0, eq + 1);
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}
