/**
 * What `docker run` gives a container when no option changes it, as facts we rebuild the OCI config from
 * (moby's oci/caps/defaults.go and oci/defaults.go). Kept as data so the config builder stays a function
 * of its options and these tables.
 */

/** Docker's default capability set: 14 of the kernel's 41. Everything else (CAP_SYS_ADMIN, CAP_NET_ADMIN, ...) is dropped. */
export const DOCKER_CAPABILITIES: readonly string[] = [
  'CAP_CHOWN',
  'CAP_DAC_OVERRIDE',
  'CAP_FSETID',
  'CAP_FOWNER',
  'CAP_MKNOD',
  'CAP_NET_RAW',
  'CAP_SETGID',
  'CAP_SETUID',
  'CAP_SETFCAP',
  'CAP_SETPCAP',
  'CAP_NET_BIND_SERVICE',
  'CAP_SYS_CHROOT',
  'CAP_KILL',
  'CAP_AUDIT_WRITE',
];

/** The namespaces every Docker container gets (a user namespace only with userns-remap). OCI spells net "network". */
export const DOCKER_NAMESPACES: readonly string[] = ['pid', 'network', 'ipc', 'uts', 'mount', 'cgroup'];

export interface OciMount {
  destination: string;
  type?: string;
  source: string;
  options?: string[];
}

/**
 * The file systems mounted inside every container, in Docker's order: a fresh /proc for the new pid
 * namespace, a tmpfs /dev that runc fills with the few device nodes a container may use, its own pty
 * instance, /dev/shm and /dev/mqueue for the new ipc namespace, /sys read-only, and the container's own
 * cgroup read-only at /sys/fs/cgroup.
 */
export const DOCKER_MOUNTS: readonly OciMount[] = [
  { destination: '/proc', type: 'proc', source: 'proc', options: ['nosuid', 'noexec', 'nodev'] },
  {
    destination: '/dev',
    type: 'tmpfs',
    source: 'tmpfs',
    options: ['nosuid', 'strictatime', 'mode=755', 'size=65536k'],
  },
  {
    destination: '/dev/pts',
    type: 'devpts',
    source: 'devpts',
    options: ['nosuid', 'noexec', 'newinstance', 'ptmxmode=0666', 'mode=0620', 'gid=5'],
  },
  { destination: '/sys', type: 'sysfs', source: 'sysfs', options: ['nosuid', 'noexec', 'nodev', 'ro'] },
  {
    destination: '/sys/fs/cgroup',
    type: 'cgroup',
    source: 'cgroup',
    options: ['ro', 'nosuid', 'noexec', 'nodev'],
  },
  { destination: '/dev/mqueue', type: 'mqueue', source: 'mqueue', options: ['nosuid', 'noexec', 'nodev'] },
  {
    destination: '/dev/shm',
    type: 'tmpfs',
    source: 'shm',
    options: ['nosuid', 'noexec', 'nodev', 'mode=1777', 'size=65536k'],
  },
];

/** Files of /proc and /sys that leak the host or let a process reach the hardware: hidden behind /dev/null or an empty tmpfs. */
export const DOCKER_MASKED_PATHS: readonly string[] = [
  '/proc/asound',
  '/proc/acpi',
  '/proc/kcore',
  '/proc/keys',
  '/proc/latency_stats',
  '/proc/timer_list',
  '/proc/timer_stats',
  '/proc/sched_debug',
  '/proc/scsi',
  '/sys/firmware',
  '/sys/devices/virtual/powercap',
];

/** Kernel knobs a container may read but not write: bind-mounted over themselves read-only. */
export const DOCKER_READONLY_PATHS: readonly string[] = [
  '/proc/bus',
  '/proc/fs',
  '/proc/irq',
  '/proc/sys',
  '/proc/sysrq-trigger',
];

/** The PATH Docker sets when the image gives none. */
export const DOCKER_DEFAULT_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
