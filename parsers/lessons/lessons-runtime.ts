import type { Lesson } from './lesson.js';

/** What a runtime adds around the process: a memory limit, a seccomp profile, an image from a tar. */

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
      text: 'The eighth block is mapped, and touching it would pass 32 MiB: the kernel\'s OOM killer picks the biggest process in the cgroup and sends SIGKILL, which cannot be caught. strace shows "+++ killed by SIGKILL +++" and no exit_group: the process never got to return.',
      run: 'host',
      select: [
        { syscall: 'mmap', program: 'eat-memory', text: /MAP_ANONYMOUS/, nth: -1 },
        { kind: 'killed', program: 'eat-memory' },
      ],
      checks: [
        { claim: 'SIGKILL', value: { of: 1, read: 'signal' }, equals: 'SIGKILL' },
        { claim: 'while it touched its last block', order: [0, 1] },
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
