/**
 * falseClaims shared by many cases: statements the trace contradicts whenever their premise holds.
 * Each case spreads the ones that fit its scenario, and adds its own.
 */

/** The loader "is missing" or "lacked": said of a run where the loader ran (or was never needed). */
export const LOADER_MISSING_CLAIMS = [
  'lacks the (dynamic )?loader',
  '(dynamic loader|ELF interpreter)[^.]*? (is |was )?(missing|absent|not there)',
  'without (the |a )?dynamic loader',
];

/**
 * The program's execve succeeded in B and the loader then found every library: the ELF interpreter is
 * there, and so is libc (found after a search of the library directories when /etc/ld.so.cache is absent).
 */
export const LOADER_PRESENT = [
  ...LOADER_MISSING_CLAIMS,
  'no dynamic loader',
  'libc\\.so\\.6[^.]*(finds it nowhere|is not inside)',
];

/** The program is dynamically linked (the loader opens libc.so.6 in the trace). */
export const DYNAMIC_PROGRAM = ['(is|was) statically linked'];

/** The program is the static busybox: no loader is involved at all. */
export const STATIC_PROGRAM = [...LOADER_MISSING_CLAIMS, 'busybox (is|was) dynamically linked'];

/** Both runs exit 0: any other ending in B is made up. */
export const BOTH_SUCCEED = ['exit status [1-9]\\d* in (chroot|B)\\b', 'killed by SIG\\w+ in (chroot|B)\\b'];

/** mount(8) of a --bind runs on the host, before chroot(): nothing it does or fails is "inside the chroot". */
export const MOUNT_IS_LAUNCHER = [
  '/proc/filesystems[^.]*inside the chroot',
  'inside the chroot[^.]*/proc/filesystems',
  'mount\\(8\\)[^.]*inside the chroot',
];
