import type { Lesson } from './lesson.js';

/** How a container runtime builds its root: pivot_root, and image layers with overlayfs. */

export const PIVOT_ROOT: Lesson = {
  id: 'pivot-root',
  title: 'pivot_root and the old root detached',
  sample: 'pivot-root',
  section: 'mounts',
  summary:
    'Container runtimes switch root with pivot_root rather than chroot: the new root becomes / of the mount namespace, and umount2(MNT_DETACH) removes the old one, so nothing of the host is left to escape to.',
  steps: [
    {
      title: 'A private mount namespace',
      text: 'The program (samples/src/pivot-root.c) first takes its own mount table (unshare(CLONE_NEWNS)) and makes every mount private: pivot_root refuses shared mounts (EINVAL), and nothing done here must reach the host.',
      run: 'host',
      select: [
        { syscall: ['unshare', 'mount'], program: 'pivot-root', nth: 1 },
        { syscall: 'mount', program: 'pivot-root', nth: 1 },
      ],
      checks: [
        { claim: 'CLONE_NEWNS', value: { of: { syscall: 'unshare' }, arg: 0 }, equals: 'CLONE_NEWNS' },
        { claim: 'MS_REC|MS_PRIVATE on /', value: { of: 1, arg: 3 }, has: ['MS_REC', 'MS_PRIVATE'] },
      ],
    },
    {
      title: 'pivot_root of a plain directory: EBUSY',
      text: 'The first try, pivot_root(".", "old_root") inside the busybox tree, fails with EBUSY: the new root is a plain directory on the same mount as the current root. pivot_root wants new_root to be a mount point of its own (test/kernel shows the same mistake gives EINVAL when the directory lies on another mount).',
      run: 'host',
      select: [{ syscall: 'pivot_root', failed: true }],
      checks: [{ claim: 'EBUSY', value: { of: 0, read: 'errno' }, equals: 'EBUSY' }],
    },
    {
      title: 'Bind the new root onto itself',
      text: 'mount(NEWROOT, NEWROOT, NULL, MS_BIND|MS_REC) makes the directory a mount point: the same files, now a mount. chdir into it again (into the mount, not the directory under it), and pivot_root(".", "old_root") works: the busybox tree is /, and the old root is parked at /old_root.',
      run: 'host',
      select: [
        { syscall: 'mount', text: /MS_BIND/ },
        { syscall: 'pivot_root', failed: false },
      ],
      checks: [
        {
          claim: 'source and target are the same directory',
          same: [
            { of: 0, arg: 0 },
            { of: 0, arg: 1 },
          ],
        },
        { claim: 'pivot_root = 0 after the bind', order: [0, 1] },
      ],
    },
    {
      title: 'The old root is still there, until detached',
      text: 'After the pivot, the host\'s whole tree is still reachable under /old_root (stat of /old_root/etc/hostname succeeds). umount2("/old_root", MNT_DETACH) takes it away at once, lazily freed when unused; the same stat now fails with ENOENT, and the empty directory is removed. runc does the same with pivot_root(".", ".") and umount2(".", MNT_DETACH).',
      run: 'host',
      select: [{ syscall: 'newfstatat', path: /^\/old_root\/etc\/hostname$/ }, { syscall: 'umount2' }],
      checks: [
        {
          claim: 'before: the host file is there',
          value: { of: 0, pick: 'first', read: 'ret' },
          equals: '0',
        },
        { claim: 'MNT_DETACH', value: { of: 1, arg: 1 }, equals: 'MNT_DETACH' },
        { claim: 'after: ENOENT', value: { of: 0, pick: 'last', read: 'errno' }, equals: 'ENOENT' },
        {
          claim: 'stat, detach, stat',
          order: [
            { syscall: 'newfstatat', path: /old_root/, nth: 1 },
            1,
            { syscall: 'newfstatat', path: /old_root/, nth: -1 },
          ],
        },
      ],
    },
    {
      title: 'ls / sees only the new root',
      text: 'exec /bin/ls -a /: three entries, ., .. and bin. No /proc, no /etc, no way back to the host: unlike a chroot, there is no outer tree left in this mount namespace.',
      run: 'host',
      select: [{ syscall: 'write', program: 'ls' }],
      checks: [{ claim: '., .. and bin', value: { of: 0, arg: 1 }, equals: '.\n..\nbin\n' }],
    },
  ],
};

export const OVERLAYFS: Lesson = {
  id: 'overlayfs',
  title: 'overlayfs: image layers and a copy-up',
  sample: 'overlayfs',
  section: 'mounts',
  summary:
    'An image is a stack of read-only layers; overlayfs shows them as one tree with a writable layer on top. Changing a file copies it up first, deleting one leaves a whiteout, and the image layers never change.',
  steps: [
    {
      title: 'mount -t overlay: lower, upper, work',
      text: "lowerdir=app:base are the image layers, app above base; upperdir is the container's writable layer, workdir a scratch directory overlayfs needs on the same filesystem. merged is where the union appears. It runs in a private mount namespace (unshare --mount), so the mount vanishes afterwards.",
      run: 'host',
      select: [{ syscall: 'mount', program: 'mount' }],
      checks: [
        { claim: 'type overlay', value: { of: 0, arg: 2 }, equals: 'overlay' },
        {
          claim: 'two lower layers, an upper and a work directory',
          value: { of: 0, arg: 4 },
          matches: /lowerdir=[^,]*\/app:[^,]*\/base,upperdir=[^,]*\/upper,workdir=[^,]*\/work/,
        },
      ],
    },
    {
      title: 'Both layers seen through merged',
      text: 'cat of merged/etc/os-release (from base) and merged/app/hello.txt (from app): one tree, two layers.',
      run: 'host',
      select: [{ syscall: 'write', program: 'cat', text: /spelunk base layer|hello from the app layer/ }],
      checks: [
        {
          claim: 'first from the base layer',
          value: { of: 0, pick: 'first', arg: 1 },
          equals: 'NAME="spelunk base layer"\n',
        },
        {
          claim: 'then from the app layer',
          value: { of: 0, pick: 'last', arg: 1 },
          equals: 'hello from the app layer\n',
        },
        {
          claim: 'both read through merged',
          count: { syscall: 'openat', program: 'cat', path: /\/merged\/(etc\/os-release|app\/hello\.txt)$/ },
          min: 2,
          max: 2,
        },
      ],
    },
    {
      title: 'Write: the file is copied up',
      text: 'Before the change, upper/etc/motd does not exist (stat: ENOENT). The shell opens merged/etc/motd for appending: overlayfs copies the file from base into upper first (a copy-up, invisible as a system call), then the write goes to the copy. The same stat now finds upper/etc/motd, 50 bytes.',
      run: 'host',
      select: [
        { syscall: 'newfstatat', path: /\/upper\/etc\/motd$/ },
        { syscall: 'openat', path: /\/merged\/etc\/motd$/, text: /O_APPEND/ },
      ],
      checks: [
        { claim: 'before: ENOENT', value: { of: 0, pick: 'first', read: 'errno' }, equals: 'ENOENT' },
        { claim: 'after: there', value: { of: 0, pick: 'last', read: 'ret' }, equals: '0' },
        {
          claim: 'stat, append, stat',
          order: [
            { syscall: 'newfstatat', path: /upper\/etc\/motd/, nth: 1 },
            1,
            { syscall: 'newfstatat', path: /upper\/etc\/motd/, nth: -1 },
          ],
        },
      ],
    },
    {
      title: 'Delete: a whiteout',
      text: 'rm merged/app/remove-me cannot touch the app layer. overlayfs records the deletion in upper instead: a character device 0:0 named remove-me, a whiteout, which hides the lower file. ls -l of upper/app shows it (mode c---------).',
      run: 'host',
      select: [
        { syscall: 'unlinkat', path: /\/merged\/app\/remove-me$/ },
        { syscall: 'statx', path: /\/upper\/app\/remove-me$/ },
      ],
      checks: [
        { claim: 'the unlink succeeds', value: { of: 0, read: 'ret' }, equals: '0' },
        {
          claim: 'upper holds a character device',
          value: { of: 1, arg: 4, field: 'stx_mode' },
          matches: /^S_IFCHR\|000$/,
        },
      ],
    },
    {
      title: 'The lower layer is unchanged',
      text: 'cat of base/etc/motd and merged/etc/motd: the base file still holds its one line (25 bytes, copied by copy_file_range), merged shows it plus the appended line (50 bytes). For the overlay file, copy_file_range answers EXDEV (it cannot copy across these filesystems) and cat falls back to read and write. The image layers never change, which is why one image can back many containers.',
      run: 'host',
      select: [
        { syscall: 'copy_file_range', path: /\/base\/etc\/motd$/, nth: 1 },
        { syscall: 'copy_file_range', path: /\/merged\/etc\/motd$/ },
        { syscall: 'read', path: /\/merged\/etc\/motd$/, nth: 1 },
      ],
      checks: [
        { claim: 'base: 25 bytes, its one line', value: { of: 0, read: 'ret' }, equals: '25' },
        { claim: 'merged through overlay: EXDEV', value: { of: 1, read: 'errno' }, equals: 'EXDEV' },
        {
          claim: 'merged: that line and the appended one',
          value: { of: 2, arg: 1 },
          equals: 'motd from the base layer\nchanged in the container\n',
        },
      ],
    },
  ],
};
