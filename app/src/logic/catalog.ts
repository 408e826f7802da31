/**
 * The app's one door to parsers/catalog (categories, syscall and errno explanations), so the rest of
 * the app never depends on how the catalogue is laid out.
 */
export {
  syscallCategory,
  lookupSyscall,
  lookupErrno,
  SYSCALL_CATEGORIES,
} from '../../../parsers/catalog/index.js';
export type { SyscallCategory } from '../../../parsers/catalog/index.js';
