import type { Lesson } from './lesson.js';

/** The second half of the workshop: namespaces, bind mounts, cgroups, capabilities and seccomp. */

export const UNSHARE_NET: Lesson = {
  id: 'unshare-net',
  title: 'unshare -n leaves only lo',
  sample: 'unshare-net-ip',
  section: 'namespaces',
  summary:
    'A new network namespace has its own interfaces, routes and sockets: at first just a loopback that is down.',
  steps: [
    {
      title: 'unshare(CLONE_NEWNET)',
      text: 'The unshare program makes one system call, unshare(CLONE_NEWNET): from now on this process lives in a fresh network namespace. Nothing is copied from the host: no eth0, no addresses, no routes.',
      run: 'chroot',
      select: [{ syscall: 'unshare' }],
      checks: [
        { claim: 'one unshare, with CLONE_NEWNET only', value: { of: 0, arg: 0 }, equals: 'CLONE_NEWNET' },
        { claim: 'it succeeds', value: { of: 0, read: 'ret' }, equals: '0' },
      ],
    },
    {
      title: 'Then the chroot, as usual',
      text: 'unshare execs chroot, which switches the root. Namespaces and chroot are independent: one decides what the process can see of the network, the other what it sees of the file system.',
      run: 'chroot',
      select: [{ syscall: 'chroot', program: 'chroot' }],
      checks: [{ claim: 'the namespace comes first, then chroot()', order: [{ syscall: 'unshare' }, 0] }],
    },
    {
      title: 'ip asks the kernel over netlink',
      text: 'ip a opens a netlink socket (AF_NETLINK, NETLINK_ROUTE) and sends RTM_GETLINK and RTM_GETADDR requests (strace prints their numbers, nlmsg_type=0x12 and 0x16): "list every interface", "list every address". The kernel answers about the namespace the socket belongs to.',
      run: 'chroot',
      select: [
        { syscall: 'socket', program: 'ip', text: /AF_NETLINK/ },
        { syscall: 'sendto', program: 'ip' },
      ],
      checks: [
        { claim: 'a NETLINK_ROUTE socket', value: { of: 0, arg: 2 }, equals: 'NETLINK_ROUTE' },
        {
          claim: 'RTM_GETLINK (0x12) first',
          value: { of: 1, pick: 'first', arg: 1 },
          matches: /nlmsg_type=0x12\b/,
        },
        {
          claim: 'then RTM_GETADDR (0x16)',
          value: { of: 1, pick: 'last', arg: 1 },
          matches: /nlmsg_type=0x16\b/,
        },
      ],
    },
    {
      title: 'The answer: only lo',
      text: 'ip writes one interface: 1: lo, state DOWN, with no address. That is all a new network namespace has until someone moves or creates an interface in it (a veth pair, for a container: see the veth-pair lesson).',
      run: 'chroot',
      select: [{ syscall: 'write', program: 'ip' }],
      compare: {
        run: 'host',
        select: [{ syscall: 'write', program: 'ip' }],
        text: 'On the host the same ip a writes lo, eth0 and the others, with their addresses.',
      },
      checks: [
        { claim: 'one write: lo, DOWN', value: { of: 0, arg: 1 }, matches: /^1: lo: .*state DOWN/ },
        { claim: 'no second interface, no address', value: { of: 0, arg: 1 }, lacks: ['inet', 'eth0'] },
        { claim: 'the host has eth0', count: { syscall: 'write', program: 'ip', text: /eth0/ }, run: 'host' },
      ],
    },
  ],
};

export const NSENTER: Lesson = {
  id: 'nsenter-setns',
  title: "nsenter joins another process's namespace",
  sample: 'nsenter-uts',
  section: 'nsenter',
  summary:
    'A namespace exists as long as something holds it. nsenter opens the namespace file of a running process and setns() moves itself in.',
  steps: [
    {
      title: 'A process already lives in its own UTS namespace',
      text: 'Before the trace, the recipe started `unshare --uts sh -c "hostname spelunk-box; exec sleep 120"`: a sleep in a new UTS namespace (hostname and domain name) whose hostname is spelunk-box. nsenter -t PID -u is asked to join it.',
      run: 'host',
      select: [{ syscall: 'execve', program: 'nsenter' }],
      checks: [{ claim: 'nsenter -t PID -u', value: { of: 0, arg: 1 }, matches: /"-t", "\d+", "-u"/ }],
    },
    {
      title: 'openat of /proc/PID/ns/uts',
      text: "Each namespace of a process appears as a file under /proc/PID/ns/. Opening it gives a file descriptor that refers to the namespace itself; -y shows it as uts:[4026...], the namespace's inode number.",
      run: 'host',
      select: [{ syscall: 'openat', program: 'nsenter', path: /\/ns\/uts/ }],
      checks: [
        {
          claim: 'the fd is the namespace: uts:[inode]',
          value: { of: 0, read: 'retPath' },
          matches: /^uts:\[\d+\]$/,
        },
      ],
    },
    {
      title: 'setns(fd, CLONE_NEWUTS)',
      text: "setns moves the calling process into the namespace the fd refers to. No new namespace is created: nsenter now shares the sleeping process's hostname. This is how `docker exec` enters a running container.",
      run: 'host',
      select: [{ syscall: 'setns' }],
      checks: [
        { claim: 'setns on that fd, CLONE_NEWUTS', value: { of: 0, arg: 1 }, equals: 'CLONE_NEWUTS' },
        { claim: 'it succeeds', value: { of: 0, read: 'ret' }, equals: '0' },
        {
          claim: 'open, then setns, then the execve of hostname',
          order: [{ syscall: 'openat', path: /\/ns\/uts/ }, 0, { syscall: 'execve', program: 'hostname' }],
        },
      ],
    },
    {
      title: 'hostname runs inside',
      text: 'nsenter execs hostname, which inherits the namespace. Its uname() returns nodename="spelunk-box", the name set inside the other namespace, and it writes that name out. The host\'s own name never changed.',
      run: 'host',
      select: [
        { syscall: 'uname', program: 'hostname' },
        { syscall: 'write', program: 'hostname', text: /spelunk-box/ },
      ],
      checks: [
        {
          claim: 'uname says spelunk-box',
          value: { of: 0, arg: 0, field: 'nodename' },
          equals: 'spelunk-box',
        },
        { claim: 'and that is what is printed', value: { of: 1, arg: 1 }, equals: 'spelunk-box\n' },
      ],
    },
  ],
};

export const BIND_MOUNT: Lesson = {
  id: 'bind-mount',
  title: 'A bind mount seen from inside the chroot',
  sample: 'bind-mount',
  section: 'mounts',
  summary:
    'A bind mount makes a host directory appear at a second place. Made inside the rootfs, it lets a chrooted program read host files you chose, and nothing else.',
  steps: [
    {
      title: 'A private mount namespace first',
      text: 'unshare(CLONE_NEWNS) gives the chain its own copy of the mount table, and mount("none", "/", NULL, MS_REC|MS_PRIVATE) stops mounts made from now on from propagating back to the host. When the last process of the namespace exits, its mounts vanish.',
      run: 'chroot',
      select: [
        { syscall: 'unshare', program: 'unshare' },
        { syscall: 'mount', program: 'unshare' },
      ],
      checks: [
        { claim: 'unshare(CLONE_NEWNS)', value: { of: 0, arg: 0 }, equals: 'CLONE_NEWNS' },
        {
          claim: 'then / made private, recursively',
          value: { of: 1, arg: 3 },
          has: ['MS_REC', 'MS_PRIVATE'],
        },
        { claim: 'in that order', order: [0, 1] },
      ],
    },
    {
      title: 'mount --bind -o ro: two calls',
      text: 'The mount program binds /tmp/spelunk-samples/data onto the data directory inside the rootfs. Its first call already says MS_RDONLY|MS_BIND, but the kernel ignores MS_RDONLY when it creates a bind mount: the new bind is read-write (test/kernel checks this on this kernel). So mount(8) makes a second call, MS_REMOUNT|MS_BIND|MS_RDONLY, which makes that one mount read-only.',
      run: 'chroot',
      select: [{ syscall: 'mount', program: 'mount' }],
      checks: [
        {
          claim: 'the first call passes MS_RDONLY|MS_BIND',
          value: { of: 0, pick: 'first', arg: 3 },
          has: ['MS_RDONLY', 'MS_BIND'],
          lacks: ['MS_REMOUNT'],
        },
        {
          claim: 'the second remounts it read-only',
          value: { of: 0, pick: 'last', arg: 3 },
          has: ['MS_REMOUNT', 'MS_BIND', 'MS_RDONLY'],
        },
        {
          claim: 'two calls, both succeed',
          count: { syscall: 'mount', program: 'mount', failed: false },
          min: 2,
          max: 2,
        },
      ],
    },
    {
      title: 'chroot into the rootfs',
      text: "Now the usual chroot(). The data directory inside the root shows the host's files, because the mount sits on top of it.",
      run: 'chroot',
      select: [{ syscall: 'chroot', program: 'chroot' }],
      checks: [
        { claim: 'after both mounts', order: [{ syscall: 'mount', program: 'mount' }, 0] },
        { claim: 'chroot() succeeds', value: { of: 0, read: 'ret' }, equals: '0' },
      ],
    },
    {
      title: 'cat reads /data/message.txt',
      text: "cat opens /data/message.txt, a path inside the chroot, and gets the host's file: the -y decoration shows the real path behind the fd. Then it asks the kernel to copy the 42 bytes straight to its standard output with copy_file_range (older versions of cat use read and write), so the text never passes through cat's memory and does not appear in the trace: it is in chroot.stdout.txt.",
      run: 'chroot',
      select: [
        { syscall: 'openat', program: 'cat', path: /message\.txt/ },
        { syscall: ['copy_file_range', 'read', 'sendfile'], program: 'cat', path: /message\.txt/, nth: 1 },
      ],
      compare: {
        run: 'host',
        select: [{ syscall: 'openat', program: 'cat', path: /message\.txt/ }],
        text: 'On the host, without the mount, /data/message.txt does not exist: ENOENT.',
      },
      checks: [
        {
          claim: 'the path asked is /data/message.txt',
          value: { of: 0, arg: 1 },
          equals: '/data/message.txt',
        },
        {
          claim: 'the file behind the fd is under the rootfs data directory',
          value: { of: 0, read: 'retPath' },
          matches: /\/data\/message\.txt$/,
        },
        { claim: '42 bytes copied', value: { of: 1, read: 'ret' }, equals: '42' },
        { claim: 'ENOENT on the host', value: { of: 0, run: 'host', read: 'errno' }, equals: 'ENOENT' },
      ],
    },
  ],
};

export const CGROUP: Lesson = {
  id: 'cgroup-join',
  title: 'A cgroup pins a process',
  sample: 'cgroup-join',
  section: 'cgroups',
  summary:
    "A cgroup is a directory. Writing a pid into its cgroup.procs moves that process in, and its children are born there. On this machine's hybrid hierarchy, a v2 cgroup holds no controllers: the limits live in the v1 trees.",
  steps: [
    {
      title: 'The shell opens cgroup.procs',
      text: "`echo $$ > /sys/fs/cgroup/unified/spelunk-demo/cgroup.procs`: the shell opens the cgroup's cgroup.procs file for writing, like any file. The cgroup was made beforehand with mkdir.\n\nThis machine has a hybrid hierarchy. The cgroup v2 tree is mounted at /sys/fs/cgroup/unified, but no resource controller is attached to it (its cgroup.controllers lists only hugetlb); memory, cpu, pids and the others are cgroup v1 trees, one per controller, at /sys/fs/cgroup/memory, /sys/fs/cgroup/pids, ... Each v1 directory takes a process id in cgroup.procs or a thread id in tasks, the file the workshop writes to; the limits are files such as memory.limit_in_bytes (v2 names them memory.max, pids.max, cpu.max).",
      run: 'host',
      select: [{ syscall: 'openat', program: 'sh', path: /cgroup\.procs/ }],
      checks: [
        {
          claim: 'the file is in the v2 tree, /sys/fs/cgroup/unified',
          value: { of: 0, arg: 1 },
          matches: /^\/sys\/fs\/cgroup\/unified\/spelunk-demo\/cgroup\.procs$/,
        },
        {
          claim: 'opened for writing, as `>` does',
          value: { of: 0, arg: 2 },
          has: ['O_WRONLY', 'O_CREAT', 'O_TRUNC'],
        },
      ],
    },
    {
      title: 'write of its own pid',
      text: "The write of the shell's pid is the whole move: the kernel takes the process out of its old v2 cgroup and puts it in spelunk-demo. Only the v2 membership changes. Memory, CPU time and process counts are charged by the v1 hierarchies, and there this shell stays where it was (step 4 shows it): to limit it on this machine, you move it into a v1 cgroup too (the cgroup-oom lesson writes its pid to a memory cgroup's tasks file).",
      run: 'host',
      select: [{ syscall: 'write', program: 'sh', path: /cgroup\.procs/ }],
      checks: [
        {
          claim: 'the shell writes its own pid',
          same: [
            { of: 0, arg: 1 },
            { of: { syscall: 'getpid', program: 'sh' }, read: 'ret' },
          ],
        },
        { claim: 'the write succeeds', value: { of: 0, read: 'ret' }, equals: '4' },
      ],
    },
    {
      title: 'A child is born inside',
      text: "The shell starts cat with vfork and execve. A new process starts in its parent's cgroups, so cat is inside spelunk-demo without doing anything: this is how a container runtime confines everything a container ever starts.",
      run: 'host',
      select: [
        { syscall: ['vfork', 'clone', 'clone3', 'fork'], program: 'sh' },
        { syscall: 'execve', program: 'cat' },
      ],
      checks: [
        {
          claim: 'the move comes first, then the child',
          order: [{ syscall: 'write', program: 'sh', path: /cgroup\.procs/ }, 0, 1],
        },
      ],
    },
    {
      title: 'cat reads /proc/self/cgroup',
      text: "cat reads /proc/self/cgroup, where the kernel reports the process's cgroups, one line per hierarchy. 0::/spelunk-demo is the cgroup v2 line: moved. The numbered lines are the v1 hierarchies (memory, pids, cpu, ...): none of them says spelunk-demo, because writing to a v2 cgroup.procs does not touch them.",
      run: 'host',
      select: [
        { syscall: 'openat', program: 'cat', path: /\/proc\/self\/cgroup/ },
        { syscall: 'read', program: 'cat', text: /spelunk-demo/ },
      ],
      checks: [
        { claim: 'the v2 line: 0::/spelunk-demo', value: { of: 1, arg: 1 }, matches: /^0::\/spelunk-demo$/m },
        {
          claim: 'a v1 memory line that is not spelunk-demo',
          value: { of: 1, arg: 1 },
          matches: /^\d+:memory:(?!.*spelunk-demo).*$/m,
        },
        {
          claim: 'a v1 pids line that is not spelunk-demo',
          value: { of: 1, arg: 1 },
          matches: /^\d+:pids:(?!.*spelunk-demo).*$/m,
        },
      ],
    },
  ],
};

export const CAP_DROP: Lesson = {
  id: 'cap-drop-eperm',
  title: 'A dropped capability causes EPERM',
  sample: 'cap-drop-eperm',
  section: 'capabilities',
  summary:
    'root is not one permission but about forty capabilities. Without CAP_SYS_CHROOT, even root cannot chroot().',
  steps: [
    {
      title: 'setpriv reads the current capabilities',
      text: "setpriv asks the kernel for the process's capability sets with capget: effective, permitted and inheritable, each a bit mask with one bit per capability. Here effective and permitted hold every capability this machine's root has (all but CAP_SYS_RESOURCE, which its bounding set lacks), and inheritable is empty: 0. The pid in the header is setpriv's own, which capget and capset accept like 0.",
      run: 'host',
      select: [{ syscall: 'capget', program: 'setpriv', text: /_LINUX_CAPABILITY_VERSION_3/, nth: 1 }],
      checks: [
        {
          claim: 'effective and permitted are the same set',
          same: [
            { of: 0, arg: 1, field: 'effective' },
            { of: 0, arg: 1, field: 'permitted' },
          ],
        },
        {
          claim: 'CAP_SYS_CHROOT is in it, CAP_SYS_RESOURCE is not',
          value: { of: 0, arg: 1, field: 'effective' },
          has: ['CAP_SYS_CHROOT', 'CAP_SYS_ADMIN'],
          lacks: ['CAP_SYS_RESOURCE'],
        },
        { claim: 'inheritable is 0', value: { of: 0, arg: 1, field: 'inheritable' }, equals: '0' },
        {
          claim: "the header's pid is setpriv's own",
          same: [
            { of: 0, arg: 0, field: 'pid' },
            { of: 0, read: 'pid' },
          ],
        },
      ],
    },
    {
      title: 'CAP_SYS_CHROOT leaves the bounding set',
      text: "prctl(PR_CAPBSET_DROP, CAP_SYS_CHROOT) removes the capability from the bounding set, the upper limit of what any program exec'd from here can get. Then capset writes the sets back: inheritable was 0 and stays 0 (--inh-caps=-sys_chroot had nothing to remove), and effective and permitted still hold CAP_SYS_CHROOT, so setpriv itself could still chroot. (libcap-ng, which setpriv uses, writes back the whole bounding set, so it also drops CAP_SYS_RESOURCE, which this machine's root never had: the prctl returns 0 all the same.)",
      run: 'host',
      select: [
        { syscall: 'prctl', program: 'setpriv', text: /PR_CAPBSET_DROP, CAP_SYS_CHROOT/ },
        { syscall: 'capset', program: 'setpriv', nth: -1 },
      ],
      checks: [
        { claim: 'the drop succeeds', value: { of: 0, read: 'ret' }, equals: '0' },
        {
          claim: 'dropping CAP_SYS_RESOURCE, never there, returns 0 too',
          value: { of: { syscall: 'prctl', text: /PR_CAPBSET_DROP, CAP_SYS_RESOURCE/ }, read: 'ret' },
          equals: '0',
        },
        {
          claim: 'inheritable is 0 after the capset too',
          value: { of: 1, arg: 1, field: 'inheritable' },
          equals: '0',
        },
        {
          claim: 'capset keeps CAP_SYS_CHROOT in permitted',
          value: { of: 1, arg: 1, field: 'permitted' },
          has: ['CAP_SYS_CHROOT'],
        },
        { claim: 'the bounding-set drop comes before the capset', order: [0, 1] },
      ],
    },
    {
      title: 'execve of chroot: root without one capability',
      text: 'execve recomputes the capability sets. For a program run by uid 0, the new permitted set is filled from the bounding set, whatever capset left before; that is why setpriv drops from the bounding set (test/kernel checks that an execve as root brings back a capability dropped with capset alone). CAP_SYS_CHROOT is not in the bounding set any more, so chroot starts as uid 0 without it.',
      run: 'host',
      select: [{ syscall: 'execve', program: 'chroot' }],
      checks: [
        {
          claim: 'execve of /usr/sbin/chroot, after the drop',
          order: [{ syscall: 'prctl', text: /PR_CAPBSET_DROP, CAP_SYS_CHROOT/ }, 0],
        },
        { claim: 'it succeeds', value: { of: 0, read: 'ret' }, equals: '0' },
      ],
    },
    {
      title: 'chroot("/") = -1 EPERM',
      text: 'The kernel checks CAP_SYS_CHROOT, not uid 0: chroot fails with EPERM, "Operation not permitted". This is how container runtimes keep root in a container from doing everything root on the host can: they drop the capabilities the container does not need.',
      run: 'host',
      select: [{ syscall: 'chroot', errno: 'EPERM' }],
      checks: [{ claim: 'chroot("/") fails with EPERM', value: { of: 0, arg: 0 }, equals: '/' }],
    },
    {
      title: 'The error and exit 125',
      text: 'chroot reports "cannot change root directory" and exits with 125, its code for its own failures (as opposed to 126/127 for a target that cannot run).',
      run: 'host',
      select: [
        { syscall: 'write', program: 'chroot', text: /cannot change root/ },
        { syscall: 'exit_group', program: 'chroot' },
      ],
      checks: [{ claim: 'exit_group(125)', value: { of: 1, arg: 0 }, equals: '125' }],
    },
  ],
};

export const SECCOMP: Lesson = {
  id: 'seccomp-deny',
  title: 'A seccomp filter refuses a call',
  sample: 'seccomp-deny',
  section: 'seccomp',
  summary:
    'A seccomp filter is a tiny program the kernel runs before every system call. This one answers uname with EPERM and lets everything else through.',
  steps: [
    {
      title: 'uname works before the filter',
      text: 'The program (samples/src/seccomp-deny.c) first calls uname: it succeeds and fills in sysname="Linux".',
      run: 'host',
      select: [{ syscall: 'uname', program: 'seccomp-deny', failed: false }],
      checks: [{ claim: 'sysname="Linux"', value: { of: 0, arg: 0, field: 'sysname' }, equals: 'Linux' }],
    },
    {
      title: 'PR_SET_NO_NEW_PRIVS',
      text: 'prctl(PR_SET_NO_NEW_PRIVS, 1) promises that this process and its children can never gain privileges through execve (no setuid). The kernel requires it before a process without CAP_SYS_ADMIN may install a filter (EACCES otherwise: test/kernel checks it), so the filter cannot be used to trick a setuid program.',
      run: 'host',
      select: [{ syscall: 'prctl', program: 'seccomp-deny', text: /PR_SET_NO_NEW_PRIVS/ }],
      checks: [
        { claim: 'set to 1', value: { of: 0, arg: 1 }, equals: '1' },
        { claim: 'before the filter', order: [0, { syscall: 'prctl', text: /PR_SET_SECCOMP/ }] },
      ],
    },
    {
      title: 'PR_SET_SECCOMP installs the filter',
      text: 'prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, {len=7, filter=...}) hands the kernel a classic-BPF program of 7 instructions. It checks the architecture, then the system call number: uname gets SECCOMP_RET_ERRNO with EPERM, everything else SECCOMP_RET_ALLOW. Filters cannot be removed, and are inherited by children.',
      run: 'host',
      select: [{ syscall: 'prctl', program: 'seccomp-deny', text: /PR_SET_SECCOMP/ }],
      checks: [
        { claim: 'a 7-instruction filter', value: { of: 0, arg: 2, field: 'len' }, equals: '7' },
        { claim: 'accepted', value: { of: 0, read: 'ret' }, equals: '0' },
      ],
    },
    {
      title: 'The same uname now fails with EPERM',
      text: "The second uname returns -1 EPERM and the kernel never ran it: the filter answered first. Docker's default profile works the same way, with a list of about 300 allowed calls (the seccomp-profile lesson).",
      run: 'host',
      select: [{ syscall: 'uname', errno: 'EPERM' }],
      checks: [{ claim: 'after the filter', order: [{ syscall: 'prctl', text: /PR_SET_SECCOMP/ }, 0] }],
    },
    {
      title: 'Everything else still works',
      text: 'write prints the error message and exit_group ends the process normally: the filter only refused the one call it names.',
      run: 'host',
      select: [
        { syscall: 'write', program: 'seccomp-deny', text: /after the filter/ },
        { syscall: 'exit_group', program: 'seccomp-deny' },
      ],
      checks: [
        { claim: 'the write goes through', value: { of: 0, read: 'errno' }, equals: 'none' },
        { claim: 'exit 0', value: { of: 1, arg: 0 }, equals: '0' },
        {
          claim: 'uname is the only call that failed after the filter',
          count: { failed: true, kind: 'syscall', after: { syscall: 'prctl', text: /PR_SET_SECCOMP/ } },
          min: 1,
          max: 1,
        },
      ],
    },
  ],
};
