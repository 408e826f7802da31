import type { Trace } from '../../../parsers/model/index.js';
import { parseBpftrace, sniffBpftrace } from '../../../parsers/bpftrace/index.js';
import { createStraceParser, parseStraceFiles, sniffStrace } from '../../../parsers/strace/index.js';
import { chunkText, inputName, readInputChunks, sniffBinary } from './read-input.js';
import type { InputSource } from './worker-protocol.js';

export class NotATraceError extends Error {}
export class CancelledError extends Error {}

export interface ParseProgress {
  isCancelled(): boolean;
  onBytes(bytes: number): void;
}

/**
 * Parses the inputs into one Trace. One input streams through the strace parser chunk by chunk (so a
 * 600 MB log never becomes one string); several inputs are an `-ff` set, which the parser merges by time
 * and needs whole.
 */
export async function parseInputs(inputs: InputSource[], progress: ParseProgress): Promise<Trace> {
  const [first] = inputs;
  if (!first) throw new NotATraceError('No file was given.');
  let trace: Trace;
  if (inputs.length === 1) {
    const name = inputName(first);
    // a file's size is known up front: the columns are sized for it instead of grown
    const sizeHint =
      first.type === 'file' ? first.file.size : first.type === 'text' ? first.text.length : undefined;
    const parser = createStraceParser(
      sizeHint === undefined ? { fileName: name } : { fileName: name, sizeHint },
    );
    // The collector's bpftrace output is parsed whole (its reader is not streaming); strace streams.
    let bpftraceParts: string[] | null = null;
    let sniffed = false;
    for await (const chunk of readInputChunks(first, progress.isCancelled, progress.onBytes)) {
      if (!sniffed) {
        sniffed = true;
        const head = chunkText(chunk, 8192);
        if (sniffBinary(head)) throw new NotATraceError(`${name} is a binary file, not a trace log.`);
        if (!sniffStrace(head) && sniffBpftrace(head)) bpftraceParts = [];
      }
      if (bpftraceParts) bpftraceParts.push(chunkText(chunk));
      else parser.push(chunk);
    }
    if (progress.isCancelled()) throw new CancelledError('Cancelled');
    trace = bpftraceParts ? parseBpftrace(bpftraceParts.join(''), { fileName: name }) : parser.end();
  } else {
    const files: { name: string; text: string }[] = [];
    for (const input of inputs) {
      const parts: string[] = [];
      for await (const chunk of readInputChunks(input, progress.isCancelled, progress.onBytes))
        parts.push(chunkText(chunk));
      if (progress.isCancelled()) throw new CancelledError('Cancelled');
      const text = parts.join('');
      if (sniffBinary(text))
        throw new NotATraceError(`${inputName(input)} is a binary file, not a trace log.`);
      files.push({ name: inputName(input), text });
    }
    trace = parseStraceFiles(files);
  }
  checkIsTrace(trace, inputs.map(inputName).join(', '));
  return trace;
}

/** A log with lines but not one call, signal or exit is not a trace: say so instead of an empty view. */
function checkIsTrace(trace: Trace, name: string): void {
  const kinds = trace.columns.kind;
  let placed = 0;
  let unknown = 0;
  for (let i = 0; i < trace.count; i++) {
    const k = kinds[i] as number;
    if (k <= 4) placed++;
    else if (k === 7) unknown++;
  }
  if (placed === 0)
    throw new NotATraceError(
      unknown
        ? `${name} does not look like an strace log: none of its ${unknown} lines is a system call.`
        : `${name} is empty.`,
    );
}
