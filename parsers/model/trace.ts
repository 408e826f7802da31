import type { Diagnostic, EventKind, StraceSummary, TraceEvent } from './event.js';
import { EVENT_KINDS } from './event.js';
import type { LineStore } from './line-store.js';

/** How a call ended, as stored in the `status` column (0: it returned normally). */
export const CALL_STATUS = ['', 'unfinished', 'detached', 'pid-changed', 'resumed-only', 'died'] as const;
type CallStatusCode = number;

/** What the producer noticed about the log's format, for display and for consumers that care. */
export interface TraceFormat {
  tracer: 'strace' | 'bpftrace';
  /** 'absolute' for -t/-tt/-ttt/--timestamps, 'relative' for -r, 'none' otherwise. */
  timestamps: 'absolute' | 'relative' | 'none';
  /** -t/-tt print time of day with no date: such times wrap at midnight. */
  timeOfDay: boolean;
  durations: boolean;
  pidPrefix: boolean;
  /** `[pid N]` prefixes: the terminal form, which can mix in strace's and the program's own output. */
  stderrForm: boolean;
  fdPaths: boolean;
  comm: boolean;
  syscallNumbers: boolean;
  instructionPointers: boolean;
  stacks: boolean;
}

/** Rebuilds the full object for one event from the raw text it came from. */
export type EventDecoder = (trace: Trace, index: number) => TraceEvent;

/** The columns of a trace: one slot per event in each. */
export interface TraceColumns {
  count: number;
  kind: Uint8Array;
  pid: Int32Array; // -1: unknown
  ts: Float64Array; // NaN: none
  dur: Float64Array; // NaN: none
  /** Syscall name, or signal name for signal and killed events; index into `names`. */
  nameId: Uint32Array;
  /** Index into `errnos`; 0 for none. */
  errnoId: Uint16Array;
  /** Numeric return value; NaN for `?` or none. Addresses above 2^53 lose precision. */
  ret: Float64Array;
  status: Uint8Array;
  line: Uint32Array;
  /** Line of the `<... resumed>` half; 0 when the call is on one line. */
  endLine: Uint32Array;
  /** Index into `sources`. */
  fileId: Uint16Array;
}

/**
 * A parsed trace: events in trace order, held as columns (a few bytes each), with the raw text kept
 * per source file so any event can be decoded in full on demand.
 */
export class Trace {
  readonly columns: TraceColumns;
  readonly names: readonly string[];
  readonly errnos: readonly string[];
  readonly sources: readonly LineStore[];
  readonly summaries: readonly StraceSummary[];
  readonly diagnostics: readonly Diagnostic[];
  readonly format: TraceFormat;
  private readonly decoder: EventDecoder;

  constructor(init: {
    columns: TraceColumns;
    names: readonly string[];
    errnos: readonly string[];
    sources: readonly LineStore[];
    summaries: readonly StraceSummary[];
    diagnostics: readonly Diagnostic[];
    format: TraceFormat;
    decoder: EventDecoder;
  }) {
    this.columns = init.columns;
    this.names = init.names;
    this.errnos = init.errnos;
    this.sources = init.sources;
    this.summaries = init.summaries;
    this.diagnostics = init.diagnostics;
    this.format = init.format;
    this.decoder = init.decoder;
  }

  get count(): number {
    return this.columns.count;
  }

  kind(i: number): EventKind {
    return EVENT_KINDS[this.columns.kind[i] as number] as EventKind;
  }

  pid(i: number): number | null {
    const p = this.columns.pid[i] as number;
    return p < 0 ? null : p;
  }

  ts(i: number): number | null {
    const t = this.columns.ts[i] as number;
    return Number.isNaN(t) ? null : t;
  }

  dur(i: number): number | null {
    const d = this.columns.dur[i] as number;
    return Number.isNaN(d) ? null : d;
  }

  /** Syscall name (or signal name for signal/killed events; "" for others). */
  name(i: number): string {
    return this.names[this.columns.nameId[i] as number] as string;
  }

  errno(i: number): string | null {
    const e = this.columns.errnoId[i] as number;
    return e === 0 ? null : (this.errnos[e] as string);
  }

  ret(i: number): number | null {
    const r = this.columns.ret[i] as number;
    return Number.isNaN(r) ? null : r;
  }

  line(i: number): number {
    return this.columns.line[i] as number;
  }

  /** The file name of the event's source, when the trace has several. */
  file(i: number): string | undefined {
    return this.sources.length > 1 ? this.sources[this.columns.fileId[i] as number]?.name : undefined;
  }

  /** The raw text of the event's first line. */
  rawLine(i: number): string {
    return this.sources[this.columns.fileId[i] as number]?.line(this.columns.line[i] as number) ?? '';
  }

  /** The whole event as an object, its arguments decoded. */
  event(i: number): TraceEvent {
    return this.decoder(this, i);
  }

  *events(): IterableIterator<TraceEvent> {
    for (let i = 0; i < this.count; i++) yield this.event(i);
  }

  /** Number of `unknown` events. */
  get unknownCount(): number {
    const code = EVENT_KINDS.indexOf('unknown');
    let n = 0;
    for (let i = 0; i < this.count; i++) if (this.columns.kind[i] === code) n++;
    return n;
  }
}
