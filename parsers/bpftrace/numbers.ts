import { SYSCALL_ROWS } from '../catalog/syscall-table.js';
import { ERRNO_ROWS } from '../catalog/errno-table.js';
import { INTERNAL_ERRNO_ROWS } from '../catalog/errno-internal.js';

/**
 * Numbers to names for x86_64, from the catalogue's generated tables. (Read straight from the tables, not
 * through the catalogue's index, which also loads every hand-written explanation: the reader needs names only.)
 */
const SYSCALL_BY_NUMBER = new Map<number, string>();
for (const [name, x86] of SYSCALL_ROWS)
  if (x86 !== null && !SYSCALL_BY_NUMBER.has(x86)) SYSCALL_BY_NUMBER.set(x86, name);

const SYSCALL_BY_NAME = new Map<string, number>();
for (const [name, x86] of SYSCALL_ROWS) if (x86 !== null) SYSCALL_BY_NAME.set(name, x86);

export interface ErrnoName {
  name: string;
  message: string;
  /** 512 and up: the kernel restarts or translates these; strace prints `= ?` for them. */
  kernelInternal: boolean;
}

const ERRNO_BY_NUMBER = new Map<number, ErrnoName>();
for (const [name, number, message] of ERRNO_ROWS)
  ERRNO_BY_NUMBER.set(number, { name, message, kernelInternal: false });
for (const [name, number, message] of INTERNAL_ERRNO_ROWS)
  ERRNO_BY_NUMBER.set(number, { name, message, kernelInternal: true });

/** The x86_64 syscall with this number, or `syscall_N` as strace names one it does not know. */
export function syscallNameOf(nr: number): string {
  return SYSCALL_BY_NUMBER.get(nr) ?? `syscall_${nr}`;
}

/** The x86_64 number of a syscall name, or null. */
export function syscallNumberOf(name: string): number | null {
  return SYSCALL_BY_NAME.get(name) ?? null;
}

export function errnoOf(number: number): ErrnoName | null {
  return ERRNO_BY_NUMBER.get(number) ?? null;
}
