import type { Trace } from '../../model/index.js';
import { callLine, readCallText } from './call-text.js';

/** What kind of difference a finding reports; the list order is the ranking order. */
export const FINDING_KINDS = [
  'first-divergence',
  'failed-only',
  'paths-only',
  'process-only',
  'syscall-delta',
  'exit-status',
  'env-size',
  'scaffolding',
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

/** One difference between two runs, said in plain words. */
export interface DiffFinding {
  kind: FindingKind;
  message: string;
  a?: DiffLineRef;
  b?: DiffLineRef;
  /** Supporting items (paths, per-syscall deltas, ...), one line each. */
  details?: string[];
}

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
