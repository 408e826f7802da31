import type { Trace } from '../model/trace.js';
import { StraceTraceBuilder, type StraceParseOptions } from './trace-builder.js';

export interface StraceStreamParser {
  /** Feeds the next piece of the log; pieces may split lines anywhere. */
  push(chunk: string): void;
  /** Ends the input and returns the trace. */
  end(): Trace;
  readonly linesRead: number;
  readonly eventsRead: number;
}

/** How much of the start is checked for NUL bytes, the mark of a binary file. */
const SNIFF_BYTES = 8192;

/**
 * A push parser: text goes in as it is read (a 1 GB log is never one string), events come out in one
 * Trace at the end. Text must be decoded one byte per character (latin1) to keep offsets exact.
 */
export function createStraceParser(options: StraceParseOptions = {}): StraceStreamParser {
  const builder = new StraceTraceBuilder(options);
  const store = builder.store;
  let carry = '';
  let lineNo = 0;
  let sniffed = false;
  let binary = false;

  /** Takes the whole lines of text[from, to) (`to` just past a newline), scanning them in place. */
  function takeLines(text: string, from = 0, to = text.length): void {
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
  }

  return {
    push(chunk: string): void {
      if (!sniffed) {
        const head = (carry + chunk).slice(0, SNIFF_BYTES);
        if (head.length >= SNIFF_BYTES || chunk.length === 0) sniffed = true;
        if (head.includes('\0')) {
          binary = true;
          sniffed = true;
        }
      }
      // The line that straddles the previous chunk is joined on its own; the rest of the chunk is read
      // where it is (no copy of the whole chunk).
      const firstNl = chunk.indexOf('\n');
      if (firstNl < 0) {
        carry += chunk;
        return;
      }
      takeLines(carry + chunk.slice(0, firstNl + 1));
      const last = chunk.lastIndexOf('\n');
      // the chunk itself is kept as the segment: a slice of it would be slower to scan
      if (last > firstNl) takeLines(chunk, firstNl + 1, last + 1);
      carry = chunk.slice(last + 1);
    },
    end(): Trace {
      if (carry.length > 0) {
        // the final line has no newline: keep it, and say so if it does not parse (a cut-off log)
        takeLines(carry + '\n');
        carry = '';
      }
      return builder.finish({ binary });
    },
    get linesRead() {
      return lineNo;
    },
    get eventsRead() {
      return builder.eventCount;
    },
  };
}

/** Parses a whole log held in one string. */
export function parseStrace(text: string, options: StraceParseOptions = {}): Trace {
  const p = createStraceParser(options);
  p.push(text);
  return p.end();
}
