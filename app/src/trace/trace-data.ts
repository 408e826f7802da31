import type { Diagnostic, StraceSummary, TraceColumns, TraceFormat } from '../../../parsers/model/index.js';
import type { LaneModel, XMode } from '../logic/compute-lanes.js';

/** One process or thread of a trace, as the process tree and the lanes need it. */
export interface ProcessInfo {
  pid: number;
  /** The task that created it (fork/vfork/clone); null for a root or when the log does not say. */
  parentPid: number | null;
  /** Created with CLONE_THREAD: a thread of its parent's thread group. */
  isThread: boolean;
  /** The program it ran (basename of the last successful execve's path), or '' when unknown. */
  command: string;
  /** argv of the last execve, when decoded. */
  argv: string[];
  firstIndex: number;
  lastIndex: number;
  /** The fork/vfork/clone call (in the parent) that created it, or -1. */
  spawnIndex: number;
  eventCount: number;
  /** "exited with 1", "killed by SIGSEGV", or '' while unknown. */
  end: string;
}

/**
 * What the main thread holds of a parsed trace: the event columns (typed arrays, transferred from the
 * worker) and their dictionaries, but not the raw text. The worker keeps the Trace (with the text) and
 * answers detail and search queries; see trace-client.ts for why.
 */
export interface TraceData {
  /** Stable id for URLs and the worker (e.g. "sample:foo/host" or "upload:1"). */
  id: string;
  title: string;
  columns: TraceColumns;
  names: readonly string[];
  errnos: readonly string[];
  sourceNames: readonly string[];
  format: TraceFormat;
  summaries: readonly StraceSummary[];
  /** The first diagnostics (capped); `diagnosticCount` says how many there were. */
  diagnostics: readonly Diagnostic[];
  diagnosticCount: number;
  unknownCount: number;
  processes: readonly ProcessInfo[];
  /** Lanes the worker already computed (for the default x mode), so the main thread need not. */
  precomputedLanes?: Partial<Record<XMode, LaneModel>>;
  /** Bytes of input parsed, and how long parsing took in the worker. */
  inputBytes: number;
  parseMs: number;
  /** Threads that parsed it: 1, or more when a big log was read in blocks (worker/block-threads.ts). */
  parseThreads: number;
}

/** Event kind codes, matching EVENT_KINDS in parsers/model. */
export const KIND = {
  syscall: 0,
  signal: 1,
  exit: 2,
  killed: 3,
  superseded: 4,
  personality: 5,
  message: 6,
  unknown: 7,
} as const;
