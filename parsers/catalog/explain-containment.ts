import type { SyscallExplanation } from './types.js';
import { MOUNT_API_EXPLANATIONS } from './explain-mount-api.js';

const NEEDS_SETUID = [
  'EPERM',
  'The change needs CAP_SETUID (CAP_SETGID for groups); an unprivileged process may only switch between its own real, effective and saved ids.',
] as const;

/**
 * The calls behind "Docker is not magic": changing root, namespaces, mounts, identities, capabilities,
 * seccomp and landlock. The new mount API lives in explain-mount-api.ts.
 */
export const CONTAINMENT_EXPLANATIONS: Readonly<Record<string, SyscallExplanation>> = {
  ...MOUNT_API_EXPLANATIONS,
  chroot: {
    summary:
      'Changes the root directory of the calling process: from now on, absolute paths (and the dynamic loader\'s search for libraries!) start from the given directory. It does not change the current directory, which is why `chroot DIR CMD` calls chdir("/") right after, and it is not a security boundary on its own: a root process can escape it (e.g. with fchdir to an fd opened outside). Every file the program needs — the binary, its ELF interpreter, its libraries, /etc files — must exist inside the new root.',
    args: [['path', 'The directory that becomes "/".']],
    returns: '0 on success.',
    errors: [
      [
        'EPERM',
        'The caller lacks CAP_SYS_CHROOT — chroot needs root (or root inside a user namespace it owns, e.g. after `unshare -r`).',
      ],
      ['ENOENT', 'The directory does not exist.'],
      ['ENOTDIR', 'The path is not a directory.'],
      ['EACCES', 'Search permission missing on a directory on the path.'],
    ],
    notes:
      'If the execve that follows a successful chroot fails with ENOENT although the program is there, the missing file is its dynamic loader (/lib64/ld-linux-x86-64.so.2) — copy what `ldd PROGRAM` lists, or use a static binary.',
  },
  pivot_root: {
    summary:
      'Swaps the root mount of the calling mount namespace: new_root becomes "/" and the old root is moved to put_old (inside the new root), from where it can be unmounted. Unlike chroot it really detaches the old filesystem tree, so container runtimes use it (in a private mount namespace) instead of chroot.',
    args: [
      [
        'new_root',
        'The directory to become the root; it must be a mount point (bind-mount it onto itself first if needed).',
      ],
      [
        'put_old',
        'A directory at or under new_root where the old root is parked (or "." with the trick pivot_root(".", ".") followed by umount2(".", MNT_DETACH)).',
      ],
    ],
    returns: '0 on success.',
    errors: [
      [
        'EBUSY',
        'new_root or put_old is on the mount that holds the current root: pivot_root("/", ...), or new_root a plain directory of the root filesystem. This check comes before the mount-point one, which is why new_root is first bind-mounted onto itself.',
      ],
      [
        'EINVAL',
        "new_root is not a mount point (when it lies on another mount; on the root mount the answer is EBUSY), put_old is not at or under new_root, the current root is not a mount point (the caller is in a chroot), a mount involved has shared propagation (put_old's mount, new_root's parent or the current root's parent: the kernel refuses rather than propagate, so make / private first), or the current root is the namespace's very first mount (an initramfs-only system: use switch_root).",
      ],
      ['EPERM', "The caller lacks CAP_SYS_ADMIN in the mount namespace's user namespace."],
      ['ENOTDIR', 'One of the paths is not a directory.'],
      ['ENOENT', 'One of the paths does not exist.'],
    ],
    notes:
      'Container runtimes call it in a new mount namespace whose mounts they made private (mount("", "/", NULL, MS_REC|MS_PRIVATE)), with the rootfs bind-mounted onto itself; runc then does pivot_root(".", ".") and umount2(".", MNT_DETACH) to drop the old root, which the kernel stacked on the same directory.',
  },
  unshare: {
    summary:
      'Moves the calling process into new namespaces (or unshares other state such as the fd table). Each CLONE_NEW* flag gives a fresh, private copy of one resource: mounts (NEWNS), hostname (NEWUTS), IPC objects (NEWIPC), network stack (NEWNET: only a down lo), user and group ids (NEWUSER), cgroup root (NEWCGROUP), time offsets (NEWTIME). CLONE_NEWPID affects only children created afterwards, which is why `unshare -p` needs -f.',
    args: [
      [
        'flags',
        'CLONE_NEWNS, CLONE_NEWUTS, CLONE_NEWIPC, CLONE_NEWNET, CLONE_NEWPID, CLONE_NEWUSER, CLONE_NEWCGROUP, CLONE_NEWTIME, CLONE_FILES, CLONE_FS, CLONE_SYSVSEM.',
      ],
    ],
    returns: '0 on success.',
    errors: [
      [
        'EPERM',
        "Creating these namespaces needs CAP_SYS_ADMIN — unless CLONE_NEWUSER is included, which unprivileged users may do (and then get full capabilities inside). For CLONE_NEWUSER: the caller's uid or gid has no mapping in its own user namespace (a second `unshare -U` before uid_map was written). Also returned when a distro switch forbids unprivileged user namespaces (kernel.unprivileged_userns_clone=0, AppArmor restrictions) or seccomp blocks the call.",
      ],
      ['EINVAL', 'An unsupported flag or combination (e.g. CLONE_NEWUSER in a multi-threaded process).'],
      [
        'ENOSPC',
        'The limit on that namespace type is reached (/proc/sys/user/max_*_namespaces, counted per user namespace; 0 disables the type), or user namespaces would nest more than 32 deep.',
      ],
      ['ENOMEM', 'Out of memory.'],
      ['EUSERS', '(Linux 3.11 to 4.8) the user-namespace nesting limit was reached; ENOSPC since.'],
    ],
  },
  setns: {
    summary:
      "Moves the calling thread into an existing namespace, given an fd on /proc/PID/ns/TYPE (or a pidfd to join several of a process's namespaces at once). This is what `nsenter -t PID -n -m ...` and `docker exec` do before exec'ing the command. Joining a PID namespace only affects children created afterwards.",
    args: [
      ['fd', 'An fd for the namespace (open("/proc/PID/ns/net")) or a pidfd.'],
      [
        'nstype',
        '0 (any type), or the CLONE_NEW* constant the fd must match; with a pidfd, a set of CLONE_NEW* flags.',
      ],
    ],
    returns: '0 on success.',
    errors: [
      [
        'EPERM',
        "Needs CAP_SYS_ADMIN in the target namespace's owning user namespace (and CAP_SYS_CHROOT for mount namespaces).",
      ],
      [
        'EINVAL',
        "The fd's namespace does not match nstype, joining a user namespace from a multi-threaded process, or re-joining the current user namespace.",
      ],
      ['EBADF', 'fd is not open.'],
      ['ESRCH', "The pidfd's process has exited."],
    ],
  },
  mount: {
    summary:
      "Attaches a filesystem at a directory, or changes an existing mount. Besides mounting devices (`mount /dev/sda1 /mnt`) it does bind mounts (MS_BIND: make a directory visible at a second place — how a chroot or container gets to see host directories), remounts (MS_REMOUNT|MS_RDONLY), moves (MS_MOVE), and sets propagation (MS_PRIVATE, MS_SLAVE, MS_SHARED, usually with MS_REC). Mounts live in the caller's mount namespace.",
    args: [
      [
        'source',
        'The device, a directory (for MS_BIND), or a dummy name for virtual filesystems ("proc", "tmpfs", "none").',
      ],
      ['target', 'The directory where it appears.'],
      [
        'filesystemtype',
        'ext4, proc, sysfs, tmpfs, cgroup2, overlay, ...; ignored for bind/move/propagation changes.',
      ],
      [
        'mountflags',
        'MS_BIND, MS_REC, MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_REMOUNT, MS_MOVE, MS_PRIVATE, MS_SLAVE, MS_SHARED, ...',
      ],
      ['data', 'Filesystem-specific options as a string ("mode=755", "lowerdir=...,upperdir=..."), or NULL.'],
    ],
    returns: '0 on success.',
    errors: [
      [
        'EPERM',
        'Mounting needs CAP_SYS_ADMIN in the user namespace owning the mount namespace; in an unprivileged user namespace only some filesystem types may be mounted (proc, tmpfs, bind mounts, overlay...). Also locked mounts inherited from a more privileged namespace cannot be altered (e.g. a remount that would clear their read-only flag).',
      ],
      ['ENOENT', 'The target (or the bind source) does not exist.'],
      ['ENOTDIR', 'target is not a directory (bind-mounting a file needs a file as target).'],
      [
        'EBUSY',
        'The same filesystem is already mounted at exactly this place (e.g. sysfs again on /sys), or a read-only remount while a file on it is open for writing.',
      ],
      ['ENODEV', 'The filesystem type is not known to this kernel.'],
      [
        'EINVAL',
        'Bad flags (e.g. MS_MOVE of a mount whose parent is shared, a propagation change on a path that is not a mount point) or an option the filesystem does not accept.',
      ],
      ['ENOTBLK', 'source is not a block device for a disk filesystem.'],
      [
        'EACCES',
        'A directory on a path is not searchable, or a block device is read-only and MS_RDONLY was not given (mount(8) then retries read-only).',
      ],
    ],
    notes:
      'A new bind mount ignores MS_RDONLY (and the other per-mount flags): mount(SRC, DST, NULL, MS_BIND|MS_RDONLY) makes a read-write bind, so `mount --bind -o ro` makes a second call, mount(NULL, DST, NULL, MS_REMOUNT|MS_BIND|MS_RDONLY).',
  },
  umount2: {
    summary:
      'Detaches a mounted filesystem. With MNT_DETACH ("lazy") it disappears from the tree at once and is cleaned up when no longer used — container runtimes use that to drop the old root after pivot_root.',
    args: [
      ['target', 'The mount point.'],
      ['flags', 'MNT_FORCE, MNT_DETACH, MNT_EXPIRE, UMOUNT_NOFOLLOW.'],
    ],
    returns: '0 on success.',
    errors: [
      [
        'EBUSY',
        "Something still uses it: an open file, a process's cwd or root inside it, or a mount on top of it. MNT_DETACH avoids waiting.",
      ],
      [
        'EINVAL',
        'target is not a mount point, the mount is locked (inherited from a more privileged namespace), or bad flags (MNT_EXPIRE with MNT_DETACH or MNT_FORCE).',
      ],
      ['EPERM', 'The caller lacks CAP_SYS_ADMIN for this mount namespace.'],
      ['ENOENT', 'The path does not exist.'],
    ],
  },
  seccomp: {
    summary:
      "Installs a seccomp filter: a small classic-BPF program that the kernel runs on every later syscall of this thread (and its children), deciding to allow it, fail it with an errno, kill the process, trap, or notify a supervisor. Docker's default profile, systemd's SystemCallFilter=, browsers and strace --seccomp-bpf use it. Filters can only be added, never removed.",
    args: [
      [
        'operation',
        'SECCOMP_SET_MODE_FILTER (install a BPF filter), SECCOMP_SET_MODE_STRICT (only read/write/exit/sigreturn), SECCOMP_GET_ACTION_AVAIL, SECCOMP_GET_NOTIF_SIZES.',
      ],
      [
        'flags',
        'SECCOMP_FILTER_FLAG_TSYNC (apply to all threads), _LOG, _NEW_LISTENER (return a notification fd), _SPEC_ALLOW, ...',
      ],
      [
        'args',
        'For SET_MODE_FILTER, the struct sock_fprog {len, filter} (strace -v shows the BPF instructions).',
      ],
    ],
    returns: '0 on success (or a listener fd with SECCOMP_FILTER_FLAG_NEW_LISTENER).',
    errors: [
      [
        'EACCES',
        'The caller has neither CAP_SYS_ADMIN nor no_new_privs set — an unprivileged process must call prctl(PR_SET_NO_NEW_PRIVS, 1) first.',
      ],
      [
        'EINVAL',
        'An invalid filter program (e.g. one that does not end in a return), unknown operation or flags.',
      ],
      ['EFAULT', 'args points to bad memory.'],
      [
        'ENOMEM',
        "The filters attached to the thread would together exceed the kernel's limit (32768 instructions counted after translation to eBPF, which is about three filters of the maximum 4096 classic instructions), or out of memory.",
      ],
      [
        'ESRCH',
        "With SECCOMP_FILTER_FLAG_TSYNC|SECCOMP_FILTER_FLAG_TSYNC_ESRCH, another thread has a filter that is not an ancestor of the caller's, so it cannot be synchronised (with TSYNC alone the call returns that thread's id instead).",
      ],
    ],
    notes:
      'A filter that refuses a call usually makes that later call fail with EPERM (Docker\'s choice) or ENOSYS; with SECCOMP_RET_KILL the process dies with SIGSYS ("Bad system call").',
  },
  capget: {
    summary:
      "Reads a thread's capability sets: effective (in force now), permitted (may be raised), inheritable. Root's power is the sum of about 40 capabilities (CAP_SYS_ADMIN, CAP_NET_ADMIN, CAP_SYS_CHROOT, CAP_CHOWN...). `capsh --print` and libcap-based tools call it.",
    args: [
      [
        'hdrp',
        'Header {version, pid}: the capability ABI version (_LINUX_CAPABILITY_VERSION_3) and which thread (0 = caller).',
      ],
      ['datap', 'Where to store the sets (two 32-bit halves each), or NULL to only probe the version.'],
    ],
    returns: '0 on success.',
    errors: [
      [
        'EINVAL',
        'Unsupported version in the header; the kernel writes its preferred version back (libcap probes this way).',
      ],
      ['ESRCH', 'No such thread.'],
      ['EFAULT', 'Bad pointer.'],
    ],
  },
  capset: {
    summary:
      "Changes the calling thread's capability sets — typically to drop capabilities (what setpriv, `capsh --drop=cap_net_raw` or a container runtime does before running the workload). A capability dropped from the permitted set cannot come back through capset; but execve recomputes the sets, and an execve as uid 0 (or of a setuid-root program) fills the new permitted set from the bounding set. That is why a drop meant to last across exec removes the capability from the bounding set too (prctl(PR_CAPBSET_DROP)).",
    args: [
      [
        'hdrp',
        "Header {version, pid}; pid is 0 or the caller's own thread id (libcap-ng passes its tid, as setpriv's trace shows). Any other pid is refused.",
      ],
      ['datap', 'The new effective, permitted and inheritable sets.'],
    ],
    returns: '0 on success.',
    errors: [
      [
        'EPERM',
        "Adding to permitted a capability the thread does not have, an effective set that is not a subset of the new permitted set, growing the inheritable set past permitted without CAP_SETPCAP or past the bounding set, or a pid other than 0 or the caller's own.",
      ],
      ['EINVAL', 'An unknown version in the header.'],
      ['EFAULT', 'A pointer is bad.'],
    ],
    notes:
      'After a capability is dropped, the calls that need it fail with EPERM: e.g. without CAP_NET_RAW, socket(AF_INET, SOCK_RAW, ...) (ping) fails; without CAP_SYS_CHROOT, chroot fails.',
  },
  setuid: {
    summary:
      'Sets the user id. For a privileged process (CAP_SETUID) it sets real, effective and saved ids at once — the irreversible "drop root" step of daemons and of `su`/`login`. For others it can only set the effective id to the real or saved id. Changing from uid 0 to non-zero also clears the capability sets.',
    args: [['uid', 'The new user id.']],
    returns: '0 on success.',
    errors: [
      NEEDS_SETUID,
      ['EINVAL', "The uid is not mapped in the caller's user namespace."],
      ['EAGAIN', 'The target user is at RLIMIT_NPROC (older kernels).'],
    ],
  },
  setgid: {
    summary: 'Sets the group id (real, effective and saved when privileged).',
    args: [['gid', 'The new group id.']],
    returns: '0 on success.',
    errors: [NEEDS_SETUID, ['EINVAL', 'The gid is not mapped in this user namespace.']],
  },
  setreuid: {
    summary: 'Sets the real and effective user ids (an older interface; setresuid is clearer).',
    args: [
      ['ruid', 'New real uid, or -1 to keep.'],
      ['euid', 'New effective uid, or -1 to keep.'],
    ],
    returns: '0 on success.',
    errors: [NEEDS_SETUID, ['EINVAL', 'A uid is not mapped in this user namespace.']],
  },
  setregid: {
    summary: 'Sets the real and effective group ids (an older interface; setresgid is clearer).',
    args: [
      ['rgid', 'New real gid, or -1.'],
      ['egid', 'New effective gid, or -1.'],
    ],
    returns: '0 on success.',
    errors: [NEEDS_SETUID],
  },
  setresuid: {
    summary:
      'Sets the real, effective and saved user ids explicitly; the clearest way to drop privileges for good (set all three to the unprivileged uid).',
    args: [
      ['ruid', 'Real uid, or -1 to keep.'],
      ['euid', 'Effective uid, or -1.'],
      ['suid', 'Saved uid, or -1.'],
    ],
    returns: '0 on success.',
    errors: [NEEDS_SETUID, ['EINVAL', 'A uid is not mapped in this user namespace.']],
  },
  setresgid: {
    summary: 'Sets the real, effective and saved group ids explicitly.',
    args: [
      ['rgid', 'Real gid, or -1.'],
      ['egid', 'Effective gid, or -1.'],
      ['sgid', 'Saved gid, or -1.'],
    ],
    returns: '0 on success.',
    errors: [NEEDS_SETUID, ['EINVAL', 'A gid is not mapped.']],
  },
  setgroups: {
    summary:
      'Replaces the supplementary group list. Daemons call setgroups(0, NULL) when dropping root so they do not keep root\'s groups. In a user namespace it is refused until /proc/PID/setgroups says "allow" (it says "deny" for unprivileged mappings, closing a hole where dropping a group granted access).',
    args: [
      ['size', 'Number of groups.'],
      ['list', 'The group ids.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EPERM', 'Needs CAP_SETGID, or /proc/self/setgroups is "deny" in this user namespace.'],
      ['EINVAL', 'size exceeds NGROUPS_MAX.'],
    ],
  },
  setfsuid: {
    summary:
      'Sets the uid used only for filesystem access checks (historically for NFS servers). Returns the previous value and gives no error indication.',
    args: [['fsuid', 'The new filesystem uid.']],
    returns: 'The previous filesystem uid, whether or not the change happened.',
    errors: [],
  },
  setfsgid: {
    summary: 'Sets the gid used only for filesystem access checks.',
    args: [['fsgid', 'The new filesystem gid.']],
    returns: 'The previous filesystem gid.',
    errors: [],
  },
  landlock_create_ruleset: {
    summary:
      'Starts building a Landlock sandbox: an unprivileged, stackable way for a program to restrict its own file (and TCP port) access. Returns an fd to which rules are added; with LANDLOCK_CREATE_RULESET_VERSION it just reports the ABI version.',
    args: [
      ['attr', 'struct landlock_ruleset_attr: the access rights the ruleset will handle.'],
      ['size', 'Its size.'],
      ['flags', '0, or LANDLOCK_CREATE_RULESET_VERSION.'],
    ],
    returns: 'A ruleset fd, or the ABI version.',
    errors: [
      ['EOPNOTSUPP', 'Landlock is built in but not enabled at boot (lsm=...).'],
      ['ENOSYS', 'Not built into this kernel.'],
      ['EINVAL', 'Unknown access rights or flags.'],
    ],
  },
  landlock_add_rule: {
    summary: 'Adds a rule to a Landlock ruleset, e.g. "allow read under /usr".',
    args: [
      ['ruleset_fd', 'The ruleset.'],
      ['rule_type', 'LANDLOCK_RULE_PATH_BENEATH or LANDLOCK_RULE_NET_PORT.'],
      ['rule_attr', 'The rule: allowed access plus a directory fd or a port.'],
      ['flags', '0.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EINVAL', 'Access rights not handled by the ruleset.'],
      ['EBADF', 'Bad fd.'],
      ['ENOMSG', 'Empty access rights.'],
    ],
  },
  landlock_restrict_self: {
    summary:
      'Enforces a Landlock ruleset on the calling thread and its future children; from then on, any access not granted fails with EACCES. Requires no_new_privs (or CAP_SYS_ADMIN).',
    args: [
      ['ruleset_fd', 'The ruleset.'],
      ['flags', '0 (or logging flags on newer kernels).'],
    ],
    returns: '0 on success.',
    errors: [
      ['EPERM', 'no_new_privs is not set and the caller lacks CAP_SYS_ADMIN.'],
      ['E2BIG', 'Too many rulesets already stacked on this thread (the limit is 16).'],
      ['EBADF', 'Bad fd.'],
    ],
  },
  bpf: {
    summary:
      'The interface to eBPF: load programs into the kernel (tracing, networking, security hooks), create and update maps. bpftrace and many observability tools use it; unprivileged use is usually disabled.',
    args: [
      ['cmd', 'BPF_PROG_LOAD, BPF_MAP_CREATE, BPF_MAP_LOOKUP_ELEM, BPF_LINK_CREATE, ...'],
      ['attr', "A union bpf_attr with the command's parameters."],
      ['size', 'Size of attr.'],
    ],
    returns: 'A new fd (programs, maps, links) or 0.',
    errors: [
      [
        'EPERM',
        'Needs CAP_BPF (plus CAP_PERFMON/CAP_NET_ADMIN for some program types), or kernel.unprivileged_bpf_disabled.',
      ],
      ['EINVAL', 'Bad attributes.'],
      ['EACCES', 'The verifier rejected the program.'],
      ['E2BIG', 'Program or attr too large.'],
    ],
  },
  lsm_get_self_attr: {
    summary:
      "Reads the calling process's security attributes (e.g. its SELinux context or AppArmor profile) from each active Linux Security Module, in a common format (Linux 6.8) instead of /proc/self/attr files.",
    args: [
      ['attr', 'Which attribute: LSM_ATTR_CURRENT, LSM_ATTR_EXEC, ...'],
      ['ctx', 'Where to store the struct lsm_ctx records.'],
      ['size', 'In: buffer size; out: size used.'],
      ['flags', '0 or LSM_FLAG_SINGLE.'],
    ],
    returns: 'The number of attributes returned.',
    errors: [
      ['E2BIG', 'The buffer is too small; size says what is needed.'],
      ['EOPNOTSUPP', 'No active LSM provides this attribute.'],
    ],
  },
  lsm_set_self_attr: {
    summary:
      "Sets one of the calling process's LSM security attributes (e.g. change AppArmor profile for the next exec) (Linux 6.8).",
    args: [
      ['attr', 'Which attribute.'],
      ['ctx', 'The struct lsm_ctx with the LSM id and value.'],
      ['size', 'Its size.'],
      ['flags', 'Must be 0.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EPERM', 'The LSM policy forbids the change.'],
      ['EOPNOTSUPP', 'The LSM does not support setting it.'],
      ['EINVAL', 'Bad context.'],
    ],
  },
  lsm_list_modules: {
    summary:
      'Lists the ids of the Linux Security Modules active on this system (capability, yama, landlock, apparmor, selinux, bpf...) (Linux 6.8).',
    args: [
      ['ids', 'Where to store the LSM ids.'],
      ['size', 'In: buffer size; out: size used.'],
      ['flags', 'Must be 0.'],
    ],
    returns: 'The number of ids stored.',
    errors: [['E2BIG', 'The buffer is too small.']],
  },
};
