/**
 * A failure the user can act on: one line saying what went wrong and how to fix it. The CLI prints
 * `spelunk: <message>` and, on the next line, the hint; it never prints a stack for these.
 */
export class CollectError extends Error {
  readonly hint: string;
  /** The process exit code the CLI ends with. */
  readonly exitCode: number;

  constructor(message: string, hint: string, exitCode = 2) {
    super(message);
    this.name = 'CollectError';
    this.hint = hint;
    this.exitCode = exitCode;
  }
}

/** Exit codes, so scripts can tell faults apart. */
export const EXIT = {
  usage: 2,
  environment: 3, // not root, tool missing, tracefs unavailable
  program: 4, // program not found / not executable / rootfs missing
  tracer: 5, // the tracer died or failed
  crashed: 6, // the traced program was killed by a signal
  timeout: 124, // like timeout(1)
  interrupted: 130, // Ctrl-C, like a shell
} as const;

/** Formats any thrown value as the one-or-two-line message the CLI prints. */
export function formatFault(err: unknown): { text: string; exitCode: number } {
  if (err instanceof CollectError) {
    return { text: `spelunk: ${err.message}\n  ${err.hint}`, exitCode: err.exitCode };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { text: `spelunk: unexpected failure: ${message}`, exitCode: 1 };
}
