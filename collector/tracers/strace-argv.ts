/**
 * The strace command line for one run. `-f` follows every child and thread, `-ttt` gives epoch
 * timestamps (so host and chroot runs share one clock), `-T` durations, `-yy` the path or socket behind
 * every fd, and `-s 4096` keeps whole paths and short file contents. `-o` keeps the trace out of the
 * program's own stderr; no `-c`/`-C`, so no summary table is mixed into the log.
 */
export interface StraceArgvOptions {
  /** Absolute path of the strace binary. */
  strace: string;
  /** Where strace writes the trace (`-o`). */
  logFile: string;
  /** strace's `-e trace=` set, e.g. `%process,%file,chroot`; switches on `--seccomp-bpf`. */
  trace?: string;
  /** `-s`: bytes of each string argument to print. */
  stringLimit?: number;
  /**
   * The run has a new pid namespace (a container, `--unshare pid`): strace then adds the outside pid to
   * every pid the program sees (`clone(...) = 6 /* 31107 in strace's PID NS *\/`), so children can be
   * told apart and joined to their parent.
   */
  pidnsTranslation?: boolean;
  /** What runs under strace: the program, or the wrapper chain that ends in it. */
  command: readonly string[];
}

const DEFAULT_STRING_LIMIT = 4096;

export function buildStraceArgv(options: StraceArgvOptions): string[] {
  const argv = [
    options.strace,
    '-f',
    '-ttt',
    '-T',
    '-yy',
    '-s',
    String(options.stringLimit ?? DEFAULT_STRING_LIMIT),
  ];
  argv.push('-o', options.logFile);
  if (options.pidnsTranslation) argv.push('--pidns-translation');
  if (options.trace !== undefined && options.trace !== '') {
    // With a seccomp filter the kernel stops the tracee only for the listed calls, so the rest run at
    // full speed (strace 5.3+; it needs -f, which we always pass).
    argv.push('--seccomp-bpf', '-e', `trace=${options.trace}`);
  }
  argv.push('--', ...options.command);
  return argv;
}
