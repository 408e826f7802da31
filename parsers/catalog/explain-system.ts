import type { SyscallExplanation } from './types.js';

const MODULE_PRIVILEGE = ['EPERM', 'Needs CAP_SYS_MODULE, or module loading is disabled (kernel.modules_disabled) — never allowed from a container by default.'] as const;

/** Whole-machine information and administration: names, randomness, logs, modules, reboot. */
export const SYSTEM_EXPLANATIONS: Readonly<Record<string, SyscallExplanation>> = {
  uname: {
    summary: 'Returns the kernel\'s name, release and version, the machine type (x86_64), and the host name of the caller\'s UTS namespace. `uname -a` and `hostname` print it; glibc checks the kernel version with it. After `unshare -u` and sethostname, uname shows the new name only inside.',
    args: [['buf', 'Where to store struct utsname {sysname, nodename, release, version, machine, domainname}.']],
    returns: '0 on success.',
    errors: [['EFAULT', 'Bad pointer.']],
  },
  sysinfo: {
    summary: 'Returns overall system statistics: uptime, load averages, total/free RAM and swap, number of processes. `free`, `uptime` and some runtimes use it. Note that it reports the host\'s memory even inside a memory-limited cgroup.',
    args: [['info', 'Where to store struct sysinfo.']],
    returns: '0 on success.',
    errors: [['EFAULT', 'Bad pointer.']],
  },
  syslog: {
    summary: 'Reads or controls the kernel log ring buffer (what `dmesg` prints) — not the syslog daemon.',
    args: [['type', 'The action: SYSLOG_ACTION_READ_ALL, _SIZE_BUFFER, _CONSOLE_LEVEL, _CLEAR, ...'], ['bufp', 'Buffer for reading.'], ['len', 'Buffer size or a level.']],
    returns: 'Bytes read, or a size/0 depending on type.',
    errors: [['EPERM', 'Needs CAP_SYSLOG when kernel.dmesg_restrict=1 (common), so `dmesg` fails for normal users and in containers.'], ['EINVAL', 'Bad type or length.']],
  },
  getrandom: {
    summary: 'Fills a buffer with random bytes from the kernel\'s CSPRNG, without opening /dev/urandom (so it works in an empty chroot). glibc calls it early for malloc\'s heap hardening and for hash-table seeds.',
    args: [['buf', 'Where to put the bytes.'], ['buflen', 'How many bytes.'], ['flags', 'GRND_NONBLOCK (fail instead of waiting at early boot), GRND_RANDOM, GRND_INSECURE.']],
    returns: 'The number of bytes written (can be less than asked for big requests).',
    errors: [['EAGAIN', 'GRND_NONBLOCK and the pool is not yet initialised (very early boot).'], ['EINTR', 'Interrupted while waiting for entropy.'], ['ENOSYS', 'Kernel older than 3.17 or blocked by seccomp.']],
  },
  reboot: {
    summary: 'Reboots, halts or powers off the machine, or toggles Ctrl-Alt-Del behaviour. Inside a PID namespace, it instead ends that namespace\'s init with a signal.',
    args: [['magic', 'Must be LINUX_REBOOT_MAGIC1.'], ['magic2', 'One of the LINUX_REBOOT_MAGIC2 values.'], ['op', 'LINUX_REBOOT_CMD_RESTART, _HALT, _POWER_OFF, _CAD_ON, ...'], ['arg', 'A command string for RESTART2.']],
    returns: 'Does not return for restart/halt; 0 otherwise.',
    errors: [['EPERM', 'Needs CAP_SYS_BOOT.'], ['EINVAL', 'Bad magic numbers or command.']],
  },
  init_module: {
    summary: 'Loads a kernel module from an in-memory image (modprobe/insmod use finit_module nowadays).',
    args: [['module_image', 'The module ELF image.'], ['len', 'Its size.'], ['param_values', 'Module parameters as a string.']],
    returns: '0 on success.',
    errors: [MODULE_PRIVILEGE, ['EEXIST', 'Already loaded.'], ['ENOEXEC', 'Not a valid module for this kernel.'], ['EKEYREJECTED', 'Signature check failed.']],
  },
  finit_module: {
    summary: 'Loads a kernel module from an open file (what modprobe and insmod call).',
    args: [['fd', 'The .ko file.'], ['param_values', 'Module parameters.'], ['flags', 'MODULE_INIT_IGNORE_MODVERSIONS, _IGNORE_VERMAGIC, _COMPRESSED_FILE.']],
    returns: '0 on success.',
    errors: [MODULE_PRIVILEGE, ['EEXIST', 'Already loaded.'], ['ENOEXEC', 'Not a valid module.']],
  },
  delete_module: {
    summary: 'Unloads a kernel module (`rmmod`).',
    args: [['name', 'The module name.'], ['flags', 'O_NONBLOCK, O_TRUNC (force).']],
    returns: '0 on success.',
    errors: [MODULE_PRIVILEGE, ['EAGAIN', '(EWOULDBLOCK) The module is in use and O_NONBLOCK was given.'], ['ENOENT', 'No such module loaded.']],
  },
  perf_event_open: {
    summary: 'Opens a performance-monitoring counter or sampling event (CPU cycles, cache misses, tracepoints); `perf` is built on it.',
    args: [['attr', 'struct perf_event_attr: what to count and how.'], ['pid', 'Process to monitor (0 = self, -1 = all).'], ['cpu', 'CPU to monitor (-1 = any).'], ['group_fd', 'Group leader fd, or -1.'], ['flags', 'PERF_FLAG_FD_CLOEXEC, ...']],
    returns: 'An fd for the event.',
    errors: [['EACCES', 'kernel.perf_event_paranoid forbids it without CAP_PERFMON.'], ['ENOENT', 'The event type does not exist on this CPU/kernel.'], ['EINVAL', 'Bad attributes.'], ['ENODEV', 'No PMU (common in VMs).']],
  },
  acct: {
    summary: 'Turns process accounting on or off: the kernel appends a record to a file every time a process ends.',
    args: [['filename', 'The accounting file, or NULL to turn it off.']],
    returns: '0 on success.',
    errors: [['EPERM', 'Needs CAP_SYS_PACCT.'], ['ENOSYS', 'Not built into this kernel.']],
  },
  swapon: {
    summary: 'Starts using a file or partition as swap space.',
    args: [['path', 'The swap file or device.'], ['swapflags', 'Priority and discard flags.']],
    returns: '0 on success.',
    errors: [['EPERM', 'Needs CAP_SYS_ADMIN.'], ['EINVAL', 'Not a valid swap area (run mkswap).'], ['EBUSY', 'Already in use.']],
  },
  swapoff: {
    summary: 'Stops using a swap area, moving its pages back to RAM.',
    args: [['path', 'The swap file or device.']],
    returns: '0 on success.',
    errors: [['EPERM', 'Needs CAP_SYS_ADMIN.'], ['ENOMEM', 'Not enough RAM to take the swapped pages back.']],
  },
};
