import type { ColumnsBuilder } from '../model/columns-builder.js';
import { ByteInterner } from './byte-interner.js';
import type { StraceLine } from './parse-line.js';

/**
 * The column ids of lines' syscall (or signal) names and errnos. The byte fast path interns names by
 * their bytes (`names`, `errnos`); the column id of each interner id is kept here, so a line read from
 * bytes costs one array read, not a string lookup.
 */
export class LineIds {
  readonly names = new ByteInterner();
  readonly errnos = new ByteInterner();
  /** Column ids by interner id (-1: not interned in the columns yet). */
  private nameIds: Int32Array = new Int32Array(256).fill(-1);
  private errnoIds: Int32Array = new Int32Array(64).fill(-1);

  constructor(private readonly cols: ColumnsBuilder) {}

  nameId(l: StraceLine): number {
    const k = l.nameKey;
    if (k < 0) return this.cols.internName(l.name);
    if (k >= this.nameIds.length) this.nameIds = grow(this.nameIds, k);
    let id = this.nameIds[k] as number;
    if (id < 0) this.nameIds[k] = id = this.cols.internName(l.name);
    return id;
  }

  errnoId(l: StraceLine): number {
    const k = l.errnoKey;
    if (k < 0) return this.cols.internErrno(l.errno as string);
    if (k >= this.errnoIds.length) this.errnoIds = grow(this.errnoIds, k);
    let id = this.errnoIds[k] as number;
    if (id < 0) this.errnoIds[k] = id = this.cols.internErrno(l.errno as string);
    return id;
  }
}

function grow(ids: Int32Array, k: number): Int32Array {
  const next = new Int32Array(Math.max(ids.length * 2, k + 1)).fill(-1);
  next.set(ids);
  return next;
}
