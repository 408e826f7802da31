import type { BindSpec, Namespace } from '../collector/run-chain.js';
import { CONTAINER_SCENARIOS } from './container-scenarios.js';
import { WORKSHOP_SCENARIOS } from './workshop-scenarios.js';

/** The workshop's scenarios, in teaching order. Programs under /tmp/spelunk-samples are built by make-samples.ts. */
export interface SampleScenario {
  id: string;
  title: string;
  /** One line: what the sample teaches. */
  teaches: string;
  /** What to look for in the traces (RECIPE.md). */
  lookFor: string;
  program: string;
  args: string[];
  runs?: Array<'host' | 'chroot' | 'container'>;
  rootfs?: string;
  unshare?: Namespace[];
  envClear?: boolean;
  env?: string[];
  binds?: BindSpec[];
  /** Shell lines that prepare what the recipe needs (shown in RECIPE.md). */
  setup?: string[];
  /** false: no bpftrace twin. */
  bpftrace?: boolean;
  /**
   * A process started before the runs and killed after them (nsenter joins its namespaces). Its pid
   * replaces `{backgroundPid}` in args; `{cgroupDir}` becomes the cgroup v2 directory made for the demo.
   */
  background?: string[];
  /** A set made alone by `--group NAME` (`npm run samples:container`). */
  group?: string;
}

const BUILD = ['gcc -O2 -o /tmp/spelunk-samples/bin/hello samples/src/hello.c'];
const BUSYBOX = [
  'mkdir -p /tmp/spelunk-samples/busybox-root/bin && cp /bin/busybox /tmp/spelunk-samples/busybox-root/bin/',
  'for a in sh env echo cat tr wc ls hostname ip; do ln -s busybox /tmp/spelunk-samples/busybox-root/bin/$a; done',
];

const FIRST_SCENARIOS: readonly SampleScenario[] = [
  {
    id: 'hello-world',
    title: 'hello world, on the host and in a chroot with its libraries',
    teaches:
      'A program is an execve, then the loader mapping libc, then a single write: the same steps inside a chroot once the loader and libc are there.',
    lookFor:
      'The execve, the openat of libc.so.6 and its mmaps, then write(1, "hello, world\\n") and exit_group(0). The chroot run adds chroot() and chdir("/") before the execve, and finds the same files at the same paths.',
    program: '/tmp/spelunk-samples/bin/hello',
    args: [],
    setup: BUILD,
  },
  {
    id: 'hello-bare-chroot',
    title: 'hello world in a bare chroot (fails)',
    teaches:
      'chroot says "No such file or directory" although the program is right there: the kernel cannot find its ELF interpreter, /lib64/ld-linux-x86-64.so.2.',
    lookFor:
      'In the chroot run, the last execve returns -1 ENOENT and chroot exits 127. The file it names exists in the rootfs (see rootfs.files in session.json); the missing file is the loader, which no tool names.',
    program: '/tmp/spelunk-samples/bin/hello',
    args: [],
    rootfs: 'bare',
    setup: BUILD,
  },
  {
    id: 'static-bare-chroot',
    title: 'a static binary in a bare chroot (works)',
    teaches: 'A statically linked program needs no loader and no libraries: alone in an empty root it runs.',
    lookFor:
      'No openat of any library and no ld.so: execve, a few setup calls (brk, arch_prctl), write, exit_group. The bare chroot run succeeds.',
    program: '/tmp/spelunk-samples/bin/hello-static',
    args: [],
    rootfs: 'bare',
    setup: ['gcc -O2 -static -o /tmp/spelunk-samples/bin/hello-static samples/src/hello.c'],
  },
  {
    id: 'env-busybox',
    title: 'env -i in a busybox toy rootfs',
    teaches:
      'A process gets its environment from whoever execs it: with env -i the program starts with only what we pass, inside a root that holds one static busybox.',
    lookFor:
      'The execve of env shows the environment count in its comment (/* 2 vars */); the output files show the whole environment on the host and in the chroot. Inside, /bin/env is a symlink to busybox.',
    program: 'env',
    args: [],
    rootfs: '/tmp/spelunk-samples/busybox-root',
    envClear: true,
    env: ['PATH=/bin', 'HOME=/'],
    setup: BUSYBOX,
  },
  {
    id: 'unshare-net-ip',
    title: 'unshare -n, then ip a',
    teaches:
      'A new network namespace starts with nothing but a loopback that is down: this is how containers get their own network.',
    lookFor:
      'unshare(CLONE_NEWNET) in the chroot run, then the netlink conversation of ip: the host run lists every interface, the chroot run only lo.',
    program: '/usr/sbin/ip',
    args: ['a'],
    unshare: ['net'],
  },
  {
    id: 'bind-mount',
    title: 'a bind mount read from inside the chroot',
    teaches:
      'A bind mount makes a host file or directory appear inside the rootfs; done in a private mount namespace, it vanishes with the namespace.',
    lookFor:
      'unshare(CLONE_NEWNS), then mount("/tmp/spelunk-samples/data", ".../data", NULL, MS_BIND, NULL) and the read-only remount, then chroot and the openat of /data/message.txt. On the host the same path does not exist (ENOENT).',
    program: '/usr/bin/cat',
    args: ['/data/message.txt'],
    binds: [{ source: '/tmp/spelunk-samples/data', target: '/data', readOnly: true }],
    setup: [
      'mkdir -p /tmp/spelunk-samples/data && echo "hello from the host, through a bind mount" > /tmp/spelunk-samples/data/message.txt',
    ],
  },
  {
    id: 'threads',
    title: 'a multi-threaded program',
    teaches:
      'Threads are tasks too: each has its own id and its own lane, created by clone3 with CLONE_THREAD, and they wait on each other with futex.',
    lookFor:
      'Three clone3 calls, then calls from three new thread ids: read on the pipe (blocking until the previous thread writes), write of "thread N", and futex wake-ups at pthread_join.',
    program: '/tmp/spelunk-samples/bin/threads',
    args: [],
    setup: ['gcc -O2 -pthread -o /tmp/spelunk-samples/bin/threads samples/src/threads.c'],
  },
  {
    id: 'pipeline',
    title: 'a shell pipeline, with dash on the host and busybox sh in the chroot',
    teaches:
      'A pipeline is pipe2 + fork (clone) + dup2 + execve per command, and wait4 for each child; two shells do it with different calls.',
    lookFor:
      'pipe2, the clones, each child dup2-ing the pipe onto stdin/stdout, the execve of tr and wc, and the wait4 calls collecting exit codes. On the host dash finds /usr/bin/tr and /usr/bin/wc through PATH. In the chroot busybox sh first tries execve("/proc/self/exe") to run the applet from its own binary; the chroot has no /proc, so that fails with ENOENT and it searches PATH, one failed execve per directory, until execve("/bin/tr") = 0 (a link to busybox). echo, a shell builtin, runs in its forked child without any execve.',
    program: '/bin/sh',
    args: ['-c', 'echo hello world | tr a-z A-Z | wc -c'],
    rootfs: '/tmp/spelunk-samples/busybox-root',
    setup: BUSYBOX,
  },
  {
    id: 'nsenter-uts',
    title: "nsenter joins another process's namespace",
    teaches:
      "A namespace lives as long as a process (or a mount) holds it: nsenter opens /proc/PID/ns/uts of a running process and setns() moves itself in, so hostname prints the other namespace's name.",
    lookFor:
      'The openat of /proc/PID/ns/uts, setns(3, CLONE_NEWUTS), then the execve of hostname, whose uname() returns nodename="spelunk-box" (the name set inside the other namespace), not the host\'s.',
    program: '/usr/bin/nsenter',
    args: ['-t', '{backgroundPid}', '-u', '/usr/bin/hostname'],
    runs: ['host'],
    background: ['/usr/bin/unshare', '--uts', '/bin/sh', '-c', 'hostname spelunk-box && exec sleep 120'],
    setup: ["unshare --uts sh -c 'hostname spelunk-box && exec sleep 120' &  # {backgroundPid} is its pid"],
    bpftrace: false,
  },
  {
    id: 'cgroup-join',
    title: 'a shell moves itself into a cgroup',
    teaches:
      'A cgroup is a directory: writing a pid to its cgroup.procs moves that process in, and every child it forks afterwards starts inside it.',
    lookFor:
      'The shell opens {cgroupDir}/cgroup.procs and writes its own pid; then it forks cat, which reads /proc/self/cgroup and prints the new cgroup ("0::/spelunk-demo").',
    program: '/bin/sh',
    args: ['-c', 'echo $$ > {cgroupDir}/cgroup.procs; cat /proc/self/cgroup'],
    runs: ['host'],
    setup: [
      'mkdir /sys/fs/cgroup/spelunk-demo  # {cgroupDir}: under the cgroup v2 mount (/sys/fs/cgroup/unified on hybrid systems)',
    ],
    bpftrace: false,
  },
  {
    id: 'cap-drop-eperm',
    title: 'a dropped capability makes chroot fail with EPERM',
    teaches:
      'Root is a bundle of capabilities: drop CAP_SYS_CHROOT from the bounding and inheritable sets and even root gets "Operation not permitted" from chroot().',
    lookFor:
      'setpriv\'s prctl(PR_CAPBSET_DROP, CAP_SYS_CHROOT) and capset, the execve of chroot, then chroot("/") = -1 EPERM and exit 125.',
    program: '/usr/bin/setpriv',
    args: ['--inh-caps=-sys_chroot', '--bounding-set=-sys_chroot', '/usr/sbin/chroot', '/', '/bin/true'],
    runs: ['host'],
    bpftrace: false,
  },
  {
    id: 'seccomp-deny',
    title: 'a seccomp filter refuses uname',
    teaches:
      'A seccomp filter is a small program the kernel runs on every system call: this one answers uname with EPERM before the call does anything.',
    lookFor:
      'uname succeeds once, then prctl(PR_SET_NO_NEW_PRIVS) and prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, {len=7, ...}); the second uname returns -1 EPERM while write and exit_group still work.',
    program: '/tmp/spelunk-samples/bin/seccomp-deny',
    args: [],
    runs: ['host'],
    setup: ['gcc -O2 -o /tmp/spelunk-samples/bin/seccomp-deny samples/src/seccomp-deny.c'],
    bpftrace: false,
  },
  ...CONTAINER_SCENARIOS,
];

/** Every scenario, in the workshop's order. */
export const SAMPLE_SCENARIOS: readonly SampleScenario[] = [...FIRST_SCENARIOS, ...WORKSHOP_SCENARIOS];
