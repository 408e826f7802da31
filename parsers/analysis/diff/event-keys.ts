import type { Trace } from '../../model/index.js';
import { EVENT_KINDS } from '../../model/index.js';
import { CallRangeReader, emptyCallRanges } from './call-text.js';
import type { Units } from './code-units.js';
import { UnitsScratch, indexOfUnit } from './code-units.js';
import type { FdOverrides, NormaliseContext } from './normalise-call.js';
import { CLOCK_CALLS, PID_CALLS, RANDOM_CALLS, hashCallRanges } from './normalise-call.js';
import { FdLabeler } from './fd-labels.js';
import type { ProcessTree } from '../process-tree.js';

const SYSCALL = EVENT_KINDS.indexOf('syscall');

/** Interned ids shared by the two traces of a diff, so equal ids mean equal calls across them. */
export class KeySpace {
  private readonly names = new Map<string, number>();
  private readonly fine = new HashInterner();
  private readonly coarse = new HashInterner();
  private readonly paths = new HashInterner();
  private readonly lineages = new Map<number, number>();
  private readonly lineagePaths = new Map<string, number>();

  nameId(name: string): number {
    let id = this.names.get(name);
    if (id === undefined) {
      id = this.names.size + 1;
      this.names.set(name, id);
    }
    return id;
  }

  fineId(hash: number): number {
    return this.fine.intern(hash);
  }

  /** The name (its shared id) and the path a call names, buf[from, to): `openat "/etc/ld.so.cache"`. */
  coarseId(nameId: number, buf: Units, from: number, to: number): number {
    return this.coarse.intern(hashRange(nameId, buf, from, to));
  }

  /**
   * A lineage ("r0/1/0": root 0, its second child, that one's first) as a positive id. Lineages are
   * built a step at a time (`lineageStep`), so a deep tree costs one small key per level, not a string
   * as long as its depth.
   */
  lineageId(lineage: number): number {
    let id = this.lineages.get(lineage);
    if (id === undefined) {
      id = this.lineages.size + 1;
      this.lineages.set(lineage, id);
    }
    return id;
  }

  /** The lineage one step (`0`, `t1`, or `r0` from the top, parent 0) below `parent`. */
  lineageStep(parent: number, step: string): number {
    const key = `${parent}/${step}`;
    let id = this.lineagePaths.get(key);
    if (id === undefined) {
      id = this.lineagePaths.size + 1;
      this.lineagePaths.set(key, id);
    }
    return id;
  }

  /** A path, buf[from, to), as a positive id: what an fd refers to. */
  pathId(buf: Units, from: number, to: number): number {
    return this.paths.intern(hashRange(0, buf, from, to));
  }
}

/**
 * Each pid's place in the process tree, as an id shared by both traces: roots by order, children by
 * the order their parent created them (its clone calls), threads among threads.
 */
function pidLineages(tree: ProcessTree, space: KeySpace): Map<number, number> {
  const out = new Map<number, number>();
  // `count` numbers a task's children; it is shared by the images of one task (an execve continues it).
  // A stack, not recursion: the depth of the tree is the input's. A child's step is taken when it is
  // reached, after its elder siblings' subtrees, so the numbering is that of a depth-first walk.
  type Count = { proc: number; thread: number };
  const stack: { nodeId: number; parent: number; count: Count; root?: number }[] = [];
  for (let k = tree.roots.length - 1; k >= 0; k--)
    stack.push({ nodeId: tree.roots[k] as number, parent: 0, count: { proc: 0, thread: 0 }, root: k });
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const node = tree.nodes[top.nodeId];
    if (!node) continue;
    let lineage = top.parent;
    let count = top.count;
    if (top.root !== undefined) lineage = space.lineageStep(0, `r${top.root}`);
    else if (node.origin === 'thread') {
      lineage = space.lineageStep(top.parent, `t${count.thread++}`);
      count = { proc: 0, thread: 0 };
    } else if (node.origin !== 'execve') {
      lineage = space.lineageStep(top.parent, `${count.proc++}`);
      count = { proc: 0, thread: 0 };
    }
    if (node.pid !== null && !out.has(node.pid)) out.set(node.pid, space.lineageId(lineage));
    const kids = node.children
      .map((id) => tree.nodes[id])
      .filter((k): k is NonNullable<typeof k> => k !== undefined)
      .sort((x, y) => x.spawnEvent - y.spawnEvent);
    for (let k = kids.length - 1; k >= 0; k--)
      stack.push({ nodeId: (kids[k] as (typeof kids)[number]).id, parent: lineage, count });
  }
  return out;
}

/** A 53-bit hash of buf[from, to) seeded with `seed` (two 32-bit FNV-style lanes). */
function hashRange(seed: number, buf: Units, from: number, to: number): number {
  let h1 = 0x811c9dc5 ^ seed;
  let h2 = Math.imul(0x01000193 ^ seed, 0x9e3779b1);
  for (let k = from; k < to; k++) {
    const c = buf[k] as number;
    h1 = Math.imul(h1 ^ c, 16777619);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff);
}

/**
 * Ids for 53-bit hashes, in an open-addressing table of (hash, id) pairs side by side in one typed array
 * (a probe touches one cache line): a Map keyed by doubles allocates a heap number per key, which at two
 * million calls is most of the cost.
 */
class HashInterner {
  private table = new Float64Array(2 << 12);
  private size = 0;

  intern(hash: number): number {
    let mask = (this.table.length >> 1) - 1;
    // `>>> 0` keeps the low 32 bits of the (integral, below 2^53) hash: one instruction, not a division.
    let slot = (hash >>> 0) & mask;
    for (;;) {
      const id = this.table[2 * slot + 1] as number;
      if (id === 0) break;
      if (this.table[2 * slot] === hash) return id;
      slot = (slot + 1) & mask;
    }
    const id = ++this.size;
    this.table[2 * slot] = hash;
    this.table[2 * slot + 1] = id;
    if (this.size * 2 > mask + 1) {
      this.grow();
      mask = (this.table.length >> 1) - 1;
    }
    return id;
  }

  private grow(): void {
    const old = this.table;
    this.table = new Float64Array(old.length * 2);
    const mask = (this.table.length >> 1) - 1;
    for (let s = 0; s < old.length; s += 2) {
      const id = old[s + 1] as number;
      if (id === 0) continue;
      const hash = old[s] as number;
      let slot = (hash >>> 0) & mask;
      while ((this.table[2 * slot + 1] as number) !== 0) slot = (slot + 1) & mask;
      this.table[2 * slot] = hash;
      this.table[2 * slot + 1] = id;
    }
  }
}

/** Calls whose first string argument is a path: it identifies the call across runs better than its result. */
const PATH_CALLS = new Set([
  'open',
  'openat',
  'openat2',
  'creat',
  'access',
  'faccessat',
  'faccessat2',
  'stat',
  'lstat',
  'newfstatat',
  'statx',
  'execve',
  'execveat',
  'readlink',
  'readlinkat',
  'chdir',
  'chroot',
  'mkdir',
  'mkdirat',
  'rmdir',
  'unlink',
  'unlinkat',
  'rename',
  'renameat',
  'renameat2',
  'symlink',
  'symlinkat',
  'link',
  'linkat',
  'truncate',
  'chmod',
  'fchmodat',
  'chown',
  'lchown',
  'fchownat',
  'utimensat',
  'statfs',
  'getxattr',
  'lgetxattr',
  'listxattr',
  'llistxattr',
  'mknod',
  'mknodat',
  'inotify_add_watch',
  'uselib',
  'swapon',
  'mount',
  'umount2',
  'pivot_root',
]);

/** Where the first string literal's contents start in buf[from, to) (-1 if none); `stringEnd` its end. */
let stringEnd = 0;
function firstString(buf: Units, from: number, to: number): number {
  const q = indexOfUnit(buf, 34, from, to);
  if (q < 0) {
    stringEnd = -1;
    return -1;
  }
  let k = q + 1;
  while (k < to) {
    const c = buf[k] as number;
    if (c === 92) k += 2;
    else if (c === 34) break;
    else k++;
  }
  stringEnd = Math.min(k, to);
  return q + 1;
}

/** Per event of a trace, three keys from exact to loose (0 for events that are not syscalls). */
export interface EventKeys {
  /** The normalised call: name, arguments and result. */
  fine: Int32Array;
  /** The name and, for calls on paths, the path: the same request whatever its result. */
  coarse: Int32Array;
  /** The name alone. */
  name: Int32Array;
  /** Syscall events keyed. */
  syscalls: number;
  /**
   * A hash of the whole key sequence that does not depend on id assignment: two traces compare in a
   * fixed orientation by it (see computeDiffCore), which makes diff(A, B) the mirror of diff(B, A).
   */
  checksum: number;
}

/**
 * Keys every syscall event of `trace` in one linear pass: the normalised call text is hashed (no string
 * is kept) and interned in `space`.
 */
export function computeEventKeys(
  trace: Trace,
  space: KeySpace,
  options: { chrootPrefix: string | null; cwd: string | null; dropDecorations: boolean; tree: ProcessTree },
): EventKeys {
  const { chrootPrefix, cwd, dropDecorations } = options;
  // Without -y decorations, fd numbers are replaced by the path they were opened with.
  const fds =
    !trace.format.fdPaths || dropDecorations
      ? new FdLabeler(options.tree, (buf, from, to) => space.pathId(buf, from, to))
      : null;
  const c = trace.columns;
  const n = trace.count;
  const fine = new Int32Array(n);
  const coarse = new Int32Array(n);
  const nameKey = new Int32Array(n);
  const pids = pidLineages(options.tree, space);
  // Per trace name id -> shared name id, filled lazily.
  const nameShared = new Int32Array(trace.names.length).fill(-1);
  const pathCall = trace.names.map((name) => PATH_CALLS.has(name));
  const opens = trace.names.map((name) => name + '(');
  // Seeds from the name's text, not its interned id, so that a call's hash is the same whichever trace
  // was keyed first.
  const nameUnits = new UnitsScratch();
  const nameSeeds = trace.names.map(
    (name) => hashRange(0x5eed, nameUnits.fill(name), 0, name.length) % 0x40000000,
  );
  const call = emptyCallRanges();
  const reader = new CallRangeReader();
  const labels: FdOverrides = { argAt: -1, argLabel: 0, retLabel: 0 };
  const plain: NormaliseContext = {
    pids,
    chrootPrefix,
    cwd,
    dropStrings: false,
    dropAll: false,
    dropDecorations,
  };
  const random: NormaliseContext = { ...plain, dropStrings: true };
  const clock: NormaliseContext = { ...plain, dropAll: true };
  const exec: NormaliseContext = { ...plain, execBasenames: true };
  const withPids: NormaliseContext = { ...plain, pidTokens: true };
  const contexts = trace.names.map((name) =>
    CLOCK_CALLS.has(name)
      ? clock
      : RANDOM_CALLS.has(name)
        ? random
        : name === 'execve'
          ? exec
          : PID_CALLS.has(name)
            ? withPids
            : plain,
  );
  let checksum = 0;
  let syscalls = 0;
  for (let i = 0; i < n; i++) {
    if ((c.kind[i] as number) !== SYSCALL) continue;
    const nameId = c.nameId[i] as number;
    let shared = nameShared[nameId] as number;
    const name = trace.names[nameId] as string;
    if (shared < 0) {
      shared = space.nameId(name);
      nameShared[nameId] = shared;
    }
    reader.read(trace, i, opens[nameId] as string, call);
    if (fds)
      fds.label(c.pid[i] as number, name, call, c.ret[i] as number, (c.errnoId[i] as number) === 0, labels);
    // A name id doubles as the coarse key of calls without a path (coarse ids are negative: no clash).
    // Calls on different paths are different requests: they never pair, even by name. An execve pairs
    // by program name, since `./foo` on the host is `/foo` in the chroot.
    if (pathCall[nameId]) {
      let from = firstString(call.buf1, call.from1, call.to1);
      let to = stringEnd;
      if (from < 0) from = to = 0;
      else if (name === 'execve' || name === 'execveat') {
        let slash = Math.min(to, call.end1 - 1);
        while (slash >= from && call.buf1[slash] !== 47) slash--;
        from = Math.max(from, slash + 1);
      }
      coarse[i] = -space.coarseId(shared, call.buf1, from, to);
      nameKey[i] = coarse[i] as number;
    } else {
      coarse[i] = shared;
      nameKey[i] = shared;
    }
    const ctx = contexts[nameId] as NormaliseContext;
    const hash = hashCallRanges(nameSeeds[nameId] as number, ctx, labels, call);
    fine[i] = space.fineId(hash);
    // hash mod 2^30, read off its low 32 bits
    checksum = (Math.imul(checksum, 31) + ((hash >>> 0) & 0x3fffffff)) | 0;
    syscalls++;
  }
  return { fine, coarse, name: nameKey, syscalls, checksum };
}
