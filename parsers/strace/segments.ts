import type { Trace } from '../model/trace.js';
import { stitchSegment } from './segment-merge.js';
import type { SegmentResult } from './segment-result.js';
import { createStraceParser } from './stream.js';
import { StraceTraceBuilder, type StraceParseOptions } from './trace-builder.js';

/**
 * Parallel parsing, the pure part: a big log cut at line boundaries into segments, each parsed on its
 * own (`parseStraceSegment`, on as many threads as there are), then stitched in order
 * (`createSegmentStitcher`) into exactly the Trace one pass over the whole log gives: calls split
 * across a seam are joined, times and line numbers carried over (segment-merge.ts).
 */

export interface SegmentOptions extends Omit<StraceParseOptions, 'segment'> {
  /** The segment starts the log. */
  first: boolean;
}

/**
 * Parses one segment: the bytes of whole lines of a log, in pieces of any size (only the log's last
 * line may lack its newline).
 */
export function parseStraceSegment(pieces: Iterable<Uint8Array>, options: SegmentOptions): SegmentResult {
  const { first, ...rest } = options;
  const p = createStraceParser({ ...rest, segment: { first } });
  for (const piece of pieces) p.push(piece);
  return p.endSegment();
}

export interface SegmentStitcher {
  /** Adds the next segment, in log order. */
  add(segment: SegmentResult): void;
  /** The trace of all segments added. */
  finish(): Trace;
  /** Segments carried over as parsed, and segments read again in order (see segment-merge.ts). */
  readonly absorbed: number;
  readonly replayed: number;
}

/** Room over the estimate of the events still to come, as the parser's own sizing keeps. */
const ROOM = 1.1;

/** Stitches segments, in order, into one Trace. `sizeHint`: the whole log's bytes, to size the columns. */
export function createSegmentStitcher(options: Omit<StraceParseOptions, 'segment'> = {}): SegmentStitcher {
  const builder = new StraceTraceBuilder({ ...options, sizeHint: 0 });
  const total = options.sizeHint ?? 0;
  let binary = false;
  let absorbed = 0;
  let replayed = 0;
  let segments = 0;
  return {
    add(segment) {
      if (segments++ === 0) binary = segment.binary;
      // the columns sized once for the whole log, from what the segments so far hold per byte
      const bytes = builder.store.totalLength + segment.store.totalLength;
      const upcoming = builder.cols.count + segment.columns.count;
      if (total > bytes && upcoming > 0) {
        const events = Math.ceil((upcoming * total * ROOM) / bytes);
        if (events > builder.cols.capacity * ROOM) builder.cols.reserve(events);
        const lines = Math.ceil(
          ((builder.store.lineCount + segment.store.lineStarts.length) * total * ROOM) / bytes,
        );
        if (lines > builder.store.capacity * ROOM) builder.store.reserve(lines);
      }
      if (stitchSegment(builder, segment) === 'absorbed') absorbed++;
      else replayed++;
    },
    finish() {
      return builder.finish({ binary });
    },
    get absorbed() {
      return absorbed;
    },
    get replayed() {
      return replayed;
    },
  };
}
