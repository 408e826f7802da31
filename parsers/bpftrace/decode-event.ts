import type { ArgNode } from '../model/args.js';
import type { SyscallEvent, TraceEvent } from '../model/event.js';
import type { Trace } from '../model/trace.js';
import { encodeStraceString } from '../strace/args/index.js';
import { errnoOf } from './numbers.js';
import type { BpfRecord } from './line-grammar.js';
import { parseBpftraceLine } from './line-grammar.js';
import type { FieldCode } from './probe-table.js';
import { PATH_PROBE_BY_NAME } from './probe-table.js';

/**
 * Rebuilds full event objects from the raw lines on demand (the columns already hold name, times, return
 * and errno). Arguments exist only for the path-taking calls the script probes; they are laid out in the
 * kernel's parameter order, which is strace's order too.
 */
export interface DecodeContext {
  /** Argument lines (I and A) of each call event, by event index. */
  argLines: Map<number, number[]>;
  /** Text of message events (lost events), by event index. */
  messages: Map<number, string>;
  longStrings: Map<number, string>;
  strLimit: number;
  /** Seconds from a monotonic ns value. */
  toSeconds: (ns: number) => number;
}

const AT_FDCWD = -100;
const FD_FIELDS = new Set(['dfd', 'olddfd', 'newdfd', 'fd']);
/** Calls whose return is an address: strace prints it in hex. */
const ADDRESS_RETURNS = new Set(['mmap', 'brk', 'mremap', 'shmat']);

export function decodeBpftraceEvent(trace: Trace, index: number, ctx: DecodeContext): TraceEvent {
  const kind = trace.kind(index);
  const base = { line: trace.line(index), pid: trace.pid(index), ts: trace.ts(index) };
  const file = trace.file(index);
  const common = file === undefined ? base : { ...base, file };
  if (kind === 'syscall') return decodeSyscall(trace, index, ctx, common);
  const rec = parseBpftraceLine(trace.rawLine(index));
  switch (kind) {
    case 'signal':
      return { ...common, kind, signal: trace.name(index) };
    case 'exit':
      return { ...common, kind, code: rec?.type === 'task-exit' ? (rec.status >> 8) & 0xff : 0 };
    case 'killed':
      return {
        ...common,
        kind,
        signal: trace.name(index),
        core: rec?.type === 'task-exit' && (rec.status & 0x80) !== 0,
      };
    case 'message':
      return { ...common, kind, text: ctx.messages.get(index) ?? trace.rawLine(index) };
    default:
      return {
        ...common,
        kind: 'unknown',
        text: trace.rawLine(index),
        reason: 'not a line of the spelunk bpftrace format',
      };
  }
}

function decodeSyscall(
  trace: Trace,
  index: number,
  ctx: DecodeContext,
  common: Omit<SyscallEvent, 'kind' | 'name' | 'args' | 'ret' | 'errno' | 'dur'>,
): SyscallEvent {
  const name = trace.name(index);
  const rec = parseBpftraceLine(trace.rawLine(index));
  const store = trace.sources[trace.columns.fileId[index] as number];
  const argRecs = (ctx.argLines.get(index) ?? [])
    .map((n) => ({ n, rec: store ? parseBpftraceLine(store.line(n)) : null }))
    .filter(
      (x): x is { n: number; rec: Extract<BpfRecord, { type: 'ints' } | { type: 'string' }> } =>
        x.rec?.type === 'ints' || x.rec?.type === 'string',
    );
  const event: SyscallEvent = {
    ...common,
    kind: 'syscall',
    name,
    args: buildArgs(name, argRecs, ctx),
    ret: '?',
    errno: trace.errno(index),
    dur: trace.dur(index),
  };
  if (rec?.type === 'call') {
    event.comm = rec.comm;
    event.nr = rec.nrExit >= 0 ? rec.nrExit : rec.nrEnter;
    const info = rec.ret < 0 && rec.ret >= -4095 ? errnoOf(-rec.ret) : null;
    if (info) {
      event.ret = info.kernelInternal ? '?' : '-1';
      event.errText = info.message;
    } else {
      event.ret = ADDRESS_RETURNS.has(name) ? `0x${rec.ret.toString(16)}` : String(rec.ret);
    }
  } else if (rec?.type === 'exit-call') {
    event.comm = rec.comm;
    event.nr = rec.nr;
    event.args = [{ type: 'number', text: String(rec.arg0), value: rec.arg0, base: 10 }];
  }
  const status = trace.columns.status[index] as number;
  if (status !== 0) event.status = status === 4 ? 'resumed-only' : 'unfinished';
  return event;
}

function buildArgs(
  name: string,
  recs: ReadonlyArray<{ n: number; rec: Extract<BpfRecord, { type: 'ints' } | { type: 'string' }> }>,
  ctx: DecodeContext,
): ArgNode[] {
  const probe = PATH_PROBE_BY_NAME.get(name);
  if (!probe || recs.length === 0) return [];
  const ints = recs.find((r) => r.rec.type === 'ints')?.rec as
    Extract<BpfRecord, { type: 'ints' }> | undefined;
  const strings = new Map<string, string>();
  for (const { n, rec } of recs)
    if (rec.type === 'string') strings.set(rec.slot, ctx.longStrings.get(n) ?? rec.value);
  return probe.fields.map(([code, field], slot) =>
    buildArg(code, field, slot, ints?.fields[slot], strings, ctx),
  );
}

function buildArg(
  code: FieldCode,
  field: string,
  slot: number,
  raw: string | undefined,
  strings: Map<string, string>,
  ctx: DecodeContext,
): ArgNode {
  if (code === 's') {
    const value = strings.get(String(slot));
    return value === undefined ? { type: 'other', text: '?' } : stringArg(value, ctx.strLimit);
  }
  if (code === 'v') {
    const items: ArgNode[] = [];
    for (let i = 0; strings.has(`${slot}.${i}`); i++)
      items.push(stringArg(strings.get(`${slot}.${i}`) as string, ctx.strLimit));
    if (strings.has(`${slot}.+`)) items.push({ type: 'ellipsis', text: '...' });
    return { type: 'array', text: `[${items.map((a) => a.text).join(', ')}]`, items };
  }
  if (raw === undefined) return { type: 'other', text: '?' };
  const value = code === 'o' ? parseInt(raw, 8) : Number(raw);
  if (FD_FIELDS.has(field) && value === AT_FDCWD)
    return { type: 'const', text: 'AT_FDCWD', name: 'AT_FDCWD' };
  if (code === 'p' && value === 0) return { type: 'null', text: 'NULL' };
  const base = code === 'x' || code === 'p' ? 16 : code === 'o' ? 8 : 10;
  return { type: 'number', text: raw, value, base };
}

function stringArg(value: string, strLimit: number): ArgNode {
  // str() stops one byte short of its buffer: a string that fills it was probably cut.
  const truncated = value.length >= strLimit - 1;
  return {
    type: 'string',
    text: `"${encodeStraceString(value)}"${truncated ? '...' : ''}`,
    value,
    truncated,
  };
}
