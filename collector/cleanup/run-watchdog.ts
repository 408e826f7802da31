import { spawn } from 'node:child_process';
import type { Writable } from 'node:stream';

/**
 * A tiny `sh` beside the collector that kills the runs when the collector dies. It reads `+PGID` and
 * `-PGID` lines on a pipe from us; the pipe ends when we exit, however we exit (SIGKILL included, which
 * no handler of ours sees), and then it SIGKILLs every process group still listed. strace 6.1 has no
 * --kill-on-exit, and a tracer killed with SIGKILL leaves its tracees running: this is what stops them.
 * It runs in its own session, so a Ctrl-C on the terminal (which the collector handles) does not kill it.
 */
export const WATCHDOG_SCRIPT = [
  'groups=" "',
  'while IFS= read -r line; do',
  '  case $line in',
  '    +*) groups="$groups${line#+} " ;;',
  '    -*) rest=" "; for g in $groups; do [ "$g" = "${line#-}" ] || rest="$rest$g "; done; groups=$rest ;;',
  '  esac',
  'done',
  'for g in $groups; do kill -9 "-$g" 2>/dev/null; done',
].join('\n');

export interface RunWatchdog {
  /** The watchdog's own pid (tests kill it to check the sweep alone). */
  readonly pid: number | undefined;
  watch(pgid: number): void;
  unwatch(pgid: number): void;
  /** Normal end: the pipe is closed; the groups still listed (none, after a clean run) are killed. */
  stop(): void;
}

export function startRunWatchdog(): RunWatchdog {
  // node:child_process rather than execa: the watchdog must not hold our event loop open (unref), and
  // nothing of its output is read.
  const child = spawn('sh', ['-c', WATCHDOG_SCRIPT], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  child.on('error', () => {
    // no sh: the runs then do not die with us, and the next collect's sweep removes them
  });
  child.unref();
  const pipe = child.stdin as Writable & { unref?: () => void };
  pipe.on('error', () => {
    // the watchdog died first; nothing to tell it any more
  });
  // The pipe must not keep us alive either (a socket handle under the hood).
  (pipe as { _handle?: { unref?: () => void } })._handle?.unref?.();
  const send = (line: string): void => {
    if (!pipe.destroyed && pipe.writable) pipe.write(`${line}\n`);
  };
  return {
    pid: child.pid,
    watch: (pgid) => send(`+${pgid}`),
    unwatch: (pgid) => send(`-${pgid}`),
    stop: () => {
      if (!pipe.destroyed) pipe.end();
    },
  };
}
