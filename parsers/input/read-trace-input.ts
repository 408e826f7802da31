import { mergeTraces } from '../model/merge-traces.js';
import type { Trace } from '../model/trace.js';
import { pidFromFileName } from '../strace/parse-files.js';
import type { ReadFormat, RejectedFormat } from './detect-format.js';
import { createTraceFileReader, settleParsed, type TraceFileResult } from './trace-file-reader.js';
import { detectHead, HEAD_BYTES } from './detect-format.js';
import { parseInBlocks, PARALLEL_MIN_BYTES, type BlockRunner } from './parse-blocks.js';

/** One file of an input: its name and its bytes as they arrive. */
export interface TraceInputFile {
  /** Names the file in the trace (events, diagnostics); an `-ff` member's gives its pid (`trace.812`). */
  name: string;
  /** Names the file in a refusal, when that is not `name` (the CLI: the path as given). */
  path?: string;
  /** Its size in bytes, when known up front. */
  size?: number;
  /** Its bytes (or text) in order, in pieces of any size. Left unfinished when the file is refused. */
  chunks: AsyncIterable<Uint8Array | string>;
  /**
   * Threads that can read and parse blocks of this file (with `size`): a big strace log is then parsed
   * on all of them (parse-blocks.ts), only its head read from `chunks`.
   */
  blocks?: BlockRunner;
}

export interface TraceInputOptions {
  /** Takes strace's `-c` table alone (counts, no call) instead of refusing it: `spelunk stats` does. */
  acceptTableOnly?: boolean;
}

/** The whole input as one Trace, or the first file that is not a trace and why. */
export type TraceInputResult =
  | { ok: true; trace: Trace; formats: ReadFormat[] }
  | { ok: false; file: string; format: RejectedFormat; message: string };

/**
 * The input pipeline: one file, or the files of one `strace -ff` set (merged by time, each member's
 * pid taken from its name), read chunk by chunk into one Trace. Used by the CLI (collector/trace-input.ts,
 * over file streams) and the app's worker (over File streams, fetches and pasted text), so a log reads
 * the same in both. A binary file stops being read at its head; an empty member of a set is skipped
 * (the set is empty only when all are).
 */
export async function readTraceInput(
  files: readonly TraceInputFile[],
  options: TraceInputOptions = {},
): Promise<TraceInputResult> {
  const parts: Trace[] = [];
  const formats: ReadFormat[] = [];
  let firstEmpty: TraceInputResult | null = null;
  for (const file of files) {
    const result = await readOne(file, files.length > 1, options);
    if (result.ok) {
      parts.push(result.trace);
      formats.push(result.format);
      continue;
    }
    const refusal: TraceInputResult = { ...result, file: file.path ?? file.name };
    if (result.format !== 'empty' || files.length === 1) return refusal;
    firstEmpty ??= refusal;
  }
  if (parts.length === 0)
    return firstEmpty ?? { ok: false, file: '', format: 'empty', message: 'no file was given' };
  return { ok: true, trace: mergeTraces(parts), formats };
}

async function readOne(
  file: TraceInputFile,
  inSet: boolean,
  options: TraceInputOptions,
): Promise<TraceFileResult> {
  const defaultPid = inSet ? pidFromFileName(file.name) : undefined;
  const fileOptions = {
    ...options,
    fileName: file.name,
    ...(file.size === undefined ? {} : { sizeHint: file.size }),
    ...(defaultPid === undefined ? {} : { defaultPid }),
  };
  const chunks = file.chunks[Symbol.asyncIterator]();
  // the head first: it decides whether a big file can be read in blocks on several threads
  const head: (Uint8Array | string)[] = [];
  let headBytes = 0;
  while (headBytes < HEAD_BYTES) {
    const next = await chunks.next();
    if (next.done) break;
    head.push(next.value);
    headBytes += next.value.length;
  }
  const size = file.size ?? 0;
  const blocks = file.blocks;
  if (blocks && size >= (blocks.minBytes ?? PARALLEL_MIN_BYTES) && head.every((p) => typeof p !== 'string')) {
    if (detectHead(joinBytes(head as Uint8Array[])) === 'text') {
      await chunks.return?.();
      const job = { size, fileName: file.name, ...(defaultPid === undefined ? {} : { defaultPid }) };
      const trace = await parseInBlocks(blocks, job, blocks.blockBytes);
      return settleParsed(trace, 'strace', size, fileOptions);
    }
  }
  const reader = createTraceFileReader(fileOptions);
  let going = head.every((piece) => reader.push(piece));
  while (going) {
    const next = await chunks.next();
    if (next.done) break;
    going = reader.push(next.value);
  }
  if (!going) await chunks.return?.();
  return await reader.end();
}

function joinBytes(pieces: readonly Uint8Array[]): Uint8Array {
  if (pieces.length === 1) return pieces[0] as Uint8Array;
  const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
