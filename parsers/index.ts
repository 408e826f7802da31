/**
 * spelunk as a library: `import { parseStrace, computeTraceDiff } from 'spelunk'`. The same parsers and
 * analysis the CLI and the web app run, pure (no Node or DOM API: they run in Node, a browser, a worker).
 * Text or bytes go in, a columnar `Trace` comes out; `trace.event(i)` decodes one event into the shape
 * `spelunk parse` prints (FORMAT-CHANGELOG.md versions it).
 *
 * This module is the package's public surface: what is not exported here may change without notice.
 */

// ---- reading traces ----

/** Parses a whole strace log held in one string (any flags: -f, -ff, -tt, -T, -y, -k, -c ...). */
export { parseStrace } from './strace/stream.js';
/** A push parser for big logs: `push(bytes or text)` as they are read, then `end()` returns the Trace. */
export { createStraceParser } from './strace/stream.js';
/** Classifies one strace line on its own (call, unfinished, resumed, signal, exit ...), no state. */
export { parseStraceLine } from './strace/parse-line.js';
/** The files of one `strace -ff` run (`NAME.PID`), parsed and merged by time into one Trace. */
export { parseStraceFiles } from './strace/parse-files.js';
/** Cheap yes/no on the start of a file: does it look like strace output? */
export { sniffStrace } from './strace/sniff.js';
/** Parses the output of the collector's bpftrace program (`spelunk collect --backend bpftrace`). */
export { parseBpftrace } from './bpftrace/index.js';
/** Cheap yes/no on the start of a file: is it the collector's bpftrace output? */
export { sniffBpftrace } from './bpftrace/index.js';
/**
 * The input pipeline of the CLI and the app: files as async chunk streams in (one log or an -ff set),
 * the format detected, one Trace out, or why the input is not a trace (binary, empty, -c table alone).
 */
export { readTraceInput } from './input/read-trace-input.js';
/** One file pushed chunk by chunk through the input pipeline: `push(chunk)` ... `end()`. */
export { createTraceFileReader } from './input/trace-file-reader.js';
/** Which names of a folder's files form its `strace -ff` set, in pid order. */
export { selectFfSet } from './input/ff-set.js';
/** Merges traces of one run written to several files into one, ordered by time. */
export { mergeTraces } from './model/merge-traces.js';

// ---- the model ----

/** A parsed trace: typed-array columns (one slot per event), raw lines kept, `event(i)` decodes one. */
export { Trace } from './model/trace.js';
/** The event kinds, in the order the `kind` column numbers them. */
export { EVENT_KINDS } from './model/event.js';

// ---- analysis ----

/**
 * Compares two traces: pairs their processes, aligns the calls of each pair, and explains the
 * differences as ranked findings (`findings[0]` is the diagnosis), as `spelunk diff` does.
 */
export { computeTraceDiff } from './analysis/diff/trace-diff.js';
/** A TraceDiff in the shape `spelunk diff --json` prints. */
export { formatDiffJson } from './analysis/diff/trace-diff.js';
/** A TraceDiff as the terminal report `spelunk diff` prints (colours through `paint`). */
export { formatDiffReport } from './analysis/diff/format-diff.js';
/** Per-syscall calls, errors and time, counted as `strace -c` counts them. */
export { computeSyscallStats } from './analysis/syscall-stats.js';
/** The rows of `strace -c`'s table (percent of time, usecs/call) from computeSyscallStats. */
export { computeStatsTable } from './analysis/syscall-stats.js';
/** Who forked, cloned and exec'd whom: the process tree of a trace. */
export { computeProcessTree } from './analysis/process-tree.js';

// ---- output and explanations ----

/** One event as the JSON line `spelunk parse --ndjson` prints. */
export { formatEventJson } from './format/event-json.js';
/** A compact text dump of a whole trace, one event a line (what the golden files hold). */
export { formatTraceDump } from './format/trace-dump.js';
/** A syscall or errno by name (`openat`, `ENOENT`), explained: what `spelunk explain` prints. */
export { lookupEntry } from './catalog/index.js';
/** A catalogue entry as readable text. */
export { formatEntryText } from './catalog/format-entry.js';

export type * from './model/event.js';
export type * from './model/args.js';
export type { TraceColumns, TraceFormat } from './model/trace.js';
export type { StraceParseOptions } from './strace/trace-builder.js';
export type { StraceStreamParser } from './strace/stream.js';
export type { StraceLine, LineKind } from './strace/parse-line.js';
export type { BpftraceParseOptions } from './bpftrace/index.js';
export type { TraceInputFile, TraceInputOptions, TraceInputResult } from './input/read-trace-input.js';
export type { TraceFileOptions, TraceFileReader, TraceFileResult } from './input/trace-file-reader.js';
export type { InputFormat, ReadFormat, RejectedFormat } from './input/detect-format.js';
export type { FfSetChoice } from './input/ff-set.js';
export type { TraceDiff, TraceDiffJson, TraceDiffOptions, DiffPairJson } from './analysis/diff/trace-diff.js';
export type { Paint, FormatDiffOptions } from './analysis/diff/format-diff.js';
export type {
  DiagnosisConfidence,
  DiagnosisRuleId,
  DiffFinding,
  DiffLabels,
  DiffLineRef,
  FindingKind,
} from './analysis/diff/finding.js';
export type { DiffRunContexts, RunContext } from './analysis/diff/run-context.js';
export type { SyscallStat, SyscallStats, StatsRow, StatsSource } from './analysis/syscall-stats.js';
export type { ProcessNode, ProcessTree, ProcessOrigin } from './analysis/process-tree.js';
export type { CatalogEntry } from './catalog/types.js';
