import type { Phase } from '../../../parsers/analysis/phases.js';
import type { EventSelector } from '../../../parsers/lessons/index.js';
import type { TraceEvent } from '../../../parsers/model/index.js';
import type { TraceData } from '../trace/trace-data.js';
import type { DiffRequest, DiffResponse } from '../compare/diff-protocol.js';

/** Where the bytes of one input file come from: a File picked or dropped, fetched URL, or pasted text. */
export type InputSource =
  | { type: 'file'; file: File }
  | { type: 'url'; url: string; name: string }
  | { type: 'text'; text: string; name: string };

export type WorkerRequest =
  | { type: 'load'; requestId: number; slot: string; id: string; title: string; inputs: InputSource[] }
  | { type: 'cancel'; requestId: number }
  | { type: 'query'; queryId: number; slot: string; query: TraceQuery }
  /** The comparison (issue 6): align slots a and b, export the result. */
  | DiffRequest;

export type TraceQuery =
  | { kind: 'event'; index: number }
  | { kind: 'rows'; indices: number[] }
  | { kind: 'search'; text: string }
  | { kind: 'unknown-lines'; limit: number }
  /** The automatic phases (bands) of every pid; lessons and the phase layer. */
  | { kind: 'phases' }
  /** Events picked by lesson selectors (RegExps survive structured clone), one list per selector. */
  | { kind: 'select'; selectors: EventSelector[] };

export interface EventDetail {
  index: number;
  event: TraceEvent;
  rawLine: string;
  /** The `<... resumed>` line of a stitched call. */
  endRawLine: string | null;
  file: string | null;
}

export interface RowText {
  index: number;
  /** The argument text as strace printed it (or the line's text for non-call lines). */
  text: string;
}

export type QueryResult =
  | { kind: 'event'; detail: EventDetail | null }
  | { kind: 'rows'; rows: RowText[] }
  /** Sorted indices of events whose raw line contains the text (case-insensitive). */
  | { kind: 'search'; matches: Int32Array }
  | { kind: 'unknown-lines'; lines: { index: number; line: number; file: string | null; text: string }[] }
  | { kind: 'phases'; phases: Phase[] }
  | { kind: 'select'; perSelector: number[][] };

export type WorkerResponse =
  | { type: 'progress'; requestId: number; bytes: number; totalBytes: number }
  | { type: 'loaded'; requestId: number; data: TraceData }
  | { type: 'failed'; requestId: number; message: string; cancelled: boolean }
  | { type: 'result'; queryId: number; result: QueryResult | null; error?: string }
  | DiffResponse;
