import type { ArgNode, SyscallEvent, Trace } from '../model/index.js';
import { EVENT_KINDS } from '../model/index.js';
import type { ProcessTree } from './process-tree.js';
import { computeProcessTree } from './process-tree.js';
import { mapRange, protectRange, unmapRange } from './address-ranges.js';
import type { Mapping } from './address-ranges.js';

export type { Mapping } from './address-ranges.js';

/** One change to an address space, as the trace shows it. */
export interface AddressSpaceOp {
  event: number;
  line: number;
  op: 'mmap' | 'munmap' | 'mprotect' | 'mremap' | 'brk';
  start: number;
  /** Bytes, rounded up to whole pages. */
  length: number;
  prot?: string;
  file?: string | null;
}

/** The program break after a brk call. */
export interface BrkPoint {
  event: number;
  line: number;
  ts: number | null;
  value: number;
}

/**
 * The memory of one program image: from its execve (or its fork) to its end. Threads share their
 * process's; a forked child starts with a copy of its parent's mappings.
 */
export interface AddressSpace {
  /** The process-tree node of the image (the thread group's, for threads). */
  node: number;
  pid: number | null;
  program: string | null;
  brk: BrkPoint[];
  ops: AddressSpaceOp[];
  /** The mappings when the trace ends (or the image is replaced), by address. */
  mappings: Mapping[];
}

const SYSCALL = EVENT_KINDS.indexOf('syscall');
const MEMORY_CALLS = new Set(['mmap', 'mmap2', 'munmap', 'mprotect', 'pkey_mprotect', 'mremap', 'brk']);
const FD_CALLS = new Set(['open', 'openat', 'openat2', 'creat', 'close']);
const PAGE = 4096;

/**
 * Replays brk, mmap, munmap, mprotect and mremap per program image: the program break over time, and the
 * table of mappings with the file behind each (from `-y` decorations, else from the path the fd was
 * opened with). This is what the dynamic loader mapped: libc and the other libraries, their data and
 * bss, anonymous memory. What the kernel mapped at execve (the binary itself, ld.so, the stack) makes no
 * syscall and so is not in the table; an mprotect of such a range changes nothing here.
 */
export function computeAddressSpace(
  trace: Trace,
  tree: ProcessTree = computeProcessTree(trace),
): AddressSpace[] {
  const spaces = new Map<number, AddressSpace>(); // owner node -> space
  const fdTables = new Map<number, Map<number, string>>(); // owner node -> fd -> path
  const ownerOf = (nodeId: number): number => {
    let n = tree.nodes[nodeId];
    while (n && n.origin === 'thread' && n.parent !== null) n = tree.nodes[n.parent];
    return n ? n.id : nodeId;
  };
  const spaceOf = (owner: number): AddressSpace => {
    let space = spaces.get(owner);
    if (space) return space;
    const node = tree.nodes[owner];
    const parent =
      node && node.parent !== null && node.origin !== 'execve' ? spaces.get(ownerOf(node.parent)) : undefined;
    space = {
      node: owner,
      pid: node?.pid ?? null,
      program: node?.program ?? null,
      brk: [],
      ops: [],
      mappings: parent ? parent.mappings.map((m) => ({ ...m })) : [],
    };
    spaces.set(owner, space);
    const parentFds = node && node.parent !== null ? fdTables.get(ownerOf(node.parent)) : undefined;
    fdTables.set(owner, new Map(parentFds ?? []));
    return space;
  };
  const c = trace.columns;
  for (let i = 0; i < trace.count; i++) {
    if ((c.kind[i] as number) !== SYSCALL || (c.errnoId[i] as number) !== 0) continue;
    const name = trace.name(i);
    const isMem = MEMORY_CALLS.has(name);
    if (!isMem && !FD_CALLS.has(name)) continue;
    const nodeId = tree.nodeOf[i] as number;
    if (nodeId < 0) continue;
    const owner = ownerOf(nodeId);
    const space = spaceOf(owner);
    const fds = fdTables.get(owner) as Map<number, string>;
    const ev = trace.event(i);
    if (ev.kind !== 'syscall') continue;
    if (!isMem) {
      trackFd(ev, fds);
      continue;
    }
    applyMemoryCall(ev, i, space, fds);
  }
  return [...spaces.values()].sort((x, y) => x.node - y.node);
}

function trackFd(ev: SyscallEvent, fds: Map<number, string>): void {
  if (ev.name === 'close') {
    const fd = numberOf(ev.args[0]);
    if (fd !== null) fds.delete(fd);
    return;
  }
  const fd = Number(ev.ret);
  const path = ev.args.find((a) => a.type === 'string');
  if (Number.isInteger(fd) && fd >= 0 && path?.type === 'string') fds.set(fd, ev.retPath ?? path.value);
}

function applyMemoryCall(ev: SyscallEvent, i: number, space: AddressSpace, fds: Map<number, string>): void {
  const ret = parseAddress(ev.ret);
  const line = ev.line;
  if (ev.name === 'brk') {
    if (ret !== null) space.brk.push({ event: i, line, ts: ev.ts, value: ret });
    return;
  }
  const [a0, a1, a2, a3, a4, a5] = ev.args;
  if (ev.name === 'mmap' || ev.name === 'mmap2') {
    if (ret === null) return;
    const length = pages(numberOf(a1));
    const prot = a2?.text ?? '';
    const file = fileOf(a4, fds);
    const offset = numberOf(a5) ?? 0;
    space.mappings = mapRange(space.mappings, {
      start: ret,
      end: ret + length,
      prot,
      flags: a3?.text ?? '',
      file,
      offset,
      event: i,
      line,
    });
    space.ops.push({ event: i, line, op: 'mmap', start: ret, length, prot, file });
  } else if (ev.name === 'munmap') {
    const start = numberOf(a0);
    const length = pages(numberOf(a1));
    if (start === null) return;
    space.mappings = unmapRange(space.mappings, start, start + length);
    space.ops.push({ event: i, line, op: 'munmap', start, length });
  } else if (ev.name === 'mprotect' || ev.name === 'pkey_mprotect') {
    const start = numberOf(a0);
    const length = pages(numberOf(a1));
    if (start === null) return;
    const prot = a2?.text ?? '';
    space.mappings = protectRange(space.mappings, start, start + length, prot);
    space.ops.push({ event: i, line, op: 'mprotect', start, length, prot });
  } else if (ev.name === 'mremap') {
    const old = numberOf(a0);
    const oldLength = pages(numberOf(a1));
    const newLength = pages(numberOf(a2));
    if (old === null || ret === null) return;
    const moved = space.mappings.find((m) => m.start <= old && old < m.end);
    space.mappings = unmapRange(space.mappings, old, old + oldLength);
    if (moved)
      space.mappings = mapRange(space.mappings, {
        ...moved,
        start: ret,
        end: ret + newLength,
        event: i,
        line,
      });
    space.ops.push({ event: i, line, op: 'mremap', start: ret, length: newLength });
  }
}

/** `-y` prints the fd's file (`3</usr/lib/x86_64-linux-gnu/libc.so.6>`); otherwise, what it was opened as. */
function fileOf(arg: ArgNode | undefined, fds: Map<number, string>): string | null {
  if (!arg) return null;
  if (arg.type === 'fd') return arg.path;
  const fd = numberOf(arg);
  if (fd === null || fd < 0) return null;
  return fds.get(fd) ?? `fd ${fd}`;
}

function numberOf(arg: ArgNode | undefined): number | null {
  if (!arg) return null;
  if (arg.type === 'number' || arg.type === 'fd') return arg.value;
  if (arg.type === 'null') return 0;
  if (arg.type === 'expr' || arg.type === 'commented') {
    // `8192*1024`, or `0x7f... /* comment */`: evaluate what is simple.
    const n = Number(arg.text.split(' ')[0]);
    if (Number.isFinite(n)) return n;
    const m = /^(\d+)\*(\d+)$/.exec(arg.text);
    return m ? Number(m[1]) * Number(m[2]) : null;
  }
  return null;
}

/** `0x7f1cefef3000` -> number (user addresses stay below 2^47: exact in a double). */
function parseAddress(text: string): number | null {
  if (text.startsWith('0x')) return parseInt(text.slice(2), 16);
  const n = Number(text);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

function pages(length: number | null): number {
  if (length === null || length <= 0) return 0;
  return Math.ceil(length / PAGE) * PAGE;
}

/**
 * Files mapped (at any time) by one image and not the other: where a chroot run's memory differs from
 * the host's (a library the rootfs lacks, or one loaded from another path). Paths are compared as given.
 */
export function compareMappedFiles(a: AddressSpace, b: AddressSpace): { onlyA: string[]; onlyB: string[] } {
  const files = (s: AddressSpace): Set<string> =>
    new Set(s.ops.filter((o) => o.op === 'mmap' && o.file).map((o) => o.file as string));
  const fa = files(a);
  const fb = files(b);
  return { onlyA: [...fa].filter((f) => !fb.has(f)).sort(), onlyB: [...fb].filter((f) => !fa.has(f)).sort() };
}
