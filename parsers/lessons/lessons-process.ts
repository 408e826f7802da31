import type { Lesson } from './lesson.js';

/** The first half of the workshop: how a program becomes a process, and what chroot changes about that. */

export const HELLO_PROCESS: Lesson = {
  id: 'hello-process',
  title: 'How a program becomes a process',
  sample: 'hello-world',
  summary:
    'Follow a dynamically linked "hello, world" from the execve that starts it to the exit_group that ends it, and see how much happens before main() runs.',
  steps: [
    {
      title: 'execve: the kernel replaces the program',
      text: 'Everything starts with execve. The process that called it (here the child strace forked to run the program) keeps its pid, but its memory is thrown away and replaced by the new program. The kernel reads the ELF header of hello, maps it, and finds inside it the name of an "interpreter": the dynamic loader /lib64/ld-linux-x86-64.so.2. It maps that too and jumps into the loader, not into main().\n\nThe comment on the last argument (/* 39 vars */ in this capture) is the environment, handed over in the same call.',
      run: 'host',
      select: [{ syscall: 'execve', program: 'hello', nth: 1 }],
    },
    {
      title: 'brk(NULL): where does the heap end?',
      text: "The loader's first question is where the program break is: the end of the data segment, where the heap will grow. brk(NULL) changes nothing and returns the current end. Later, malloc moves it with brk(address).",
      run: 'host',
      select: [{ syscall: 'brk', program: 'hello', nth: 1 }],
    },
    {
      title: 'The loader looks for libraries',
      text: 'Now the dynamic loader (ld.so) works: it checks for /etc/ld.so.preload with access() (it is not there: ENOENT is expected and harmless), opens /etc/ld.so.cache, the index that says where each library lives, and then opens libc.so.6. These openat calls are the loader, not our program: hello has not run one line of its own code yet.',
      run: 'host',
      select: [{ syscall: ['access', 'openat'], program: 'hello', phase: 'loader' }],
    },
    {
      title: 'mmap and mprotect: libc is mapped into memory',
      text: "The loader reads libc's ELF header (read and pread64), then maps the file in pieces with mmap: one read-only part, one executable part (PROT_EXEC: the code), read-only data, and a writable part for libc's variables. Nothing is copied; the pages come from the file when they are first touched.\n\nA little later, mprotect makes some of those pages read-only again once the loader has filled in addresses (RELRO), so a bug cannot overwrite them.",
      run: 'host',
      select: [
        { syscall: 'mmap', program: 'hello', path: /libc\.so/ },
        { syscall: 'mprotect', program: 'hello', phase: 'startup' },
      ],
    },
    {
      title: 'arch_prctl and friends: libc sets up the thread',
      text: "arch_prctl(ARCH_SET_FS, ...) points the FS register at the thread's own data (thread-local storage: errno lives there). Then set_tid_address, set_robust_list and rseq register the thread with the kernel, prlimit64 reads the stack limit and getrandom fetches a few random bytes for malloc. This band is libc starting up; main() comes right after it.",
      run: 'host',
      select: [{ program: 'hello', phase: 'startup', kind: 'syscall' }],
    },
    {
      title: 'write: the only thing hello really does',
      text: 'Finally our own code: puts("hello, world") ends up as a single write of 13 bytes to file descriptor 1, standard output (here a file the collector gave it). Of all the calls in this trace, this is the one the source code asked for.',
      run: 'host',
      select: [{ syscall: 'write', program: 'hello', text: /hello, world/ }],
    },
    {
      title: 'exit_group: the process ends',
      text: 'Returning from main() calls exit, which flushes stdio and makes the exit_group system call: every thread of the process ends, with status 0. exit_group never returns, which is why strace prints "= ?"; the "+++ exited with 0 +++" line is strace seeing the process gone.',
      run: 'host',
      select: [{ syscall: 'exit_group', program: 'hello' }],
    },
  ],
};

export const BARE_CHROOT: Lesson = {
  id: 'bare-chroot-enoent',
  title: 'A chroot that fails with "No such file or directory"',
  sample: 'hello-bare-chroot',
  summary:
    'The program is in the new root, yet chroot says it does not exist. The missing file is one nobody named: the ELF interpreter.',
  steps: [
    {
      title: 'chroot, the program, starts like any other',
      text: "The chroot run traces /usr/sbin/chroot itself. It is an ordinary dynamic program, so the first band is its own loader and libc start-up, on the host's files. Nothing has changed yet.",
      run: 'chroot',
      select: [{ syscall: 'execve', program: 'chroot', nth: 1 }],
    },
    {
      title: 'chroot() and chdir("/")',
      text: 'chroot() changes what "/" means for this process and its children: from now on every absolute path starts at the rootfs directory. chdir("/") then moves the working directory inside it, so no relative path can still reach the host\'s files. Both succeed.',
      run: 'chroot',
      select: [{ syscall: ['chroot', 'chdir'], program: 'chroot' }],
    },
    {
      title: 'execve fails with ENOENT',
      text: 'chroot now runs the target. execve returns -1 ENOENT, "No such file or directory". But /tmp/spelunk-samples/bin/hello is in the rootfs: the session lists it in rootfs.files. The error is about a different file.\n\nhello is dynamically linked. Its ELF header names an interpreter, /lib64/ld-linux-x86-64.so.2, and the kernel opens it inside execve. In this bare root it does not exist, and the kernel reports that with the same ENOENT it uses for a missing program.',
      run: 'chroot',
      select: [{ syscall: 'execve', failed: true, errno: 'ENOENT' }],
      compare: {
        run: 'host',
        select: [{ syscall: 'execve', program: 'hello', nth: 1 }],
        text: 'On the host the same execve succeeds: /lib64/ld-linux-x86-64.so.2 is there, so the kernel can start the loader.',
      },
    },
    {
      title: 'The misleading message',
      text: 'chroot prints what strerror(ENOENT) says: "No such file or directory", after the program\'s name. Reading the message, you would look for the program; reading the trace, you see which call failed and can ask which file it needed. (The openat calls of coreutils.mo and libc.mo failing here are only gettext looking for translations: they are normal.)',
      run: 'chroot',
      select: [
        { syscall: 'write', program: 'chroot', text: /No such file or directory|failed to run command/ },
      ],
    },
    {
      title: 'Exit status 127',
      text: 'chroot exits with 127, the shell\'s convention for "command not found". The target never ran a single instruction.',
      run: 'chroot',
      select: [{ syscall: 'exit_group', program: 'chroot' }],
    },
  ],
};

export const CHROOT_FIXED: Lesson = {
  id: 'chroot-ldd-fix',
  title: 'The fix: copy what ldd lists',
  sample: 'hello-world',
  summary:
    'With the files ldd names copied into the rootfs (libc.so.6 and the loader ld-linux-x86-64.so.2), the same program runs inside the chroot.',
  steps: [
    {
      title: 'The same chroot() as before',
      text: '`ldd hello` prints the libraries the program needs and the loader: libc.so.6 and /lib64/ld-linux-x86-64.so.2. The collector copied exactly those into this rootfs (see rootfs.files in session.json). Then chroot() and chdir("/") as before.',
      run: 'chroot',
      select: [{ syscall: ['chroot', 'chdir'], program: 'chroot' }],
    },
    {
      title: 'This time execve succeeds',
      text: 'The kernel finds the interpreter inside the new root, so execve returns 0 and the loader starts, now seeing only the rootfs.',
      run: 'chroot',
      select: [{ syscall: 'execve', program: 'hello', failed: false }],
    },
    {
      title: 'No ld.so.cache: the loader searches',
      text: 'Inside the rootfs there is no /etc/ld.so.cache, so the loader cannot look libc up. It falls back to trying the default directories one after the other, including the glibc-hwcaps subdirectories for newer CPUs, each attempt an openat failing with ENOENT. These failures are normal and cost a few microseconds.',
      run: 'chroot',
      select: [{ syscall: 'openat', program: 'hello', failed: true, phase: 'loader' }],
      compare: {
        run: 'host',
        select: [{ syscall: 'openat', program: 'hello', path: /ld\.so\.cache/ }],
        text: 'On the host the cache exists, and libc is found with one lookup.',
      },
    },
    {
      title: 'libc found, mapped, and the program runs',
      text: 'The openat of /lib/x86_64-linux-gnu/libc.so.6 succeeds: the -y decoration shows the real file, inside the rootfs directory. From here the trace is the same as on the host: the mmaps of libc, libc start-up, and the write.',
      run: 'chroot',
      select: [
        { syscall: 'openat', program: 'hello', path: /libc\.so\.6/, failed: false },
        { syscall: 'write', program: 'hello', text: /hello, world/ },
      ],
    },
  ],
};

export const STATIC_BINARY: Lesson = {
  id: 'static-needs-nothing',
  title: 'A static binary needs nothing',
  sample: 'static-bare-chroot',
  summary:
    'Linked with -static, hello carries its own copy of libc: alone in an empty root it runs, with no loader at all.',
  steps: [
    {
      title: 'A bare root again',
      text: 'The rootfs holds one file, the program. chroot() and chdir("/") succeed as before.',
      run: 'chroot',
      select: [{ syscall: ['chroot', 'chdir'], program: 'chroot' }],
    },
    {
      title: 'execve succeeds: there is no interpreter to find',
      text: 'A static executable has no interpreter entry in its ELF header, so the kernel needs no other file: it maps the program and jumps straight to its entry point.',
      run: 'chroot',
      select: [{ syscall: 'execve', program: 'hello-static' }],
    },
    {
      title: 'No loader band, straight to libc start-up',
      text: 'There is no access of ld.so.preload, no ld.so.cache and no openat of libc: libc is already inside the binary. What remains is libc setting itself up: brk for the heap, arch_prctl for thread-local storage, set_tid_address, set_robust_list, rseq, and readlink of /proc/self/exe.',
      run: 'chroot',
      select: [{ program: 'hello-static', phase: 'startup', kind: 'syscall' }],
    },
    {
      title: 'write and exit_group',
      text: 'The same write of "hello, world" and exit_group(0). The price of static linking is size (hundreds of KB instead of 16 KB) and no shared security updates of libc; the benefit is that nothing else has to be in the root.',
      run: 'chroot',
      select: [
        { syscall: 'write', program: 'hello-static', text: /hello, world/ },
        { syscall: 'exit_group', program: 'hello-static' },
      ],
    },
  ],
};

export const ENV_CLEARED: Lesson = {
  id: 'env-i',
  title: 'env -i replaces the environment',
  sample: 'env-busybox',
  summary:
    'The environment is not inherited by magic: it is an argument of execve, and env -i passes an empty one plus what you name.',
  steps: [
    {
      title: 'env starts with the whole environment',
      text: "env is exec'd with the whole environment (the /* N vars */ comment on the envp argument, 39 in this capture): everything the shell that ran spelunk had.",
      run: 'chroot',
      select: [{ syscall: 'execve', nth: 1 }],
    },
    {
      title: 'The next execve carries only 2 variables',
      text: 'env -i -- PATH=/bin HOME=/ builds a new environment with just those two and passes it to execve of chroot: see /* 2 vars */. No system call "clears" an environment; the new program simply receives the array it is given.',
      run: 'chroot',
      select: [{ syscall: 'execve', program: 'chroot' }],
    },
    {
      title: 'Inside the busybox root, /bin/env is busybox',
      text: 'After chroot() into the toy rootfs, execve("/bin/env") follows a symlink to the one static busybox binary, which looks at its name to decide to act as env. The 2 variables travel through chroot unchanged.',
      run: 'chroot',
      select: [{ syscall: 'execve', after: { syscall: 'chroot' } }],
    },
    {
      title: 'What the program sees',
      text: 'env prints its environment with one write: PATH=/bin and HOME=/, nothing else. No USER, no TERM, no LANG: a program only knows the variables its execve carried.',
      run: 'chroot',
      select: [{ syscall: 'write', text: /PATH=\/bin/ }],
      compare: {
        run: 'host',
        select: [{ syscall: 'write', text: /PATH=\/bin/ }],
        text: 'The host run did the same env -i without the chroot: the same two lines.',
      },
    },
  ],
};
