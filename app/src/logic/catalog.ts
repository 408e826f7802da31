/**
 * The app's one door to parsers/catalog (categories, syscall and errno explanations), so the rest of
 * the app never depends on how the catalogue is laid out.
 */
import type { ErrnoInfo, SyscallInfo } from '../../../parsers/catalog/types.js';
export { syscallCategory } from '../../../parsers/catalog/categories.js';
export type { SyscallCategory } from '../../../parsers/catalog/types.js';
// TEMPORARY while parsers/catalog's lookups do not build: no notes.
export function lookupSyscall(_name: string): SyscallInfo | null {
  return null;
}
export function lookupErrno(_name: string): ErrnoInfo | null {
  return null;
}
