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

  /**
   * `spare`: columns of an earlier, finished builder to fill again (parsing a big log in blocks reuses
   * them block after block instead of allocating new ones); used when they have the room.
   */
  constructor(initialCapacity = 4096, spare?: TraceColumns) {
    if (spare && spare.kind.length >= initialCapacity) {
      this.cap = spare.kind.length;
      // add() sets the other columns of every event; these it leaves as they are
      for (const a of [spare.nameId, spare.errnoId, spare.status, spare.endLine]) a.fill(0);
      this.c = { ...spare, count: 0 };
    } else {
      this.cap = initialCapacity;
      this.c = allocate(initialCapacity);
    }
  }

  /**
   * The columns as filled, without trimming: views of the count's length over the arrays, which a
   * later builder can fill again (see spareColumns). For parts of a bigger trace, not a final one.
   */
  finishViews(): TraceColumns {
    const c = this.c;
    const n = c.count;
    return {
      count: n,
      kind: c.kind.subarray(0, n),
      pid: c.pid.subarray(0, n),
      ts: c.ts.subarray(0, n),
      dur: c.dur.subarray(0, n),
      nameId: c.nameId.subarray(0, n),
      errnoId: c.errnoId.subarray(0, n),
      ret: c.ret.subarray(0, n),
      status: c.status.subarray(0, n),
      line: c.line.subarray(0, n),
      endLine: c.endLine.subarray(0, n),
      fileId: c.fileId.subarray(0, n),
    };
  }

  get count(): number {
    return this.c.count;
  }

  /** The events the columns have room for. */
  get capacity(): number {
    return this.cap;
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

  /** Makes room for `n` events in all (growing by at least half, so repeated calls stay linear). */
  reserve(n: number): void {
    if (n > this.cap) this.resize(Math.max(n, Math.ceil(this.cap * 1.5)));
  }

  /** Appends events [from, to) of other columns as they are (ids, lines and all); reserve first. */
  appendRange(src: TraceColumns, from: number, to: number): void {
    if (to <= from) return;
    const c = this.c;
    const at = c.count;
    if (at + to - from > this.cap) this.reserve(at + to - from);
    c.kind.set(src.kind.subarray(from, to), at);
    c.pid.set(src.pid.subarray(from, to), at);
    c.ts.set(src.ts.subarray(from, to), at);
    c.dur.set(src.dur.subarray(from, to), at);
    c.nameId.set(src.nameId.subarray(from, to), at);
    c.errnoId.set(src.errnoId.subarray(from, to), at);
    c.ret.set(src.ret.subarray(from, to), at);
    c.status.set(src.status.subarray(from, to), at);
    c.line.set(src.line.subarray(from, to), at);
    c.endLine.set(src.endLine.subarray(from, to), at);
    c.fileId.set(src.fileId.subarray(from, to), at);
    c.count = at + to - from;
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

function allocate(n: number): TraceColumns {
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

/** The whole arrays under columns made by finishViews, to give a later builder as its `spare`. */
export function spareColumns(c: TraceColumns): TraceColumns {
  const whole = <T extends ArrayBufferView>(a: T, make: (b: ArrayBufferLike) => T): T => make(a.buffer);
  return {
    count: 0,
    kind: whole(c.kind, (b) => new Uint8Array(b)),
    pid: whole(c.pid, (b) => new Int32Array(b)),
    ts: whole(c.ts, (b) => new Float64Array(b)),
    dur: whole(c.dur, (b) => new Float64Array(b)),
    nameId: whole(c.nameId, (b) => new Uint32Array(b)),
    errnoId: whole(c.errnoId, (b) => new Uint16Array(b)),
    ret: whole(c.ret, (b) => new Float64Array(b)),
    status: whole(c.status, (b) => new Uint8Array(b)),
    line: whole(c.line, (b) => new Uint32Array(b)),
    endLine: whole(c.endLine, (b) => new Uint32Array(b)),
    fileId: whole(c.fileId, (b) => new Uint16Array(b)),
  };
}
