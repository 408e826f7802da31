/**
 * The syscall and errno catalogue: numbers for x86_64 and aarch64, categories, man pages, and plain
 * explanations of what each call does, what its arguments and return value mean, and what its common
 * errors usually mean in practice. Pure data; no I/O.
 */
import { computeClosestNames } from './suggest.js';
import { listErrnos, lookupErrno } from './errno-lookup.js';
import { listSyscalls, lookupSyscall } from './syscall-lookup.js';
import type { CatalogEntry } from './types.js';

export type * from './types.js';
export { syscallCategory, SYSCALL_CATEGORIES } from './categories.js';
export { lookupSyscall, syscallByNumber, nameForUnknownSyscall, listSyscalls } from './syscall-lookup.js';
export { lookupErrno, listErrnos } from './errno-lookup.js';
export { formatEntryText } from './format-entry.js';
export { editDistance } from './suggest.js';

/**
 * Looks a name up as an errno when it is spelled like one (E + capitals), otherwise as a syscall, then the
 * other way round; null if it is neither.
 */
export function lookupEntry(name: string): CatalogEntry | null {
  const looksLikeErrno = /^E[A-Z0-9_]+$/.test(name);
  if (looksLikeErrno) return lookupErrno(name) ?? lookupSyscall(name);
  return lookupSyscall(name) ?? lookupSyscall(name.toLowerCase()) ?? lookupErrno(name);
}

let allNames: string[] | null = null;

/** The known syscall and errno names closest to `name` by edit distance, best first. */
export function closestNames(name: string, limit = 3): string[] {
  allNames ??= [
    ...listSyscalls().map((info) => info.name),
    ...listErrnos().flatMap((info) => [info.name, ...info.aliases]),
  ];
  return computeClosestNames(name, allNames, limit);
}
