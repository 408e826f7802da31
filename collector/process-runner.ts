import { execa } from 'execa';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';
import type { LeftoverRegistry } from './cleanup/leftover-registry.js';
import { processGroupLeftover } from './cleanup/leftover-registry.js';

/**
 * The one place that starts processes. Everything is an argv array handed to execa (never a shell
 * string). A traced run gets its own session and process group (`detached`), so a Ctrl-C on the terminal
 * reaches only us; we then stop the run in order: the traced processes first (so the tracer records how
 * they died and flushes its log), the tracer after a grace period, and finally anything left in the group.
 */

export interface CaptureResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** Set when the program could not be started at all (ENOENT, EACCES). */
  spawnError?: string;
}

/** Runs a short helper (ldd, `strace -V`) and collects its output. */
export async function runCapture(
  argv: readonly string[],
  timeoutMs = 15_000,
  env?: Record<string, string>,
): Promise<CaptureResult> {
  const [file, ...args] = argv as [string, ...string[]];
  const r = await execa(file, args, {
    reject: false,
    timeout: timeoutMs,
    stdin: 'ignore',
    encoding: 'utf8',
    ...(env ? { env, extendEnv: true } : {}),
  });
  const spawnError = spawnErrorOf(r);
  return {
    exitCode: r.exitCode ?? null,
    stdout: String(r.stdout ?? ''),
    stderr: String(r.stderr ?? ''),
    ...(spawnError ? { spawnError } : {}),
  };
}

export interface TracedRunOptions {
  stdoutFile: string;
  stderrFile: string;
  env?: Record<string, string>;
  /** Stop the run after this long; 0 or undefined: no limit. */
  timeoutMs?: number;
  /** Aborting stops the run the same way a timeout does (used for Ctrl-C). */
  abort?: AbortSignal;
  /** How long the tracer gets to finish its log once its tracees are gone. */
  graceMs?: number;
  /**
   * The timeout starts once this returns true (polled), so a tracer's own start-up does not count:
   * bpftrace needs about 3 s to compile and attach before the program runs.
   */
  programStarted?: (tracerPid: number) => boolean;
  /** The run's process group is recorded here as soon as it exists, and released once it is gone. */
  registry?: LeftoverRegistry;
}

export interface TracedRunResult {
  /** The tracer's own exit code; null when it died of a signal. */
  exitCode: number | null;
  /** The signal that ended the tracer, e.g. "SIGKILL". */
  signal: string | null;
  timedOut: boolean;
  interrupted: boolean;
  /** We had to kill the tracer itself: its log may end mid-line. */
  tracerKilled: boolean;
  spawnError?: string;
  startedAt: Date;
  endedAt: Date;
}

export async function runTraced(
  argv: readonly string[],
  options: TracedRunOptions,
): Promise<TracedRunResult> {
  const [file, ...args] = argv as [string, ...string[]];
  const startedAt = new Date();
  // Plain file descriptors, not pipes: a pipe would keep us waiting for any process that inherited it.
  const stdoutFd = openSync(options.stdoutFile, 'w');
  const stderrFd = openSync(options.stderrFile, 'w');
  const child = execa(file, args, {
    reject: false,
    detached: true,
    stdin: 'ignore',
    // execa's types list only the literals 3..9 for a descriptor; at runtime any fd goes straight to spawn().
    stdout: stdoutFd as 3,
    stderr: stderrFd as 3,
    ...(options.env ? { env: options.env, extendEnv: true } : {}),
  });
  const pid = child.pid;
  const recorded = pid !== undefined ? options.registry?.record(processGroupLeftover(pid)) : undefined;
  let timedOut = false;
  let interrupted = false;
  let tracerKilled = false;
  let stopping: Promise<void> | null = null;
  const stop = (): void => {
    if (stopping || pid === undefined) return;
    stopping = (async () => {
      killTree(pid, false);
      const ended = await Promise.race([
        child.then(() => true),
        delay(options.graceMs ?? 3000).then(() => false),
      ]);
      if (!ended) {
        tracerKilled = true;
        killGroup(pid);
      }
    })();
  };
  let timer: NodeJS.Timeout | null = null;
  const arm = (): void => {
    timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, options.timeoutMs);
  };
  let poll: NodeJS.Timeout | null = null;
  if (options.timeoutMs && options.timeoutMs > 0) {
    const started = options.programStarted;
    if (!started) arm();
    else {
      // Polled, with a ceiling: a tracer that never gets going is stopped all the same.
      const deadline = Date.now() + 60_000;
      poll = setInterval(() => {
        if ((pid !== undefined && started(pid)) || Date.now() > deadline) {
          if (poll) clearInterval(poll);
          poll = null;
          arm();
        }
      }, 100);
    }
  }
  const onAbort = (): void => {
    interrupted = true;
    stop();
  };
  options.abort?.addEventListener('abort', onAbort);
  if (options.abort?.aborted) onAbort();
  const r = await child;
  closeSync(stdoutFd);
  closeSync(stderrFd);
  if (timer) clearTimeout(timer);
  if (poll) clearInterval(poll);
  options.abort?.removeEventListener('abort', onAbort);
  if (stopping) await stopping;
  // Whatever outlived the tracer (a daemonised child, tracees of a killed tracer) goes now.
  if (pid !== undefined) killGroup(pid);
  recorded?.release();
  const spawnError = spawnErrorOf(r);
  return {
    exitCode: r.exitCode ?? null,
    signal: r.signal ?? null,
    timedOut,
    interrupted,
    tracerKilled,
    ...(spawnError ? { spawnError } : {}),
    startedAt,
    endedAt: new Date(),
  };
}

/** SIGKILLs every descendant of `pid` (and `pid` itself when `includeRoot`), deepest first. */
function killTree(pid: number, includeRoot: boolean): number[] {
  const victims = descendantsOf(pid);
  if (includeRoot) victims.unshift(pid);
  for (const p of victims.reverse()) {
    try {
      process.kill(p, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  return victims;
}

function killGroup(pgid: number): void {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // the group is empty
  }
}

/** True once some descendant of `pid` runs a program other than `name` (the tracer's -c child has exec'd). */
export function descendantExecd(pid: number, name: string): boolean {
  return descendantsOf(pid).some((p) => {
    try {
      return readFileSync(`/proc/${p}/comm`, 'latin1').trim() !== name;
    } catch {
      return false;
    }
  });
}

/** Every live process whose parent chain leads to `pid`, read from /proc. */
export function descendantsOf(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'latin1');
    } catch {
      continue;
    }
    // "1234 (comm with ) inside) S 1 ...": the ppid is the second field after the last ')'.
    const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(after[1]);
    const list = children.get(ppid) ?? [];
    list.push(Number(name));
    children.set(ppid, list);
  }
  const out: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const p = queue.shift() as number;
    for (const c of children.get(p) ?? []) {
      out.push(c);
      queue.push(c);
    }
  }
  return out;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** Why the process could not start at all (not found, not executable), or undefined when it ran. */
function spawnErrorOf(r: {
  failed?: boolean;
  exitCode?: number;
  signal?: string;
  shortMessage?: string;
  message?: string;
}): string | undefined {
  return r.failed && r.exitCode === undefined && !r.signal
    ? String(r.shortMessage ?? r.message ?? '').split('\n')[0]
    : undefined;
}
