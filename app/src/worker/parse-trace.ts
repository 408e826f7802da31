import type { Trace } from '../../../parsers/model/index.js';
import { readTraceInput } from '../../../parsers/input/index.js';
import { inputName, readInputChunks } from './read-input.js';
import type { InputSource } from './worker-protocol.js';

export class NotATraceError extends Error {}
export class CancelledError extends Error {}

export interface ParseProgress {
  isCancelled(): boolean;
  onBytes(bytes: number): void;
}

/**
 * Parses the inputs (one log, or the files of an `-ff` set) into one Trace through the input pipeline
 * the CLI uses too (parsers/input/): each file streams in chunk by chunk, so a 600 MB log never becomes
 * one string, and a file that is binary, empty or not a trace is refused with the reason.
 */
export async function parseInputs(inputs: InputSource[], progress: ParseProgress): Promise<Trace> {
  if (inputs.length === 0) throw new NotATraceError('No file was given.');
  const result = await readTraceInput(
    inputs.map((input) => {
      // a file's size is known up front: the columns are sized for it instead of grown
      const size =
        input.type === 'file' ? input.file.size : input.type === 'text' ? input.text.length : undefined;
      const chunks = readInputChunks(input, progress.isCancelled, progress.onBytes);
      return { name: inputName(input), chunks, ...(size === undefined ? {} : { size }) };
    }),
  );
  if (progress.isCancelled()) throw new CancelledError('Cancelled');
  if (!result.ok) throw new NotATraceError(`${result.file} ${result.message}.`);
  return result.trace;
}
