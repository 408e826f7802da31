import type { SyscallExplanation } from './types.js';

const MODULE_PRIVILEGE = [
  'EPERM',
  'Needs CAP_SYS_MODULE, or module loading is disabled (kernel.modules_disabled) — never allowed from a container by default.',
] as const;

/** Whole-machine information and administration: names, randomness, logs, modules, reboot. */
export const SYSTEM_EXPLANATIONS: Readonly<Record<string, SyscallExplanation>> = {
  uname: {
    summary:
      "Returns the kernel's name, release and version, the machine type (x86_64), and the host name of the caller's UTS namespace. `uname -a` and `hostname` print it; some programs check the kernel version with it. After `unshare -u` and sethostname, uname shows the new name only inside.",
    args: [
      ['buf', 'Where to store struct utsname {sysname, nodename, release, version, machine, domainname}.'],
    ],
    returns: '0 on success.',
    errors: [['EFAULT', 'Bad pointer.']],
  },
  sysinfo: {
    summary:
      "Returns overall system statistics: uptime, load averages, total/free RAM and swap, number of processes. `free`, `uptime` and some runtimes use it. Note that it reports the host's memory even inside a memory-limited cgroup.",
    args: [['info', 'Where to store struct sysinfo.']],
    returns: '0 on success.',
    errors: [['EFAULT', 'Bad pointer.']],
  },
  syslog: {
    summary: 'Reads or controls the kernel log ring buffer (what `dmesg` prints) — not the syslog daemon.',
    args: [
      ['type', 'The action: SYSLOG_ACTION_READ_ALL, _SIZE_BUFFER, _CONSOLE_LEVEL, _CLEAR, ...'],
      ['bufp', 'Buffer for reading.'],
      ['len', 'Buffer size or a level.'],
    ],
    returns: 'Bytes read, or a size/0 depending on type.',
    errors: [
      [
        'EPERM',
        'Needs CAP_SYSLOG when kernel.dmesg_restrict=1 (common), so `dmesg` fails for normal users and in containers.',
      ],
      ['EINVAL', 'Bad type or length.'],
    ],
  },
  getrandom: {
    summary:
      "Fills a buffer with random bytes from the kernel's CSPRNG, without opening /dev/urandom (so it works in an empty chroot). glibc calls it early for malloc's heap hardening and for hash-table seeds.",
    args: [
      ['buf', 'Where to put the bytes.'],
      ['buflen', 'How many bytes.'],
      ['flags', 'GRND_NONBLOCK (fail instead of waiting at early boot), GRND_RANDOM, GRND_INSECURE.'],
    ],
    returns: 'The number of bytes written (can be less than asked for big requests).',
    errors: [
      ['EAGAIN', 'GRND_NONBLOCK and the pool is not yet initialised (very early boot).'],
      ['EINTR', 'Interrupted while waiting for entropy.'],
      ['ENOSYS', 'Kernel older than 3.17 or blocked by seccomp.'],
    ],
  },
  reboot: {
    summary:
      "Reboots, halts or powers off the machine, or toggles Ctrl-Alt-Del behaviour. Inside a PID namespace, it instead ends that namespace's init with a signal.",
    args: [
      ['magic', 'Must be LINUX_REBOOT_MAGIC1.'],
      ['magic2', 'One of the LINUX_REBOOT_MAGIC2 values.'],
      ['op', 'LINUX_REBOOT_CMD_RESTART, _HALT, _POWER_OFF, _CAD_ON, ...'],
      ['arg', 'A command string for RESTART2.'],
    ],
    returns: 'Does not return for restart/halt; 0 otherwise.',
    errors: [
      ['EPERM', 'Needs CAP_SYS_BOOT.'],
      ['EINVAL', 'Bad magic numbers or command.'],
    ],
  },
  init_module: {
    summary: 'Loads a kernel module from an in-memory image (modprobe/insmod use finit_module nowadays).',
    args: [
      ['module_image', 'The module ELF image.'],
      ['len', 'Its size.'],
      ['param_values', 'Module parameters as a string.'],
    ],
    returns: '0 on success.',
    errors: [
      MODULE_PRIVILEGE,
      ['EEXIST', 'Already loaded.'],
      ['ENOEXEC', 'Not a valid module for this kernel.'],
      ['EKEYREJECTED', 'Signature check failed.'],
    ],
  },
  finit_module: {
    summary: 'Loads a kernel module from an open file (what modprobe and insmod call).',
    args: [
      ['fd', 'The .ko file.'],
      ['param_values', 'Module parameters.'],
      ['flags', 'MODULE_INIT_IGNORE_MODVERSIONS, _IGNORE_VERMAGIC, _COMPRESSED_FILE.'],
    ],
    returns: '0 on success.',
    errors: [MODULE_PRIVILEGE, ['EEXIST', 'Already loaded.'], ['ENOEXEC', 'Not a valid module.']],
  },
  delete_module: {
    summary: 'Unloads a kernel module (`rmmod`), if nothing uses it any more.',
    args: [
      ['name', 'The module name.'],
      ['flags', 'O_NONBLOCK, O_TRUNC (force).'],
    ],
    returns: '0 on success.',
    errors: [
      MODULE_PRIVILEGE,
      ['EAGAIN', '(EWOULDBLOCK) The module is in use and O_NONBLOCK was given.'],
      ['ENOENT', 'No such module loaded.'],
    ],
  },
  perf_event_open: {
    summary:
      'Opens a performance-monitoring counter or sampling event (CPU cycles, cache misses, tracepoints); `perf` is built on it.',
    args: [
      ['attr', 'struct perf_event_attr: what to count and how.'],
      ['pid', 'Process to monitor (0 = self, -1 = all).'],
      ['cpu', 'CPU to monitor (-1 = any).'],
      ['group_fd', 'Group leader fd, or -1.'],
      ['flags', 'PERF_FLAG_FD_CLOEXEC, ...'],
    ],
    returns: 'An fd for the event.',
    errors: [
      ['EACCES', 'kernel.perf_event_paranoid forbids it without CAP_PERFMON.'],
      ['ENOENT', 'The event type does not exist on this CPU/kernel.'],
      ['EINVAL', 'Bad attributes.'],
      ['ENODEV', 'No PMU (common in VMs).'],
    ],
  },
  acct: {
    summary:
      'Turns process accounting on or off: the kernel appends a record to a file every time a process ends.',
    args: [['filename', 'The accounting file, or NULL to turn it off.']],
    returns: '0 on success.',
    errors: [
      ['EPERM', 'Needs CAP_SYS_PACCT.'],
      ['ENOSYS', 'Not built into this kernel.'],
    ],
  },
  swapon: {
    summary: 'Starts using a file or partition as swap space.',
    args: [
      ['path', 'The swap file or device.'],
      ['swapflags', 'Priority and discard flags.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EPERM', 'Needs CAP_SYS_ADMIN.'],
      ['EINVAL', 'Not a valid swap area (run mkswap).'],
      ['EBUSY', 'Already in use.'],
    ],
  },
  swapoff: {
    summary: 'Stops using a swap area, moving its pages back to RAM.',
    args: [['path', 'The swap file or device.']],
    returns: '0 on success.',
    errors: [
      ['EPERM', 'Needs CAP_SYS_ADMIN.'],
      ['ENOMEM', 'Not enough RAM to take the swapped pages back.'],
    ],
  },
  kexec_load: {
    summary:
      'Loads a new kernel image to boot straight into on the next reboot, skipping firmware (kexec, crash-dump kernels).',
    args: [
      ['entry', 'Entry point of the new kernel.'],
      ['nr_segments', 'Number of segments.'],
      ['segments', 'The image segments.'],
      ['flags', 'KEXEC_ON_CRASH, KEXEC_PRESERVE_CONTEXT, architecture.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EPERM', 'Needs CAP_SYS_BOOT (and kexec not disabled or locked down).'],
      ['EBUSY', 'Another kexec image is loaded or being loaded.'],
      ['EINVAL', 'Bad segments.'],
    ],
  },
  kexec_file_load: {
    summary:
      "Loads a new kernel for kexec from files, letting the kernel verify the image's signature (required under secure boot lockdown).",
    args: [
      ['kernel_fd', 'The kernel image.'],
      ['initrd_fd', 'The initramfs.'],
      ['cmdline_len', 'Length of the command line.'],
      ['cmdline', "The new kernel's command line."],
      ['flags', 'KEXEC_FILE_UNLOAD, _ON_CRASH, _NO_INITRAMFS.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EPERM', 'Needs CAP_SYS_BOOT.'],
      ['EKEYREJECTED', 'Signature verification failed.'],
      ['ENOEXEC', 'Not a valid kernel image.'],
    ],
  },
  quotactl: {
    summary: "Manages disk quotas on a filesystem: turn on/off, read or set a user's or group's limits.",
    args: [
      ['cmd', 'QCMD(subcommand, USRQUOTA/GRPQUOTA/PRJQUOTA).'],
      ['special', 'The block device of the filesystem.'],
      ['id', 'The user, group or project id.'],
      ['addr', 'Command-specific data.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EPERM', 'Changing quotas needs CAP_SYS_ADMIN.'],
      ['ESRCH', 'Quotas are not enabled.'],
      ['ENOTBLK', 'special is not a block device.'],
    ],
  },
  quotactl_fd: {
    summary:
      'quotactl identifying the filesystem by an open fd instead of a block device (works for filesystems without one).',
    args: [
      ['fd', 'Any fd on the filesystem.'],
      ['cmd', 'The quota command.'],
      ['id', 'The id.'],
      ['addr', 'Command-specific data.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EPERM', 'Needs CAP_SYS_ADMIN.'],
      ['ESRCH', 'Quotas not enabled.'],
    ],
  },
  iopl: {
    summary:
      'Raises the I/O privilege level so the process may use x86 in/out instructions on all ports (old X servers, hardware tools); emulated on modern kernels.',
    args: [['level', '0 to 3.']],
    returns: '0 on success.',
    errors: [
      ['EPERM', 'Needs CAP_SYS_RAWIO.'],
      ['EINVAL', 'level above 3.'],
    ],
  },
  ioperm: {
    summary: 'Allows the process to access a range of x86 I/O ports directly.',
    args: [
      ['from', 'First port.'],
      ['num', 'Number of ports.'],
      ['turn_on', '1 to allow, 0 to revoke.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EPERM', 'Needs CAP_SYS_RAWIO.'],
      ['EINVAL', 'Range beyond 0x3ff... limits.'],
    ],
  },
  vhangup: {
    summary:
      "Simulates a hangup on the calling process's terminal, so that other processes lose access to it; login programs call it before handing the tty to a new user.",
    args: [],
    returns: '0 on success.',
    errors: [['EPERM', 'Needs CAP_SYS_TTY_CONFIG.']],
  },
  sysfs: {
    summary:
      'Returns information about the filesystem types the kernel knows (obsolete; read /proc/filesystems instead).',
    args: [
      ['option', '1: index of a type name, 2: name of an index, 3: number of types.'],
      ['arg1', 'A name or an index.'],
      ['arg2', 'Buffer for option 2.'],
    ],
    returns: 'An index, 0, or a count depending on option.',
    errors: [['EINVAL', 'Unknown type name or index.']],
  },
  ustat: {
    summary:
      'Returns free space of a mounted filesystem given its device number (obsolete; statfs replaced it).',
    args: [
      ['dev', 'The device number.'],
      ['ubuf', 'Where to store struct ustat.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EINVAL', 'dev is not a mounted filesystem.'],
      ['ENOSYS', 'The filesystem does not support it.'],
    ],
  },
  uselib: {
    summary: 'Loads an a.out-format shared library (obsolete since ELF; compiled out of modern kernels).',
    args: [['library', 'The library path.']],
    returns: '0 on success.',
    errors: [
      ['ENOSYS', 'Not built into this kernel (the usual case).'],
      ['ENOEXEC', 'Not an a.out library.'],
    ],
  },
};
