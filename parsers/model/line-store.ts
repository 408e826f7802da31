import { fitToCount } from './fit-to-count.js';
import { decodeLatin1Line } from './latin1.js';

/** Where a line lies in its segment (see LineStore.span). */
export interface LineSpan {
  segment: string | Uint8Array;
  start: number;
  end: number;
}

/** A store's text and line offsets (see LineStore.exportParts). */
export interface StoreParts {
  segments: readonly (string | Uint8Array)[];
  lineStarts: Float64Array;
  totalLength: number;
}

/**
 * The longest line kept whole: no strace line comes near it, and V8 cannot make a string past 512 MiB.
 * Parsers keep only the first MAX_LINE characters of a longer line and report it.
 */
export const MAX_LINE = 64 * 2 ** 20;

/**
 * The raw text of one input file, kept as the segments it arrived in, with the offset of every line.
 * Events point at line numbers; their full detail (arguments, stack, notes) is decoded from this text only
 * when someone asks, so a million events cost a few typed-array slots each, not an object tree.
 *
 * A segment is either the bytes as read (the fast path: nothing is decoded until a line is looked at) or a
 * string (latin1-decoded bytes, or text given as text); offsets count bytes or UTF-16 units accordingly.
 * Lines of byte segments are decoded as latin1 when asked for (strace escapes every non-printable byte,
 * so logs are ASCII in practice).
 */
export class LineStore {
  readonly name: string;
  private segments: (string | Uint8Array)[] = [];
  /** Global offset of the first character of each segment. */
  private segmentStarts: number[] = [];
  private length = 0;
  /** lineStarts[n - 1] is the global offset of line n; a line ends at its newline. */
  private lineStarts: Float64Array = new Float64Array(1024);
  private lines = 0;

  /** `spare`: the line index of an earlier store to fill again (see ColumnsBuilder's `spare`). */
  constructor(name: string, expectedLines = 0, spare?: Float64Array) {
    this.name = name;
    if (spare && spare.length >= expectedLines) this.lineStarts = spare;
    else if (expectedLines > this.lineStarts.length) this.lineStarts = new Float64Array(expectedLines);
  }

  get lineCount(): number {
    return this.lines;
  }

  /** The text held, in bytes (or UTF-16 units for text segments). */
  get totalLength(): number {
    return this.length;
  }

  /** The lines the index has room for. */
  get capacity(): number {
    return this.lineStarts.length;
  }

  /** Keeps a segment of complete lines; returns its global offset. */
  addSegment(text: string | Uint8Array): number {
    const start = this.length;
    this.segments.push(text);
    this.segmentStarts.push(start);
    this.length += text.length;
    return start;
  }

  /**
   * Records the next line, which starts at global offset `start` and runs to the next newline of its
   * segment (or the segment's end). Returns its 1-based number.
   */
  addLine(start: number): number {
    if (this.lines === this.lineStarts.length) this.lineStarts = grow(this.lineStarts);
    this.lineStarts[this.lines] = start;
    return ++this.lines;
  }

  /** The text of 1-based line `n`, or "" when there is no such line. */
  line(n: number): string {
    const span = this.lineSpan;
    if (!this.span(n, span)) return '';
    const text = span.segment;
    return typeof text === 'string'
      ? text.slice(span.start, span.end)
      : decodeLatin1Line(text, span.start, span.end);
  }

  private readonly lineSpan: LineSpan = { segment: '', start: 0, end: 0 };

  /**
   * Where 1-based line `n` lies, without decoding it: its segment and [start, end) in it, the line's
   * text as `line(n)` gives it (no newline, no trailing CR, at most MAX_LINE). False when there is no
   * such line. Fills `out` so that a reader of every line allocates nothing per line.
   */
  span(n: number, out: LineSpan): boolean {
    if (n < 1 || n > this.lines) return false;
    const start = this.lineStarts[n - 1] as number;
    const seg = this.segmentAt(start);
    const text = this.segments[seg] as string | Uint8Array;
    const local = start - (this.segmentStarts[seg] as number);
    // a line runs to its newline: a segment may hold the cut-off piece of a line that goes on elsewhere
    let end: number;
    if (typeof text !== 'string') {
      const nl = text.indexOf(10, local);
      end = nl < 0 ? text.length : nl;
      if (end > local && text[end - 1] === 13) end--;
    } else {
      const nl = text.indexOf('\n', local);
      end = nl < 0 ? text.length : nl;
      if (end > local && text.charCodeAt(end - 1) === 13) end--;
    }
    out.segment = text;
    out.start = local;
    out.end = Math.min(end, local + MAX_LINE);
    return true;
  }

  /**
   * The segments and line offsets as they stand, for carrying a store built apart (a segment of a log
   * parsed on another thread) into another one with `absorb`.
   */
  exportParts(): StoreParts {
    return {
      segments: this.segments,
      lineStarts: this.lineStarts.subarray(0, this.lines),
      totalLength: this.length,
    };
  }

  /** Appends another store's lines after this one's (their offsets moved past this store's text). */
  absorb(parts: StoreParts): void {
    const base = this.length;
    for (const seg of parts.segments) this.addSegment(seg);
    const n = parts.lineStarts.length;
    if (this.lines + n > this.lineStarts.length)
      this.reserve(Math.max(this.lines + n, this.lineStarts.length * 2));
    const at = this.lines;
    this.lineStarts.set(parts.lineStarts, at);
    if (base !== 0)
      for (let k = at; k < at + n; k++) this.lineStarts[k] = (this.lineStarts[k] as number) + base;
    this.lines += n;
  }

  /** Where 1-based line `n` starts: its segment and the offset in it. */
  locate(n: number): { segment: string | Uint8Array; offset: number } {
    const start = this.lineStarts[n - 1] as number;
    const seg = this.segmentAt(start);
    return {
      segment: this.segments[seg] as string | Uint8Array,
      offset: start - (this.segmentStarts[seg] as number),
    };
  }

  /** Sets the room for line offsets (never below the lines held), when the input's size is learnt. */
  reserve(lines: number): void {
    const next = new Float64Array(Math.max(lines, this.lines));
    next.set(this.lineStarts.subarray(0, this.lines));
    this.lineStarts = next;
  }

  /** Drops spare capacity once no more lines will come (a nearly full index is kept as it is). */
  trim(): void {
    this.lineStarts = fitToCount(this.lineStarts, this.lines);
  }

  /** Bytes held for line bookkeeping (not counting the text itself). */
  get overheadBytes(): number {
    return this.lineStarts.buffer.byteLength;
  }

  /** The segment found last: consumers mostly walk lines in order, so it is usually the answer. */
  private lastSegment = 0;

  private segmentAt(offset: number): number {
    const k = this.lastSegment;
    const next = this.segmentStarts[k + 1];
    if ((this.segmentStarts[k] as number) <= offset && (next === undefined || offset < next)) return k;
    this.lastSegment = this.searchSegment(offset);
    return this.lastSegment;
  }

  private searchSegment(offset: number): number {
    let lo = 0;
    let hi = this.segmentStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.segmentStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

function grow(a: Float64Array): Float64Array {
  const b = new Float64Array(a.length * 2);
  b.set(a);
  return b;
}
