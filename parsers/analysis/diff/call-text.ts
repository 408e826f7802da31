import type { Trace } from '../../model/index.js';
import { findStringEnd } from '../../strace/args/string-scan.js';
import { stringClose } from '../../strace/byte-args.js';
import { MAX_LINE } from '../../model/line-store.js';
import { decodeLatin1 } from '../../model/latin1.js';
import type { LineSpan, LineStore } from '../../model/line-store.js';
import type { Units } from './code-units.js';
import { UnitsScratch, endsWithText, indexOfText } from './code-units.js';

const UNFINISHED = ' <unfinished ...>';
const RESUMED = ' resumed>';

/**
 * The text of a syscall from its arguments to its result, without the line prefix (pid, time) and the
 * trailing `-T` duration, the two halves of a split call joined:
 *
 *   7683  01:35:15.441837 clone(child_stack=NULL, flags=SIGCHLD <unfinished ...>
 *   7683  01:35:15.441961 <... clone resumed>, child_tidptr=0x7f7c3920fa10) = 7685
 *   -> "child_stack=NULL, flags=SIGCHLD, child_tidptr=0x7f7c3920fa10) = 7685"
 *
 * Read from the raw line, not from the decoded argument tree: this runs once per event of both traces
 * and must stay cheap at a million events.
 */
export function readCallText(trace: Trace, i: number): string {
  if (trace.format.tracer !== 'strace') return synthCallText(trace, i);
  const name = trace.name(i);
  const first = trace.rawLine(i);
  const open = first.indexOf(name + '(');
  let text = open < 0 ? first : first.slice(open + name.length + 1);
  const endLine = trace.columns.endLine[i] as number;
  if (endLine > 0) {
    if (text.endsWith(UNFINISHED)) text = text.slice(0, -UNFINISHED.length);
    const source = trace.sources[trace.columns.fileId[i] as number];
    const second = source ? source.line(endLine) : '';
    const at = second.indexOf(RESUMED);
    text += at < 0 ? '' : second.slice(at + RESUMED.length);
  }
  text = stripDuration(text);
  // strace pads a short call's result to a column (`close(3)          = 0`), not a split one's.
  return text.includes('  ') ? text.replace(/\) {2,}= /, ') = ') : text;
}

/**
 * The body of the call's first quoted string as the log spells it (escapes kept), read from the raw
 * line without building the call's text: `openat(AT_FDCWD</tmp>, "/etc/passwd", O_RDONLY) = 3` ->
 * `/etc/passwd`; "" when the call has none. Null when only readCallText can tell: a split call, a
 * line without its name, a string with a double space (readCallText rewrites `)  = ` padding).
 * Over a log held as bytes, only the string itself is decoded, not the whole line.
 */
export function readFirstQuoted(trace: Trace, i: number): string | null {
  if (trace.format.tracer !== 'strace' || (trace.columns.endLine[i] as number) > 0) return null;
  const name = trace.name(i);
  const store = trace.sources[trace.columns.fileId[i] as number];
  const n = trace.columns.line[i] as number;
  if (!store || n < 1 || n > store.lineCount) return null;
  const { segment, offset } = store.locate(n);
  const body =
    typeof segment === 'string' ? quotedInText(trace.rawLine(i), name) : quotedInBytes(segment, offset, name);
  return body === null || body.includes('  ') ? null : body;
}

function quotedInText(line: string, name: string): string | null {
  const open = line.indexOf(name + '(');
  if (open < 0) return null;
  const q = line.indexOf('"', open + name.length + 1);
  if (q < 0) return '';
  const end = findStringEnd(line, q);
  return end < 0 ? '' : line.slice(q + 1, end - 1);
}

/** quotedInText over the line at `start` of a byte segment (latin1, as LineStore reads it). */
function quotedInBytes(b: Uint8Array, start: number, name: string): string | null {
  let end = b.indexOf(10, start);
  if (end < 0) end = b.length;
  if (end - start > MAX_LINE) return null;
  const open = indexOfName(b, start, end, name);
  if (open < 0) return null;
  let q = open + name.length + 1;
  while (q < end && b[q] !== 34) q++;
  if (q >= end) return '';
  const close = stringClose(b, q, end);
  return close < 0 ? '' : decodeLatin1(b, q + 1, close);
}

/**
 * What `/"([^"]*)"/` finds in callLine(trace, i): the text between the line's first two quotes, escapes
 * not considered; "" when the line has fewer than two. Over a log held as bytes, only that is decoded.
 */
export function firstQuotedOfLine(trace: Trace, i: number): string {
  const store = trace.sources[trace.columns.fileId[i] as number];
  const n = trace.columns.line[i] as number;
  if (trace.format.tracer === 'strace' && store && n >= 1 && n <= store.lineCount) {
    const { segment: b, offset } = store.locate(n);
    if (typeof b !== 'string') {
      let end = b.indexOf(10, offset);
      if (end < 0) end = b.length;
      if (end - offset <= MAX_LINE) {
        const q = b.indexOf(34, offset);
        const e = q < 0 || q >= end ? -1 : b.indexOf(34, q + 1);
        return e < 0 || e >= end ? '' : decodeLatin1(b, q + 1, e);
      }
    }
  }
  return /"([^"]*)"/.exec(callLine(trace, i))?.[1] ?? '';
}

/** Where `name(` first occurs in b[from, to), or -1. */
function indexOfName(b: Uint8Array, from: number, to: number, name: string): number {
  const first = name.length > 0 ? name.charCodeAt(0) : 40;
  for (let k = b.indexOf(first, from); k >= 0 && k + name.length < to; k = b.indexOf(first, k + 1)) {
    let m = 1;
    while (m < name.length && b[k + m] === name.charCodeAt(m)) m++;
    if (m === name.length && b[k + m] === 40) return k;
  }
  return -1;
}

/** Drops a trailing ` <0.000010>` (-T). */
function stripDuration(text: string): string {
  if (!text.endsWith('>')) return text;
  const lt = text.lastIndexOf(' <');
  if (lt < 0) return text;
  for (let k = lt + 2; k < text.length - 1; k++) {
    const c = text.charCodeAt(k);
    if (!((c >= 48 && c <= 57) || c === 46)) return text;
  }
  return text.slice(0, lt);
}

/**
 * Where a call's text sits in the raw lines, read as code units where they lie (see code-units.ts):
 * buf1[from1, to1) in the line buf1[start1, end1) and, for a split call whose resumed half was found,
 * buf2[from2, to2) in the line buf2[start2, end2).
 */
export interface CallRanges {
  buf1: Units;
  start1: number;
  from1: number;
  to1: number;
  end1: number;
  split: boolean;
  buf2: Units;
  start2: number;
  from2: number;
  to2: number;
  end2: number;
}

export function emptyCallRanges(): CallRanges {
  const none = new Uint8Array(0);
  return {
    buf1: none,
    start1: 0,
    from1: 0,
    to1: 0,
    end1: 0,
    split: false,
    buf2: none,
    start2: 0,
    from2: 0,
    to2: 0,
    end2: 0,
  };
}

/**
 * readCallText without building a string: fills `out` with where the call lies in its line(s). Over a
 * log held as bytes, the ranges are in the log's own segments: no line is decoded. `open` is the call's
 * name followed by `(`, precomputed by the caller.
 */
export class CallRangeReader {
  private readonly span: LineSpan = { segment: '', start: 0, end: 0 };
  private readonly scratch1 = new UnitsScratch();
  private readonly scratch2 = new UnitsScratch();

  read(trace: Trace, i: number, open: string, out: CallRanges): void {
    out.split = false;
    if (trace.format.tracer !== 'strace') {
      const text = synthCallText(trace, i);
      out.buf1 = this.scratch1.fill(text);
      out.start1 = out.from1 = 0;
      out.to1 = out.end1 = text.length;
      return;
    }
    const store = trace.sources[trace.columns.fileId[i] as number];
    this.line(store, trace.columns.line[i] as number, 1, out);
    const buf = out.buf1;
    const at = indexOfText(buf, open, out.start1, out.end1);
    out.from1 = at < 0 ? out.start1 : at + open.length;
    const endLine = trace.columns.endLine[i] as number;
    if (endLine === 0) {
      out.to1 = durationStart(buf, out.from1, out.end1);
      return;
    }
    out.to1 = endsWithText(buf, UNFINISHED, out.start1, out.end1) ? out.end1 - UNFINISHED.length : out.end1;
    this.line(store, endLine, 2, out);
    const r = indexOfText(out.buf2, RESUMED, out.start2, out.end2);
    if (r < 0) return;
    out.split = true;
    out.from2 = r + RESUMED.length;
    out.to2 = durationStart(out.buf2, out.from2, out.end2);
  }

  /** Sets range `which` of `out` to line `n` of `store` (an empty line when there is none). */
  private line(store: LineStore | undefined, n: number, which: 1 | 2, out: CallRanges): void {
    const span = this.span;
    let buf: Units;
    if (!store || !store.span(n, span)) {
      buf = EMPTY;
      span.start = span.end = 0;
    } else if (typeof span.segment === 'string') {
      buf = (which === 1 ? this.scratch1 : this.scratch2).fill(span.segment, span.start, span.end);
      span.end -= span.start;
      span.start = 0;
    } else buf = span.segment;
    if (which === 1) {
      out.buf1 = buf;
      out.start1 = span.start;
      out.end1 = span.end;
    } else {
      out.buf2 = buf;
      out.start2 = span.start;
      out.end2 = span.end;
    }
  }
}

const EMPTY = new Uint8Array(0);

/** The index where a trailing ` <0.000010>` starts, or `to`. */
function durationStart(buf: Units, from: number, to: number): number {
  if (to <= from || buf[to - 1] !== 62) return to;
  let k = to - 2;
  while (k > from) {
    const c = buf[k] as number;
    if ((c >= 48 && c <= 57) || c === 46) k--;
    else break;
  }
  return k > from && buf[k] === 60 && buf[k - 1] === 32 && k < to - 2 ? k - 1 : to;
}

/**
 * A call as strace would print it, rebuilt from the decoded event, for traces whose raw lines are not
 * strace text (bpftrace records carry timestamps and numbers in each line): `openat(AT_FDCWD,
 * "/etc/ld.so.cache", 0x80000, 00) = 4`, or `= -1 ENOENT`. This decodes the event: slower, but such
 * traces are the smaller ones.
 */
function synthCallText(trace: Trace, i: number): string {
  const ev = trace.event(i);
  if (ev.kind !== 'syscall') return trace.rawLine(i);
  return `${ev.args.map((a) => a.text).join(', ')}) = ${ev.ret}${ev.errno ? ` ${ev.errno}` : ''}`;
}

/** The line to show and search for an event: the raw line for strace, a rebuilt call otherwise. */
export function callLine(trace: Trace, i: number): string {
  if (trace.format.tracer === 'strace' || trace.kind(i) !== 'syscall') return trace.rawLine(i);
  return `${trace.name(i)}(${synthCallText(trace, i)}`;
}
