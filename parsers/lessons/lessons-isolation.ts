import type { Lesson } from './lesson.js';

/** The second half of the workshop: namespaces, bind mounts, cgroups, capabilities and seccomp. */

export const UNSHARE_NET: Lesson = {
  id: 'unshare-net',
  title: 'unshare -n leaves only lo',
  sample: 'unshare-net-ip',
  summary:
    'A new network namespace has its own interfaces, routes and sockets: at first just a loopback that is down.',
  steps: [
    {
      title: 'unshare(CLONE_NEWNET)',
      text: 'The unshare program makes one system call, unshare(CLONE_NEWNET): from now on this process lives in a fresh network namespace. Nothing is copied from the host: no eth0, no addresses, no routes.',
      run: 'chroot',
      select: [{ syscall: 'unshare' }],
    },
    {
      title: 'Then the chroot, as usual',
      text: 'unshare execs chroot, which switches the root. Namespaces and chroot are independent: one decides what the process can see of the network, the other what it sees of the file system.',
      run: 'chroot',
      select: [{ syscall: 'chroot', program: 'chroot' }],
    },
    {
      title: 'ip asks the kernel over netlink',
      text: 'ip a opens a netlink socket (AF_NETLINK, NETLINK_ROUTE) and sends RTM_GETLINK and RTM_GETADDR requests: "list every interface", "list every address". The kernel answers about the namespace the socket belongs to.',
      run: 'chroot',
      select: [
        { syscall: 'socket', program: 'ip', text: /AF_NETLINK/ },
        { syscall: 'sendto', program: 'ip' },
      ],
    },
    {
      title: 'The answer: only lo',
      text: 'ip writes one interface: 1: lo, state DOWN, with no address. That is all a new network namespace has until someone moves or creates an interface in it (a veth pair, for a container).',
      run: 'chroot',
      select: [{ syscall: 'write', program: 'ip' }],
      compare: {
        run: 'host',
        select: [{ syscall: 'write', program: 'ip' }],
        text: 'On the host the same ip a writes lo, eth0 and the others, with their addresses.',
      },
    },
  ],
};

export const NSENTER: Lesson = {
  id: 'nsenter-setns',
  title: "nsenter joins another process's namespace",
  sample: 'nsenter-uts',
  summary:
    'A namespace exists as long as something holds it. nsenter opens the namespace file of a running process and setns() moves itself in.',
  steps: [
    {
      title: 'A process already lives in its own UTS namespace',
      text: 'Before the trace, the recipe started `unshare --uts sh -c "hostname spelunk-box; exec sleep 120"`: a sleep in a new UTS namespace (hostname and domain name) whose hostname is spelunk-box. nsenter -t PID -u is asked to join it.',
      run: 'host',
      select: [{ syscall: 'execve', program: 'nsenter' }],
    },
    {
      title: 'openat of /proc/PID/ns/uts',
      text: "Each namespace of a process appears as a file under /proc/PID/ns/. Opening it gives a file descriptor that refers to the namespace itself; -y shows it as uts:[4026...], the namespace's inode number.",
      run: 'host',
      select: [{ syscall: 'openat', program: 'nsenter', path: /\/ns\/uts/ }],
    },
    {
      title: 'setns(fd, CLONE_NEWUTS)',
      text: "setns moves the calling process into the namespace the fd refers to. No new namespace is created: nsenter now shares the sleeping process's hostname. This is how `docker exec` enters a running container.",
      run: 'host',
      select: [{ syscall: 'setns' }],
    },
    {
      title: 'hostname runs inside',
      text: 'nsenter execs hostname, which inherits the namespace. Its uname() returns nodename="spelunk-box", the name set inside the other namespace, and it writes that name out. The host\'s own name never changed.',
      run: 'host',
      select: [
        { syscall: 'uname', program: 'hostname' },
        { syscall: 'write', program: 'hostname', text: /spelunk-box/ },
      ],
    },
  ],
};

export const BIND_MOUNT: Lesson = {
  id: 'bind-mount',
  title: 'A bind mount seen from inside the chroot',
  sample: 'bind-mount',
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
    },
    {
      title: 'mount --bind, then read-only',
      text: 'The mount program binds /tmp/spelunk-samples/data onto the data directory inside the rootfs (MS_BIND), then remounts it read-only (MS_REMOUNT|MS_BIND|MS_RDONLY): a bind mount cannot be made read-only in one step with the old mount API.',
      run: 'chroot',
      select: [{ syscall: 'mount', program: 'mount' }],
    },
    {
      title: 'chroot into the rootfs',
      text: "Now the usual chroot(). The data directory inside the root shows the host's files, because the mount sits on top of it.",
      run: 'chroot',
      select: [{ syscall: 'chroot', program: 'chroot' }],
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
    },
  ],
};

export const CGROUP: Lesson = {
  id: 'cgroup-join',
  title: 'A cgroup pins a process',
  sample: 'cgroup-join',
  summary:
    'A cgroup is a directory in /sys/fs/cgroup. Writing a pid into its cgroup.procs moves that process in, and its children are born there.',
  steps: [
    {
      title: 'The shell opens cgroup.procs',
      text: "`echo $$ > .../spelunk-demo/cgroup.procs`: the shell opens the cgroup's cgroup.procs file for writing, like any file. The cgroup was made beforehand with mkdir; limits (memory.max, pids.max, cpu.max) are files next to it.",
      run: 'host',
      select: [{ syscall: 'openat', program: 'sh', path: /cgroup\.procs/ }],
    },
    {
      title: 'write of its own pid',
      text: "The write of the shell's pid is the whole move: the kernel takes the process out of its old cgroup and puts it in spelunk-demo. From now on its memory, CPU time and process count are charged there.",
      run: 'host',
      select: [{ syscall: 'write', program: 'sh', path: /cgroup\.procs/ }],
    },
    {
      title: 'A child is born inside',
      text: "The shell starts cat with vfork and execve. A new process starts in its parent's cgroup, so cat is inside spelunk-demo without doing anything: this is how a container runtime confines everything a container ever starts.",
      run: 'host',
      select: [
        { syscall: ['vfork', 'clone', 'clone3', 'fork'], program: 'sh' },
        { syscall: 'execve', program: 'cat' },
      ],
    },
    {
      title: 'cat reads /proc/self/cgroup',
      text: "cat reads /proc/self/cgroup, where the kernel reports the process's cgroups. The line starting with 0:: is the cgroup v2 membership: 0::/spelunk-demo.",
      run: 'host',
      select: [
        { syscall: 'openat', program: 'cat', path: /\/proc\/self\/cgroup/ },
        { syscall: 'read', program: 'cat', text: /spelunk-demo/ },
      ],
    },
  ],
};

export const CAP_DROP: Lesson = {
  id: 'cap-drop-eperm',
  title: 'A dropped capability causes EPERM',
  sample: 'cap-drop-eperm',
  summary:
    'root is not one permission but about forty capabilities. Without CAP_SYS_CHROOT, even root cannot chroot().',
  steps: [
    {
      title: 'setpriv reads the current capabilities',
      text: "setpriv asks the kernel for the process's capability sets with capget: effective, permitted and inheritable, each a bit mask with one bit per capability. As root, all are set.",
      run: 'host',
      select: [{ syscall: 'capget', program: 'setpriv' }],
    },
    {
      title: 'CAP_SYS_CHROOT leaves the bounding set',
      text: "prctl(PR_CAPBSET_DROP, CAP_SYS_CHROOT) removes the capability from the bounding set, the upper limit of what any program exec'd from here can ever get back. capset then clears it from the inheritable set too. (In this capture setpriv also drops CAP_SYS_RESOURCE; only CAP_SYS_CHROOT matters for what follows.)",
      run: 'host',
      select: [
        { syscall: 'prctl', program: 'setpriv', text: /PR_CAPBSET_DROP, CAP_SYS_CHROOT/ },
        { syscall: 'capset', program: 'setpriv', nth: -1 },
      ],
    },
    {
      title: 'execve of chroot: root without one capability',
      text: 'When root execs a program, the kernel computes its new capabilities from these sets. CAP_SYS_CHROOT is not in the bounding set any more, so chroot starts as uid 0 but without it.',
      run: 'host',
      select: [{ syscall: 'execve', program: 'chroot' }],
    },
    {
      title: 'chroot("/") = -1 EPERM',
      text: 'The kernel checks CAP_SYS_CHROOT, not uid 0: chroot fails with EPERM, "Operation not permitted". This is how container runtimes keep root in a container from doing everything root on the host can: they drop the capabilities the container does not need.',
      run: 'host',
      select: [{ syscall: 'chroot', errno: 'EPERM' }],
    },
    {
      title: 'The error and exit 125',
      text: 'chroot reports "cannot change root directory" and exits with 125, its code for its own failures (as opposed to 126/127 for a target that cannot run).',
      run: 'host',
      select: [
        { syscall: 'write', program: 'chroot', text: /cannot change root/ },
        { syscall: 'exit_group', program: 'chroot' },
      ],
    },
  ],
};

export const SECCOMP: Lesson = {
  id: 'seccomp-deny',
  title: 'A seccomp filter refuses a call',
  sample: 'seccomp-deny',
  summary:
    'A seccomp filter is a tiny program the kernel runs before every system call. This one answers uname with EPERM and lets everything else through.',
  steps: [
    {
      title: 'uname works before the filter',
      text: 'The program (samples/src/seccomp-deny.c) first calls uname: it succeeds and fills in sysname="Linux".',
      run: 'host',
      select: [{ syscall: 'uname', program: 'seccomp-deny', failed: false }],
    },
    {
      title: 'PR_SET_NO_NEW_PRIVS',
      text: 'prctl(PR_SET_NO_NEW_PRIVS, 1) promises that this process and its children can never gain privileges through execve (no setuid). The kernel requires it before an unprivileged process may install a filter, so the filter cannot be used to trick a setuid program.',
      run: 'host',
      select: [{ syscall: 'prctl', program: 'seccomp-deny', text: /PR_SET_NO_NEW_PRIVS/ }],
    },
    {
      title: 'PR_SET_SECCOMP installs the filter',
      text: 'prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, {len=7, filter=...}) hands the kernel a classic-BPF program of 7 instructions. It checks the architecture, then the system call number: uname gets SECCOMP_RET_ERRNO with EPERM, everything else SECCOMP_RET_ALLOW. Filters cannot be removed, and are inherited by children.',
      run: 'host',
      select: [{ syscall: 'prctl', program: 'seccomp-deny', text: /PR_SET_SECCOMP/ }],
    },
    {
      title: 'The same uname now fails with EPERM',
      text: "The second uname returns -1 EPERM and the kernel never ran it: the filter answered first. Docker's default profile works the same way, with a list of about 300 allowed calls.",
      run: 'host',
      select: [{ syscall: 'uname', errno: 'EPERM' }],
    },
    {
      title: 'Everything else still works',
      text: 'write prints the error message and exit_group ends the process normally: the filter only refused the one call it names.',
      run: 'host',
      select: [
        { syscall: 'write', program: 'seccomp-deny', text: /after the filter/ },
        { syscall: 'exit_group', program: 'seccomp-deny' },
      ],
    },
  ],
};
