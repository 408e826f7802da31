import type { Lesson } from './lesson.js';

/** Namespaces beyond unshare -n: a pid namespace with its /proc, namespace links, a user namespace, veth. */

export const PID_NAMESPACE: Lesson = {
  id: 'pid-namespace',
  title: 'A pid namespace: ps sees one process, and it is pid 1',
  sample: 'pid-namespace',
  section: 'namespaces',
  summary:
    'In a new pid namespace the first process is pid 1 and sees only its descendants. /proc shows the pid namespace of whoever mounted it, so the chroot needs a fresh one: spelunk collect mounts it by default, like unshare --mount-proc.',
  steps: [
    {
      title: 'unshare(CLONE_NEWNS|CLONE_NEWPID)',
      text: 'unshare --pid --fork --mount-proc asks for two namespaces in one call: a new pid namespace and a new mount namespace (for the /proc mount to come). A new pid namespace does not apply to the caller: unshare itself stays where it is, only its children are born inside.',
      run: 'chroot',
      select: [{ syscall: 'unshare' }],
      checks: [
        {
          claim: 'CLONE_NEWPID and CLONE_NEWNS together',
          value: { of: 0, arg: 0 },
          has: ['CLONE_NEWPID', 'CLONE_NEWNS'],
        },
        { claim: 'it succeeds', value: { of: 0, read: 'ret' }, equals: '0' },
      ],
    },
    {
      title: 'The fork: the first process of the namespace',
      text: "So unshare forks (--fork). The child is the namespace's first process: inside, its pid is 1. strace runs outside the namespace and keeps showing the host's pid for it, the number clone returned to the parent. The parent only waits (wait4) for it to finish.",
      run: 'chroot',
      select: [
        { syscall: 'clone', program: 'unshare' },
        { syscall: 'wait4', program: 'unshare' },
      ],
      checks: [
        {
          claim: 'the child that mounts /proc is the one clone returned',
          same: [
            { of: 0, read: 'ret' },
            { of: { syscall: 'mount', text: /"proc"/ }, read: 'pid' },
          ],
        },
        {
          claim: 'the parent waits for it',
          same: [
            { of: 1, read: 'ret' },
            { of: 0, read: 'ret' },
          ],
        },
      ],
    },
    {
      title: 'A fresh /proc inside the rootfs',
      text: 'The child makes every mount private (MS_REC|MS_PRIVATE: nothing it mounts reaches the host), then mounts a new proc at ROOT/proc. A proc mount shows the pid namespace of the process that mounts it: this one lists only the new namespace. Without it (--no-mount-proc), the rootfs has no /proc at all.',
      run: 'chroot',
      select: [{ syscall: 'mount' }],
      checks: [
        {
          claim: 'first / made private',
          value: { of: 0, pick: 'first', arg: 3 },
          has: ['MS_REC', 'MS_PRIVATE'],
        },
        { claim: 'then a proc filesystem', value: { of: 0, pick: 'last', arg: 2 }, equals: 'proc' },
        { claim: 'at ROOT/proc', value: { of: 0, pick: 'last', arg: 1 }, matches: /\/busybox-root\/proc$/ },
        { claim: 'before the chroot', order: [0, { syscall: 'chroot' }] },
      ],
    },
    {
      title: 'ps lists /proc: one process',
      text: 'After chroot, busybox ps reads the directory /proc: the entries that are numbers are processes, and there is one, 1. It reads /proc/1/stat ("1 (ps) R 0 ...": pid 1, named ps, parent 0: nothing above it in this namespace) and /proc/1/cmdline.',
      run: 'chroot',
      select: [
        { syscall: 'openat', program: 'ps', path: /^\/proc$/ },
        { syscall: 'openat', program: 'ps', path: /^\/proc\/\d+\/stat$/ },
        { syscall: 'read', program: 'ps', path: /\/proc\/1\/stat$/ },
      ],
      checks: [
        { claim: 'one process stat file opened: /proc/1/stat', count: 1, min: 1, max: 1 },
        { claim: 'pid 1, parent 0', value: { of: 2, arg: 1 }, matches: /^1 \(ps\) R 0 / },
      ],
    },
    {
      title: 'The answer: 1 /bin/ps',
      text: "ps writes one line: pid 1, /bin/ps. Inside, ps is the init of its own little world; outside, the same process has an ordinary pid, the one on every strace line. That is how `docker run ... ps` shows pid 1 for the container's first process.",
      run: 'chroot',
      select: [{ syscall: 'write', program: 'ps' }],
      checks: [
        { claim: 'one process, pid 1', value: { of: 0, arg: 1 }, matches: /^\s*PID .*\n\s+1 .*\/bin\/ps\n$/ },
        { claim: 'strace shows its host pid, not 1', value: { of: 0, read: 'pid' }, matches: /^(?!1$)\d+$/ },
      ],
    },
  ],
};

const NS = (type: string, self: boolean) => ({
  syscall: 'readlink',
  path: self ? new RegExp(`^/proc/self/ns/${type}$`) : new RegExp(`^/proc/\\d+/ns/${type}$`),
});

export const NS_COMPARE: Lesson = {
  id: 'ns-compare',
  title: '/proc/PID/ns: which namespaces two processes share',
  sample: 'ns-compare',
  section: 'namespaces',
  summary:
    'Every namespace has an inode number, and /proc/PID/ns/TYPE links to it. Same number: same namespace. Here a sleep started with unshare --uts --net is compared with readlink itself.',
  steps: [
    {
      title: 'One readlink per link',
      text: "readlink is given ten paths: /proc/self/ns/X (itself) and /proc/PID/ns/X (the sleep), for mnt, uts, net, pid and user. Each readlink() returns the link's text, TYPE:[INODE].",
      run: 'host',
      select: [{ syscall: 'readlink' }],
      checks: [
        { claim: 'ten links read', count: 0, min: 10, max: 10 },
        {
          claim: 'each one TYPE:[number]',
          value: { of: 0, arg: 1 },
          matches: /^(mnt|uts|net|pid|user):\[\d+\]$/,
        },
      ],
    },
    {
      title: 'mnt, pid and user are shared',
      text: "For the types unshare was not asked for, the links are the same: the sleep shares the host's mount, pid and user namespaces. A container runtime creates all of them (and cgroup, ipc, and often time) for each container.",
      run: 'host',
      select: [
        NS('mnt', true),
        NS('mnt', false),
        NS('pid', true),
        NS('pid', false),
        NS('user', true),
        NS('user', false),
      ],
      checks: [
        {
          claim: 'mnt is the same',
          same: [
            { of: 0, arg: 1 },
            { of: 1, arg: 1 },
          ],
        },
        {
          claim: 'pid is the same',
          same: [
            { of: 2, arg: 1 },
            { of: 3, arg: 1 },
          ],
        },
        {
          claim: 'user is the same',
          same: [
            { of: 4, arg: 1 },
            { of: 5, arg: 1 },
          ],
        },
      ],
    },
    {
      title: 'uts and net differ: the sleep has its own',
      text: 'But its UTS namespace (hostname) and its network namespace are new ones, with other inode numbers than readlink\'s. That is all "being in another namespace" means: a different object behind the same kind of link.',
      run: 'host',
      select: [NS('uts', true), NS('uts', false), NS('net', true), NS('net', false)],
      checks: [
        {
          claim: 'uts differs',
          differ: [
            { of: 0, arg: 1 },
            { of: 1, arg: 1 },
          ],
        },
        {
          claim: 'net differs',
          differ: [
            { of: 2, arg: 1 },
            { of: 3, arg: 1 },
          ],
        },
      ],
    },
    {
      title: 'The same numbers, printed',
      text: 'readlink prints the ten lines. `lsns` and `docker inspect` read the same links; nsenter opens them to join (the nsenter-setns lesson).',
      run: 'host',
      select: [{ syscall: 'write', program: 'readlink' }],
      checks: [
        {
          claim: 'ten lines',
          value: { of: 0, arg: 1 },
          matches: /^(?:(?:mnt|uts|net|pid|user):\[\d+\]\n){10}$/,
        },
      ],
    },
  ],
};

export const USERNS: Lesson = {
  id: 'userns',
  title: 'A user namespace: root inside, nobody outside',
  sample: 'userns',
  section: 'namespaces',
  summary:
    'An unprivileged user may create a user namespace and be uid 0 in it. uid_map ties that 0 to the real uid outside: files it makes belong to that user, and what the real root owns stays closed.',
  steps: [
    {
      title: 'setpriv becomes nobody',
      text: 'setpriv drops every group (setgroups(0, [])) and sets real, effective and saved uid and gid to 65534, nobody and nogroup: from here on nothing runs as root. id -u confirms it.',
      run: 'host',
      select: [
        { syscall: ['setresuid', 'setresgid', 'setgroups'], program: 'setpriv' },
        { syscall: 'write', program: 'id', nth: 1 },
      ],
      checks: [
        {
          claim: 'setresuid(65534, 65534, 65534)',
          value: { of: { syscall: 'setresuid' }, arg: 0 },
          equals: '65534',
        },
        { claim: 'id -u prints 65534', value: { of: 1, arg: 1 }, equals: '65534\n' },
      ],
    },
    {
      title: 'unshare(CLONE_NEWUSER) without privilege',
      text: 'As nobody, unshare --user --map-root-user calls unshare(CLONE_NEWUSER), and the kernel says yes: creating a user namespace needs no capability. Inside it, the process has every capability, but only over things this namespace owns.',
      run: 'host',
      select: [{ syscall: 'unshare', program: 'unshare' }],
      checks: [
        { claim: 'CLONE_NEWUSER', value: { of: 0, arg: 0 }, equals: 'CLONE_NEWUSER' },
        { claim: 'succeeds as uid 65534', value: { of: 0, read: 'ret' }, equals: '0' },
        { claim: 'after setpriv dropped root', order: [{ syscall: 'setresuid' }, 0] },
      ],
    },
    {
      title: 'uid_map, setgroups, gid_map',
      text: 'The new namespace has no uids until someone writes its map. unshare writes "0 65534 1" to /proc/self/uid_map: uid 0 inside is uid 65534 outside, one id long. Before the gid map, /proc/self/setgroups must say "deny" (an unprivileged map may not let the process drop groups to gain access), then gid_map gets "0 65534 1" too.',
      run: 'host',
      select: [{ syscall: 'write', program: 'unshare', path: /\/proc\/\d+\/(uid_map|gid_map|setgroups)$/ }],
      checks: [
        {
          claim: 'uid_map: 0 65534 1',
          value: { of: { syscall: 'write', path: /uid_map$/ }, arg: 1 },
          equals: '0 65534 1',
        },
        {
          claim: 'setgroups: deny',
          value: { of: { syscall: 'write', path: /setgroups$/ }, arg: 1 },
          equals: 'deny',
        },
        {
          claim: 'gid_map: 0 65534 1',
          value: { of: { syscall: 'write', path: /gid_map$/ }, arg: 1 },
          equals: '0 65534 1',
        },
        {
          claim: 'setgroups is denied before gid_map is written',
          order: [
            { syscall: 'write', path: /setgroups$/ },
            { syscall: 'write', path: /gid_map$/ },
          ],
        },
      ],
    },
    {
      title: 'id says root',
      text: "Inside, id prints uid=0(root): getuid() answers in the namespace's ids. cat /proc/self/uid_map shows the map as the kernel keeps it.",
      run: 'host',
      select: [
        { syscall: 'write', program: 'id', nth: -1 },
        { syscall: 'write', program: 'cat', text: /65534/ },
      ],
      checks: [
        { claim: 'uid=0(root)', value: { of: 0, arg: 1 }, matches: /^uid=0\(root\) gid=0\(root\)/ },
        { claim: 'the map: 0 65534 1', value: { of: 1, arg: 1 }, matches: /^\s*0\s+65534\s+1\n$/ },
      ],
    },
    {
      title: 'A file made inside: 0 inside, 65534 outside',
      text: "touch creates a file; ls -ln inside lists its owner as 0, and the same ls -ln run outside afterwards lists 65534: on disk it belongs to nobody, the map only translates. And cat of a file only the real root may read fails with EACCES: root in a user namespace is not root over the host's files.",
      run: 'host',
      select: [
        { syscall: 'write', program: 'ls' },
        { syscall: 'openat', program: 'cat', path: /root-only\.txt$/ },
      ],
      checks: [
        {
          claim: 'inside: owner 0',
          value: { of: { syscall: 'write', program: 'ls', nth: 1 }, arg: 1 },
          matches: /^-\S+ 1 0 0 /,
        },
        {
          claim: 'outside: owner 65534',
          value: { of: { syscall: 'write', program: 'ls', nth: -1 }, arg: 1 },
          matches: /^-\S+ 1 65534 65534 /,
        },
        { claim: "root's file stays closed", value: { of: 1, read: 'errno' }, equals: 'EACCES' },
      ],
    },
  ],
};

export const VETH_PAIR: Lesson = {
  id: 'veth-pair',
  title: 'A veth pair joins two network namespaces',
  sample: 'veth-pair',
  section: 'networking',
  summary:
    'Two network namespaces see nothing of each other. A veth pair is a virtual cable: its two ends are moved into the two namespaces, given addresses, and a ping goes across. This is how a container gets its network.',
  steps: [
    {
      title: 'ip netns add: a namespace that outlives its process',
      text: 'ip netns add creates a network namespace with unshare(CLONE_NEWNET) and bind-mounts /proc/self/ns/net onto /run/netns/NAME: the mount keeps the namespace alive after ip exits, and gives it a name other commands can open. (The first mount of /run/netns fails with EINVAL, not yet a mount point, and ip makes it one.)',
      run: 'host',
      select: [
        {
          syscall: 'unshare',
          program: 'ip',
          text: /CLONE_NEWNET/,
          after: { syscall: 'execve', path: /^\/usr\/sbin\/ip$/, text: /"netns", "add"/ },
        },
        { syscall: 'mount', program: 'ip', path: /^\/proc\/self\/ns\/net$/ },
      ],
      checks: [
        { claim: 'two namespaces made', count: 0, min: 2, max: 2 },
        {
          claim: 'each pinned by a bind mount on /run/netns/NAME',
          value: { of: 1, arg: 1 },
          matches: /^\/run\/netns\/spk-[ab]-\d+$/,
        },
        { claim: 'MS_BIND', value: { of: 1, arg: 3 }, equals: 'MS_BIND' },
      ],
    },
    {
      title: 'ip link add ... type veth: the cable',
      text: 'ip link add asks the kernel over netlink for a new link (RTM_NEWLINK) of kind "veth" with a peer: two interfaces, va and vb, whatever goes in one comes out of the other. Both start in the host\'s namespace.',
      run: 'host',
      select: [{ syscall: 'sendmsg', program: 'ip', text: /"veth"/ }],
      checks: [
        { claim: 'RTM_NEWLINK, kind veth', value: { of: 0, arg: 1 }, has: ['RTM_NEWLINK', 'IFLA_INFO_KIND'] },
        { claim: 'accepted', value: { of: 0, read: 'errno' }, equals: 'none' },
      ],
    },
    {
      title: 'ip link set ... netns: one end into each namespace',
      text: 'ip link set va netns A sends RTM_NEWLINK for va with IFLA_NET_NS_FD, an fd of /run/netns/A: the kernel moves the interface into that namespace. The same for vb into B. Now each namespace has one end of the cable, and the host has neither.',
      run: 'host',
      select: [{ syscall: 'sendmsg', program: 'ip', text: /IFLA_NET_NS_FD/ }],
      checks: [
        { claim: 'two moves', count: 0, min: 2, max: 2 },
        {
          claim: 'each by an fd of /run/netns/NAME',
          value: { of: 0, arg: 1 },
          matches: /IFLA_NET_NS_FD\}, \d+<\/run\/netns\/spk-[ab]-\d+>/,
        },
      ],
    },
    {
      title: 'ip -n NAME: setns before each request',
      text: 'ip -n A addr add ... and ip -n A link set ... up run inside A: ip opens /run/netns/A and calls setns(fd, CLONE_NEWNET) before it speaks netlink, so the address and the "up" apply to the interface in that namespace.',
      run: 'host',
      select: [{ syscall: 'setns', program: 'ip', path: /^\/run\/netns\// }],
      checks: [
        { claim: 'CLONE_NEWNET', value: { of: 0, arg: 1 }, equals: 'CLONE_NEWNET' },
        { claim: 'four ip -n commands and the ping: five joins', count: 0, min: 5, max: 5 },
      ],
    },
    {
      title: 'ping across',
      text: "ip netns exec A joins A and execs busybox ping: a raw ICMP socket, one echo request sent to 10.77.0.2 (B's end), one reply received. The packet crossed from one namespace to the other through the veth pair, and nowhere else.",
      run: 'host',
      select: [
        { syscall: 'socket', program: 'busybox' },
        { syscall: 'sendto', program: 'busybox' },
        { syscall: 'recvfrom', program: 'busybox' },
      ],
      checks: [
        { claim: 'an ICMP socket', value: { of: 0, arg: 2 }, equals: 'IPPROTO_ICMP' },
        { claim: 'sent to 10.77.0.2', value: { of: 1, arg: 4 }, matches: /inet_addr\("10\.77\.0\.2"\)/ },
        { claim: 'request, then reply', order: [1, 2] },
        {
          claim: '1 packets received',
          count: { syscall: 'write', program: 'busybox', text: /1 packets received/ },
        },
      ],
    },
  ],
};
