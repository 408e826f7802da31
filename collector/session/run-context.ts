import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { RunContext } from '../../parsers/analysis/diff/run-context.js';

/** The fields of session.json (schema 1 or 2) a run context is read from; everything optional. */
export interface ManifestForContext {
  program?: { path?: string | null; given?: string; interpreter?: string | null };
  options?: { trace?: string | null; unshare?: string[]; timeoutMs?: number | null };
  runs?: RunForContext[];
}

export interface RunForContext {
  label?: string;
  log?: string;
  exitCode?: number | null;
  signal?: string | null;
  stdout?: string;
  stderr?: string;
  incompleteReason?: string;
  /** Schema 2 runs may say how they were isolated. */
  isolation?: string[];
}

/** How much of a run's stdout and stderr the diagnosis reads: the error that matters is near the end. */
const MAX_TEXT_BYTES = 64 * 1024;

/**
 * What the diagnosis should know about one run of a session, from its session.json entry and the
 * stdout/stderr files beside it. Files that are missing or unreadable are left out, never an error.
 */
export function readRunContext(dir: string, manifest: ManifestForContext, run: RunForContext): RunContext {
  const context: RunContext = {};
  if (run.label) context.label = run.label;
  if (run.exitCode !== undefined) context.exitCode = run.exitCode;
  if (run.signal !== undefined) context.signal = run.signal;
  if (run.incompleteReason) context.incompleteReason = run.incompleteReason;
  if (manifest.options) {
    context.traceFilter = manifest.options.trace ?? null;
    if (manifest.options.timeoutMs !== undefined) context.timeoutMs = manifest.options.timeoutMs;
  }
  const program: NonNullable<RunContext['program']> = {};
  const path = manifest.program?.path ?? manifest.program?.given;
  if (path) program.path = path;
  if (manifest.program?.interpreter) program.interpreter = manifest.program.interpreter;
  if (path || program.interpreter) context.program = program;
  const isolation =
    run.isolation ??
    (run.label && run.label !== 'host' ? [run.label, ...(manifest.options?.unshare ?? [])] : undefined);
  if (isolation) context.isolation = isolation;
  const stderr = run.stderr ? readTail(join(dir, run.stderr)) : null;
  if (stderr !== null) context.stderrText = stderr;
  const stdout = run.stdout ? readTail(join(dir, run.stdout)) : null;
  if (stdout !== null) context.stdoutText = stdout;
  return context;
}

/** The last MAX_TEXT_BYTES of a file as UTF-8 text, or null when it cannot be read. */
function readTail(path: string): string | null {
  if (!existsSync(path)) return null;
  let fd = -1;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    const length = Math.min(size, MAX_TEXT_BYTES);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    return buffer.toString('utf8');
  } catch {
    return null;
  } finally {
    if (fd >= 0) closeSync(fd);
  }
}

/** The run context of every run of the session in `dir`, by label; empty when there is no readable session.json. */
export function readSessionContexts(dir: string): Map<string, RunContext> {
  const out = new Map<string, RunContext>();
  const path = join(dir, 'session.json');
  if (!existsSync(path)) return out;
  let manifest: ManifestForContext;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as ManifestForContext;
  } catch {
    return out;
  }
  for (const run of manifest.runs ?? []) {
    if (run.label && !out.has(run.label)) out.set(run.label, readRunContext(dir, manifest, run));
  }
  return out;
}
