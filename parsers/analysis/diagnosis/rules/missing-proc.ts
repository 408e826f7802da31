import { callName } from './rule-kit.js';
import { familyRule, says } from './family-rule.js';

/**
 * /proc is a filesystem the kernel fills on the fly; a chroot has it only if someone mounts it there.
 * Programs that list processes (ps), read their own status or mounts fail without it.
 *
 *   openat(AT_FDCWD, "/proc/self/stat", O_RDONLY) = -1 ENOENT (No such file or directory)
 *   write(2, "Error, do this: mount -t proc proc /proc\n", 41) = 41
 */
export const missingProc = familyRule({
  id: 'missing-proc',
  family: 'proc',
  message: /\/proc|\bproc\b|procfs/,
  accept: (d) => d.errno === 'ENOENT' || d.errno === 'ENOTDIR',
  cause: (ctx, failures, main, quoted) =>
    `/proc is not mounted ${ctx.subject.where}: ${callName(main)} fails with ${main.errno}` +
    (failures.length > 1 ? ` (${failures.length} calls on /proc fail)` : '') +
    says(quoted),
});
