import type { Lesson } from './lesson.js';

/** The first half of the workshop: how a program becomes a process, and what chroot changes about that. */

/** The loader's own calls before main(); strace -k shows each one's stack inside ld-linux-x86-64.so.2. */
const LOADER_THREAD_SETUP = ['arch_prctl', 'set_tid_address', 'set_robust_list', 'rseq'];

export const HELLO_PROCESS: Lesson = {
  id: 'hello-process',
  title: 'How a program becomes a process',
  sample: 'hello-world',
  section: 'loader',
  summary:
    'Follow a dynamically linked "hello, world" from the execve that starts it to the exit_group that ends it, and see how much happens before main() runs, and after it returns.',
  steps: [
    {
      title: 'execve: the kernel replaces the program',
      text: 'Everything starts with execve. The process that called it (here the child strace forked to run the program) keeps its pid, but its memory is thrown away and replaced by the new program. The kernel reads the ELF header of hello, maps it, and finds inside it the name of an "interpreter": the dynamic loader /lib64/ld-linux-x86-64.so.2. It maps that too and jumps into the loader, not into main().\n\nThe comment on the last argument (/* N vars */) is the environment, handed over in the same call.',
      run: 'host',
      select: [{ syscall: 'execve', program: 'hello', nth: 1 }],
      checks: [
        { claim: 'execve returns 0: the new program runs', value: { of: 0, read: 'ret' }, equals: '0' },
        {
          claim: "the environment travels as execve's third argument",
          value: { of: 0, arg: 2 },
          matches: /\/\* \d+ vars \*\//,
        },
      ],
    },
    {
      title: 'brk(NULL): where does the heap end?',
      text: "The loader's first question is where the program break is: the end of the data segment, where the heap will grow. brk(NULL) changes nothing and returns the current end. Much later, the first malloc asks again and then moves it with brk(address).",
      run: 'host',
      select: [
        { syscall: 'brk', program: 'hello', nth: 1 },
        { syscall: 'brk', program: 'hello', text: /brk\(0x/ },
      ],
      checks: [
        { claim: 'the first brk passes NULL', value: { of: 0, arg: 0 }, equals: 'NULL' },
        {
          claim: 'the break has not moved when malloc asks again: the second brk(NULL) returns the same end',
          same: [
            { of: 0, read: 'ret' },
            { of: { syscall: 'brk', program: 'hello', text: /brk\(NULL\)/, nth: 2 }, read: 'ret' },
          ],
        },
        { claim: 'brk(address) comes later', order: [0, 1] },
      ],
    },
    {
      title: 'The loader looks for libraries',
      text: 'Now the dynamic loader (ld.so) works: it checks for /etc/ld.so.preload with access() (it is not there: ENOENT is expected and harmless), opens /etc/ld.so.cache, the index that says where each library lives, and then opens libc.so.6. These openat calls are the loader, not our program: hello has not run one line of its own code yet.',
      run: 'host',
      select: [{ syscall: ['access', 'openat'], program: 'hello', phase: 'loader' }],
      checks: [
        {
          claim: 'access of /etc/ld.so.preload fails with ENOENT',
          value: { of: { syscall: 'access', program: 'hello', path: /ld\.so\.preload/ }, read: 'errno' },
          equals: 'ENOENT',
        },
        {
          claim: 'ld.so.cache is opened before libc.so.6',
          order: [
            { syscall: 'openat', program: 'hello', path: /ld\.so\.cache/ },
            { syscall: 'openat', program: 'hello', path: /libc\.so\.6/ },
          ],
        },
      ],
    },
    {
      title: 'mmap and mprotect: libc is mapped into memory',
      text: "The loader reads libc's ELF header (read and pread64), then maps the file in pieces with mmap: one read-only part, one executable part (PROT_EXEC: the code), read-only data, and a writable part for libc's variables. Nothing is copied; the pages come from the file when they are first touched.\n\nA little later, still in the loader, mprotect makes a few of those pages read-only again once the addresses in them are filled in (RELRO), so a bug cannot overwrite them.",
      run: 'host',
      select: [
        { syscall: 'mmap', program: 'hello', path: /libc\.so/ },
        { syscall: 'mprotect', program: 'hello' },
      ],
      checks: [
        { claim: 'libc is mapped in four pieces', count: 0, min: 4, max: 4 },
        {
          claim: 'exactly one piece is executable',
          count: { syscall: 'mmap', program: 'hello', path: /libc\.so/, text: /PROT_EXEC/ },
          min: 1,
          max: 1,
        },
        { claim: 'every mprotect makes pages read-only', value: { of: 1, arg: 2 }, equals: 'PROT_READ' },
        { claim: 'the mprotects come after the mmaps', order: [0, 1] },
      ],
    },
    {
      title: 'The loader sets up the main thread',
      text: "Still before main(), the loader prepares the thread: arch_prctl(ARCH_SET_FS, ...) points the FS register at the thread's own data (thread-local storage: errno lives there), then set_tid_address, set_robust_list and rseq register the thread with the kernel. Between them come the RELRO mprotects of the previous step, prlimit64 (libc's early initialisation, called by the loader, reads the stack limit) and the munmap of ld.so.cache, which the loader no longer needs. Then it jumps to the program's entry point, and main() runs.\n\n(The automatic \"startup\" band runs on past this point: nothing in a trace marks where main() begins.)",
      run: 'host',
      select: [
        { syscall: LOADER_THREAD_SETUP, program: 'hello' },
        { syscall: 'prlimit64', program: 'hello' },
        { syscall: 'munmap', program: 'hello', nth: 1 },
      ],
      checks: [
        {
          claim: 'arch_prctl, set_tid_address, set_robust_list, rseq, in that order',
          order: LOADER_THREAD_SETUP.map((s) => ({ syscall: s, program: 'hello' })),
        },
        {
          claim: 'the munmap drops the ld.so.cache mapping (same address)',
          same: [
            { of: 2, arg: 0 },
            { of: { syscall: 'mmap', program: 'hello', path: /ld\.so\.cache/ }, read: 'ret' },
          ],
        },
        { claim: 'the thread set-up comes before prlimit64 and the munmap', order: [0, 1, 2] },
      ],
    },
    {
      title: 'main() begins: puts prepares a buffer',
      text: 'main() calls puts("hello, world"). stdio first asks what fd 1 is: newfstatat(1, "") says S_IFREG, a regular file (the collector\'s output file), so stdout is fully buffered, not line-buffered as on a terminal. It then mallocs the buffer, and this is the program\'s first malloc: getrandom fetches 8 random bytes for malloc\'s heap protection, brk(NULL) finds the heap\'s end and brk(address) grows it. None of this writes anything yet.',
      run: 'host',
      select: [
        { syscall: 'newfstatat', program: 'hello', text: /newfstatat\(1</ },
        { syscall: 'getrandom', program: 'hello' },
        { syscall: 'brk', program: 'hello', after: { syscall: 'getrandom', program: 'hello' } },
      ],
      checks: [
        {
          claim: 'fd 1 is a regular file',
          value: { of: 0, arg: 2, field: 'st_mode' },
          matches: /^S_IFREG\b/,
        },
        { claim: 'getrandom asks for 8 bytes', value: { of: 1, arg: 1 }, equals: '8' },
        {
          claim: 'after the loader is done: munmap of ld.so.cache, then fstat of stdout, getrandom, brk',
          order: [{ syscall: 'munmap', program: 'hello', nth: 1 }, 0, 1, 2],
        },
      ],
    },
    {
      title: 'write: the text leaves at exit',
      text: 'The single write of 13 bytes to fd 1 is the only call that does what the source code says. It comes last because stdout is a file: the text waited in the buffer while main() returned, and exit() flushed it. On a terminal, stdout is line-buffered and puts would have written right away.',
      run: 'host',
      select: [{ syscall: 'write', program: 'hello', text: /hello, world/ }],
      checks: [
        { claim: 'one write of 13 bytes to fd 1', value: { of: 0, read: 'ret' }, equals: '13' },
        { claim: 'it goes to fd 1, a file', value: { of: 0, arg: 0 }, matches: /^1</ },
        {
          claim: 'the write comes after the buffer was made and right before exit_group',
          order: [
            { syscall: 'brk', program: 'hello', nth: -1 },
            0,
            { syscall: 'exit_group', program: 'hello' },
          ],
        },
      ],
    },
    {
      title: 'exit_group: the process ends',
      text: 'exit() flushed stdio (the write above) and makes the exit_group system call: every thread of the process ends, with status 0. exit_group never returns, which is why strace prints "= ?"; the "+++ exited with 0 +++" line is strace seeing the process gone.',
      run: 'host',
      select: [{ syscall: 'exit_group', program: 'hello' }],
      checks: [
        { claim: 'exit_group(0)', value: { of: 0, arg: 0 }, equals: '0' },
        { claim: 'it never returns', value: { of: 0, read: 'ret' }, equals: '?' },
        {
          claim: 'strace sees exit status 0',
          value: { of: { kind: 'exit', program: 'hello' }, read: 'code' },
          equals: '0',
        },
      ],
    },
  ],
};

export const BARE_CHROOT: Lesson = {
  id: 'bare-chroot-enoent',
  title: 'A chroot that fails with "No such file or directory"',
  sample: 'hello-bare-chroot',
  section: 'chroot',
  summary:
    'The program is in the new root, yet chroot says it does not exist. The missing file is one nobody named: the ELF interpreter.',
  steps: [
    {
      title: 'chroot, the program, starts like any other',
      text: "The chroot run traces /usr/sbin/chroot itself. It is an ordinary dynamic program, so the first band is its own loader and libc start-up, on the host's files. Nothing has changed yet.",
      run: 'chroot',
      select: [{ syscall: 'execve', program: 'chroot', nth: 1 }],
      checks: [
        { claim: 'the first execve runs /usr/sbin/chroot', value: { of: 0, arg: 0 }, matches: /\/chroot$/ },
        {
          claim: "its loader opens the host's ld.so.cache (no chroot yet)",
          value: { of: { syscall: 'openat', program: 'chroot', path: /ld\.so\.cache/ }, read: 'ret' },
          matches: /^3$/,
        },
      ],
    },
    {
      title: 'chroot() and chdir("/")',
      text: 'chroot() changes what "/" means for this process and its children: from now on every absolute path starts at the rootfs directory. chdir("/") then moves the working directory inside it, so no relative path can still reach the host\'s files. Both succeed.',
      run: 'chroot',
      select: [{ syscall: ['chroot', 'chdir'], program: 'chroot' }],
      checks: [
        { claim: 'both return 0', value: { of: 0, read: 'ret' }, equals: '0' },
        {
          claim: 'chdir goes to "/"',
          value: { of: { syscall: 'chdir', program: 'chroot' }, arg: 0 },
          equals: '/',
        },
        { claim: 'chroot first, then chdir', order: [{ syscall: 'chroot' }, { syscall: 'chdir' }] },
      ],
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
      checks: [
        {
          claim: 'the path is the program itself',
          value: { of: 0, arg: 0 },
          equals: '/tmp/spelunk-samples/bin/hello',
        },
        { claim: 'it comes after chroot()', order: [{ syscall: 'chroot' }, 0] },
        {
          claim: 'the same execve works on the host',
          value: { of: 0, run: 'host', read: 'ret' },
          equals: '0',
        },
      ],
    },
    {
      title: 'The misleading message',
      text: 'chroot prints what strerror(ENOENT) says: "No such file or directory", after the program\'s name. Reading the message, you would look for the program; reading the trace, you see which call failed and can ask which file it needed. (The openat calls of coreutils.mo and libc.mo failing here are only gettext looking for translations: they are normal.)',
      run: 'chroot',
      select: [
        { syscall: 'write', program: 'chroot', text: /No such file or directory|failed to run command/ },
      ],
      checks: [
        {
          claim: 'the message names the program',
          count: { syscall: 'write', text: /failed to run command.*bin\/hello/ },
        },
        {
          claim: 'and says "No such file or directory"',
          count: { syscall: 'write', text: /No such file or directory/ },
        },
        {
          claim: 'the translation lookups fail with ENOENT',
          value: { of: { syscall: 'openat', path: /\.mo$/ }, read: 'errno' },
          equals: 'ENOENT',
        },
      ],
    },
    {
      title: 'Exit status 127',
      text: 'chroot exits with 127, the shell\'s convention for "command not found". The target never ran a single instruction.',
      run: 'chroot',
      select: [{ syscall: 'exit_group', program: 'chroot' }],
      checks: [
        { claim: 'exit_group(127)', value: { of: 0, arg: 0 }, equals: '127' },
        {
          claim: 'no execve after chroot() succeeded',
          count: { syscall: 'execve', failed: false, after: { syscall: 'chroot' } },
          min: 0,
          max: 0,
        },
      ],
    },
  ],
};

export const CHROOT_FIXED: Lesson = {
  id: 'chroot-ldd-fix',
  title: 'The fix: copy what ldd lists',
  sample: 'hello-world',
  section: 'chroot',
  summary:
    'With the files ldd names copied into the rootfs (libc.so.6 and the loader ld-linux-x86-64.so.2), the same program runs inside the chroot.',
  steps: [
    {
      title: 'The same chroot() as before',
      text: '`ldd hello` prints the libraries the program needs and the loader: libc.so.6 and /lib64/ld-linux-x86-64.so.2. The collector copied exactly those into this rootfs (see rootfs.files in session.json). Then chroot() and chdir("/") as before.',
      run: 'chroot',
      select: [{ syscall: ['chroot', 'chdir'], program: 'chroot' }],
      checks: [{ claim: 'both succeed', value: { of: 0, read: 'ret' }, equals: '0' }],
    },
    {
      title: 'This time execve succeeds',
      text: 'The kernel finds the interpreter inside the new root, so execve returns 0 and the loader starts, now seeing only the rootfs.',
      run: 'chroot',
      select: [{ syscall: 'execve', program: 'hello', failed: false }],
      checks: [
        { claim: 'execve of hello returns 0', value: { of: 0, read: 'ret' }, equals: '0' },
        { claim: 'after chroot()', order: [{ syscall: 'chroot' }, 0] },
      ],
    },
    {
      title: 'No ld.so.cache: the loader searches',
      text: 'Inside the rootfs there is no /etc/ld.so.cache (its openat fails with ENOENT), so the loader cannot look libc up. It falls back to trying the default directories one after the other, including the glibc-hwcaps subdirectories for newer CPUs, each attempt an openat failing with ENOENT. These failures are normal and cost a few microseconds.',
      run: 'chroot',
      select: [{ syscall: 'openat', program: 'hello', failed: true, phase: 'loader' }],
      compare: {
        run: 'host',
        select: [{ syscall: 'openat', program: 'hello', path: /ld\.so\.cache/ }],
        text: 'On the host the cache exists, and libc is found with one lookup.',
      },
      checks: [
        {
          claim: 'the cache is missing in the rootfs',
          value: { of: { syscall: 'openat', program: 'hello', path: /ld\.so\.cache/ }, read: 'errno' },
          equals: 'ENOENT',
        },
        { claim: 'every failed lookup is ENOENT', value: { of: 0, read: 'errno' }, equals: 'ENOENT' },
        { claim: 'several directories are tried', count: 0, min: 3 },
        { claim: 'on the host the cache opens', value: { of: 0, run: 'host', read: 'ret' }, equals: '3' },
      ],
    },
    {
      title: 'libc found, mapped, and the program runs',
      text: "The openat of /lib/x86_64-linux-gnu/libc.so.6 succeeds: the -y decoration shows the real file, inside the rootfs directory. From here the trace is the same as on the host: the mmaps of libc, the loader's thread set-up, main, and the write.",
      run: 'chroot',
      select: [
        { syscall: 'openat', program: 'hello', path: /libc\.so\.6/, failed: false },
        { syscall: 'write', program: 'hello', text: /hello, world/ },
      ],
      checks: [
        {
          claim: 'the file behind the fd is inside the rootfs',
          value: { of: 0, read: 'retPath' },
          matches: /^\/tmp\/spelunk-rootfs-/,
        },
        { claim: 'and the program writes its 13 bytes', value: { of: 1, read: 'ret' }, equals: '13' },
      ],
    },
  ],
};

export const STATIC_BINARY: Lesson = {
  id: 'static-needs-nothing',
  title: 'A static binary needs nothing',
  sample: 'static-bare-chroot',
  section: 'loader',
  summary:
    'Linked with -static, hello carries its own copy of libc: alone in an empty root it runs, with no loader at all.',
  steps: [
    {
      title: 'A bare root again',
      text: 'The rootfs holds one file, the program. chroot() and chdir("/") succeed as before.',
      run: 'chroot',
      select: [{ syscall: ['chroot', 'chdir'], program: 'chroot' }],
      checks: [{ claim: 'both succeed', value: { of: 0, read: 'ret' }, equals: '0' }],
    },
    {
      title: 'execve succeeds: there is no interpreter to find',
      text: 'A static executable has no interpreter entry in its ELF header, so the kernel needs no other file: it maps the program and jumps straight to its entry point.',
      run: 'chroot',
      select: [{ syscall: 'execve', program: 'hello-static' }],
      checks: [{ claim: 'execve returns 0 in the bare root', value: { of: 0, read: 'ret' }, equals: '0' }],
    },
    {
      title: 'No loader band, straight to libc start-up',
      text: "There is no access of ld.so.preload, no ld.so.cache and no openat of libc: libc is already inside the binary. What remains is libc setting itself up: brk for the heap (the first block holds the thread's TLS), arch_prctl for thread-local storage, set_tid_address, set_robust_list, rseq, prlimit64, and readlink of /proc/self/exe — which fails with ENOENT here, since the bare root has no /proc (libc carries on without it).",
      run: 'chroot',
      select: [{ program: 'hello-static', phase: 'startup', kind: 'syscall' }],
      checks: [
        {
          claim: 'hello-static opens no file at all',
          count: { syscall: ['openat', 'access'], program: 'hello-static' },
          min: 0,
          max: 0,
        },
        {
          claim: 'brk, then arch_prctl, then rseq',
          order: [
            { syscall: 'brk', program: 'hello-static', nth: 1 },
            { syscall: 'arch_prctl', program: 'hello-static' },
            { syscall: 'rseq', program: 'hello-static' },
          ],
        },
        {
          claim: 'readlink of /proc/self/exe fails: no /proc in the bare root',
          value: {
            of: { syscall: 'readlink', program: 'hello-static', path: /\/proc\/self\/exe/ },
            read: 'errno',
          },
          equals: 'ENOENT',
        },
      ],
    },
    {
      title: 'write and exit_group',
      text: 'The same write of "hello, world" and exit_group(0). The price of static linking is size (hundreds of KB instead of 16 KB) and no shared security updates of libc; the benefit is that nothing else has to be in the root.',
      run: 'chroot',
      select: [
        { syscall: 'write', program: 'hello-static', text: /hello, world/ },
        { syscall: 'exit_group', program: 'hello-static' },
      ],
      checks: [
        { claim: '13 bytes written', value: { of: 0, read: 'ret' }, equals: '13' },
        { claim: 'exit_group(0)', value: { of: 1, arg: 0 }, equals: '0' },
      ],
    },
  ],
};

export const ENV_CLEARED: Lesson = {
  id: 'env-i',
  title: 'env -i replaces the environment',
  sample: 'env-busybox',
  section: 'env',
  summary:
    'The environment is not inherited by magic: it is an argument of execve, and env -i passes an empty one plus what you name.',
  steps: [
    {
      title: 'env starts with the whole environment',
      text: "env is exec'd with the whole environment (the /* N vars */ comment on the envp argument): everything the shell that ran spelunk had.",
      run: 'chroot',
      select: [{ syscall: 'execve', nth: 1 }],
      checks: [
        {
          claim: 'env itself runs with many variables',
          value: { of: 0, arg: 2 },
          matches: /\/\* ([3-9]|\d\d+) vars \*\//,
        },
        {
          claim: 'its arguments say -i and name two variables',
          value: { of: 0, arg: 1 },
          matches: /"-i".*"PATH=\/bin", "HOME=\/"/,
        },
      ],
    },
    {
      title: 'The next execve carries only 2 variables',
      text: 'env -i -- PATH=/bin HOME=/ builds a new environment with just those two and passes it to execve of chroot: see /* 2 vars */. No system call "clears" an environment; the new program simply receives the array it is given.',
      run: 'chroot',
      select: [{ syscall: 'execve', program: 'chroot' }],
      checks: [{ claim: '/* 2 vars */', value: { of: 0, arg: 2 }, matches: /\/\* 2 vars \*\// }],
    },
    {
      title: 'Inside the busybox root, /bin/env is busybox',
      text: 'After chroot() into the toy rootfs, execve("/bin/env") follows a symlink to the one static busybox binary, which looks at its name to decide to act as env. The 2 variables travel through chroot unchanged.',
      run: 'chroot',
      select: [{ syscall: 'execve', after: { syscall: 'chroot' } }],
      checks: [
        { claim: 'execve("/bin/env") after chroot()', value: { of: 0, arg: 0 }, equals: '/bin/env' },
        { claim: 'still 2 variables', value: { of: 0, arg: 2 }, matches: /\/\* 2 vars \*\// },
      ],
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
      checks: [
        { claim: 'exactly the two variables', value: { of: 0, arg: 1 }, equals: 'PATH=/bin\nHOME=/\n' },
        {
          claim: 'the same on the host',
          same: [
            { of: 0, arg: 1 },
            { of: 0, run: 'host', arg: 1 },
          ],
        },
      ],
    },
  ],
};
