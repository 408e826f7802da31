import type { ArgNode } from './args.js';

/**
 * What an event is. `syscall` covers complete calls and calls stitched from `<unfinished ...>` and
 * `<... resumed>` halves; the rest are the non-call lines strace writes.
 */
export type EventKind =
  | 'syscall'
  | 'signal' // --- SIGCHLD {...} ---  and  --- stopped by SIGSTOP ---
  | 'exit' // +++ exited with 0 +++
  | 'killed' // +++ killed by SIGSEGV (core dumped) +++
  | 'superseded' // +++ superseded by execve in pid 8936 +++
  | 'personality' // [ Process PID=20914 runs in 32 bit mode. ]
  | 'message' // strace: Process 6608 attached
  | 'unknown'; // a line that could not be placed; kept with its text

export const EVENT_KINDS: readonly EventKind[] = [
  'syscall',
  'signal',
  'exit',
  'killed',
  'superseded',
  'personality',
  'message',
  'unknown',
];

/** Fields every event has. This is the versioned NDJSON shape (see FORMAT-CHANGELOG.md). */
export interface EventBase {
  kind: EventKind;
  /** 1-based line number in its file (the first line of a stitched call). */
  line: number;
  /** The file the line came from, when the trace was read from several files (an `-ff` set). */
  file?: string;
  /** Process (task) id; null when the log does not say (a single process traced without -f). */
  pid: number | null;
  /**
   * Seconds: absolute (since the epoch for -ttt/unix; since local midnight for -t/-tt) or cumulative from
   * the first line for -r. Null when the log has no timestamps.
   */
  ts: number | null;
}

export interface SyscallEvent extends EventBase {
  kind: 'syscall';
  name: string;
  args: ArgNode[];
  /** The return value as printed: "0", "-1", "0x7f3e1c47c000", "?". */
  ret: string;
  errno: string | null;
  /** Seconds, from -T; for a call split across lines without -T, the time between its two halves. */
  dur: number | null;
  /** The line of the `<... resumed>` half, when the call was split. */
  endLine?: number;
  /** The `-y` decoration of the return value (`= 3</etc/hostname>`). */
  retPath?: string;
  /** strace's text for the errno: "No such file or directory". */
  errText?: string;
  /** Parenthesised notes after the return: "flags O_RDONLY|O_LARGEFILE", "Timeout", "INJECTED". */
  notes?: string[];
  comm?: string;
  nr?: number;
  ip?: string;
  stack?: string[];
  /** Hex-dump lines (-e read=/write=) that followed the call. */
  dump?: string[];
  /**
   * How the call ended when it did not simply return: `unfinished` never resumed before the log ended,
   * `detached` strace let go inside it, `pid-changed` a thread's execve (-ff), `resumed-only` its start is
   * not in the log, `died` the task died inside it (`<unfinished ...>) = ?`).
   */
  status?: 'unfinished' | 'detached' | 'pid-changed' | 'resumed-only' | 'died';
  /**
   * Why the line cannot be taken at face value though it was read: brackets that do not balance (old
   * strace), or the program's own output printed into it (`write(2, "111", 3111) = 3`).
   */
  suspect?: string;
}

export interface SignalEvent extends EventBase {
  kind: 'signal';
  signal: string;
  /** The siginfo struct; absent for `--- stopped by SIG ---`. */
  info?: ArgNode;
  stopped?: boolean;
}

export interface ExitEvent extends EventBase {
  kind: 'exit';
  code: number;
}

export interface KilledEvent extends EventBase {
  kind: 'killed';
  signal: string;
  core: boolean;
}

export interface SupersededEvent extends EventBase {
  kind: 'superseded';
  /** The thread whose execve replaced this thread group's leader. */
  by: number;
}

export interface PersonalityEvent extends EventBase {
  kind: 'personality';
  mode: string;
}

export interface MessageEvent extends EventBase {
  kind: 'message';
  text: string;
}

export interface UnknownEvent extends EventBase {
  kind: 'unknown';
  text: string;
  /** Why the line could not be placed. */
  reason: string;
}

export type TraceEvent =
  | SyscallEvent
  | SignalEvent
  | ExitEvent
  | KilledEvent
  | SupersededEvent
  | PersonalityEvent
  | MessageEvent
  | UnknownEvent;

/** One row of strace's own `-c`/`-C` summary table. */
export interface SummaryRow {
  name: string;
  calls: number;
  errors: number;
  seconds: number;
  usecsPerCall: number | null;
  percentTime: number | null;
}

/** strace's own summary table (`-c`/`-C`), kept as strace printed it. */
export interface StraceSummary {
  /** "64 bit" unless strace printed a per-personality heading. */
  section: string;
  rows: SummaryRow[];
  total: SummaryRow | null;
  /** Line numbers (in its file) of the table's first and last lines. */
  firstLine: number;
  lastLine: number;
  file?: string;
}

/** A problem found in the input, with its place. The parser never throws; it reports these. */
export interface Diagnostic {
  code:
    | 'unknown-line'
    | 'orphan-resumed'
    | 'unfinished-at-end'
    | 'never-resumed'
    | 'binary-input'
    | 'not-a-trace'
    | 'truncated-line'
    | 'repaired-line'
    | 'suspect-line';
  message: string;
  line: number;
  file?: string;
}
