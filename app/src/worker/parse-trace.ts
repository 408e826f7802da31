import type { Trace } from '../../../parsers/model/index.js';
import { readTraceInput } from '../../../parsers/input/index.js';
import { CancelledBlockError, type BlockThreads } from './block-threads.js';
import { inputName, readInputChunks } from './read-input.js';
import type { InputSource } from './worker-protocol.js';

export class NotATraceError extends Error {}
export class CancelledError extends Error {}

export interface ParseProgress {
  isCancelled(): boolean;
  onBytes(bytes: number): void;
  /** Threads to parse a big file's blocks on (block-threads.ts); without them every file is one pass. */
  blockThreads?: BlockThreads | null;
  /** Hears how many threads parsed blocks, when a file was read in blocks. */
  onThreads?(threads: number): void;
}

/**
 * Parses the inputs (one log, or the files of an `-ff` set) into one Trace through the input pipeline
 * the CLI uses too (parsers/input/): each file streams in chunk by chunk, so a 600 MB log never becomes
 * one string, and a file that is binary, empty or not a trace is refused with the reason. A big File
 * (PARALLEL_MIN_BYTES) that is an strace log is read in blocks on `blockThreads` instead, all cores busy;
 * the pipeline stitches them into the Trace one pass gives.
 */
export async function parseInputs(inputs: InputSource[], progress: ParseProgress): Promise<Trace> {
  if (inputs.length === 0) throw new NotATraceError('No file was given.');
  const runners: { threadsUsed(): number }[] = [];
  let result;
  try {
    result = await readTraceInput(
      inputs.map((input) => {
        // a file's size is known up front: the columns are sized for it instead of grown
        const size =
          input.type === 'file' ? input.file.size : input.type === 'text' ? input.text.length : undefined;
        // the bar moves with the bytes streamed (a one-pass file) or the blocks parsed, whichever is ahead
        let streamed = 0;
        let parsed = 0;
        let reported = 0;
        const advance = (to: number): void => {
          if (to <= reported) return;
          progress.onBytes(to - reported);
          reported = to;
        };
        const chunks = readInputChunks(input, progress.isCancelled, (n) => advance((streamed += n)));
        const blocks =
          input.type === 'file'
            ? progress.blockThreads?.runnerFor(input.file, {
                isCancelled: progress.isCancelled,
                onBlock: (n) => advance((parsed += n)),
              })
            : null;
        if (blocks) runners.push(blocks);
        return {
          name: inputName(input),
          chunks,
          ...(size === undefined ? {} : { size }),
          ...(blocks ? { blocks } : {}),
        };
      }),
    );
  } catch (err) {
    if (err instanceof CancelledBlockError) throw new CancelledError('Cancelled');
    throw err;
  }
  if (progress.isCancelled()) throw new CancelledError('Cancelled');
  if (!result.ok) throw new NotATraceError(`${result.file} ${result.message}.`);
  const threads = Math.max(0, ...runners.map((r) => r.threadsUsed()));
  if (threads > 0) progress.onThreads?.(threads);
  return result.trace;
}
