import type { EventKind } from './event.js';
import { EVENT_KINDS } from './event.js';
import type { TraceColumns } from './trace.js';

const KIND_CODES = new Map<EventKind, number>(EVENT_KINDS.map((k, i) => [k, i]));

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
    if (this.c.count >= this.cap) this.growTo(Math.max(16, this.cap * 2));
    const i = this.c.count++;
    const c = this.c;
    c.kind[i] = KIND_CODES.get(kind) ?? 0;
    c.pid[i] = pid ?? -1;
    c.ts[i] = ts ?? NaN;
    c.dur[i] = NaN;
    c.ret[i] = NaN;
    c.line[i] = line;
    c.fileId[i] = fileId;
    return i;
  }

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

  /** Trims the columns to size and lets go of the growable ones (they can be twice the size). */
  finish(): TraceColumns {
    const n = this.c.count;
    const c = this.c;
    this.c = allocate(0);
    this.c.count = n;
    this.cap = 0;
    return {
      count: n,
      kind: c.kind.slice(0, n),
      pid: c.pid.slice(0, n),
      ts: c.ts.slice(0, n),
      dur: c.dur.slice(0, n),
      nameId: c.nameId.slice(0, n),
      errnoId: c.errnoId.slice(0, n),
      ret: c.ret.slice(0, n),
      status: c.status.slice(0, n),
      line: c.line.slice(0, n),
      endLine: c.endLine.slice(0, n),
      fileId: c.fileId.slice(0, n),
    };
  }

  private growTo(cap: number): void {
    const next = allocate(cap);
    const c = this.c;
    next.count = c.count;
    next.kind.set(c.kind);
    next.pid.set(c.pid);
    next.ts.set(c.ts);
    next.dur.set(c.dur);
    next.nameId.set(c.nameId);
    next.errnoId.set(c.errnoId);
    next.ret.set(c.ret);
    next.status.set(c.status);
    next.line.set(c.line);
    next.endLine.set(c.endLine);
    next.fileId.set(c.fileId);
    this.c = next;
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
