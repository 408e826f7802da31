import type { SampleScenario } from './sample-scenarios.js';

const BUILD_HELLO =
  'mkdir -p /tmp/spelunk-samples/bin && gcc -O2 -o /tmp/spelunk-samples/bin/hello samples/src/hello.c';
const BUSYBOX = [
  'mkdir -p /tmp/spelunk-samples/busybox-root/bin && cp /bin/busybox /tmp/spelunk-samples/busybox-root/bin/',
  'for a in sh env echo cat tr wc ls hostname ip; do ln -s busybox /tmp/spelunk-samples/busybox-root/bin/$a; done',
];

/**
 * "Docker is not magic": the same program on the host, in a chroot and in a runc container built like
 * `docker run`'s (collector/container/). `npm run samples:container` makes only these.
 */
export const CONTAINER_SCENARIOS: readonly SampleScenario[] = [
  {
    id: 'hello-container',
    title: 'hello world on the host, in a chroot and in a container',
    teaches:
      "A container is the same program after a runtime's set-up: runc makes new namespaces, mounts /proc, /dev and /sys, pivots into the rootfs, drops capabilities, sets no_new_privs and a seccomp filter, joins a cgroup, and only then execs hello, which does exactly what it does on the host.",
    lookFor:
      'In the container run, runc:[1:CHILD] calls unshare(CLONE_NEWNS|CLONE_NEWUTS|CLONE_NEWIPC|CLONE_NEWPID|CLONE_NEWNET) and unshare(CLONE_NEWCGROUP); runc:[2:INIT] mounts proc, tmpfs, devpts, sysfs and the cgroup, calls pivot_root(".", "."), sethostname, prctl(PR_SET_NO_NEW_PRIVS), drops every capability but 14 (PR_CAPBSET_DROP, capset), installs the seccomp filter (prctl(PR_SET_SECCOMP)), then execve of /tmp/spelunk-samples/bin/hello. From there the calls are the host run\'s.',
    program: '/tmp/spelunk-samples/bin/hello',
    args: [],
    runs: ['host', 'chroot', 'container'],
    setup: [BUILD_HELLO],
    bpftrace: false,
    group: 'container',
  },
  {
    id: 'pipeline-container',
    title: 'a busybox shell pipeline on the host, in a chroot and in a container',
    teaches:
      "Inside the container's pid namespace the shell is pid 1: it is the process runc:[2:INIT] turned into with its execve. Its three children are not 2, 3 and 4 but come after runc init's Go threads (7, 8 and 9 after threads 2 to 6 in this capture; the thread count varies), because the namespace numbers every task. The pipeline is the same fork, pipe and wait as on the host.",
    lookFor:
      'In the container run strace prints both numbers of each process: getpid() = 1 /* <host pid> in strace\'s PID NS */ in the shell, and clone(...) = 7, 8 and 9 for its children (--pidns-translation); the clone3 calls of runc:[2:INIT] before the execve return 2 to 6 (four or five threads, depending on the run). echo is a shell builtin and runs in child 7 without an execve; tr and wc exec /proc/self/exe, which works on the host and in the container (runc mounted a /proc) and fails with ENOENT in the chroot, where busybox then searches PATH until execve("/bin/tr") = 0. The output is 12 in every run.',
    program: '/bin/busybox',
    args: ['sh', '-c', 'echo hello world | tr a-z A-Z | wc -c'],
    rootfs: '/tmp/spelunk-samples/busybox-root',
    runs: ['host', 'chroot', 'container'],
    setup: BUSYBOX,
    bpftrace: false,
    group: 'container',
  },
  {
    id: 'seccomp-container',
    title: "Docker's seccomp profile refuses what gdb does to switch off address randomisation",
    teaches:
      'Docker\'s default seccomp profile answers calls it does not allow with EPERM before they run: personality(ADDR_NO_RANDOMIZE) works on the host and in a chroot, and fails only in the container (gdb\'s "Error disabling address space randomization").',
    lookFor:
      'personality(PER_LINUX|ADDR_NO_RANDOMIZE) = 0 on the host and in the chroot, -1 EPERM in the container, where runc installed the filter just before the execve (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, {len=...})); the container run exits 1 with "Operation not permitted". The query personality(0xffffffff) is allowed everywhere.',
    program: '/tmp/spelunk-samples/bin/aslr-off',
    args: [],
    runs: ['host', 'chroot', 'container'],
    setup: [
      'mkdir -p /tmp/spelunk-samples/bin && gcc -O2 -o /tmp/spelunk-samples/bin/aslr-off samples/src/aslr-off.c',
    ],
    bpftrace: false,
    group: 'container',
  },
];
