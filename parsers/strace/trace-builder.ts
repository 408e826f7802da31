import { ColumnsBuilder } from '../model/columns-builder.js';
import type { Diagnostic, EventKind } from '../model/event.js';
import { EVENT_KINDS } from '../model/event.js';
import { LineStore, MAX_LINE } from '../model/line-store.js';
import { CALL_STATUS, Trace, type TraceColumns, type TraceFormat } from '../model/trace.js';
import { decodeStraceEvent } from './decode-event.js';
import { emptyLine, scanLineAt, scanLineInto, type StraceLine } from './parse-line.js';
import { scanLineBytes } from './scan-line-bytes.js';
import { LineIds } from './line-ids.js';
import { SegmentRecorder } from './segment-record.js';
import { StraceClock } from './strace-clock.js';
import { decodeLatin1 } from '../model/latin1.js';
import { startsSummary, SummaryTableReader } from './summary-table.js';
import { PidAttribution } from './pid-attribution.js';
import { gluedWriteOutputIn, writeNeedsCheck } from './glued-output.js';
import { inputDiagnostics, MAX_DIAGNOSTICS } from './builder-diagnostics.js';
import { joinMiddle, middleJoinedMessage, repairedLineMessage } from './line-repair.js';

export interface StraceParseOptions {
  /** Names the source in events and diagnostics. */
  fileName?: string;
  /** The pid of every line without a prefix (an `-ff` file `NAME.PID`). */
  defaultPid?: number;
  /** The input's size in bytes, when known: the columns are sized for it up front instead of grown. */
  sizeHint?: number;
  /**
   * Reads a segment of a larger log (parallel parsing): what its readings assume about the lines before
   * it is recorded for stitching (segment-record.ts). `first`: the segment starts the log.
   */
  segment?: { first: boolean };
  /** Arrays of an earlier segment to fill again instead of allocating (see segment-result.ts spareOf). */
  spare?: { columns: TraceColumns; lineStarts: Float64Array };
}

/** strace lines run 80-150 bytes: sizing for 80 rarely grows before noteInput sizes for the real length. */
const BYTES_PER_LINE_GUESS = 80;
const SIZING_SAMPLE = 1 << 20;
/** Room over the estimate: lines at the start of a log (loader, libraries) run longer than later ones. */
const SIZING_ROOM = 1.1;

const STATUS = (s: (typeof CALL_STATUS)[number]): number => CALL_STATUS.indexOf(s);
const UNFINISHED = STATUS('unfinished');
const DIED = STATUS('died');
const RESUMED_ONLY = STATUS('resumed-only');
/** strace's own messages about one task: `Process 6608 attached`, `^CProcess 25793 detached`. */
/** Kinds whose pid comes from their own text (or stays none), never from the lines around them. */
const OWN_PID = new Set(['message', 'unknown'].map((k) => EVENT_KINDS.indexOf(k as EventKind)));
const PROCESS_MESSAGE_RE = /^(?:\^C)?Process (\d+) (?:attached|detached|suspended)\b/;
/**
 * Turns strace lines, in order, into trace events: stitches `<unfinished ...>` with `<... resumed>` per task,
 * attributes prefix-less lines, repairs lines split by strace's own messages, keeps the `-c` table, and
 * turns anything else into an `unknown` event. Lines are fed one at a time; nothing here throws.
 */
export class StraceTraceBuilder {
  // The state below is read and carried over by segment-result.ts and segment-merge.ts (stitching
  // segments parsed apart); nothing else outside this class touches it.
  readonly store: LineStore;
  readonly cols: ColumnsBuilder;
  private readonly scratch: StraceLine = emptyLine();
  private readonly ids: LineIds;
  readonly pending = new Map<number, number>();
  readonly pids: PidAttribution;
  readonly diagnostics: Diagnostic[] = [];
  readonly tables: SummaryTableReader;
  readonly repaired = new Map<number, string>();
  /**
   * A line cut by a strace message, waiting for its rest; `note` is that message, which pid attribution
   * hears only once the call is placed: "Process 29572 attached" is printed inside the clone3 that made
   * task 29572, and that call is still the caller's.
   */
  carry: { head: string; line: number; note: string } | null = null;
  lastUnfinished = -1;
  readonly clock = new StraceClock();
  readonly fileName: string | undefined;
  /** Set when reading a segment of a larger log (see StraceParseOptions.segment). */
  readonly rec: SegmentRecorder | null;
  readonly format: TraceFormat = {
    tracer: 'strace',
    timestamps: 'none',
    timeOfDay: false,
    durations: false,
    pidPrefix: false,
    stderrForm: false,
    fdPaths: false,
    comm: false,
    syscallNumbers: false,
    instructionPointers: false,
    stacks: false,
  };

  private readonly sizeHint: number;
  private sized = 0;

  constructor(options: StraceParseOptions = {}) {
    this.fileName = options.fileName;
    this.rec = options.segment ? new SegmentRecorder(options.segment.first) : null;
    this.sizeHint = options.sizeHint ?? 0;
    // enough for the sample that noteInput sizes from (all of a small input), never the whole of a big one
    const lines = Math.ceil(Math.min(options.sizeHint ?? 0, SIZING_SAMPLE * 2) / BYTES_PER_LINE_GUESS);
    this.cols = new ColumnsBuilder(Math.max(4096, lines), options.spare?.columns);
    this.ids = new LineIds(this.cols);
    this.store = new LineStore(options.fileName ?? 'trace', lines, options.spare?.lineStarts);
    this.tables = new SummaryTableReader(options.fileName);
    this.pids = new PidAttribution(options.defaultPid ?? null, (from, to, pid) =>
      this.backfillPid(from, to, pid),
    );
  }

  /**
   * Says how many bytes of input the lines fed so far held. Once a MiB has shown how long this log's
   * lines are, the columns are sized for the whole input (with a little room), so that they rarely grow
   * and need no copy to trim at the end.
   */
  noteInput(bytes: number): void {
    if (this.sizeHint === 0 || bytes < SIZING_SAMPLE || this.sized === 2) return;
    // sized twice: from the first MiB, then from an eighth of the input, when the first MiB (a loader,
    // a compiler's start-up) was not like the rest; shrinking then copies an eighth, not the whole
    if (this.sized === 1 && bytes < this.sizeHint / 8) return;
    // events and lines apart: a resumed half is a line but no event of its own
    const scale = (this.sizeHint / bytes) * SIZING_ROOM;
    const events = Math.ceil(this.cols.count * scale);
    const lines = Math.ceil(this.store.lineCount * scale);
    // first: room for the whole input; then: less, when the first MiB was denser than the rest
    if (this.sized === 0 ? events > this.cols.capacity : events * SIZING_ROOM < this.cols.capacity)
      this.cols.resize(events);
    if (this.sized === 0 ? lines > this.store.capacity : lines * SIZING_ROOM < this.store.capacity)
      this.store.reserve(lines);
    this.sized++;
  }

  get eventCount(): number {
    return this.cols.count;
  }

  /**
   * Feeds line `lineNo` (1-based, already recorded in `store`), the text s[start, end), read in place.
   * The rare lines that need rebuilding (summary tables, lines cut by strace's messages) go through
   * addLine with their own string.
   */
  addLineAt(s: string, start: number, end: number, lineNo: number): void {
    if (end - start > MAX_LINE) return this.addOverlongLine(lineNo, end - start);
    const c0 = s.charCodeAt(start);
    const special =
      this.tables.inTable ||
      this.carry !== null ||
      ((c0 === 37 /* % */ || c0 === 116 /* t */ || c0 === 115 /* s */ || c0 === 83) /* S */ &&
        startsSummary(s.slice(start, Math.min(end, start + 20))));
    if (special) return this.addLine(s.slice(start, end), lineNo);
    const l = this.scratch;
    scanLineAt(s, start, end, l);
    if (l.kind === 'unknown') {
      const cut = s.indexOf('strace: Process ', start);
      if (cut > start && cut < end) return this.addLine(s.slice(start, end), lineNo);
    }
    this.checkWriteText(s, l, lineNo);
    this.addParsed(l, lineNo);
  }

  /**
   * Feeds line `lineNo` (1-based, already recorded in `store`), which starts at b[start] and ends at the
   * next newline (the caller guarantees one); returns that newline's index. Common lines are read from
   * the bytes (scan-line-bytes.ts); the rest are decoded and go through the full scanner.
   */
  addLineBytes(b: Uint8Array, start: number, lineNo: number): number {
    const nl = b.indexOf(10, start);
    if (nl - start > MAX_LINE) {
      this.addOverlongLine(lineNo, nl - start);
      return nl;
    }
    if (!this.tables.inTable && this.carry === null) {
      const l = this.scratch;
      if (scanLineBytes(b, start, l, this.ids.names, this.ids.errnos, nl) >= 0) {
        if (l.name === 'write' && l.kind !== 'resumed') {
          const ret = l.kind === 'call' ? l.retValue : NaN;
          if (writeNeedsCheck((k) => b[k] as number, l.argsStart, l.argsEnd, ret))
            this.checkWrite(decodeLatin1(b, l.argsStart, l.argsEnd), lineNo);
        }
        this.addParsed(l, lineNo);
        return nl;
      }
    }
    const end = nl > start && b[nl - 1] === 13 ? nl - 1 : nl;
    const text = decodeLatin1(b, start, end);
    this.addLineAt(text, 0, text.length, lineNo);
    return nl;
  }

  /** Feeds line number `lineNo` (1-based), already recorded in `store`, as its own string. */
  addLine(raw: string, lineNo: number): void {
    if (this.tables.take(raw, lineNo)) return;
    let text = raw;
    let line = lineNo;
    let note: string | null = null;
    if (this.carry) {
      if (raw.startsWith('strace: ')) return this.addMessage(raw.slice(8), lineNo);
      text = this.carry.head + raw;
      line = this.carry.line;
      note = this.carry.note;
      this.repaired.set(line, text);
      this.diag('repaired-line', repairedLineMessage(line), lineNo);
      this.carry = null;
    }
    const l = this.scratch;
    scanLineInto(text, l);
    this.checkWriteText(text, l, line);
    if (l.kind === 'unknown') {
      // "clone3({..., tls=0x7f4efd8a86c0}strace: Process 6608 attached": the rest of the call is on the
      // next line that is not strace's own (strace-format.md §3.11).
      const cut = text.indexOf('strace: Process ');
      if (cut > 0) {
        // The message's event comes first (it was printed first); what it says about tasks waits.
        this.carry = { head: text.slice(0, cut), line, note: text.slice(cut + 8) };
        this.addMessage(this.carry.note, lineNo, false);
        return;
      }
    }
    this.addParsed(l, line);
    if (note !== null) this.pids.noteMessage(note);
  }

  /**
   * A line of `length` bytes, more than MAX_LINE: not strace's (a binary or a joined file). It stays an
   * unknown event; only its first MAX_LINE bytes are kept.
   */
  addOverlongLine(lineNo: number, length: number): void {
    // a segment's store keeps only the line's start: re-reading it (segment-merge.ts) needs its length
    this.rec?.overlong.push(lineNo, length);
    const mib = (n: number): string => `${(n / 2 ** 20).toFixed(0)} MiB`;
    this.addUnknown(
      lineNo,
      `a line of ${mib(length)}, longer than any strace line: only its first ${mib(MAX_LINE)} are kept`,
    );
  }

  /** A write line whose count is not a plain match of its return: is the program's output in it? */
  private checkWriteText(s: string, l: StraceLine, line: number): void {
    if (l.name !== 'write' || (l.kind !== 'call' && l.kind !== 'unfinished')) return;
    const ret = l.kind === 'call' ? l.retValue : NaN;
    if (writeNeedsCheck((k) => s.charCodeAt(k), l.argsStart, l.argsEnd, ret))
      this.checkWrite(s.slice(l.argsStart, l.argsEnd), line);
  }

  private checkWrite(argsText: string, line: number): void {
    const why = gluedWriteOutputIn(argsText);
    if (why !== null) this.diag('suspect-line', why, line);
  }

  private addParsed(l: StraceLine, line: number): void {
    const f = this.format;
    if (l.pid !== null) f.pidPrefix = true;
    if (l.bracketPid) f.stderrForm = true;
    if (l.comm !== null) f.comm = true;
    if (l.nr !== null) f.syscallNumbers = true;
    if (l.ip !== null) f.instructionPointers = true;
    if (l.dur !== null) f.durations = true;
    if (l.retPath !== null) f.fdPaths = true;

    switch (l.kind) {
      case 'blank':
        return;
      case 'stack':
      case 'hexdump':
        // belongs to the call on the line above; decoded with it
        if (l.kind === 'stack') f.stacks = true;
        if (this.cols.count > 0) return;
        // in a segment after the first, they belong to the call before the seam
        if (this.rec && !this.rec.first) this.rec.leadingStack = true;
        else this.addUnknown(line, 'a stack or dump line with no call before it');
        return;
      case 'message':
        return this.addMessage(l.text, line);
      case 'orphan-tail':
        return this.addOrphanTail(l, line);
      case 'unknown':
        // `[pid 20339] 01:01:31.972270 write(2, "\n", 1` cut short is still task 20339's line
        return this.addUnknown(line, l.text, this.pids.ownPid(l));
    }

    if (l.suspect !== null) this.diag('suspect-line', l.suspect, line);
    const ts = this.clock.stamp(l, this.format, this.rec);
    const pid = this.pids.attribute(l, this.cols.count);
    const c = this.cols.columns;
    switch (l.kind) {
      case 'call':
      case 'unfinished': {
        const i = this.cols.add('syscall', pid, ts, line, 0);
        c.nameId[i] = this.ids.nameId(l);
        if (l.kind === 'call') {
          this.setResult(i, l);
          if (l.died) c.status[i] = DIED;
        } else if (l.argsEndedBy === 'detached' || l.argsEndedBy === 'pid-changed') {
          // strace let go of the task (or the thread became the leader): this call will never resume here
          c.status[i] = STATUS(l.argsEndedBy);
        } else {
          c.status[i] = UNFINISHED;
          // A task makes one call at a time: an older call still open on it will never resume.
          const older = this.pending.get(pid ?? -1);
          if (older !== undefined)
            this.diag(
              'never-resumed',
              'the same task started another call before this one resumed',
              c.line[older] as number,
            );
          const rec = this.rec;
          if (rec && !rec.first && !rec.touched.has(pid ?? -1)) rec.firstOpens.push(pid ?? -1);
          this.pending.set(pid ?? -1, i);
          rec?.touched.add(pid ?? -1);
          this.lastUnfinished = i;
        }
        this.pids.noteCall(l, i, pid);
        return;
      }
      case 'resumed':
        return this.resume(l, pid, ts, line);
      case 'signal': {
        const i = this.cols.add('signal', pid, ts, line, 0);
        c.nameId[i] = this.ids.nameId(l);
        return;
      }
      case 'exit':
      case 'killed': {
        const i = this.cols.add(l.kind, pid, ts, line, 0);
        if (l.kind === 'exit') c.ret[i] = l.code;
        else {
          c.nameId[i] = this.ids.nameId(l);
          c.ret[i] = l.core ? 1 : 0;
        }
        this.pids.taskEnded(pid);
        return;
      }
      case 'superseded': {
        const i = this.cols.add('superseded', pid, ts, line, 0);
        c.ret[i] = l.code;
        // The execve started by thread l.code resumes under the leader's pid (strace-format.md §3.6).
        const p = this.pending.get(l.code);
        if (p === undefined && this.rec && !this.rec.first && !this.rec.touched.has(l.code))
          this.rec.markUnsafe('a superseded line whose execve may have started before the segment');
        if (p !== undefined && pid !== null) {
          this.pending.delete(l.code);
          this.pending.set(pid, p);
          this.rec?.touched.add(pid);
        }
        this.pids.taskEnded(l.code);
        return;
      }
      case 'personality': {
        this.tables.notePersonality(l.text);
        const i = this.cols.add('personality', pid, ts, line, 0);
        c.nameId[i] = this.cols.internName(l.text);
        return;
      }
    }
  }

  private resume(l: StraceLine, pid: number | null, ts: number | null, line: number): void {
    const c = this.cols.columns;
    const key = pid ?? -1;
    let i = this.pending.get(key);
    if (i !== undefined && this.cols.names[c.nameId[i] as number] !== l.name) i = undefined;
    if (i === undefined) {
      // a call of this task before the seam is still the one to resume when the segment did not set one
      const open =
        this.rec !== null && !this.rec.first && !this.pending.has(key) && !this.rec.touched.has(key);
      i = this.cols.add('syscall', pid, ts, line, 0);
      c.nameId[i] = this.ids.nameId(l);
      c.status[i] = RESUMED_ONLY;
      const d = this.diagnostics.length;
      this.diag('orphan-resumed', `"<... ${l.name} resumed>" with no call started before it`, line);
      const final = l.argsEndedBy === 'paren' || l.died;
      if (final) this.setResult(i, l);
      // its call may have started before the segment: matched when the segments are stitched
      if (open)
        (this.rec as SegmentRecorder).openResumes.push({
          index: i,
          diagnostic: this.diagnostics.length > d ? d : -1,
          key,
          name: l.name,
          line,
          final,
          died: l.died,
          ts: ts ?? NaN,
          retValue: l.retValue,
          errno: l.errno,
          dur: l.dur,
        });
      return;
    }
    if (l.argsEndedBy !== 'paren' && !l.died) return this.joinMiddle(i, line); // cut again: still pending
    c.endLine[i] = line;
    this.pending.delete(key);
    this.setResult(i, l);
    c.status[i] = l.died ? DIED : 0;
    const start = c.ts[i] as number;
    // to the nanosecond: strace's own clock resolution; float noise must not leak into durations
    if (l.dur === null && ts !== null && !Number.isNaN(start)) {
      c.dur[i] = Math.round((ts - start) * 1e9) / 1e9;
      this.rec?.derivedDurations.push(i, ts);
    }
  }

  /**
   * `<... read resumed>"abc" <unfinished ...>`: a call resumed and cut again. Its middle piece joins the
   * start of the call (a repaired line, like the pieces strace's messages cut apart), so that the last
   * resume completes it and no line of the three is left to no event.
   */
  private joinMiddle(i: number, middleLine: number): void {
    const first = this.cols.columns.line[i] as number;
    const headText = this.repaired.get(first) ?? this.store.line(first);
    this.repaired.set(first, joinMiddle(headText, this.store.line(middleLine)));
    this.diag('repaired-line', middleJoinedMessage(first), middleLine);
  }

  /** `)  = ?` alone on a line (-e status= staging): the tail of the latest unfinished call. */
  private addOrphanTail(l: StraceLine, line: number): void {
    const i = this.lastUnfinished;
    const c = this.cols.columns;
    if (i < 0 && this.rec && !this.rec.first)
      this.rec.markUnsafe('a call tail whose call may have started before the segment');
    if (i < 0 || c.status[i] !== UNFINISHED)
      return this.addUnknown(line, 'a call tail with no unfinished call');
    for (const [k, v] of this.pending) if (v === i) this.pending.delete(k);
    c.endLine[i] = line;
    c.status[i] = 0;
    this.setResult(i, l);
  }

  private setResult(i: number, l: StraceLine): void {
    const c = this.cols.columns;
    c.ret[i] = l.retValue;
    if (l.errno !== null) c.errnoId[i] = this.ids.errnoId(l);
    if (l.dur !== null) c.dur[i] = l.dur;
  }

  private addMessage(text: string, line: number, note = true): void {
    // "Process 6608 attached" is about task 6608: its lane holds it (a pid-less lane of messages alone
    // would be an empty process in the tree)
    const about = PROCESS_MESSAGE_RE.exec(text);
    const i = this.cols.add('message', about ? Number(about[1]) : null, null, line, 0);
    this.cols.columns.nameId[i] = this.cols.internName('');
    if (note) this.pids.noteMessage(text);
  }

  private addUnknown(line: number, reason: string, pid: number | null = null): void {
    this.cols.add('unknown', pid, null, line, 0);
    this.diag('unknown-line', reason, line);
  }

  private diag(code: Diagnostic['code'], message: string, line: number): void {
    // one diagnostic per problem line; a hostile file must not turn into gigabytes of diagnostics
    if (this.diagnostics.length < MAX_DIAGNOSTICS)
      this.diagnostics.push({ code, message, line, file: this.fileName });
    else if (this.rec) this.rec.diagnosticsFull = true;
  }

  private backfillPid(from: number, to: number, pid: number): void {
    const c = this.cols.columns;
    for (let i = from; i <= to; i++) if (c.pid[i] === -1 && !OWN_PID.has(c.kind[i] as number)) c.pid[i] = pid;
    const p = this.pending.get(-1);
    if (p !== undefined) {
      this.pending.delete(-1);
      this.pending.set(pid, p);
      this.rec?.touched.add(pid);
    }
  }

  finish(input: { binary?: boolean } = {}): Trace {
    if (this.carry) {
      this.addUnknown(this.carry.line, 'a line cut by a strace message was never completed');
      this.pids.noteMessage(this.carry.note);
    }
    this.tables.finish();
    const head = inputDiagnostics(this.cols.columns, input.binary ?? false, this.fileName);
    for (const i of this.pending.values()) {
      this.diag(
        'unfinished-at-end',
        'the call never resumed before the log ended',
        this.cols.columns.line[i] as number,
      );
    }
    this.diagnostics.sort((a, b) => a.line - b.line);
    this.diagnostics.unshift(...head);
    this.store.trim();
    const repaired = this.repaired;
    return new Trace({
      columns: this.cols.finish(),
      names: this.cols.names,
      errnos: this.cols.errnos,
      sources: [this.store],
      summaries: this.tables.tables,
      diagnostics: this.diagnostics,
      format: this.format,
      decoder: (trace, i) => decodeStraceEvent(trace, i, repaired),
    });
  }
}
