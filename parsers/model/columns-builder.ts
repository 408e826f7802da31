import type { EventKind } from './event.js';
import { EVENT_KINDS } from './event.js';
import type { TraceColumns } from './trace.js';
import { fitToCount } from './fit-to-count.js';

const KIND_CODES = new Map<EventKind, number>(EVENT_KINDS.map((k, i) => [k, i]));
/** Nearly every event is a syscall: its code without the map lookup. */
const SYSCALL_CODE = KIND_CODES.get('syscall') as number;

/** Growable event columns; `finish()` trims them to size. Producers (strace, bpftrace) fill these. */
export class ColumnsBuilder {
  private cap: number;
  private c: TraceColumns;
  private readonly nameIds = new Map<string, number>([['', 0]]);
  readonly names: string[] = [''];
  private readonly errnoIds = new Map<string, number>([['', 0]]);
  readonly errnos: string[] = [''];

  constructor(initialCapacity = 4096) {
    this.cap = initialCapacity;
    this.c = allocate(initialCapacity);
  }

  get count(): number {
    return this.c.count;
  }

  /** Appends an event and returns its index; all other columns start empty. */
  add(kind: EventKind, pid: number | null, ts: number | null, line: number, fileId: number): number {
    if (this.c.count >= this.cap) this.resize(Math.max(16, this.cap * 2));
    const i = this.c.count++;
    const c = this.c;
    c.kind[i] = kind === 'syscall' ? SYSCALL_CODE : (KIND_CODES.get(kind) ?? 0);
    c.pid[i] = pid ?? -1;
    c.ts[i] = ts ?? NaN;
    c.dur[i] = NaN;
    c.ret[i] = NaN;
    c.line[i] = line;
    c.fileId[i] = fileId;
    return i;
  }

  /** The columns being filled; the object stays the same while its arrays grow. */
  get columns(): TraceColumns {
    return this.c;
  }

  internName(name: string): number {
    let id = this.nameIds.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(name);
      this.nameIds.set(name, id);
    }
    return id;
  }

  internErrno(errno: string): number {
    let id = this.errnoIds.get(errno);
    if (id === undefined) {
      id = this.errnos.length;
      this.errnos.push(errno);
      this.errnoIds.set(errno, id);
    }
    return id;
  }

  /** Trims the columns to size (fitToCount) and lets go of the growable ones. */
  finish(): TraceColumns {
    const n = this.c.count;
    const c = this.c;
    this.c = allocate(0);
    this.c.count = n;
    this.cap = 0;
    return {
      count: n,
      kind: fitToCount(c.kind, n),
      pid: fitToCount(c.pid, n),
      ts: fitToCount(c.ts, n),
      dur: fitToCount(c.dur, n),
      nameId: fitToCount(c.nameId, n),
      errnoId: fitToCount(c.errnoId, n),
      ret: fitToCount(c.ret, n),
      status: fitToCount(c.status, n),
      line: fitToCount(c.line, n),
      endLine: fitToCount(c.endLine, n),
      fileId: fitToCount(c.fileId, n),
    };
  }

  /** Sets the capacity (never below the events held): producers that learn the input's size call this. */
  resize(cap: number): void {
    cap = Math.max(cap, this.c.count);
    const next = allocate(cap);
    const c = this.c;
    const n = c.count;
    next.count = n;
    next.kind.set(c.kind.subarray(0, n));
    next.pid.set(c.pid.subarray(0, n));
    next.ts.set(c.ts.subarray(0, n));
    next.dur.set(c.dur.subarray(0, n));
    next.nameId.set(c.nameId.subarray(0, n));
    next.errnoId.set(c.errnoId.subarray(0, n));
    next.ret.set(c.ret.subarray(0, n));
    next.status.set(c.status.subarray(0, n));
    next.line.set(c.line.subarray(0, n));
    next.endLine.set(c.endLine.subarray(0, n));
    next.fileId.set(c.fileId.subarray(0, n));
    // the same object with new arrays: callers that took `columns` before an add() that grew them write
    // into the new arrays, not lost old ones
    Object.assign(this.c, next);
    this.cap = cap;
  }
}

export function allocate(n: number): TraceColumns {
  return {
    count: 0,
    kind: new Uint8Array(n),
    pid: new Int32Array(n),
    ts: new Float64Array(n),
    dur: new Float64Array(n),
    nameId: new Uint32Array(n),
    errnoId: new Uint16Array(n),
    ret: new Float64Array(n),
    status: new Uint8Array(n),
    line: new Uint32Array(n),
    endLine: new Uint32Array(n),
    fileId: new Uint16Array(n),
  };
}
