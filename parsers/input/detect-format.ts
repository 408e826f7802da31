import { sniffBpftrace } from '../bpftrace/sniff.js';
import { EVENT_KINDS } from '../model/event.js';
import { decodeLatin1 } from '../model/latin1.js';
import type { Trace } from '../model/trace.js';
import { sniffStrace } from '../strace/sniff.js';

/**
 * What a file turned out to be. `strace` and `bpftrace` are read into a Trace; the others are refused
 * with a message: `summary` is strace's `-c` table alone (counts, but no call to show), `not-a-trace` is
 * text of another kind, `binary` is decided by the first bytes, `empty` has nothing but blank space.
 */
export type InputFormat = 'strace' | 'bpftrace' | 'summary' | 'not-a-trace' | 'binary' | 'empty';
/** What a refused file can be; `summary` is read (not refused) when the caller takes the table alone. */
export type RejectedFormat = Exclude<InputFormat, 'strace' | 'bpftrace'>;
export type ReadFormat = Exclude<InputFormat, 'binary' | 'empty' | 'not-a-trace'>;

/** The start of a file that decides binary against text and bpftrace against strace. */
export const HEAD_BYTES = 8192;

/** What the head decides; whether a text is a trace at all is known only once it is parsed. */
export type HeadVerdict = 'binary' | 'bpftrace' | 'text';

/**
 * Reads the head of a file (its first HEAD_BYTES, or all of it when shorter): a NUL byte, or more than
 * 5% control characters other than tab, newline and carriage return, is a binary file (strace escapes
 * every unprintable byte it prints: `"\33[0m"`, never a raw ESC). Then the collector's bpftrace output
 * (`Attaching 17 probes...`, the clock anchor, call records) unless the real strace line parser
 * recognises more of it.
 */
export function detectHead(head: Uint8Array | string): HeadVerdict {
  const text =
    typeof head === 'string'
      ? head.slice(0, HEAD_BYTES)
      : decodeLatin1(head, 0, Math.min(head.length, HEAD_BYTES));
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return 'binary';
    if (c < 9 || (c > 13 && c < 32)) control++;
  }
  if (control > text.length * 0.05) return 'binary';
  return sniffBpftrace(text) && !sniffStrace(text) ? 'bpftrace' : 'text';
}

const PLACED = new Set(
  ['syscall', 'signal', 'exit', 'killed', 'superseded'].map((k) => EVENT_KINDS.indexOf(k as never)),
);
const UNKNOWN = EVENT_KINDS.indexOf('unknown');

/**
 * What a parsed text holds, once it is all read: a trace when one line is a call, a signal or an exit;
 * else strace's `-c` table alone, else text of another kind, else (blank lines, or a bare strace
 * message) nothing.
 */
export function classifyParsed(trace: Trace): 'trace' | RejectedFormat {
  const kinds = trace.columns.kind;
  let unknown = 0;
  for (let i = 0; i < trace.count; i++) {
    const k = kinds[i] as number;
    if (PLACED.has(k)) return 'trace';
    if (k === UNKNOWN) unknown++;
  }
  if (trace.summaries.length > 0) return 'summary';
  return unknown > 0 ? 'not-a-trace' : 'empty';
}

/** What the message about a refused file can say: its size, how many of its lines were read. */
export interface RejectionFacts {
  bytes: number;
  unknownLines: number;
}

/** Why a file was refused, phrased to follow its name: `a.out is a binary file, not a trace log`. */
export function describeRejection(format: RejectedFormat, facts: RejectionFacts): string {
  switch (format) {
    case 'binary':
      return 'is a binary file, not a trace log';
    case 'empty':
      return facts.bytes === 0
        ? 'is empty (0 bytes): nothing was traced into it'
        : 'holds no system call, signal or exit: nothing to show';
    case 'summary':
      return "holds only strace's -c summary table, no calls: trace again without -c (or with -C for both)";
    case 'not-a-trace': {
      const n = facts.unknownLines;
      return `does not look like an strace log: none of its ${n} line${n === 1 ? '' : 's'} is a system call`;
    }
  }
}
