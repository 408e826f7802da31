import type { ProcessTree } from '../process-tree.js';
import type { CallRanges } from './call-text.js';
import type { FdOverrides } from './normalise-call.js';
import type { Units } from './code-units.js';
import { indexOfText, indexOfUnit } from './code-units.js';

/** Calls whose first argument is a file descriptor. */
const FD_FIRST = new Set([
  'read',
  'write',
  'pread64',
  'pwrite64',
  'readv',
  'writev',
  'preadv',
  'pwritev',
  'close',
  'fstat',
  'newfstatat',
  'statx',
  'lseek',
  'fsync',
  'fdatasync',
  'ioctl',
  'fcntl',
  'getdents',
  'getdents64',
  'ftruncate',
  'fchmod',
  'fchown',
  'flock',
  'fadvise64',
  'fstatfs',
  'fgetxattr',
  'fsetxattr',
  'flistxattr',
  'readahead',
  'sync_file_range',
  'fallocate',
  'dup',
  'dup2',
  'dup3',
  'fchdir',
  'mmap',
]);
const OPENS = new Set(['open', 'openat', 'openat2', 'creat']);
const DUPS = new Set(['dup', 'dup2', 'dup3']);

/**
 * Without `-y`, fd numbers are allocation luck: two threads opening files race for 3 and 4, so
 * `write(3, ...)` in one run is `write(4, ...)` in the other. This labels an fd number with the path it
 * was opened with (`write(</tmp/t0.txt>, ...)`), following each process's fd table: threads share their
 * leader's table, a forked child starts with a copy of its parent's.
 *
 * A split call sits at its first line, so an open that returns late can be seen before another thread's
 * close of the same number. Each thread therefore looks up the fds it opened itself first: worker
 * threads opening, using and closing their own files stay right whatever the interleaving.
 */
export class FdLabeler {
  /** Per thread group (threads share one), and per thread: what that thread itself opened. */
  private readonly tables = new Map<number, Map<number, number>>();
  private readonly own = new Map<number, Map<number, number>>();
  private readonly tree: ProcessTree;
  private readonly pathId: (buf: Units, from: number, to: number) => number;

  /** `pathId` interns a path (a range of a line) to a positive id shared by both traces of a diff. */
  constructor(tree: ProcessTree, pathId: (buf: Units, from: number, to: number) => number) {
    this.tree = tree;
    this.pathId = pathId;
  }

  /**
   * Sets `out` to the labels of the call's fd numbers, where known: the fd argument (first, or mmap's
   * fifth) and, for open/dup, the fd returned. `ret` is the numeric result, `ok` whether it succeeded.
   */
  label(pid: number, name: string, call: CallRanges, ret: number, ok: boolean, out: FdOverrides): void {
    out.argAt = -1;
    out.argLabel = 0;
    out.retLabel = 0;
    const isOpen = OPENS.has(name);
    if (!isOpen && !FD_FIRST.has(name)) return;
    const table = this.tableOf(pid);
    let mine = this.own.get(pid);
    if (!mine) {
      mine = new Map();
      this.own.set(pid, mine);
    }
    const { buf1, from1, to1, end1 } = call;
    if (isOpen) {
      if (!ok || !Number.isInteger(ret) || ret < 0) return;
      const q = firstString(buf1, from1, to1);
      const label = this.pathId(buf1, q, stringEnd);
      table.set(ret, label);
      mine.set(ret, label);
      out.retLabel = label;
      return;
    }
    // mmap's fd is its fifth argument; the others' is the first.
    let at = from1;
    if (name === 'mmap') {
      for (let n = 0; n < 4; n++) {
        const comma = indexOfText(buf1, ', ', at, end1);
        if (comma < 0 || comma >= to1) return;
        at = comma + 2;
      }
    }
    const fd = readInt(buf1, at, to1, end1);
    if (fd === null) return;
    const label = mine.get(fd) ?? table.get(fd);
    if (label === undefined) return;
    out.argAt = at;
    out.argLabel = label;
    if (name === 'close' && ok) {
      mine.delete(fd);
      if (table.get(fd) === label) table.delete(fd);
    }
    if (DUPS.has(name) && ok && Number.isInteger(ret) && ret >= 0) {
      table.set(ret, label);
      mine.set(ret, label);
      out.retLabel = label;
    }
  }

  private tableOf(pid: number): Map<number, number> {
    let table = this.tables.get(pid);
    if (table) return table;
    const ids = this.tree.byPid.get(pid);
    const first = ids ? this.tree.nodes[ids[0] as number] : undefined;
    const parent = first && first.parent !== null ? this.tree.nodes[first.parent] : undefined;
    const parentTable = parent && parent.pid !== null ? this.tables.get(parent.pid) : undefined;
    if (first?.origin === 'thread' && parentTable) table = parentTable;
    else table = new Map(parentTable ?? []);
    this.tables.set(pid, table);
    return table;
  }
}

/** The decimal number at `at`, or null (also for `3</path>`, already decorated, and `0x...`). */
function readInt(buf: Units, at: number, to: number, lineEnd: number): number | null {
  let end = at;
  let value = 0;
  while (end < to) {
    const c = buf[end] as number;
    if (c < 48 || c > 57) break;
    value = value * 10 + (c - 48);
    end++;
  }
  if (end === at) return null;
  const next = end < lineEnd ? buf[end] : -1;
  if (next === 60 || next === 120) return null;
  return value;
}

let stringEnd = 0;
/**
 * Where the first string literal's contents start in [from, to), and `stringEnd` where they end; an
 * empty range at `from` if there is none.
 */
function firstString(buf: Units, from: number, to: number): number {
  const q = indexOfUnit(buf, 34, from, to);
  if (q < 0) {
    stringEnd = from;
    return from;
  }
  let k = q + 1;
  while (k < to && buf[k] !== 34) k += buf[k] === 92 ? 2 : 1;
  stringEnd = Math.min(k, to);
  return q + 1;
}
