import type { Lesson } from './lesson.js';
import type { EventSelector } from './selector.js';

/** "Docker is not magic": hello on the host, in a chroot and in a runc container, the container's set-up step by step. */

const RUNC_INIT: EventSelector = { syscall: 'execve', path: /^\/proc\/self\/exe$/ };
const CGROUP_JOIN: EventSelector = { syscall: 'write', path: /\/cgroup\.procs$/ };
const SECCOMP_FILTER: EventSelector = { syscall: 'prctl', text: /PR_SET_SECCOMP/ };

export const DOCKER_IS_NOT_MAGIC: Lesson = {
  id: 'docker-is-not-magic',
  title: 'Docker is not magic',
  sample: 'hello-container',
  section: 'containers',
  summary:
    'The same hello runs on the host, in a chroot and in a container. The container is a chroot plus a handful of system calls runc makes before the execve: namespaces, a cgroup, mounts, pivot_root, a hostname, no_new_privs, capabilities, a seccomp filter. Each is in the trace.',
  steps: [
    {
      title: 'runc is a program',
      text: "docker run asks the Docker daemon, which asks containerd, which starts runc with a bundle: a directory holding config.json (what the container gets) and rootfs/ (its files). spelunk writes a config.json like Docker's and runs runc itself, under strace -f, so runc's own work is in the log: thousands of calls in some twenty processes and threads before hello starts.",
      run: 'container',
      select: [{ syscall: 'execve', nth: 1 }],
      compare: {
        run: 'chroot',
        select: [{ syscall: 'execve', nth: 1 }],
        text: 'The chroot run starts with chroot(8), a small program that makes two calls and execs hello.',
      },
      checks: [
        { claim: 'the first program is runc', value: { of: 0, arg: 0 }, matches: /\/runc$/ },
        { claim: 'run with a bundle', value: { of: 0, arg: 1 }, matches: /"run", "--bundle"/ },
        {
          claim: 'the chroot run starts with chroot',
          value: { of: 0, arg: 0, run: 'chroot' },
          matches: /\/chroot$/,
        },
        { claim: 'thousands of calls', count: { kind: 'syscall' }, min: 2000 },
      ],
    },
    {
      title: 'runc init, three times renamed',
      text: 'runc execs itself as "runc init" (/proc/self/exe, then a sealed copy of its own binary with execveat: the fix for CVE-2019-5736, where a container overwrote the host\'s runc). Its C part forks twice and names each stage: runc:[0:PARENT] talks to runc run, runc:[1:CHILD] makes the namespaces, runc:[2:INIT] becomes the container.',
      run: 'container',
      select: [RUNC_INIT, { syscall: 'prctl', text: /PR_SET_NAME, "runc:\[/ }],
      checks: [
        { claim: 'three stages', count: 1, min: 3, max: 3 },
        { claim: 'PARENT first', value: { of: 1, pick: 'first', arg: 1 }, matches: /^runc:\[0:PARENT\]/ },
        { claim: 'INIT last', value: { of: 1, pick: 'last', arg: 1 }, matches: /^runc:\[2:INIT\]/ },
        { claim: 'runc init before the stages', order: [0, 1] },
        { claim: 'then from a sealed copy', count: { syscall: 'execveat', path: /runc/ } },
      ],
    },
    {
      title: 'A cgroup of its own',
      text: 'runc run writes the pid of runc init into cgroup.procs of a new directory under every cgroup hierarchy (/sys/fs/cgroup/memory/spelunk-<id>/, .../pids/..., ...). Every process the container starts is born inside, where the limits apply (docker run --memory, --pids-limit). A chroot never touches cgroups.',
      run: 'container',
      select: [CGROUP_JOIN],
      checks: [
        { claim: 'one write per hierarchy', count: 0, min: 2 },
        {
          claim: 'the pid written is runc init',
          same: [
            { of: 0, arg: 1 },
            { of: RUNC_INIT, read: 'pid' },
          ],
        },
        { claim: 'no cgroup in the chroot run', count: CGROUP_JOIN, run: 'chroot', min: 0, max: 0 },
      ],
    },
    {
      title: 'New namespaces',
      text: 'runc:[1:CHILD] calls unshare once for five namespaces: mount, UTS (hostname), IPC, pid and network. A new pid namespace holds the children made afterwards, so CHILD forks INIT, which is pid 1 inside. INIT adds a cgroup namespace once it is in its cgroup, so that its cgroup looks like the root. This is what `unshare --mount --uts --ipc --pid --net --fork` does by hand.',
      run: 'container',
      select: [{ syscall: 'unshare' }],
      checks: [
        {
          claim: 'five at once',
          value: { of: 0, pick: 'first', arg: 0 },
          has: ['CLONE_NEWNS', 'CLONE_NEWUTS', 'CLONE_NEWIPC', 'CLONE_NEWPID', 'CLONE_NEWNET'],
        },
        {
          claim: 'then the cgroup namespace',
          value: { of: 0, pick: 'last', arg: 0 },
          equals: 'CLONE_NEWCGROUP',
        },
        { claim: 'the chroot run makes none', count: { syscall: 'unshare' }, run: 'chroot', min: 0, max: 0 },
      ],
    },
    {
      title: 'Mounts: /proc, /dev, /sys',
      text: 'In its own mount namespace INIT mounts what a program expects: a proc for the new pid namespace, a tmpfs /dev (runc then creates in it, with mknodat, the few device nodes a container may use: null, zero, random...), a devpts, a read-only sysfs, the cgroups. Each target is opened first and mounted through /proc/self/fd/N, so a symlink planted in the rootfs cannot redirect a mount onto the host.',
      run: 'container',
      select: [
        { syscall: 'mount', text: /mount\("proc", / },
        { syscall: 'mount', text: /mount\("devpts", / },
        { syscall: 'mount', text: /mount\("sysfs", / },
        { syscall: 'mknodat', path: /\/rootfs\/dev\/null$/ },
      ],
      checks: [
        { claim: 'a proc file system', value: { of: 0, arg: 2 }, equals: 'proc' },
        {
          claim: 'mounted through the opened target',
          value: { of: 0, arg: 1 },
          matches: /^\/proc\/self\/fd\/\d+$/,
        },
        { claim: 'a devpts of its own', value: { of: 1, arg: 4 }, matches: /^newinstance,/ },
        { claim: 'sysfs read-only', value: { of: 2, arg: 3 }, has: ['MS_RDONLY'] },
        {
          claim: '/dev/null made, not bound',
          value: { of: 3, arg: 3 },
          equals: 'makedev(0x1, 0x3)',
        },
        {
          claim: 'the chroot run mounts nothing',
          count: { syscall: 'mount' },
          run: 'chroot',
          min: 0,
          max: 0,
        },
      ],
    },
    {
      title: 'pivot_root, where the chroot has chroot()',
      text: 'chroot() changes the root directory of one process: the host\'s tree stays mounted around it, and a process that keeps CAP_SYS_CHROOT can climb back out. pivot_root(".", ".") makes the rootfs the root of the whole mount namespace; umount2(".", MNT_DETACH) then drops the old root, so no path leads back to the host.',
      run: 'container',
      select: [{ syscall: 'pivot_root' }, { syscall: 'umount2', after: { syscall: 'pivot_root' }, nth: 1 }],
      compare: {
        run: 'chroot',
        select: [{ syscall: 'chroot' }],
        text: 'The chroot run: chroot(ROOTFS), then chdir("/").',
      },
      checks: [
        { claim: 'pivot_root(".", ".") succeeds', value: { of: 0, read: 'ret' }, equals: '0' },
        { claim: 'the old root detached', value: { of: 1, arg: 1 }, has: ['MNT_DETACH'] },
        { claim: 'no chroot() in the container', count: { syscall: 'chroot' }, min: 0, max: 0 },
        { claim: 'the chroot run calls chroot()', value: { of: 0, read: 'ret', run: 'chroot' }, equals: '0' },
      ],
    },
    {
      title: 'A hostname',
      text: 'In its own UTS namespace the container can have its own name without renaming the host: runc calls sethostname with the name from config.json (Docker uses the first 12 hex digits of the container id, and so does spelunk).',
      run: 'container',
      select: [{ syscall: 'sethostname' }],
      checks: [
        { claim: '12 hex digits', value: { of: 0, arg: 0 }, matches: /^[0-9a-f]{12}$/ },
        { claim: 'after the UTS namespace', order: [{ syscall: 'unshare', nth: 1 }, 0] },
      ],
    },
    {
      title: 'no_new_privs',
      text: 'prctl(PR_SET_NO_NEW_PRIVS, 1): from now on no execve can add privileges (a setuid-root binary runs as its caller), and a seccomp filter may be installed without CAP_SYS_ADMIN. Docker sets it with --security-opt no-new-privileges; spelunk always does.',
      run: 'container',
      select: [{ syscall: 'prctl', text: /PR_SET_NO_NEW_PRIVS/ }],
      checks: [
        { claim: 'set to 1', value: { of: 0, arg: 1 }, equals: '1' },
        { claim: 'before the filter', order: [0, SECCOMP_FILTER] },
      ],
    },
    {
      title: "Capabilities: Docker's 14",
      text: "Root on the host holds every capability. runc drops from the bounding set each of the 27 capabilities config.json does not list, CAP_SYS_ADMIN among them, one PR_CAPBSET_DROP per capability (in two passes, so each twice); then capset keeps Docker's 14: chown, kill, binding ports below 1024, chroot, mknod... No CAP_SYS_ADMIN means no mount, no CAP_NET_ADMIN no network configuration, no CAP_SYS_NICE no raised priority: root in a container is a smaller root.",
      run: 'container',
      select: [{ syscall: 'prctl', text: /PR_CAPBSET_DROP, CAP_SYS_ADMIN\b/ }, { syscall: 'capset' }],
      checks: [
        {
          claim: "Docker's set is kept",
          value: { of: 1, pick: 'last', arg: 1, field: 'effective' },
          has: ['CAP_CHOWN', 'CAP_KILL', 'CAP_NET_BIND_SERVICE', 'CAP_SYS_CHROOT', 'CAP_MKNOD'],
          lacks: ['CAP_SYS_ADMIN', 'CAP_NET_ADMIN', 'CAP_SYS_NICE', 'CAP_SYS_PTRACE'],
        },
        {
          claim: 'fourteen of them',
          value: { of: 1, pick: 'last', arg: 1, field: 'effective' },
          matches: /^(?:1<<CAP_[A-Z_]+\|){13}1<<CAP_[A-Z_]+$/,
        },
        {
          claim: 'nothing inheritable',
          value: { of: 1, pick: 'last', arg: 1, field: 'inheritable' },
          equals: '0',
        },
        {
          claim: 'the 27 others dropped one by one, twice over',
          count: { syscall: 'prctl', text: /PR_CAPBSET_DROP/ },
          min: 54,
          max: 54,
        },
        {
          claim: 'dropped before capset',
          order: [{ syscall: 'prctl', text: /PR_CAPBSET_DROP/ }, { syscall: 'capset' }],
        },
        {
          claim: 'the chroot run keeps them all',
          count: { syscall: 'capset' },
          run: 'chroot',
          min: 0,
          max: 0,
        },
      ],
    },
    {
      title: 'The seccomp filter, last',
      text: "Last, runc installs Docker's seccomp profile, compiled by libseccomp into a BPF program of hundreds of instructions: about 330 calls allowed (some only with certain arguments), EPERM for every other one (unshare, mount, keyctl, personality with most values; clone3 gets ENOSYS so that glibc falls back to clone). It comes just before the execve, so runc's own calls are not filtered and every call of the program is. The seccomp-container sample shows a refused call.",
      run: 'container',
      select: [SECCOMP_FILTER],
      checks: [
        { claim: 'a SECCOMP_MODE_FILTER program', value: { of: 0, arg: 1 }, equals: 'SECCOMP_MODE_FILTER' },
        {
          claim: 'hundreds of instructions',
          value: { of: 0, arg: 2, field: 'len' },
          matches: /^[1-9]\d{2,}$/,
        },
        { claim: 'right before the program', order: [0, { syscall: 'execve', program: 'hello' }] },
      ],
    },
    {
      title: 'Then hello, exactly as on the host',
      text: "INIT execs hello. From here the calls are the host run's: the loader, libc, one write of \"hello, world\", exit_group. The path is the same because the rootfs holds the program at its host path; the environment is Docker's, not the caller's: PATH and HOSTNAME from config.json and the HOME runc adds, 3 variables where the host run passes dozens. A container changes what the program sees, not what it is.",
      run: 'container',
      select: [
        { syscall: 'execve', program: 'hello' },
        { syscall: 'write', program: 'hello' },
      ],
      compare: {
        run: 'host',
        select: [
          { syscall: 'execve', program: 'hello' },
          { syscall: 'write', program: 'hello' },
        ],
        text: 'The host run: the same execve and the same write.',
      },
      checks: [
        {
          claim: 'the same program path',
          same: [
            { of: 0, arg: 0 },
            { of: 0, arg: 0, run: 'host' },
          ],
        },
        {
          claim: 'the same output',
          same: [
            { of: 1, arg: 1 },
            { of: 1, arg: 1, run: 'host' },
          ],
        },
        { claim: 'hello, world', value: { of: 1, arg: 1 }, matches: /^hello, world\n$/ },
        { claim: "Docker's 3 variables", value: { of: 0, arg: 2 }, matches: /\/\* 3 vars \*\/$/ },
        {
          claim: "the caller's environment on the host",
          value: { of: 0, arg: 2, run: 'host' },
          matches: /\/\* [1-9]\d+ vars \*\/$/,
        },
      ],
    },
    {
      title: 'What the chroot lacks',
      text: 'The chroot run is chroot(), chdir("/") and the execve: hello shares the host\'s pid numbers, network, hostname, IPC and cgroup, runs with every capability and no filter. Everything a container adds is a system call you have just read: unshare, a write to cgroup.procs, mount, pivot_root, sethostname, prctl and capset, and the seccomp filter.',
      run: 'chroot',
      select: [{ syscall: 'chroot' }, { syscall: 'execve', program: 'hello' }],
      checks: [
        { claim: 'chroot, then hello', order: [0, 1] },
        { claim: 'no namespace', count: { syscall: ['unshare', 'setns'] }, min: 0, max: 0 },
        { claim: 'no pivot_root, no mount', count: { syscall: ['pivot_root', 'mount'] }, min: 0, max: 0 },
        { claim: 'no seccomp filter', count: SECCOMP_FILTER, min: 0, max: 0 },
        ...['unshare', 'mount', 'pivot_root', 'sethostname', 'capset'].map((name) => ({
          claim: `the container calls ${name}`,
          count: { syscall: name },
          run: 'container',
        })),
      ],
    },
  ],
};

const INIT_NAMED: EventSelector = { syscall: 'prctl', text: /"runc:\[2:INIT\]"/ };
const SHELL: EventSelector = { syscall: 'execve', program: 'busybox', path: /^\/bin\/busybox$/ };
const SHELL_FORKS: EventSelector = { syscall: 'clone', after: SHELL };
const WC_WRITE: EventSelector = { syscall: 'write', text: /"12\\n", 3/ };
const APPLET_EXEC: EventSelector = { syscall: 'execve', path: /^\/proc\/self\/exe$/, after: SHELL };

/** The pipeline in a container: pid 1 and its children, numbered inside the pid namespace runc made. */
export const CONTAINER_PIDS: Lesson = {
  id: 'container-pids',
  title: 'Pid 1 in a container',
  sample: 'pipeline-container',
  section: 'containers',
  summary:
    "The same busybox pipeline on the host, in a chroot and in a container. In the container the shell is pid 1 and its children are numbered inside the pid namespace runc made; strace, outside it, prints both numbers. runc's /proc also lets busybox run its applets from /proc/self/exe, which the chroot cannot.",
  steps: [
    {
      title: 'The shell is pid 1',
      text: "runc:[2:INIT] is the first process of the new pid namespace, pid 1 inside it, and it becomes the shell with its execve: the shell asks getpid() and gets 1. strace runs outside the namespace and prints the pid it knows beside it: = 1 /* 19217 in strace's PID NS */. On the host the same call returns an ordinary pid.",
      run: 'container',
      select: [SHELL, { syscall: 'getpid', program: 'busybox', after: SHELL, nth: 1 }],
      compare: {
        run: 'host',
        select: [{ syscall: 'getpid', program: 'busybox' }],
        text: 'The host run: the same getpid returns the host pid.',
      },
      checks: [
        { claim: 'the shell is pid 1', value: { of: 1, read: 'ret' }, equals: '1' },
        {
          claim: 'strace prints the host pid beside it',
          value: { of: 1, read: 'line' },
          matches: /= 1 \/\* \d+ in strace's PID NS \*\//,
        },
        {
          claim: 'the execve is made by runc init',
          same: [
            { of: 0, read: 'pid' },
            { of: INIT_NAMED, read: 'pid' },
          ],
        },
        { claim: 'not 1 on the host', value: { of: 0, read: 'ret', run: 'host' }, matches: /^(?!1$)\d+$/ },
      ],
    },
    {
      title: "Children numbered after runc's threads",
      text: "The shell forks three children, one per command of the pipeline. Inside the namespace they are not 2, 3 and 4: a pid namespace numbers every task, threads included, and runc init's Go runtime had started threads 2, 3 and on (its clone3 calls, four or five of them depending on the run) before the execve replaced them with the shell. In this capture the threads are 2 to 6 and the children 7, 8 and 9.",
      run: 'container',
      select: [SHELL_FORKS, { syscall: 'clone3', after: INIT_NAMED }],
      checks: [
        { claim: 'three children', count: 0, min: 3, max: 3 },
        {
          claim: 'not 2, 3 and 4',
          value: { of: 0, pick: 'first', read: 'ret' },
          matches: /^(?:[5-9]|\d{2,})$/,
        },
        { claim: "runc init's threads came first", order: [1, SHELL, 0] },
        {
          claim: 'made by runc init',
          same: [
            { of: 1, read: 'pid' },
            { of: INIT_NAMED, read: 'pid' },
          ],
        },
        { claim: 'four threads or more', count: 1, min: 4 },
        { claim: 'numbered from 2', value: { of: 1, pick: 'first', read: 'ret' }, equals: '2' },
        {
          claim: 'no child takes a thread number',
          differ: [
            { of: 0, read: 'ret' },
            { of: 1, read: 'ret' },
          ],
        },
      ],
    },
    {
      title: '/proc/self/exe works again',
      text: 'echo is a shell builtin and its child runs it without an execve; tr and wc are applets of the same busybox binary, which the children run with execve("/proc/self/exe"). In the container that works, as on the host, because runc mounted a proc for the namespace. The chroot has no /proc: the same execve fails with ENOENT and busybox searches PATH, one failed execve per directory, until /bin/tr.',
      run: 'container',
      select: [APPLET_EXEC],
      compare: {
        run: 'chroot',
        select: [APPLET_EXEC],
        text: 'The chroot run: the same execve fails, and a PATH search follows.',
      },
      checks: [
        { claim: 'two applets', count: 0, min: 2, max: 2 },
        { claim: 'both work in the container', value: { of: 0, read: 'ret' }, equals: '0' },
        { claim: 'both work on the host', value: { of: APPLET_EXEC, read: 'ret', run: 'host' }, equals: '0' },
        { claim: 'ENOENT in the chroot', value: { of: 0, read: 'errno', run: 'chroot' }, equals: 'ENOENT' },
        {
          claim: 'then the PATH search finds /bin/tr',
          value: { of: { syscall: 'execve', path: /^\/bin\/tr$/ }, read: 'ret', run: 'chroot' },
          equals: '0',
        },
        {
          claim: 'the container searches nothing',
          count: { syscall: 'execve', failed: true },
          min: 0,
          max: 0,
        },
      ],
    },
    {
      title: 'The same answer, relayed by runc',
      text: 'wc prints 12 (the 11 letters and spaces of HELLO WORLD and its newline) in every run: the container changes the numbers a process sees and the files it finds, not what the pipeline computes. On the host wc writes straight into the file spelunk opened as stdout. In the container it writes into a pipe: runc run, started without a terminal, gives the container pipes for its stdio and copies what comes out of them (a read, then a write in one of its own threads) to its own stdout, the file.',
      run: 'container',
      select: [
        { syscall: 'write', text: /"12\\n", 3/, path: /^pipe:/ },
        { syscall: 'write', text: /"12\\n", 3/, path: /stdout\.txt$/ },
      ],
      compare: { run: 'host', select: [WC_WRITE], text: 'The host run: the same write, to the file.' },
      checks: [
        { claim: 'wc writes 12 once', count: 0, min: 1, max: 1 },
        {
          claim: 'the same bytes as on the host',
          same: [
            { of: 0, arg: 1 },
            { of: 0, arg: 1, run: 'host' },
          ],
        },
        { claim: 'then runc writes them to the file', order: [0, 1] },
        {
          claim: 'runc, not wc',
          differ: [
            { of: 1, read: 'pid' },
            { of: 0, read: 'pid' },
          ],
        },
        {
          claim: 'on the host wc writes the file',
          value: { of: 0, arg: 0, run: 'host' },
          matches: /stdout\.txt>$/,
        },
        { claim: 'one write of 12 on the host', count: 0, run: 'host', min: 1, max: 1 },
      ],
    },
  ],
};
