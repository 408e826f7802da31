import type { BpfRecord } from './line-grammar.js';
import { parseBpftraceLine } from './line-grammar.js';

/**
 * Groups the records of a whole log into events, in time order. bpftrace writes each CPU's buffer in
 * turn, so lines are not in time order across CPUs (32 of 1124 in a pipeline run): everything is sorted by
 * its kernel time here. Argument lines (I, A) are printed by a separate probe at syscall entry, so each
 * is matched to the call of the same thread whose [enter, exit] window holds it.
 */
export type Item =
  | {
      kind: 'call';
      line: number;
      sortNs: number;
      pid: number;
      rec: Extract<BpfRecord, { type: 'call' }>;
      argLines: number[];
    }
  | {
      kind: 'exit-call';
      line: number;
      sortNs: number;
      pid: number;
      rec: Extract<BpfRecord, { type: 'exit-call' }>;
    }
  | {
      kind: 'pending';
      line: number;
      sortNs: number;
      pid: number;
      rec: Extract<BpfRecord, { type: 'pending' }>;
      argLines: number[];
    }
  | { kind: 'orphan-args'; line: number; sortNs: number; pid: number; name: string; argLines: number[] }
  | { kind: 'signal'; line: number; sortNs: number; pid: number; rec: Extract<BpfRecord, { type: 'signal' }> }
  | {
      kind: 'task-exit';
      line: number;
      sortNs: number;
      pid: number;
      rec: Extract<BpfRecord, { type: 'task-exit' }>;
    }
  | { kind: 'lost'; line: number; sortNs: number; count: number }
  | { kind: 'unknown'; line: number; sortNs: number; text: string };

export interface Assembled {
  items: Item[];
  anchor: Extract<BpfRecord, { type: 'anchor' }> | null;
  /** Full values of string arguments that ran over several lines (a path with a newline), by line. */
  longStrings: Map<number, string>;
}

/** An argument line may precede the raw enter probe's timestamp by this much. */
const SLACK_NS = 20_000;
const EXIT_NRS = new Set([60, 231]);
/** clone, fork, vfork, clone3 (x86_64): the calls that return twice, once in each task. */
const FORK_NRS = new Set([56, 57, 58, 435]);

/**
 * The new task's return from fork/vfork/clone/clone3. It never entered the call (its parent did), so
 * its exit has no enter time, or a stale one left by a task that had the same tid and died inside a call:
 *
 *   @x[27583, 15756768300194]: (0, 27583, 0, 58, 0, sh)       the child's 0 from vfork
 *
 * strace -f shows no such line: the parent's call, returning the child's pid, is the fork. Made an
 * event, it would be a second, resumed-only vfork in the child (102 vforks for 51 forks).
 */
function isChildForkReturn(rec: Extract<BpfRecord, { type: 'call' }>): boolean {
  return rec.ret === 0 && FORK_NRS.has(rec.nrExit) && (rec.enterNs === 0 || rec.nrEnter !== rec.nrExit);
}

type ArgRec = Extract<BpfRecord, { type: 'ints' } | { type: 'string' }>;

export function assembleRecords(lines: readonly string[], nameOf: (nr: number) => string): Assembled {
  const items: Item[] = [];
  const longStrings = new Map<number, string>();
  const args: Array<{ line: number; rec: ArgRec }> = [];
  const callsByTid = new Map<number, Array<Extract<Item, { kind: 'call' }>>>();
  const pendingByTid = new Map<number, Array<Extract<Item, { kind: 'pending' }>>>();
  let anchor: Assembled['anchor'] = null;
  let lastString: { line: number; value: string } | null = null;
  let lastNs = 0;
  let expectedCalls = 0;
  let callLines = 0;

  lines.forEach((text, index) => {
    const line = index + 1;
    const rec = parseBpftraceLine(text);
    if (
      rec === null &&
      lastString &&
      lastString.line + countExtra(longStrings, lastString.line) === line - 1
    ) {
      // str() is not escaped: a newline inside a path continues it on the next line.
      lastString.value += `\n${text}`;
      longStrings.set(lastString.line, lastString.value);
      return;
    }
    lastString = null;
    if (rec === null) {
      items.push({ kind: 'unknown', line, sortNs: lastNs, text });
      return;
    }
    switch (rec.type) {
      case 'anchor':
        anchor ??= rec;
        return;
      case 'header':
      case 'blank':
        return;
      case 'lost':
        items.push({ kind: 'lost', line, sortNs: lastNs, count: rec.count });
        return;
      case 'call-count':
        // bpftrace prints the map again, zeroed, when it exits: keep the largest.
        if (rec.count > expectedCalls) expectedCalls = rec.count;
        return;
      case 'call': {
        callLines++;
        if (isChildForkReturn(rec)) return;
        const item = {
          kind: 'call' as const,
          line,
          sortNs: rec.enterNs > 0 ? rec.enterNs : rec.exitNs,
          pid: rec.pid,
          rec,
          argLines: [],
        };
        lastNs = item.sortNs;
        items.push(item);
        push(callsByTid, rec.tid, item);
        return;
      }
      case 'exit-call':
        items.push({ kind: 'exit-call', line, sortNs: rec.ns, pid: rec.pid, rec });
        return;
      case 'signal':
        items.push({ kind: 'signal', line, sortNs: rec.ns, pid: rec.pid, rec });
        return;
      case 'task-exit':
        items.push({ kind: 'task-exit', line, sortNs: rec.ns, pid: rec.pid, rec });
        return;
      case 'pending': {
        if (EXIT_NRS.has(rec.nr)) return; // exit_group never returns; its G line already made the event
        const item = { kind: 'pending' as const, line, sortNs: rec.enterNs, pid: -1, rec, argLines: [] };
        items.push(item);
        push(pendingByTid, rec.tid, item);
        return;
      }
      case 'string':
        lastString = { line, value: rec.value };
        args.push({ line, rec });
        return;
      case 'ints':
        args.push({ line, rec });
        return;
    }
  });

  if (expectedCalls > callLines) {
    // The buffer map was full (BPFTRACE_MAP_KEYS_MAX): later calls were not kept.
    items.push({
      kind: 'lost',
      line: lines.length,
      sortNs: Number.MAX_VALUE,
      count: expectedCalls - callLines,
    });
  }
  for (const list of callsByTid.values()) list.sort((a, b) => a.sortNs - b.sortNs || a.line - b.line);
  const orphans = new Map<string, Extract<Item, { kind: 'orphan-args' }>>();
  for (const { line, rec } of args) {
    const owner = findOwner(callsByTid.get(rec.tid), pendingByTid.get(rec.tid), rec, nameOf);
    if (owner) {
      owner.argLines.push(line);
      continue;
    }
    // No call to attach to (the tracee died inside it, or the exit was lost): one event per entry.
    const key = `${rec.tid}:${rec.name}`;
    let orphan = orphans.get(key);
    if (!orphan || rec.type === 'ints') {
      orphan = { kind: 'orphan-args', line, sortNs: rec.ns, pid: rec.tid, name: rec.name, argLines: [] };
      orphans.set(key, orphan);
      items.push(orphan);
    }
    orphan.argLines.push(line);
  }
  for (const item of items) if (item.kind === 'pending') item.pid = item.rec.tid;
  items.sort((a, b) => a.sortNs - b.sortNs || a.line - b.line);
  return { items, anchor, longStrings };
}

function findOwner(
  calls: Array<Extract<Item, { kind: 'call' }>> | undefined,
  pending: Array<Extract<Item, { kind: 'pending' }>> | undefined,
  rec: ArgRec,
  nameOf: (nr: number) => string,
): { argLines: number[] } | null {
  if (calls && calls.length > 0) {
    // The last call entered no later than the argument line (plus slack), and its neighbour.
    let lo = 0;
    let hi = calls.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((calls[mid] as { sortNs: number }).sortNs <= rec.ns + SLACK_NS) lo = mid;
      else hi = mid - 1;
    }
    // Calls of one thread never overlap, so the owner is among the few that start around the line.
    for (const i of [lo, lo - 1, lo - 2, lo - 3, lo - 4, lo + 1]) {
      const c = calls[i];
      if (!c || c.rec.enterNs === 0) continue;
      const name = nameOf(c.rec.nrExit >= 0 ? c.rec.nrExit : c.rec.nrEnter);
      if (name === rec.name && rec.ns >= c.rec.enterNs - SLACK_NS && rec.ns <= c.rec.exitNs) return c;
    }
  }
  for (const p of pending ?? []) {
    if (nameOf(p.rec.nr) === rec.name && rec.ns >= p.rec.enterNs - SLACK_NS) return p;
  }
  return null;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function countExtra(longStrings: Map<number, string>, line: number): number {
  const v = longStrings.get(line);
  return v === undefined ? 0 : v.split('\n').length - 1;
}
