import type { ProcessTree } from '../process-tree.js';

/** Calls whose first argument is a file descriptor. */
const FD_FIRST = new Set([
  'read', 'write', 'pread64', 'pwrite64', 'readv', 'writev', 'preadv', 'pwritev', 'close', 'fstat',
  'newfstatat', 'statx', 'lseek', 'fsync', 'fdatasync', 'ioctl', 'fcntl', 'getdents', 'getdents64',
  'ftruncate', 'fchmod', 'fchown', 'flock', 'fadvise64', 'fstatfs', 'fgetxattr', 'fsetxattr', 'flistxattr',
  'readahead', 'sync_file_range', 'fallocate', 'dup', 'dup2', 'dup3', 'fchdir', 'mmap',
]);
const OPENS = new Set(['open', 'openat', 'openat2', 'creat']);
const DUPS = new Set(['dup', 'dup2', 'dup3']);

/**
 * Without `-y`, fd numbers are allocation luck: two threads opening files race for 3 and 4, so
 * `write(3, ...)` in one run is `write(4, ...)` in the other. This rewrites an fd number to the path it
 * was opened with (`write(</tmp/t0.txt>, ...)`), following each process's fd table: threads share their
 * leader's table, a forked child starts with a copy of its parent's.
 *
 * A split call sits at its first line, so an open that returns late can be seen before another thread's
 * close of the same number. Each thread therefore looks up the fds it opened itself first: worker
 * threads opening, using and closing their own files stay right whatever the interleaving.
 */
export class FdLabeler {
  /** Per thread group (threads share one), and per thread: what that thread itself opened. */
  private readonly tables = new Map<number, Map<number, string>>();
  private readonly own = new Map<number, Map<number, string>>();
  private readonly tree: ProcessTree;

  constructor(tree: ProcessTree) {
    this.tree = tree;
  }

  /** The call text with fd numbers replaced by what they refer to, where known. */
  rewrite(pid: number, name: string, text: string, ok: boolean): string {
    const isOpen = OPENS.has(name);
    if (!isOpen && !FD_FIRST.has(name)) return text;
    const table = this.tableOf(pid);
    let mine = this.own.get(pid);
    if (!mine) {
      mine = new Map();
      this.own.set(pid, mine);
    }
    if (isOpen) {
      const eq = text.lastIndexOf(') = ');
      if (!ok || eq < 0) return text;
      const fd = readInt(text, eq + 4);
      if (fd === null) return text;
      const label = `<${firstString(text)}>`;
      table.set(fd.value, label);
      mine.set(fd.value, label);
      return text.slice(0, eq + 4) + label + text.slice(fd.end);
    }
    // mmap's fd is its fifth argument; the others' is the first.
    let at = 0;
    if (name === 'mmap') {
      for (let n = 0; n < 4 && at >= 0; n++) at = text.indexOf(', ', at) + 2;
      if (at < 2) return text;
    }
    const fd = readInt(text, at);
    if (fd === null) return text;
    const label = mine.get(fd.value) ?? table.get(fd.value);
    if (name === 'close' && ok) {
      mine.delete(fd.value);
      if (table.get(fd.value) === label) table.delete(fd.value);
    }
    if (DUPS.has(name) && ok && label !== undefined) {
      const eq = text.lastIndexOf(') = ');
      const nfd = eq < 0 ? null : readInt(text, eq + 4);
      if (nfd) {
        table.set(nfd.value, label);
        mine.set(nfd.value, label);
      }
    }
    return label === undefined ? text : text.slice(0, at) + label + text.slice(fd.end);
  }

  private tableOf(pid: number): Map<number, string> {
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

function readInt(text: string, at: number): { value: number; end: number } | null {
  let end = at;
  while (end < text.length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
  if (end === at) return null;
  const next = text.charCodeAt(end);
  // `3</path>` is already decorated; `0x...` is not an fd.
  if (next === 60 || next === 120) return null;
  return { value: Number(text.slice(at, end)), end };
}

/** The first string literal, quotes dropped, or "". */
function firstString(text: string): string {
  const q = text.indexOf('"');
  if (q < 0) return '';
  let k = q + 1;
  while (k < text.length && text.charCodeAt(k) !== 34) k += text.charCodeAt(k) === 92 ? 2 : 1;
  return text.slice(q + 1, k);
}
