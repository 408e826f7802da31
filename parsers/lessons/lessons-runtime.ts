import type { Lesson } from './lesson.js';

/** Reading strace -f, and what a container runtime does: pivot_root, image layers, limits, a seccomp profile, an image from a tar. */

export const STRACE_FOLLOW: Lesson = {
  id: 'strace-follow',
  title: 'strace -f: a pipeline across processes',
  sample: 'pipeline',
  section: 'strace',
  summary:
    "strace -f follows every child a program starts. In a pipeline, several processes run at once: each line starts with its pid, and a call interrupted by another process's line is split into <unfinished ...> and <... resumed>.",
  steps: [
    {
      title: 'pipe2: two file descriptors',
      text: 'busybox sh runs `echo hello world | tr a-z A-Z | wc -c`. For each | it makes a pipe: pipe2 returns two fds, a read end and a write end (-y shows both as pipe:[inode], the same pipe). Every line starts with the pid of the process that made the call.',
      run: 'chroot',
      select: [{ syscall: 'pipe2', program: 'sh' }],
      checks: [
        { claim: 'two pipes for two |', count: 0, min: 2, max: 2 },
        {
          claim: 'two fds of one pipe',
          value: { of: 0, pick: 'first', arg: 0 },
          matches: /^\[\d+<pipe:\[(\d+)\]>, \d+<pipe:\[\1\]>\]$/,
        },
      ],
    },
    {
      title: 'clone: a child per command',
      text: "clone (fork) makes a child for each command; in the parent it returns the child's pid, and from then on lines with that pid are the child's. The child often starts before the parent's clone line is finished.",
      run: 'chroot',
      select: [{ syscall: 'clone', program: 'sh' }],
      checks: [
        { claim: 'three children', count: 0, min: 3, max: 3 },
        {
          claim: "the first child's first call is from the pid clone returned",
          same: [
            { of: 0, pick: 'first', read: 'ret' },
            { of: { syscall: 'dup2', nth: 1 }, read: 'pid' },
          ],
        },
      ],
    },
    {
      title: '<unfinished ...> and <... resumed>',
      text: 'When two processes are inside system calls at the same moment, strace prints the start of one call, "<unfinished ...>", then the other process\'s line, then "<... NAME resumed>" with the rest and the result. Both halves are one call; spelunk joins them.',
      run: 'chroot',
      select: [{ text: /<unfinished \.\.\.>$/, kind: 'syscall', after: { syscall: 'pipe2' } }],
      checks: [
        { claim: 'many calls are split', count: 0, min: 5 },
        {
          claim: 'the split clone still has its result',
          value: { of: { syscall: 'clone', program: 'sh', text: /<unfinished/, nth: 1 }, read: 'ret' },
          matches: /^\d+$/,
        },
      ],
    },
    {
      title: 'dup2: the pipe becomes stdout',
      text: 'In the first child, dup2(write end, 1) makes fd 1 the pipe: whatever it writes now goes to tr. echo is a shell builtin, so this child writes "hello world\\n" itself, with no execve, and exits.',
      run: 'chroot',
      select: [
        { syscall: 'dup2', nth: 1 },
        { syscall: 'write', text: /"hello world\\n"/ },
      ],
      checks: [
        { claim: 'fd 1 is now the pipe', value: { of: 0, read: 'retPath' }, matches: /^pipe:/ },
        {
          claim: 'the same child writes hello world',
          same: [
            { of: 0, read: 'pid' },
            { of: 1, read: 'pid' },
          ],
        },
        { claim: 'into the pipe', value: { of: 1, arg: 0 }, matches: /^1<pipe:/ },
      ],
    },
    {
      title: 'execve("/proc/self/exe"), then PATH',
      text: 'For tr and wc, busybox sh first tries execve("/proc/self/exe") to run the applet from its own binary. The chroot has no /proc, so that fails with ENOENT, and sh searches PATH: one failed execve per directory, until execve("/bin/tr") = 0, a link to busybox.',
      run: 'chroot',
      select: [
        { syscall: 'execve', path: /^\/proc\/self\/exe$/ },
        { syscall: 'execve', path: /^\/bin\/(tr|wc)$/ },
      ],
      checks: [
        { claim: '/proc/self/exe: ENOENT', value: { of: 0, read: 'errno' }, equals: 'ENOENT' },
        { claim: '/bin/tr and /bin/wc: 0', value: { of: 1, read: 'ret' }, equals: '0' },
        {
          claim: 'first /proc/self/exe, then PATH',
          order: [
            { syscall: 'execve', path: /^\/proc\/self\/exe$/, nth: 1 },
            { syscall: 'execve', path: /^\/bin\/tr$/ },
          ],
        },
      ],
      compare: {
        run: 'host',
        select: [{ syscall: 'execve', path: /^\/usr\/bin\/(tr|wc)$/ }],
        text: 'On the host, dash execs /usr/bin/tr and /usr/bin/wc directly.',
      },
    },
    {
      title: 'wait4: the parent collects each child',
      text: 'The shell waits for its children with wait4; each returns a child\'s pid and its status, and a SIGCHLD line shows the kernel telling the parent. wc prints 12: "HELLO WORLD\\n".',
      run: 'chroot',
      select: [
        { syscall: 'write', program: 'wc' },
        { syscall: 'wait4', program: 'sh', failed: false },
      ],
      checks: [
        { claim: 'three children collected', count: 1, min: 3, max: 3 },
        { claim: 'each exited with 0', value: { of: 1, arg: 1 }, matches: /WEXITSTATUS\(s\) == 0/ },
        { claim: 'wc counts 12 bytes', value: { of: 0, arg: 1 }, equals: '12\n' },
      ],
    },
  ],
};

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

const LIMIT_FILE = /\/memory\.(limit_in_bytes|max)$/;
const JOIN_FILE = /\/(tasks|cgroup\.procs)$/;

export const CGROUP_OOM: Lesson = {
  id: 'cgroup-oom',
  title: 'A memory limit ends in an OOM kill',
  sample: 'cgroup-oom',
  section: 'cgroups',
  summary:
    'A memory cgroup has a limit, and the kernel enforces it: when a process inside needs more, the OOM killer ends it with SIGKILL. Here, cgroup v1 (memory.limit_in_bytes, tasks); cgroup v2 names them memory.max and cgroup.procs.',
  steps: [
    {
      title: 'The limit: 32 MiB',
      text: "The shell writes 33554432 to memory.limit_in_bytes of a new cgroup in the v1 memory hierarchy (made with mkdir under the shell's own memory cgroup). It also caps memory plus swap, so the limit cannot be dodged by swapping.",
      run: 'host',
      select: [{ syscall: 'write', program: 'sh', path: LIMIT_FILE }],
      checks: [{ claim: '32 MiB', value: { of: 0, arg: 1 }, equals: '33554432\n' }],
    },
    {
      title: 'Into the cgroup: the tasks file',
      text: "echo $$ > tasks moves the shell in (v1's tasks takes a thread id; cgroup.procs a process id). Its children, eat-memory among them, are born inside and charged to it.",
      run: 'host',
      select: [{ syscall: 'write', program: 'sh', path: JOIN_FILE }],
      checks: [
        {
          claim: 'the shell writes its own pid',
          same: [
            { of: 0, arg: 1 },
            { of: 0, read: 'pid' },
          ],
        },
        { claim: 'limit first, then the move', order: [{ syscall: 'write', path: LIMIT_FILE }, 0] },
      ],
    },
    {
      title: 'eat-memory allocates, 4 MiB at a time',
      text: 'eat-memory (samples/src/eat-memory.c) mallocs 4 MiB blocks; each is an mmap of fresh memory, charged to the cgroup only when its pages are touched (memset). It reports every block with a write.',
      run: 'host',
      select: [
        {
          syscall: 'mmap',
          program: 'eat-memory',
          text: /MAP_ANONYMOUS/,
          after: { syscall: 'write', program: 'eat-memory' },
        },
        { syscall: 'write', program: 'eat-memory' },
      ],
      checks: [
        { claim: 'about 4 MiB each', value: { of: 0, arg: 1 }, equals: '4198400' },
        {
          claim: 'the last report: 28 MiB',
          value: { of: 1, pick: 'last', arg: 1 },
          equals: 'allocated 28 MiB\n',
        },
      ],
    },
    {
      title: 'Killed by SIGKILL',
      text: 'Touching the eighth block would pass 32 MiB: the kernel\'s OOM killer picks the biggest process in the cgroup and sends SIGKILL, which cannot be caught. strace shows "+++ killed by SIGKILL +++" and no exit_group: the process never got to return.',
      run: 'host',
      select: [{ kind: 'killed', program: 'eat-memory' }],
      checks: [
        { claim: 'SIGKILL', value: { of: 0, read: 'signal' }, equals: 'SIGKILL' },
        {
          claim: 'no exit_group of its own',
          count: { syscall: 'exit_group', program: 'eat-memory' },
          min: 0,
          max: 0,
        },
      ],
    },
    {
      title: 'The shell sees why, and the cgroup counts it',
      text: "The shell's wait4 reports WIFSIGNALED, WTERMSIG == SIGKILL, and it prints status 137 (128 + 9). The cgroup's memory.oom_control (memory.events in v2) says oom_kill 1: it was the limit, not a crash.",
      run: 'host',
      select: [
        { syscall: 'read', path: /memory\.(oom_control|events)$/, text: /oom_kill/ },
        { syscall: 'wait4', program: 'sh', failed: false, nth: 1 },
      ],
      checks: [
        { claim: 'WTERMSIG(s) == SIGKILL', value: { of: 1, arg: 1 }, matches: /WTERMSIG\(s\) == SIGKILL/ },
        { claim: 'oom_kill 1', value: { of: 0, arg: 1 }, matches: /^oom_kill 1$/m },
        { claim: 'status 137 printed', count: { syscall: 'write', program: 'sh', text: /status 137/ } },
      ],
    },
  ],
};

export const SECCOMP_PROFILE: Lesson = {
  id: 'seccomp-profile',
  title: 'A Docker-like seccomp profile: EPERM, and SIGSYS',
  sample: 'seccomp-profile',
  section: 'seccomp',
  summary:
    "Docker's default profile is an allow list: every other call fails with EPERM before the kernel runs it. A profile can also kill: SECCOMP_RET_KILL_PROCESS ends the process with SIGSYS.",
  steps: [
    {
      title: 'seccomp(SECCOMP_SET_MODE_FILTER): the profile',
      text: "After prctl(PR_SET_NO_NEW_PRIVS), the program (samples/src/seccomp-profile.c) installs a 33-instruction filter with seccomp(2), as runc does: check the architecture, compare the call number with an allow list of 14 calls, and answer everything else with SECCOMP_RET_ERRNO(EPERM), Docker's defaultAction.",
      run: 'host',
      select: [{ syscall: 'seccomp', program: 'seccomp-profile', nth: 1 }],
      checks: [
        { claim: 'SECCOMP_SET_MODE_FILTER', value: { of: 0, arg: 0 }, equals: 'SECCOMP_SET_MODE_FILTER' },
        { claim: '33 instructions', value: { of: 0, arg: 2, field: 'len' }, equals: '33' },
        { claim: 'no_new_privs first', order: [{ syscall: 'prctl', text: /PR_SET_NO_NEW_PRIVS/ }, 0] },
      ],
    },
    {
      title: 'uname is on the list',
      text: "uname is on the allow list: the filter answers SECCOMP_RET_ALLOW, the kernel runs the call, and it returns the system's name as before.",
      run: 'host',
      select: [{ syscall: 'uname', program: 'seccomp-profile', failed: false, nth: 1 }],
      checks: [{ claim: 'sysname="Linux"', value: { of: 0, arg: 0, field: 'sysname' }, equals: 'Linux' }],
    },
    {
      title: 'unshare, mount, keyctl: EPERM',
      text: 'unshare, mount and keyctl are not on the list: each returns -1 EPERM at once, and the kernel never looked at their arguments. Docker refuses these three by default (namespaces and mounts without CAP_SYS_ADMIN, and the keyring, which is not namespaced).',
      run: 'host',
      select: [{ syscall: ['unshare', 'mount', 'keyctl'], program: 'seccomp-profile' }],
      checks: [
        { claim: 'all three fail with EPERM', value: { of: 0, read: 'errno' }, equals: 'EPERM' },
        { claim: 'three calls', count: 0, min: 3, max: 3 },
      ],
    },
    {
      title: 'A kill action: SIGSYS',
      text: 'A child adds a second filter (filters stack; every one is run) whose answer to uname is SECCOMP_RET_KILL_PROCESS, and calls uname: the process dies with SIGSYS, "Bad system call", at the call. (strace shows the call\'s number, 63, where a result would be.)',
      run: 'host',
      select: [
        { syscall: 'seccomp', program: 'seccomp-profile', nth: -1 },
        { kind: 'killed', program: 'seccomp-profile' },
      ],
      checks: [
        { claim: 'a 4-instruction filter', value: { of: 0, arg: 2, field: 'len' }, equals: '4' },
        { claim: 'killed by SIGSYS', value: { of: 1, read: 'signal' }, equals: 'SIGSYS' },
        {
          claim: 'in the child the filter was added to',
          same: [
            { of: 0, read: 'pid' },
            { of: 1, read: 'pid' },
          ],
        },
      ],
    },
    {
      title: 'The parent sees SIGSYS',
      text: "The parent's wait4 reports WTERMSIG(s) == SIGSYS, signal 31, and it carries on: the profile only killed the process that broke the rule.",
      run: 'host',
      select: [
        { syscall: 'write', program: 'seccomp-profile', text: /killed by signal/ },
        { syscall: 'wait4', program: 'seccomp-profile' },
      ],
      checks: [
        {
          claim: 'signal 31, Bad system call',
          value: { of: 0, arg: 1 },
          matches: /signal 31 \(Bad system call\)/,
        },
        { claim: 'WTERMSIG(s) == SIGSYS', value: { of: 1, arg: 1 }, matches: /WTERMSIG\(s\) == SIGSYS/ },
        {
          claim: 'the parent exits 0',
          value: { of: { syscall: 'exit_group', program: 'seccomp-profile' }, arg: 0 },
          equals: '0',
        },
      ],
    },
  ],
};

export const ROOTFS_TAR: Lesson = {
  id: 'rootfs-tar',
  title: 'An image from a tar file, as docker export writes it',
  sample: 'rootfs-tar',
  section: 'chroot',
  summary:
    "`docker export` writes a container's files as one tar. spelunk collect --rootfs FILE.tar unpacks it into a temporary directory and chroots there: the same command reads the image's files instead of the host's.",
  steps: [
    {
      title: 'chroot into the unpacked image',
      text: "The collector extracted the tar into /tmp/spelunk-rootfs-... before the run (session.json records the archive and the number of entries); the chroot run chroots into that directory and runs /bin/sh, the image's busybox.",
      run: 'chroot',
      select: [
        { syscall: 'chroot', program: 'chroot' },
        { syscall: 'execve', path: /^\/bin\/sh$/ },
      ],
      checks: [
        { claim: 'into a temporary rootfs', value: { of: 0, arg: 0 }, matches: /^\/tmp\/spelunk-rootfs-/ },
        { claim: "the image's /bin/sh runs", value: { of: 1, read: 'ret' }, equals: '0' },
      ],
    },
    {
      title: 'busybox sh finds cat and ls through PATH',
      text: 'The image is busybox: its sh first tries execve("/proc/self/exe") for each applet (no /proc in this root: ENOENT), then PATH, and execve("/bin/cat") works: a link to busybox.',
      run: 'chroot',
      select: [{ syscall: 'execve', path: /^\/bin\/(cat|ls)$/ }],
      checks: [
        { claim: 'both run', value: { of: 0, read: 'ret' }, equals: '0' },
        {
          claim: '/proc/self/exe tried first',
          order: [
            { syscall: 'execve', path: /^\/proc\/self\/exe$/, nth: 1 },
            { syscall: 'execve', path: /^\/bin\/cat$/ },
          ],
        },
      ],
    },
    {
      title: "The image's os-release",
      text: "cat /etc/os-release opens the image's file: -y shows it inside the temporary rootfs. On the host the same path is Debian's file.",
      run: 'chroot',
      select: [{ syscall: 'openat', path: /^\/etc\/os-release$/ }],
      compare: {
        run: 'host',
        select: [{ syscall: 'openat', path: /^\/etc\/os-release$/ }],
        text: "The host run opens the host's /etc/os-release (a link to /usr/lib/os-release).",
      },
      checks: [
        {
          claim: 'inside the image',
          value: { of: 0, read: 'retPath' },
          matches: /^\/tmp\/spelunk-rootfs-[^/]+\/etc\/os-release$/,
        },
        {
          claim: "on the host, the host's",
          value: { of: 0, run: 'host', read: 'retPath' },
          matches: /^\/(usr\/lib|etc)\/os-release$/,
        },
      ],
    },
    {
      title: 'ls -a /: the image, not the host',
      text: "ls -a / in the chroot lists what the tar held: .dockerenv (docker export keeps it), bin, dev, etc, proc, sys, tmp, all empty but bin and etc. The host run lists the host's root.",
      run: 'chroot',
      select: [{ syscall: 'write', text: /\.dockerenv/ }],
      compare: {
        run: 'host',
        select: [{ syscall: 'write', text: /"\.\\n\.\.\\n/ }],
        text: "The host's root has boot, home, usr and the rest.",
      },
      checks: [
        {
          claim: "exactly the image's entries",
          value: { of: 0, arg: 1 },
          equals: '.\n..\n.dockerenv\nbin\ndev\netc\nproc\nsys\ntmp\n',
        },
        { claim: 'the host has /usr', value: { of: 0, run: 'host', arg: 1 }, matches: /^usr$/m },
      ],
    },
  ],
};
