import type { SampleScenario } from './sample-scenarios.js';

/**
 * The rest of the workshop: a pid namespace with its own /proc, pivot_root, a veth pair, a cgroup OOM
 * kill, overlayfs layers, namespace links, a user namespace, a Docker-like seccomp profile, a rootfs from
 * a tar. Their programs and files are made by sample-assets.ts; `{name}` placeholders are filled there.
 */

const WORK = '/tmp/spelunk-samples';
/** A clean PATH, so no caller's PATH (and its failed lookups) lands in the traces. */
const PATH = 'PATH=/usr/sbin:/usr/bin:/sbin:/bin';

export const VETH_SCRIPT = [
  'set -e',
  'a=spk-a-$1; b=spk-b-$1; va=va-$1; vb=vb-$1',
  "trap 'ip netns del $a 2>/dev/null; ip netns del $b 2>/dev/null' EXIT",
  'ip netns add $a',
  'ip netns add $b',
  'ip link add $va type veth peer name $vb',
  'ip link set $va netns $a',
  'ip link set $vb netns $b',
  'ip -n $a addr add 10.77.0.1/24 dev $va',
  'ip -n $b addr add 10.77.0.2/24 dev $vb',
  'ip -n $a link set $va up',
  'ip -n $b link set $vb up',
  'ip netns exec $a busybox ping -c 1 -W 2 10.77.0.2',
].join('\n');

export const OOM_SCRIPT = [
  'cg=$1; limit=$2; join=$3',
  'echo 33554432 > "$cg/$limit"',
  // With swap, the limit would push pages out instead of killing: cap memory+swap too where the file exists.
  '[ ! -e "$cg/memory.memsw.limit_in_bytes" ] || echo 33554432 > "$cg/memory.memsw.limit_in_bytes"',
  '[ ! -e "$cg/memory.swap.max" ] || echo 0 > "$cg/memory.swap.max"',
  'echo $$ > "$cg/$join"',
  `${WORK}/bin/eat-memory`,
  'echo "eat-memory ended with status $?"',
  'if [ -e "$cg/memory.events" ]; then cat "$cg/memory.events"; else cat "$cg/memory.oom_control"; fi',
].join('\n');

export const OVERLAY_SCRIPT = [
  'd=$1',
  'mount -t overlay overlay -o lowerdir=$d/app:$d/base,upperdir=$d/upper,workdir=$d/work $d/merged',
  'cat $d/merged/etc/os-release $d/merged/app/hello.txt',
  '[ -e $d/upper/etc/motd ] || echo "upper has no etc/motd yet"',
  'echo "changed in the container" >> $d/merged/etc/motd',
  '[ -e $d/upper/etc/motd ] && echo "upper has etc/motd now: copied up"',
  'rm $d/merged/app/remove-me',
  'ls -l $d/upper/app',
  'cat $d/base/etc/motd $d/merged/etc/motd',
].join('\n');

export const USERNS_SCRIPT = [
  'u=$1',
  'id -u',
  'unshare --user --map-root-user sh -c \'id; cat /proc/self/uid_map; touch "$1/made-inside"; ls -ln "$1/made-inside"; cat "$1/root-only.txt"\' sh "$u"',
  'ls -ln "$u/made-inside"',
].join('\n');

const NS_TYPES = ['mnt', 'uts', 'net', 'pid', 'user'];

export const WORKSHOP_SCENARIOS: readonly SampleScenario[] = [
  {
    id: 'pid-namespace',
    title: 'ps in a new pid namespace, with its own /proc',
    teaches:
      'The first process of a new pid namespace is pid 1 and sees only its own descendants; with a fresh /proc mounted for it (collect does that by default, like unshare --mount-proc), ps lists one process.',
    lookFor:
      'unshare(CLONE_NEWNS|CLONE_NEWPID), the fork whose child is pid 1 inside, mount("proc", ROOT/proc, "proc", ...) by that child, chroot, then busybox ps reading /proc: a single process directory, 1, and the line "1 0 0:00 ps". No host run: a ps on the host reads every process\'s command line.',
    program: '/bin/ps',
    args: [],
    runs: ['chroot'],
    rootfs: `${WORK}/busybox-root`,
    unshare: ['pid'],
    envClear: true,
    env: ['PATH=/bin'],
    setup: [
      'mkdir -p /tmp/spelunk-samples/busybox-root/proc && ln -s busybox /tmp/spelunk-samples/busybox-root/bin/ps',
    ],
    bpftrace: false,
  },
  {
    id: 'pivot-root',
    title: 'pivot_root into a busybox root, and the old root detached',
    teaches:
      'Container runtimes switch root with pivot_root, not chroot: in a private mount namespace, the new root bind-mounted onto itself becomes /, and umount2(MNT_DETACH) removes the old root for good.',
    lookFor:
      'unshare(CLONE_NEWNS) and / made private; pivot_root(".", "old_root") = -1 EBUSY while the new root is a plain directory; the bind mount; pivot_root = 0; the old root still reachable at /old_root, then umount2("/old_root", MNT_DETACH) and it is gone; ls -a / lists only ., .. and bin.',
    program: `${WORK}/bin/pivot-root`,
    args: [`${WORK}/pivot-root`],
    runs: ['host'],
    envClear: true,
    env: [PATH],
    setup: [
      'gcc -O2 -o /tmp/spelunk-samples/bin/pivot-root samples/src/pivot-root.c',
      'mkdir -p /tmp/spelunk-samples/pivot-root/bin /tmp/spelunk-samples/pivot-root/old_root',
      'cp /bin/busybox /tmp/spelunk-samples/pivot-root/bin/ && ln -s busybox /tmp/spelunk-samples/pivot-root/bin/ls',
    ],
    bpftrace: false,
  },
  {
    id: 'veth-pair',
    title: 'a veth pair between two network namespaces, and a ping across it',
    teaches:
      'Two network namespaces see nothing of each other until a veth pair, a virtual cable, joins them: one end in each, an address on each, and ping goes through.',
    lookFor:
      "ip netns add: unshare(CLONE_NEWNET) and a bind mount of /proc/self/ns/net on /run/netns/NAME; ip link add ... type veth (RTM_NEWLINK over netlink); ip link set ... netns (the end moves); ip -n: setns(fd, CLONE_NEWNET) before each netlink request; ip netns exec: setns, then busybox ping's ICMP echo and its reply.",
    program: '/bin/sh',
    args: ['-c', VETH_SCRIPT, 'sh', '{suffix}'],
    runs: ['host'],
    envClear: true,
    env: [PATH],
    bpftrace: false,
  },
  {
    id: 'cgroup-oom',
    title: 'a memory cgroup limit ends in an OOM kill',
    teaches:
      'A cgroup memory limit is enforced by the kernel: when the processes inside need more, the OOM killer picks one and sends SIGKILL. Cgroup v1 (this machine) sets memory.limit_in_bytes and takes pids in tasks; v2 has memory.max and cgroup.procs.',
    lookFor:
      'The shell writes 33554432 (32 MiB) to {cgroupMemDir}/{memLimitFile} and its pid to {memJoinFile}; eat-memory allocates 4 MiB at a time (mmap, then the pages touched) and reports each step, until "+++ killed by SIGKILL +++"; the shell\'s wait4 shows WTERMSIG(s) == SIGKILL and it prints status 137; the cgroup\'s OOM counter says oom_kill 1.',
    program: '/bin/sh',
    args: ['-c', OOM_SCRIPT, 'sh', '{cgroupMemDir}', '{memLimitFile}', '{memJoinFile}'],
    runs: ['host'],
    envClear: true,
    env: [PATH],
    setup: [
      'gcc -O2 -o /tmp/spelunk-samples/bin/eat-memory samples/src/eat-memory.c',
      "mkdir {cgroupMemDir}  # v1: a child of this shell's own memory cgroup; v2: /sys/fs/cgroup/spelunk-oom-N",
    ],
    bpftrace: false,
  },
  {
    id: 'overlayfs',
    title: 'overlayfs as image layers: lower, upper, work, and a copy-up',
    teaches:
      'A container image is a stack of read-only layers; overlayfs shows them as one tree, with a writable upper layer on top: a file changed is first copied up, a file deleted becomes a whiteout, the lower layers never change.',
    lookFor:
      'mount("overlay", .../merged, "overlay", 0, "lowerdir=app:base,upperdir=upper,workdir=work"); the reads through merged; the stat of upper/etc/motd failing, then the append to merged/etc/motd, then the same stat succeeding (copy-up); the unlink in merged and the 0:0 character device it leaves in upper (a whiteout); base/etc/motd unchanged.',
    program: '/usr/bin/unshare',
    args: ['--mount', '--propagation', 'private', '/bin/sh', '-c', OVERLAY_SCRIPT, 'sh', `${WORK}/overlay`],
    runs: ['host'],
    envClear: true,
    env: [PATH],
    setup: [
      'd=/tmp/spelunk-samples/overlay; mkdir -p $d/base/etc $d/app/app $d/upper $d/work $d/merged',
      'echo \'NAME="spelunk base layer"\' > $d/base/etc/os-release; echo "motd from the base layer" > $d/base/etc/motd',
      'echo "hello from the app layer" > $d/app/app/hello.txt; echo "to be deleted" > $d/app/app/remove-me',
    ],
    bpftrace: false,
  },
  {
    id: 'ns-compare',
    title: 'comparing /proc/PID/ns links: shared and separate namespaces',
    teaches:
      'Each namespace has an inode number, shown by the links under /proc/PID/ns: two processes with the same link share that namespace, with different links they do not.',
    lookFor:
      'readlink of /proc/self/ns/X and /proc/PID/ns/X for mnt, uts, net, pid and user, where PID is a sleep started with unshare --uts --net: uts and net differ (uts:[...] numbers), mnt, pid and user are the same.',
    program: '/usr/bin/readlink',
    args: NS_TYPES.flatMap((t) => [`/proc/self/ns/${t}`, `/proc/{backgroundPid}/ns/${t}`]),
    runs: ['host'],
    envClear: true,
    env: [PATH],
    background: ['/usr/bin/unshare', '--uts', '--net', '/bin/sh', '-c', 'exec sleep 120'],
    setup: ["unshare --uts --net sh -c 'exec sleep 120' &  # {backgroundPid} is its pid"],
    bpftrace: false,
  },
  {
    id: 'userns',
    title: 'a user namespace made by an unprivileged user, with a real uid_map',
    teaches:
      'An ordinary user (nobody here) may create a user namespace and be root inside it: uid_map says inside uid 0 is outside uid 65534. Root inside, nobody outside: files it creates belong to 65534, and root-only files stay closed.',
    lookFor:
      'setpriv\'s setresuid(65534, ...); unshare(CLONE_NEWUSER) succeeding without privilege; the writes of "deny" to /proc/self/setgroups and "0 65534 1" to uid_map and gid_map; id printing uid=0(root); the file made inside listed as 0 inside and 65534 outside; openat of root-only.txt = -1 EACCES.',
    program: '/usr/bin/setpriv',
    args: [
      '--reuid=nobody',
      '--regid=nogroup',
      '--clear-groups',
      '--',
      '/bin/sh',
      '-c',
      USERNS_SCRIPT,
      'sh',
      `${WORK}/userns`,
    ],
    runs: ['host'],
    envClear: true,
    env: [PATH],
    setup: [
      'mkdir -p /tmp/spelunk-samples/userns && chmod 1777 /tmp/spelunk-samples/userns',
      'echo "only the real root can read this" > /tmp/spelunk-samples/userns/root-only.txt && chmod 600 /tmp/spelunk-samples/userns/root-only.txt',
    ],
    bpftrace: false,
  },
  {
    id: 'seccomp-profile',
    title: 'a Docker-like seccomp profile: EPERM for what is not allowed, SIGSYS for a kill action',
    teaches:
      "Docker's default seccomp profile is an allow list: anything else fails with EPERM before the kernel runs it. A filter can also kill: SECCOMP_RET_KILL_PROCESS ends the process with SIGSYS.",
    lookFor:
      'seccomp(SECCOMP_SET_MODE_FILTER, 0, {len=33, ...}); uname allowed; unshare, mount and keyctl = -1 EPERM; a child adds a filter that kills on uname, calls it and ends "+++ killed by SIGSYS +++"; the parent\'s wait4 sees WTERMSIG(s) == SIGSYS.',
    program: `${WORK}/bin/seccomp-profile`,
    args: [],
    runs: ['host'],
    envClear: true,
    env: [PATH],
    setup: ['gcc -O2 -o /tmp/spelunk-samples/bin/seccomp-profile samples/src/seccomp-profile.c'],
    bpftrace: false,
  },
  {
    id: 'rootfs-tar',
    title: 'a rootfs from a tar file, as docker export writes it',
    teaches:
      "`docker export` writes a container's filesystem as one tar; collect --rootfs FILE.tar unpacks it into a temporary directory and chroots into it: the same command then reads the image's files, not the host's.",
    lookFor:
      "In the chroot run, chroot() into /tmp/spelunk-rootfs-..., then cat reading the image's /etc/os-release and ls listing .dockerenv, bin, etc, proc, sys; the host run reads the host's os-release and lists the host's root.",
    program: '/bin/sh',
    args: ['-c', 'cat /etc/os-release; ls -a /'],
    rootfs: `${WORK}/rootfs.tar`,
    envClear: true,
    env: ['PATH=/bin:/usr/bin'],
    setup: [
      't=/tmp/spelunk-samples/image; mkdir -p $t/bin $t/etc $t/dev $t/proc $t/sys $t/tmp && cp /bin/busybox $t/bin/',
      'for a in sh cat ls; do ln -s busybox $t/bin/$a; done; touch $t/.dockerenv',
      'echo \'NAME="spelunk busybox image"\' > $t/etc/os-release',
      'tar --format=ustar -cf /tmp/spelunk-samples/rootfs.tar -C $t .dockerenv bin dev etc proc sys tmp  # the layout of docker export',
    ],
    bpftrace: false,
  },
];
