import type { Trace } from '../../model/index.js';
import { callLine } from './call-text.js';

/**
 * Why a call on `path` likely fails with `errno` in a run, in plain words, for the failures a chroot
 * (or a container) typically adds. Null when there is nothing more to say than the errno.
 *
 *   readlink("/proc/self/exe", ...) = -1 ENOENT        /proc is not mounted inside the chroot
 *   openat(AT_FDCWD, "/etc/ld.so.cache", ...) = -1 ENOENT   the loader then searches directory by directory
 */
export function failureHint(
  path: string,
  errno: string,
  inChroot: boolean,
  byLauncher = false,
  refusal: string | null = null,
): string | null {
  // Calls made before chroot() (env, unshare, mount(8), the bind script) see the host's files.
  const where = inChroot
    ? 'inside the chroot'
    : byLauncher
      ? 'for the launcher (before chroot)'
      : 'in this run';
  if (errno === 'ENOENT') {
    // Only a changed root lacks /proc, /sys or /dev as a whole; on the host a missing /proc/1/ctty is just absent.
    if (!inChroot && /^\/(proc|sys|dev)(\/|$)/.test(path)) return null;
    if (path.startsWith('/proc/') || path === '/proc') {
      return `/proc is not mounted ${where}: programs that read /proc/self/... (their own path, their memory map) find nothing`;
    }
    if (path.startsWith('/sys/')) return `/sys is not mounted ${where}`;
    if (path.startsWith('/dev/')) return `${path} does not exist ${where}: /dev is not populated`;
    if (path === '/etc/ld.so.cache') {
      return (
        `there is no /etc/ld.so.cache ${where}, so the dynamic loader looks for each library directory by ` +
        `directory (the failing openat/newfstatat calls that follow); harmless but slower — ` +
        '`ldconfig -r ROOTFS` creates one'
      );
    }
    if (/^\/(usr\/)?(share|lib)\/locale\//.test(path) || path.startsWith('/usr/lib/locale/')) {
      return `no locale files ${where}: the program falls back to the C locale`;
    }
    if (/^\/etc\/(passwd|group|nsswitch\.conf|hosts|resolv\.conf|localtime)$/.test(path)) {
      return `${path} is missing ${where}: name, user or time-zone lookups fall back or fail`;
    }
  }
  if (errno === 'EACCES' || errno === 'EPERM') {
    // Said only from what the trace shows (capset, a seccomp filter, setuid before the call): EPERM from a
    // seccomp filter is not a dropped capability.
    if (refusal) return refusal;
    return errno === 'EACCES'
      ? `permission denied on ${path || 'it'}: no call before it takes the right away (capset, prctl, setuid), so the file's modes or the mount's options`
      : 'not permitted, and no call before it takes the right away (capset, prctl, setuid)';
  }
  return null;
}

/** The first string literal of an event's line, as printed (escapes kept), or "". */
export function firstPath(trace: Trace, i: number): string {
  const m = /"((?:[^"\\]|\\.)*)"/.exec(callLine(trace, i));
  return m ? (m[1] as string) : '';
}
