import type { Phase } from '../../../parsers/analysis/phases.js';
import type { DiffLabels, DiffRunContexts } from '../../../parsers/analysis/diff/index.js';
import type { EventSelector } from '../../../parsers/lessons/index.js';
import type { TraceEvent } from '../../../parsers/model/index.js';
import type { TraceData } from '../trace/trace-data.js';
import type { DiffData, EmbeddedLog } from '../compare/diff-data.js';
import type { BlockTuning } from './block-threads.js';

/** Where the bytes of one input file come from: a File picked or dropped, fetched URL, or pasted text. */
export type InputSource =
  | { type: 'file'; file: File }
  /** `bundled`: a sample shipped with the build, which a page opened from disk reads without fetch. */
  | { type: 'url'; url: string; name: string; bundled?: boolean }
  | { type: 'text'; text: string; name: string };

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
  /** The return value as strace printed it ("0x55d6a8c9e000", "3"), '' for non-call lines. */
  ret: string;
}

export interface UnknownLine {
  index: number;
  line: number;
  file: string | null;
  text: string;
}

/** One run in a Chrome Trace export: its slot in the worker and the name its processes get. */
export interface ChromeTraceRun {
  slot: string;
  label: string;
}

/**
 * Every call the page makes of the worker, in one table: what it sends, what comes back, and what the
 * worker reports on the way. Both ends are typed from this table; one id counter (the client's) numbers
 * every request, and `cancel` names a request by that id.
 */
export interface WorkerCalls {
  /** Parses inputs into a slot; the columns come back by transfer. */
  load: {
    params: { slot: string; id: string; title: string; inputs: InputSource[] };
    result: TraceData;
    progress: { bytes: number; totalBytes: number };
  };
  event: { params: { slot: string; index: number }; result: EventDetail | null; progress: never };
  rows: { params: { slot: string; indices: number[] }; result: RowText[]; progress: never };
  /** Sorted indices of events whose raw line contains the text (case-insensitive). */
  search: { params: { slot: string; text: string }; result: Int32Array; progress: never };
  unknownLines: { params: { slot: string; limit: number }; result: UnknownLine[]; progress: never };
  /** The automatic phases (bands) of every pid; lessons and the phase layer. */
  phases: { params: { slot: string }; result: Phase[]; progress: never };
  /** Events picked by lesson selectors (RegExps survive structured clone), one list per selector. */
  select: { params: { slot: string; selectors: EventSelector[] }; result: number[][]; progress: never };
  /** Chrome Trace Event JSON (Perfetto) of one run or of both runs of a comparison. */
  chromeTrace: { params: { runs: ChromeTraceRun[] }; result: string; progress: never };
  /** Aligns slots a and b (computeTraceDiff, with what the collector knows of each run). */
  diff: {
    params: { labels: DiffLabels; context?: DiffRunContexts };
    result: DiffData;
    progress: { stage: string; fraction: number };
  };
  /** The last comparison as JSON (`spelunk diff --json`), as Markdown, or the raw logs of both runs. */
  diffExport: {
    params: { format: 'json' | 'markdown' | 'sources' };
    result: { text: string; sources?: EmbeddedLog[][] };
    progress: never;
  };
  /**
   * How big logs are parsed from now on: on how many threads, in blocks of what size (worker/block-
   * threads.ts). The page sends it only when its URL forces them (`?threads=1`, `?blockBytes=65536`).
   */
  tune: { params: BlockTuning; result: null; progress: never };
  /** Stops the request with this id (a load: its parse); answers nothing of its own. */
  cancel: { params: { id: number }; result: null; progress: never };
}

export type WorkerMethod = keyof WorkerCalls;
export type CallParams<M extends WorkerMethod> = WorkerCalls[M]['params'];
export type CallResult<M extends WorkerMethod> = WorkerCalls[M]['result'];
export type CallProgress<M extends WorkerMethod> = WorkerCalls[M]['progress'];

export type WorkerRequest = {
  [M in WorkerMethod]: { id: number; method: M; params: CallParams<M> };
}[WorkerMethod];

export type WorkerResponse = {
  [M in WorkerMethod]:
    | { id: number; method: M; type: 'progress'; progress: CallProgress<M> }
    | { id: number; method: M; type: 'result'; result: CallResult<M> }
    | { id: number; method: M; type: 'error'; message: string; cancelled: boolean };
}[WorkerMethod];
