/**
 * What the collector knows about a run that the trace may not show: how it ended, what it wrote to
 * stderr and stdout, which calls strace was told to trace, the program it ran. `spelunk diff` reads it
 * from session.json, `serve` puts it on each run of api/traces.json, and the app's worker passes it on.
 * Every field is optional: without a context the diagnosis reads what the traces show.
 */
export interface RunContext {
  /** 'host', 'chroot', 'container'. */
  label?: string;
  /** The run's exit code; null when it was killed by a signal or never finished. */
  exitCode?: number | null;
  /** The signal that ended it ("SIGKILL"), if any. */
  signal?: string | null;
  /** strace's `-e trace=` set the log was made with (session.json's options.trace), or null for all calls. */
  traceFilter?: string | null;
  /** What the run wrote to stderr (the tracer's own messages may be mixed in). */
  stderrText?: string;
  /** What the run wrote to stdout. */
  stdoutText?: string;
  /** The program the run started, and its interpreter (`#!` line or ELF PT_INTERP) when known. */
  program?: { path?: string; interpreter?: string };
  /** How the run was isolated: 'chroot', 'container', and namespace names ('net', 'pid', ...). */
  isolation?: string[];
  /** The capture stopped early: 'timeout', 'interrupted', 'tracer-killed', 'tracer-failed'. */
  incompleteReason?: string;
  /** The collector's time limit for the run, in milliseconds (null: none). */
  timeoutMs?: number | null;
}

/** The contexts of the two runs of a comparison. */
export interface DiffRunContexts {
  a?: RunContext;
  b?: RunContext;
}
