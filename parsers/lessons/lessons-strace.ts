import type { Lesson } from './lesson.js';

/** Reading strace -f output: several processes at once. */

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
