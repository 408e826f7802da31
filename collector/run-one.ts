import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { parseBpftrace } from '../parsers/bpftrace/index.js';
import { buildBpftraceArgv } from './tracers/bpftrace-script.js';
import { buildStraceArgv } from './tracers/strace-argv.js';
import { descendantExecd, runTraced } from './process-runner.js';
import type { Backend, RunLabel, SessionRun } from './session/session-manifest.js';
import type { LeftoverRegistry } from './cleanup/leftover-registry.js';

/** Runs one labelled run under the chosen tracer and describes what happened, for session.json. */
export interface RunOneOptions {
  label: RunLabel;
  backend: Backend;
  tracer: string;
  command: string[];
  sessionDir: string;
  /** A directory without spaces for the bpftrace wrapper script (bpftrace -c splits on spaces). */
  scratchDir: string;
  bpftraceScriptFile?: string;
  trace?: string;
  /** The run makes a new pid namespace (see buildStraceArgv). */
  pidnsTranslation?: boolean;
  timeoutMs?: number;
  abort?: AbortSignal;
  env?: Record<string, string>;
  /** Where the run's process group is recorded, so that it dies with the collector. */
  registry?: LeftoverRegistry;
}

export interface RunOneResult {
  run: SessionRun;
  tracerExit: number | null;
  tracerSignal: string | null;
  /** First meaningful line of the tracer's stderr when it failed. */
  tracerError?: string;
}

export async function runOne(o: RunOneOptions): Promise<RunOneResult> {
  const log = `${o.label}.${o.backend === 'strace' ? 'strace.log' : 'bpftrace.txt'}`;
  const stdout = `${o.label}.stdout.txt`;
  const stderr = `${o.label}.stderr.txt`;
  const logPath = `${o.sessionDir}/${log}`;
  const argv =
    o.backend === 'strace'
      ? buildStraceArgv({
          strace: o.tracer,
          logFile: logPath,
          command: o.command,
          ...(o.trace ? { trace: o.trace } : {}),
          ...(o.pidnsTranslation ? { pidnsTranslation: true } : {}),
        })
      : buildBpftraceArgv({
          bpftrace: o.tracer,
          scriptFile: o.bpftraceScriptFile ?? '',
          logFile: logPath,
          command: bpftraceCommand(o),
        });
  const r = await runTraced(argv, {
    stdoutFile: `${o.sessionDir}/${stdout}`,
    stderrFile: `${o.sessionDir}/${stderr}`,
    ...(o.env ? { env: o.env } : {}),
    ...(o.timeoutMs ? { timeoutMs: o.timeoutMs } : {}),
    ...(o.abort ? { abort: o.abort } : {}),
    ...(o.registry ? { registry: o.registry } : {}),
    // bpftrace forks its -c child at once but lets it exec only after attaching (about 3 s).
    ...(o.backend === 'bpftrace'
      ? { programStarted: (tracerPid: number) => descendantExecd(tracerPid, 'bpftrace') }
      : {}),
  });
  const run: SessionRun = {
    label: o.label,
    log,
    argv,
    command: o.command,
    exitCode: null,
    stdout,
    stderr,
    startedAt: r.startedAt.toISOString(),
    endedAt: r.endedAt.toISOString(),
    durationMs: r.endedAt.getTime() - r.startedAt.getTime(),
  };
  const logMissing = !existsSync(logPath) || statSync(logPath).size === 0;
  let tracerError: string | undefined;
  if (r.spawnError || (logMissing && !r.timedOut && !r.interrupted)) {
    tracerError = r.spawnError ?? firstError(`${o.sessionDir}/${stderr}`) ?? 'the tracer wrote no log';
    markIncomplete(run, 'tracer-failed');
  } else if (r.interrupted) markIncomplete(run, 'interrupted');
  else if (r.timedOut) markIncomplete(run, 'timeout');
  else if (r.tracerKilled) markIncomplete(run, 'tracer-killed');

  if (o.backend === 'strace') {
    // strace exits with the program's code, and re-raises the signal that killed it.
    run.exitCode = r.exitCode;
    if (r.signal) {
      if (straceSawKill(logPath, r.signal)) run.signal = r.signal;
      else if (!run.incomplete) markIncomplete(run, 'tracer-killed');
    }
  } else {
    if (r.signal && !run.incomplete) markIncomplete(run, 'tracer-killed');
    if (r.exitCode !== 0 && r.exitCode !== null && logMissing) markIncomplete(run, 'tracer-failed');
    Object.assign(run, programStatusFromBpftrace(logPath));
  }
  return { run, tracerExit: r.exitCode, tracerSignal: r.signal, ...(tracerError ? { tracerError } : {}) };
}

function markIncomplete(run: SessionRun, reason: NonNullable<SessionRun['incompleteReason']>): void {
  run.incomplete = true;
  run.incompleteReason = reason;
}

/**
 * The `-c` command. bpftrace splits it on single spaces and honours no quotes, so anything but plain
 * words goes through a one-line script in a directory whose path has no spaces.
 */
function bpftraceCommand(o: RunOneOptions): string {
  if (o.command.every((a) => /^[A-Za-z0-9_@%+=:,./-]+$/.test(a))) return o.command.join(' ');
  const file = `${o.scratchDir}/run-${o.label}.sh`;
  writeFileSync(file, `exec ${o.command.map(shellQuote).join(' ')}\n`, { mode: 0o644 });
  return `/bin/sh ${file}`;
}

/** Single-quotes a word for sh: the only character needing care inside '...' is ' itself. */
function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

function firstError(stderrFile: string): string | undefined {
  try {
    const lines = readFileSync(stderrFile, 'utf8').split('\n');
    // bpftrace 0.17 always warns about RLIMIT_MEMLOCK; that line is harmless.
    return lines.find((l) => l.trim() !== '' && !l.includes('RLIMIT_MEMLOCK'))?.trim();
  } catch {
    return undefined;
  }
}

/** True when the strace log ends with its first process killed by that signal (not strace itself killed). */
function straceSawKill(logPath: string, signal: string): boolean {
  try {
    const text = readFileSync(logPath, 'latin1');
    return text.includes(`+++ killed by ${signal}`);
  } catch {
    return false;
  }
}

/** bpftrace's exit code says nothing about the program: read the first process's end from the log. */
function programStatusFromBpftrace(logPath: string): { exitCode: number | null; signal?: string } {
  try {
    const trace = parseBpftrace(readFileSync(logPath, 'latin1'));
    let first: number | null = null;
    for (let i = 0; i < trace.count; i++) {
      const pid = trace.pid(i);
      if (first === null && pid !== null) first = pid;
      if (pid !== first) continue;
      const kind = trace.kind(i);
      if (kind === 'exit') return { exitCode: trace.ret(i) };
      if (kind === 'killed') return { exitCode: null, signal: trace.name(i) };
    }
  } catch {
    // no log
  }
  return { exitCode: null };
}
