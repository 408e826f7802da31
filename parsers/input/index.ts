/**
 * The input pipeline, shared by the CLI and the app's worker: bytes in (one file, or an `strace -ff`
 * set), the format detected (strace, bpftrace, strace's -c table alone, not a trace, binary, empty), one
 * Trace out. Pure: the caller reads the files (Node streams, browser Files, fetches) and hands over chunks.
 *
 *   readTraceInput(files)          files as async chunk streams -> Trace, or the reason it is none
 *   createTraceFileReader(opts)    one file, push(chunk) ... end(), for callers that drive the reading
 *   selectFfSet(names)             which names of a folder form its -ff set
 *   readBlock                      a block of a big log, parsed on one of the caller's threads; readTraceInput
 *                                  stitches the blocks (parse-blocks.ts)
 *   createBlockPool                which of the caller's threads parses which block (block-pool.ts)
 */
export { readTraceInput } from './read-trace-input.js';
export type { TraceInputFile, TraceInputOptions } from './read-trace-input.js';
export { createTraceFileReader } from './trace-file-reader.js';
export { selectFfSet } from './ff-set.js';
export { PARALLEL_MIN_BYTES, readBlock } from './parse-blocks.js';
export type { BlockJob, BlockRunner, BlockSpare } from './parse-blocks.js';
export { createBlockPool } from './block-pool.js';
export type { BlockPool, BlockThread, PoolRunner } from './block-pool.js';
