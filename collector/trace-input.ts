import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Trace } from '../parsers/model/trace.js';
import { blockBytesOverride, createBlockWorkers, parseThreads } from './parallel/block-workers.js';
import {
  PARALLEL_MIN_BYTES,
  readTraceInput,
  selectFfSet,
  type TraceInputFile,
  type TraceInputOptions,
} from '../parsers/input/index.js';

/** A problem with what the user named: printed as one line, no stack trace. */
export class InputError extends Error {
  override name = 'InputError';
}

/** The files one trace argument stands for: a log, or a directory of an `-ff` set (`NAME.PID` files). */
async function expandTraceArg(path: string): Promise<string[]> {
  let st;
  try {
    st = await stat(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(
      `${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(e)}`,
    );
  }
  if (st.isFile()) return [path];
  if (!st.isDirectory()) throw new InputError(`${path}: not a regular file`);
  const set = selectFfSet(await readdir(path), path.replace(/\/+$/, ''));
  if (!set.ok) throw new InputError(`${path}: is a directory that ${set.message}`);
  return set.members.map((n) => join(path, n));
}

/**
 * Reads one trace from one log or the files of an -ff set, through the input pipeline
 * (parsers/input/): streamed, so a log larger than V8's longest string still parses, and a binary file
 * is refused after its first chunk. A file that is not a trace becomes an InputError naming it; so
 * does strace's -c table alone, unless `acceptTableOnly` (stats counts it).
 */
export async function readTrace(paths: readonly string[], options: TraceInputOptions = {}): Promise<Trace> {
  const files = (await Promise.all(paths.map(expandTraceArg))).flat();
  const sizes = await Promise.all(files.map(async (file) => (await stat(file)).size));
  // a big log is parsed on every core (parsers/input/parse-blocks.ts); the threads start only for one
  const threads = parseThreads();
  const minBytes = blockBytesOverride()?.minBytes ?? PARALLEL_MIN_BYTES;
  const workers = threads > 1 && sizes.some((size) => size >= minBytes) ? createBlockWorkers(threads) : null;
  const lastBig = sizes.findLastIndex((size) => size >= minBytes);
  const inputs: TraceInputFile[] = files.map((file, k) => ({
    // an -ff member is named by its file name in events (`trace.812`), a lone log by its path
    name: files.length > 1 ? basename(file) : file,
    path: file,
    size: sizes[k] as number,
    chunks: readChunks(file),
    ...(workers ? { blocks: workers.runnerFor(file, k === lastBig) } : {}),
  }));
  try {
    const result = await readTraceInput(inputs, options);
    if (!result.ok) throw new InputError(`${result.file}: ${result.message}`);
    return result.trace;
  } finally {
    await workers?.close();
  }
}

/**
 * A file's bytes in 1 MiB pieces, but the first 64 KiB alone: a log read in blocks has only its head
 * read here, and a 1 MiB piece read and dropped would be a mapping given back to the system, after
 * which glibc serves every request below 1 MiB from its arenas instead (its dynamic mmap threshold):
 * the blocks' short-lived arrays then fragment them, 5-8 MiB more at the peak (BENCHMARKS.md). A read
 * error names the file. Stopping early closes the file.
 */
async function* readChunks(file: string): AsyncGenerator<Uint8Array> {
  try {
    const first = createReadStream(file, { highWaterMark: FIRST_CHUNK, end: FIRST_CHUNK - 1 });
    for await (const chunk of first) yield chunk as Buffer;
    const rest = createReadStream(file, { highWaterMark: 1 << 20, start: FIRST_CHUNK });
    for await (const chunk of rest) yield chunk as Buffer;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`${file}: cannot read (${code ?? String(e)})`);
  }
}

const FIRST_CHUNK = 64 * 1024;

/** Reads a small text file whole (session manifests). */
export async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new InputError(`${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}
