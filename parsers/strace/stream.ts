import type { Trace } from '../model/trace.js';
import { decodeLatin1 } from '../model/latin1.js';
import { MAX_LINE } from '../model/line-store.js';
import { StraceTraceBuilder, type StraceParseOptions } from './trace-builder.js';
import { finishSegment, type SegmentResult } from './segment-result.js';

export interface StraceStreamParser {
  /**
   * Feeds the next piece of the log; pieces may split lines anywhere. Bytes (a file's chunks as read) take
   * the fast path; a string must hold the bytes decoded as latin1 (one byte per character) to keep
   * offsets exact, or be text as the user gave it.
   */
  push(chunk: string | Uint8Array): void;
  /** Ends the input and returns the trace. */
  end(): Trace;
  /** Ends the input of a parser made with the `segment` option: what it read, to be stitched. */
  endSegment(): SegmentResult;
  readonly linesRead: number;
  readonly eventsRead: number;
}

/** How much of the start is checked for NUL bytes, the mark of a binary file. */
const SNIFF_BYTES = 8192;

/**
 * A push parser: text goes in as it is read (a 1 GB log is never one string), events come out in one
 * Trace at the end. Each chunk is kept whole as a segment of the line store and scanned in place; only
 * the line that straddles two chunks is copied.
 */
export function createStraceParser(options: StraceParseOptions = {}): StraceStreamParser {
  const builder = new StraceTraceBuilder(options);
  const store = builder.store;
  // The unfinished last line so far: text once any string was pushed (bytes decode losslessly to latin1
  // text, the other way round would not be lossless), else the byte pieces, joined once its newline comes.
  let carryText: string | null = null;
  let carryBytes: Uint8Array[] = [];
  /** The pending line's whole length; only its first MAX_LINE + 1 units are kept. */
  let carryLength = 0;
  let lineNo = 0;
  /** Bytes (or characters) of the lines fed so far. */
  let consumed = 0;
  let sniffed = false;
  let binary = false;

  /** Takes the whole lines of text[from, to) (`to` just past a newline), scanning them in place. */
  function takeText(text: string, from = 0, to = text.length): void {
    const base = store.addSegment(text);
    let start = from;
    while (start < to) {
      const nl = text.indexOf('\n', start);
      if (nl < 0 || nl >= to) break;
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      lineNo = store.addLine(base + start);
      builder.addLineAt(text, start, end, lineNo);
      start = nl + 1;
    }
    consumed += to - from;
    builder.noteInput(consumed);
  }

  /** The same over bytes; b[to - 1] is a newline, which every line scan stops at. */
  function takeBytes(b: Uint8Array, from = 0, to = b.length): void {
    const base = store.addSegment(b);
    for (let start = from; start < to;) {
      lineNo = store.addLine(base + start);
      start = builder.addLineBytes(b, start, lineNo) + 1;
    }
    consumed += to - from;
    builder.noteInput(consumed);
  }

  function sniff(head: string | Uint8Array): void {
    const n = Math.min(head.length, SNIFF_BYTES);
    if (n >= SNIFF_BYTES || head.length === 0) sniffed = true;
    const hasNul =
      typeof head === 'string' ? head.slice(0, n).includes('\0') : head.subarray(0, n).includes(0);
    if (hasNul) binary = sniffed = true;
  }

  function pushText(chunk: string): void {
    if (carryText === null) {
      carryText = carryBytes.map((b) => decodeLatin1(b)).join('');
      carryBytes = [];
    }
    if (!sniffed) sniff(carryText + chunk.slice(0, SNIFF_BYTES));
    // The line that straddles the previous chunk is joined on its own; the rest of the chunk is read
    // where it is (no copy of the whole chunk).
    const firstNl = chunk.indexOf('\n');
    if (firstNl < 0) {
      carryText += chunk.slice(0, Math.max(0, MAX_LINE + 1 - carryText.length));
      carryLength += chunk.length;
      return;
    }
    if (carryLength + firstNl > MAX_LINE) takeOverlong(carryText, carryLength + firstNl);
    else takeText(carryText + chunk.slice(0, firstNl + 1));
    const last = chunk.lastIndexOf('\n');
    // the chunk itself is kept as the segment: a slice of it would be slower to scan
    if (last > firstNl) takeText(chunk, firstNl + 1, last + 1);
    carryText = chunk.slice(last + 1);
    carryLength = carryText.length;
  }

  /** A pending line too long to be strace's: its start is kept, the parser says what happened. */
  function takeOverlong(start: string | Uint8Array, length: number): void {
    const text =
      typeof start === 'string'
        ? start.slice(0, MAX_LINE) + '\n'
        : join([start.subarray(0, MAX_LINE), NEWLINE]);
    const base = store.addSegment(text);
    lineNo = store.addLine(base);
    builder.addOverlongLine(lineNo, length);
    consumed += length + 1;
  }

  function pushBytes(given: Uint8Array): void {
    if (carryText !== null) return pushText(decodeLatin1(given));
    // A plain view of a subclass (Node's Buffer): the scanner then only ever sees one kind of array,
    // which keeps its element reads monomorphic.
    const chunk =
      Object.getPrototypeOf(given) === Uint8Array.prototype
        ? given
        : new Uint8Array(given.buffer, given.byteOffset, given.byteLength);
    if (!sniffed)
      sniff(carryBytes.length === 0 ? chunk : join([...carryBytes, chunk.subarray(0, SNIFF_BYTES)]));
    const firstNl = chunk.indexOf(10);
    if (firstNl < 0) {
      const room = Math.max(0, MAX_LINE + 1 - Math.min(carryLength, MAX_LINE + 1));
      if (room > 0 && chunk.length > 0) carryBytes.push(chunk.slice(0, room));
      carryLength += chunk.length;
      return;
    }
    if (carryLength + firstNl > MAX_LINE) takeOverlong(join(carryBytes), carryLength + firstNl);
    else takeBytes(join([...carryBytes, chunk.subarray(0, firstNl + 1)]));
    const last = chunk.lastIndexOf(10);
    // the chunk itself is kept as the segment (it may be a view of a larger buffer: that is kept too)
    if (last > firstNl) takeBytes(chunk, firstNl + 1, last + 1);
    carryBytes = last + 1 < chunk.length ? [chunk.slice(last + 1)] : [];
    carryLength = chunk.length - (last + 1);
  }

  /** The final line has no newline: keep it, and say so if it does not parse (a cut-off log). */
  function takeLastLine(): void {
    if (carryLength > MAX_LINE) takeOverlong(carryText ?? join(carryBytes), carryLength);
    else if (carryText) takeText(carryText + '\n');
    else if (carryBytes.length > 0) takeBytes(join([...carryBytes, NEWLINE]));
    carryText = null;
    carryBytes = [];
    carryLength = 0;
  }

  return {
    push(chunk: string | Uint8Array): void {
      if (typeof chunk === 'string') pushText(chunk);
      else pushBytes(chunk);
    },
    end(): Trace {
      takeLastLine();
      return builder.finish({ binary });
    },
    endSegment(): SegmentResult {
      takeLastLine();
      return finishSegment(builder, binary);
    },
    get linesRead() {
      return lineNo;
    },
    get eventsRead() {
      return builder.eventCount;
    },
  };
}

const NEWLINE = Uint8Array.of(10);

function join(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return (parts[0] as Uint8Array).slice();
  if (parts.length === 0) return new Uint8Array(0);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Parses a whole log held in one string. */
export function parseStrace(text: string, options: StraceParseOptions = {}): Trace {
  const p = createStraceParser(options);
  p.push(text);
  return p.end();
}
