/** Broad families of syscalls; the app colours timelines by them. */
export type SyscallCategory =
  | 'process'
  | 'memory'
  | 'file'
  | 'network'
  | 'ipc'
  | 'signal'
  /** Isolation and privilege: chroot, pivot_root, namespaces, mounts, capabilities, seccomp, landlock. */
  | 'containment'
  | 'time'
  | 'system'
  | 'other';

export type SyscallArch = 'x86_64' | 'aarch64';

/** One generated row: [name, x86_64 number, aarch64 number, kernel parameter names "a,b,c", implemented?]. */
export type SyscallRow = readonly [string, number | null, number | null, string, false?];

/** A hand-written explanation, in the compact form the data modules use. */
export interface SyscallExplanation {
  /** What the call does and when programs make it; plain sentences. */
  readonly summary: string;
  /** One [name, meaning] pair per argument, in order; the count equals the syscall's real arity. */
  readonly args: ReadonlyArray<readonly [string, string]>;
  /** What a successful return value means (and -1/errno on failure, which is implied). */
  readonly returns: string;
  /** Errnos this call commonly returns: [ERRNO, what it usually means for this call]. */
  readonly errors: ReadonlyArray<readonly [string, string]>;
  /** Extra practical notes (workshop context, strace quirks). */
  readonly notes?: string;
}

export interface SyscallArg {
  readonly name: string;
  readonly meaning: string;
}

export interface SyscallErrorMeaning {
  readonly errno: string;
  readonly meaning: string;
}

/** A syscall as the catalogue reports it: numbers and category always, explanation when written. */
export interface SyscallInfo {
  readonly kind: 'syscall';
  readonly name: string;
  readonly number: number | null;
  readonly aarch64Number: number | null;
  readonly category: SyscallCategory;
  /** Manual section; always 2 for syscalls. */
  readonly manSection: 2;
  /** The man page that documents it, e.g. "stat(2)" for newfstatat. */
  readonly manPage: string;
  /** How many arguments the kernel takes. */
  readonly arity: number;
  /** False for numbers the kernel reserves but never implements (always ENOSYS). */
  readonly implemented: boolean;
  /** True when a hand-written explanation exists; otherwise args carry the kernel's parameter names only. */
  readonly explained: boolean;
  readonly summary: string | null;
  readonly args: readonly SyscallArg[];
  readonly returns: string | null;
  readonly errors: readonly SyscallErrorMeaning[];
  readonly notes: string | null;
}

export interface ErrnoInfo {
  readonly kind: 'errno';
  readonly name: string;
  /** The positive errno value (syscalls return its negation). */
  readonly number: number;
  /** The message strace prints in parentheses, e.g. "No such file or directory". */
  readonly message: string;
  readonly explanation: string;
  /** Kernel-internal codes (512 and up) that should never reach a program but strace can show. */
  readonly kernelInternal: boolean;
  /** Other names for the same number, e.g. EWOULDBLOCK for EAGAIN. */
  readonly aliases: readonly string[];
}

export type CatalogEntry = SyscallInfo | ErrnoInfo;
