import type { BindSpec, Namespace } from '../run-chain.js';

/**
 * session.json: everything needed to know what ran and to compare the runs. Any change to this shape
 * bumps SESSION_SCHEMA_VERSION and is recorded in collector/README.md.
 */
export const SESSION_SCHEMA_VERSION = 2;

/** Schema 2: any subset of the three, in the order collected (schema 1: host and chroot only). */
export type RunLabel = 'host' | 'chroot' | 'container';
export type Backend = 'strace' | 'bpftrace';

export interface SessionRun {
  label: RunLabel;
  /** The tracer's raw output, a file name inside the session directory, written byte for byte. */
  log: string;
  /** Exactly what ran: the tracer's argv, ending in the wrapper chain and the program. */
  argv: string[];
  /** The part of argv that ran under the tracer (the chain that ends in the program). */
  command: string[];
  /** The program's exit code; null when it was killed by a signal or never finished. */
  exitCode: number | null;
  /** The signal that ended the program (e.g. "SIGSEGV"), if any. */
  signal?: string;
  /** The program's stdout and stderr (the tracer's own messages land in stderr too), file names. */
  stdout: string;
  stderr: string;
  startedAt: string;
  endedAt: string;
  durationMs: number;
  /** The capture stopped early; the log holds what was traced until then. */
  incomplete?: true;
  incompleteReason?: 'timeout' | 'interrupted' | 'tracer-killed' | 'tracer-failed';
  /**
   * Schema 2: how the run was isolated, for the diagnosis: [] on the host, `['chroot', ...--unshare]`,
   * `['container', 'pid', 'net', ..., 'pivot_root', 'capabilities', 'no_new_privs', 'seccomp', 'cgroup']`.
   */
  isolation?: string[];
  /** Schema 2, container runs: the runtime, runc's container id and cgroup, and the OCI config used. */
  container?: ContainerInfo;
}

export interface ContainerInfo {
  runtime: 'runc';
  id: string;
  hostname: string;
  /** The container's cgroup under each controller's root (removed afterwards). */
  cgroupsPath: string;
  /** The bundle's config.json, copied into the session directory (a file name). */
  config: string;
  /** Anything the cleanup could not undo. */
  cleanupProblems?: string[];
}

export interface RootfsFile {
  /** Path inside the rootfs (the same as on the host). */
  path: string;
  kind: 'file' | 'symlink' | 'dir';
  /** Host file it was copied from (files only). */
  source?: string;
  size?: number;
  /** Symlink target, as stored. */
  target?: string;
}

export interface SessionManifest {
  schemaVersion: number;
  tool: 'spelunk';
  createdAt: string;
  /** The program as given, and as resolved on the host. */
  program: { given: string; path: string | null; args: string[] };
  backend: Backend;
  tools: Record<string, string>;
  kernel: { release: string; machine: string };
  options: {
    runs: RunLabel[];
    rootfs: string;
    unshare: Namespace[];
    /** With a pid namespace: whether the chroot run mounted a fresh /proc in the rootfs. */
    mountProc?: boolean;
    envClear: boolean;
    env: string[];
    binds: BindSpec[];
    trace: string | null;
    timeoutMs: number | null;
  };
  rootfs: {
    mode: 'auto' | 'bare' | 'dir' | 'tar';
    /** Where the rootfs was (a temporary directory for auto/bare/tar, removed afterwards). */
    dir: string | null;
    /** mode tar: the archive it was extracted from, and how many entries it held. */
    archive?: string;
    entries?: number;
    files: RootfsFile[];
    totalBytes: number;
    warnings: string[];
  } | null;
  /** The bpftrace program used, a file name in the session directory. */
  bpftraceScript?: string;
  runs: SessionRun[];
  /** False while collecting, and when any run is incomplete. */
  complete: boolean;
  notes: string[];
}
