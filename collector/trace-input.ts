import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { mergeTraces } from '../parsers/model/merge-traces.js';
import type { Trace } from '../parsers/model/trace.js';
import { parseBpftrace, sniffBpftrace } from '../parsers/bpftrace/index.js';
import { createStraceParser, pidFromFileName } from '../parsers/strace/index.js';

/** A problem with what the user named: printed as one line, no stack trace. */
export class InputError extends Error {
  override name = 'InputError';
}

/** The files one trace argument stands for: a log, or a directory of an `-ff` set (`NAME.PID` files). */
export async function expandTraceArg(path: string): Promise<string[]> {
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
  const names = (await readdir(path)).filter((n) => pidFromFileName(n) !== undefined).sort();
  if (names.length === 0) {
    throw new InputError(
      `${path}: is a directory with no NAME.PID files (strace -ff output); name a log file`,
    );
  }
  return names.map((n) => join(path, n));
}

/**
 * Reads one trace from several files (an -ff set) or one log, streaming, so a log larger than V8's
 * longest string still parses. Binary or non-trace input becomes an InputError naming the file.
 */
export async function readTrace(paths: readonly string[]): Promise<Trace> {
  const files = (await Promise.all(paths.map(expandTraceArg))).flat();
  const parts: Trace[] = [];
  for (const file of files) {
    const defaultPid = files.length > 1 ? pidFromFileName(basename(file)) : undefined;
    const name = files.length > 1 ? basename(file) : file;
    const trace = await readOne(file, name, defaultPid);
    const bad = trace.diagnostics.find((d) => d.code === 'binary-input' || d.code === 'not-a-trace');
    if (bad) throw new InputError(`${file}: ${bad.message}`);
    parts.push(trace);
  }
  return mergeTraces(parts);
}

/** One file, streamed into the strace parser; the collector's bpftrace output is recognised and read whole. */
async function readOne(file: string, name: string, defaultPid: number | undefined): Promise<Trace> {
  const sizeHint = (await stat(file)).size;
  const parser = createStraceParser(
    defaultPid === undefined ? { fileName: name, sizeHint } : { fileName: name, defaultPid, sizeHint },
  );
  let first = true;
  try {
    // bytes, not strings: the parser reads the common lines straight from them
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
      const bytes = chunk as Buffer;
      if (first && sniffBpftrace(bytes.toString('latin1', 0, 8192)))
        return parseBpftrace(await readFile(file, 'latin1'), { fileName: name });
      first = false;
      parser.push(bytes);
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`${file}: cannot read (${code ?? String(e)})`);
  }
  return parser.end();
}

/** Reads a small text file whole (session manifests). */
export async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new InputError(`${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}
