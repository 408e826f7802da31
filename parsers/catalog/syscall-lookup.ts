import { syscallCategory } from './categories.js';
import { SYSCALL_EXPLANATIONS } from './explanations.js';
import { manPageFor } from './man-pages.js';
import { SYSCALL_ROWS } from './syscall-table.js';
import type { SyscallArch, SyscallInfo, SyscallRow } from './types.js';

const NAME_BY_NUMBER: Readonly<Record<SyscallArch, ReadonlyMap<number, string>>> = {
  x86_64: new Map(SYSCALL_ROWS.filter((row) => row[1] !== null).map((row) => [row[1]!, row[0]])),
  aarch64: new Map(SYSCALL_ROWS.filter((row) => row[2] !== null).map((row) => [row[2]!, row[0]])),
};

const UNIMPLEMENTED_SUMMARY =
  'A syscall number the kernel reserves but does not implement (a historic or never-merged call). Calling it always fails with ENOSYS.';

function buildSyscallInfo(row: SyscallRow): SyscallInfo {
  const [name, number, aarch64Number, kernelArgs, implemented = true] = row;
  const kernelArgNames = kernelArgs === '' ? [] : kernelArgs.split(',');
  const explanation = SYSCALL_EXPLANATIONS[name];
  return {
    kind: 'syscall',
    name,
    number,
    aarch64Number,
    category: syscallCategory(name),
    manSection: 2,
    manPage: manPageFor(name),
    arity: kernelArgNames.length,
    implemented,
    explained: explanation !== undefined,
    summary: explanation?.summary ?? (implemented ? null : UNIMPLEMENTED_SUMMARY),
    args: explanation
      ? explanation.args.map(([argName, meaning]) => ({ name: argName, meaning }))
      : kernelArgNames.map((argName) => ({ name: argName, meaning: '' })),
    returns: explanation?.returns ?? null,
    errors: (explanation?.errors ?? []).map(([errno, meaning]) => ({ errno, meaning })),
    notes: explanation?.notes ?? null,
  };
}

const INFO_BY_NAME = new Map<string, SyscallInfo>(SYSCALL_ROWS.map((row) => [row[0], buildSyscallInfo(row)]));

/**
 * strace (6.1) prints syscalls it does not know by number: `syscall_0x1c4(...)`. Returns the real name for
 * that number on the given architecture (here 'fchmodat2'), or null if the number is not a syscall.
 */
export function nameForUnknownSyscall(straceName: string, arch: SyscallArch = 'x86_64'): string | null {
  const match = /^syscall_(0x[0-9a-f]+|\d+)$/i.exec(straceName);
  if (!match) return null;
  const number = Number(match[1]);
  return Number.isSafeInteger(number) ? (NAME_BY_NUMBER[arch].get(number) ?? null) : null;
}

/** The catalogue entry for a syscall name (also accepts strace's `syscall_0xNNN` form), or null. */
export function lookupSyscall(name: string, arch: SyscallArch = 'x86_64'): SyscallInfo | null {
  const direct = INFO_BY_NAME.get(name);
  if (direct) return direct;
  const resolved = nameForUnknownSyscall(name, arch);
  return resolved === null ? null : (INFO_BY_NAME.get(resolved) ?? null);
}

/** The syscall with this number on an architecture (x86_64 by default), or null. */
export function syscallByNumber(number: number, arch: SyscallArch = 'x86_64'): SyscallInfo | null {
  const name = NAME_BY_NUMBER[arch].get(number);
  return name === undefined ? null : (INFO_BY_NAME.get(name) ?? null);
}

/** Every syscall in the catalogue, ordered by x86_64 number. */
export function listSyscalls(): SyscallInfo[] {
  return [...INFO_BY_NAME.values()];
}
