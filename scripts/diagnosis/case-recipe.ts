import type { CaseCause, RunOutcome } from '../../test/diagnosis/case-json.js';

/**
 * How one case of the diagnosis suite is made. A recipe is data: the shell lines that prepare the
 * scenario (they are what RECIPE.md shows, and exactly what the capture runs), how the two runs are
 * traced, what must be true of the capture, and the cause a person who built the scenario names.
 */
export interface CaseRecipe {
  id: string;
  title: string;
  /** What was built and why B behaves as it does, in a few sentences (RECIPE.md). */
  story: string;
  cause: CaseCause;
  bothSucceed: boolean;
  /** Regexes (case-insensitive) for claims the trace contradicts: no finding may match one. */
  falseClaims: string[];
  /** Shell lines run in order (`sh -ec`, from the repository root) before the runs. */
  setup: string[];
  /** Shell lines run after the runs, even when they failed. */
  teardown?: string[];
  /** A process that runs during the capture; its pid replaces `{backgroundPid}`. */
  background?: string[];
  /** A TCP listener on 0.0.0.0:PORT kept open during the capture (`{hostAddress}` is this machine's address). */
  listen?: number;
  runs: CollectRuns | StraceRuns;
  /** How each run must end; a capture that ends otherwise is an error. */
  outcome: { a: RunOutcome; b: RunOutcome };
  /** Regexes on raw log lines: the first line matching each is an evidence line (case.json `evidence`). */
  evidence: { a?: string[]; b: string[] };
  /** More regexes that must match some line of the log (facts of the scenario the test holds). */
  facts?: { a?: string[]; b?: string[] };
  /** Regexes that must match no line of the log. */
  absent?: { a?: string[]; b?: string[] };
  /**
   * Captures to try before giving up, for scenarios that depend on timing (where strace's "Process N
   * attached" lands in the terminal form): default 1.
   */
  attempts?: number;
}

/** Both runs by `spelunk collect`: the CLI arguments before `--out`, then `--` and the program. */
export interface CollectRuns {
  kind: 'collect';
  /** Options of `spelunk collect` (`--rootfs bare`, `--unshare net`, ...). */
  options: string[];
  program: string[];
  /** Labels of the two runs in session.json (default host, chroot). */
  labels?: { a: string; b: string };
}

/** Each run by plain strace (the flags `spelunk collect` uses, or the terminal form). */
export interface StraceRuns {
  kind: 'strace';
  a: StraceRun;
  b: StraceRun;
}

export interface StraceRun {
  /** What the run is, for case.json (`host`, `host, seccomp filter`, ...). */
  label: string;
  argv: string[];
  /**
   * 'file' (default): `strace -f -ttt -T -yy -s 4096 -o LOG`, as collect runs it. 'terminal':
   * `strace -f` writing to its stderr, which becomes the log (the program's stderr mixed in).
   */
  form?: 'file' | 'terminal';
  /** Extra strace options (`-e trace=...`). */
  straceOptions?: string[];
  /** Replaces the base environment. */
  env?: Record<string, string>;
}

/** The fixed environment every capture runs in, so a re-capture sees what the first one saw. */
export const BASE_ENV: Readonly<Record<string, string>> = {
  PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  HOME: '/root',
  LANG: 'C.UTF-8',
};

/** The fixed directory of a case's programs and files: traces name it, so it is the same on every capture. */
export const caseDir = (id: string): string => `/tmp/spelunk-diag-${id}`;

/** `gcc -O2 -o DIR/NAME scripts/diagnosis/src/NAME.c` (+ flags): a setup line building a case's program. */
export const compile = (id: string, name: string, flags = ''): string =>
  `gcc -O2 ${flags ? flags + ' ' : ''}-o ${caseDir(id)}/${name} scripts/diagnosis/src/${name}.c`;
