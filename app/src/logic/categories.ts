import { SYSCALL_CATEGORIES, syscallCategory } from './catalog.js';
import type { SyscallCategory } from './catalog.js';

/** Syscall categories in legend order: the catalogue's own list (parsers/catalog). */
export const CATEGORIES: readonly SyscallCategory[] = SYSCALL_CATEGORIES;
export type Category = SyscallCategory;

/** The category of a syscall by name; 'other' for names no table knows. */
function categoryOfSyscall(name: string): Category {
  return syscallCategory(name);
}

/** Category code (index into CATEGORIES) for every name id of a trace, so drawing needs no string work. */
export function computeCategoryCodes(names: readonly string[]): Uint8Array {
  const codes = new Uint8Array(names.length);
  for (let i = 0; i < names.length; i++) codes[i] = CATEGORIES.indexOf(categoryOfSyscall(names[i] as string));
  return codes;
}
