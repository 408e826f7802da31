/**
 * The bpftrace reader: the output of the collector's bpftrace program (see line-grammar.ts for the
 * format) in, the same columnar `Trace` the strace reader makes out, so every view and analysis works on
 * either. Pure: no Node or DOM API.
 *
 *   parseBpftrace(text)        the whole log
 *   sniffBpftrace(head)        does this text look like that format?
 *   parseBpftraceLine(text)    one line, no state
 */
import { ColumnsBuilder } from '../model/columns-builder.js';
import type { Diagnostic, EventKind } from '../model/event.js';
import { LineStore } from '../model/line-store.js';
import { CALL_STATUS, Trace } from '../model/trace.js';
import { errnoOf, syscallNameOf } from './numbers.js';
import { assembleRecords } from './assemble.js';
import type { Item } from './assemble.js';
import { decodeBpftraceEvent } from './decode-event.js';
import type { DecodeContext } from './decode-event.js';
import { signalName } from './signal-names.js';

export { parseBpftraceLine } from './line-grammar.js';
export { sniffBpftrace } from './sniff.js';
export type { BpfRecord } from './line-grammar.js';
export { syscallNameOf, syscallNumberOf, errnoOf } from './numbers.js';
export { PATH_PROBES, PATH_PROBE_BY_NAME } from './probe-table.js';
export type { PathProbe, FieldCode } from './probe-table.js';

export interface BpftraceParseOptions {
  /** Names the source in events and diagnostics. */
  fileName?: string;
}

/** bpftrace's default `str()` size, used when the log does not say (BPFTRACE_STRLEN). */
const DEFAULT_STR_LIMIT = 64;
const UNFINISHED = CALL_STATUS.indexOf('unfinished');
const RESUMED_ONLY = CALL_STATUS.indexOf('resumed-only');

/** Parses a whole bpftrace log into a Trace. Never throws: lines outside the format become `unknown` events. */
export function parseBpftrace(text: string, options: BpftraceParseOptions = {}): Trace {
  const store = new LineStore(options.fileName ?? 'trace');
  const base = store.addSegment(text);
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  let offset = 0;
  for (const l of lines) {
    store.addLine(base + offset);
    offset += l.length + 1;
  }
  store.trim();

  const names = new Map<number, string>();
  const nameOf = (nr: number): string => {
    let name = names.get(nr);
    if (name === undefined) {
      name = syscallNameOf(nr);
      names.set(nr, name);
    }
    return name;
  };
  const { items, anchor, longStrings } = assembleRecords(lines, nameOf);
  const toSeconds = anchor
    ? (ns: number) => anchor.epochSeconds + (ns - anchor.monoNs) / 1e9
    : (ns: number) => ns / 1e9;
  const cols = new ColumnsBuilder(Math.max(16, items.length));
  const diagnostics: Diagnostic[] = [];
  const argLines = new Map<number, number[]>();
  const messages = new Map<number, string>();
  for (const item of items) {
    // Only a process's main thread gets an event, as strace prints `+++ exited +++` per process.
    if (item.kind === 'task-exit' && item.rec.pid !== item.rec.tid) continue;
    const i = addItem(cols, item, toSeconds, nameOf);
    if ('argLines' in item && item.argLines.length > 0) argLines.set(i, item.argLines);
    if (item.kind === 'lost')
      messages.set(i, `bpftrace lost ${item.count} event${item.count === 1 ? '' : 's'}`);
    if (item.kind === 'unknown') {
      diagnostics.push({
        code: 'unknown-line',
        message: `not a line of the spelunk bpftrace format: ${item.text.slice(0, 80)}`,
        line: item.line,
        ...(options.fileName ? { file: options.fileName } : {}),
      });
    }
    if (item.kind === 'pending' || item.kind === 'orphan-args') {
      diagnostics.push({
        code: 'unfinished-at-end',
        message: 'the call had not returned when tracing stopped',
        line: item.line,
        ...(options.fileName ? { file: options.fileName } : {}),
      });
    }
  }
  const ctx: DecodeContext = {
    argLines,
    messages,
    longStrings,
    strLimit: anchor?.strLimit ?? DEFAULT_STR_LIMIT,
    toSeconds,
  };
  return new Trace({
    columns: cols.finish(),
    names: cols.names,
    errnos: cols.errnos,
    sources: [store],
    summaries: [],
    diagnostics,
    format: {
      tracer: 'bpftrace',
      timestamps: anchor ? 'absolute' : 'relative',
      timeOfDay: false,
      durations: true,
      pidPrefix: true,
      stderrForm: false,
      fdPaths: false,
      comm: true,
      syscallNumbers: true,
      instructionPointers: false,
      stacks: false,
    },
    decoder: (trace, index) => decodeBpftraceEvent(trace, index, ctx),
  });
}

function addItem(
  cols: ColumnsBuilder,
  item: Item,
  toSeconds: (ns: number) => number,
  nameOf: (nr: number) => string,
): number {
  const c = cols.columns;
  // The pid column holds the thread id, as strace -f prints it: each thread is its own lane.
  const add = (kind: EventKind, pid: number | null, ns: number | null): number =>
    cols.add(kind, pid, ns === null ? null : toSeconds(ns), item.line, 0);
  switch (item.kind) {
    case 'call': {
      const r = item.rec;
      const i = add('syscall', r.tid, item.sortNs);
      c.nameId[i] = cols.internName(nameOf(r.nrExit >= 0 ? r.nrExit : r.nrEnter));
      setReturn(cols, i, r.ret);
      if (r.enterNs > 0) c.dur[i] = (r.exitNs - r.enterNs) / 1e9;
      else c.status[i] = RESUMED_ONLY;
      return i;
    }
    case 'exit-call': {
      const i = add('syscall', item.rec.tid, item.sortNs);
      c.nameId[i] = cols.internName(nameOf(item.rec.nr));
      return i;
    }
    case 'pending': {
      const i = add('syscall', item.pid, item.sortNs);
      c.nameId[i] = cols.internName(nameOf(item.rec.nr));
      c.status[i] = UNFINISHED;
      return i;
    }
    case 'orphan-args': {
      const i = add('syscall', item.pid, item.sortNs);
      c.nameId[i] = cols.internName(item.name);
      c.status[i] = UNFINISHED;
      return i;
    }
    case 'signal': {
      const i = add('signal', item.rec.tid, item.sortNs);
      c.nameId[i] = cols.internName(signalName(item.rec.signo));
      return i;
    }
    case 'task-exit': {
      const r = item.rec;
      const signo = r.status & 0x7f;
      const i = add(signo === 0 ? 'exit' : 'killed', r.tid, item.sortNs);
      if (signo !== 0) c.nameId[i] = cols.internName(signalName(signo));
      c.ret[i] = signo === 0 ? (r.status >> 8) & 0xff : NaN;
      return i;
    }
    case 'lost':
      return add('message', null, item.sortNs);
    case 'unknown':
      return add('unknown', null, null);
  }
}

function setReturn(cols: ColumnsBuilder, i: number, ret: number): void {
  const c = cols.columns;
  const info = ret < 0 && ret >= -4095 ? errnoOf(-ret) : null;
  if (!info) {
    c.ret[i] = ret;
    return;
  }
  c.errnoId[i] = cols.internErrno(info.name);
  c.ret[i] = info.kernelInternal ? NaN : -1;
}
