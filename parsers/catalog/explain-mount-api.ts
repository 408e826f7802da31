import type { SyscallExplanation } from './types.js';

const MOUNT_PRIVILEGE = [
  'EPERM',
  'Needs CAP_SYS_ADMIN in the user namespace that owns the mount namespace.',
] as const;

/**
 * The file-descriptor based mount API (Linux 5.2+) that newer mount(8) and container runtimes use instead
 * of mount(2): build a mount as an fd, then attach it.
 */
export const MOUNT_API_EXPLANATIONS: Readonly<Record<string, SyscallExplanation>> = {
  open_tree: {
    summary:
      'Gets an fd for an existing mount or directory tree; with OPEN_TREE_CLONE it makes a detached copy (a bind mount not yet attached anywhere), which move_mount can then place — the new-API way to bind-mount.',
    args: [
      ['dirfd', 'Starting directory, or AT_FDCWD.'],
      ['pathname', 'The path.'],
      ['flags', 'OPEN_TREE_CLONE, OPEN_TREE_CLOEXEC, AT_RECURSIVE, AT_EMPTY_PATH, AT_SYMLINK_NOFOLLOW.'],
    ],
    returns: 'An fd referring to the tree.',
    errors: [
      [
        'EPERM',
        'OPEN_TREE_CLONE needs CAP_SYS_ADMIN in the user namespace that owns the mount namespace (without it, open_tree only opens a path and needs nothing).',
      ],
      ['ENOENT', 'The path does not exist.'],
      ['EINVAL', 'Bad flags, or cloning an unbindable mount.'],
    ],
  },
  open_tree_attr: {
    summary:
      'open_tree that also applies mount attributes (such as read-only or an id-mapping) to the detached copy in the same step (Linux 6.15).',
    args: [
      ['dirfd', 'Starting directory, or AT_FDCWD.'],
      ['pathname', 'The path.'],
      ['flags', 'As for open_tree.'],
      ['attr', 'struct mount_attr: attributes to set and clear, propagation, userns fd.'],
      ['size', 'Size of attr.'],
    ],
    returns: 'An fd referring to the tree.',
    errors: [MOUNT_PRIVILEGE, ['EINVAL', 'Bad attributes or flags.'], ['ENOSYS', 'Kernel older than 6.15.']],
  },
  move_mount: {
    summary:
      'Attaches a detached mount (from fsmount or open_tree) at a path, or moves an existing mount elsewhere.',
    args: [
      ['from_dirfd', 'The mount fd, or a directory for from_pathname.'],
      ['from_pathname', 'Path of the mount to move, or "" with MOVE_MOUNT_F_EMPTY_PATH.'],
      ['to_dirfd', 'Directory for to_pathname.'],
      ['to_pathname', 'Where to attach it.'],
      ['flags', 'MOVE_MOUNT_F_EMPTY_PATH, MOVE_MOUNT_T_*, MOVE_MOUNT_BENEATH, ...'],
    ],
    returns: '0 on success.',
    errors: [
      MOUNT_PRIVILEGE,
      ['ENOENT', 'A path does not exist.'],
      ['EINVAL', 'The source is not a mount or the move would create a loop.'],
    ],
  },
  fsopen: {
    summary:
      'Opens a "filesystem context" for a filesystem type, the first step of a new-API mount; settings are then given with fsconfig.',
    args: [
      ['fsname', 'The filesystem type, e.g. "ext4", "tmpfs", "overlay".'],
      ['flags', 'FSOPEN_CLOEXEC.'],
    ],
    returns: 'An fd for the filesystem context.',
    errors: [MOUNT_PRIVILEGE, ['ENODEV', 'Unknown filesystem type.']],
  },
  fsconfig: {
    summary:
      'Sets one parameter of a filesystem context (source device, an option like "mode=755"), or tells it to create the superblock (FSCONFIG_CMD_CREATE). Error messages can be read back from the fd.',
    args: [
      ['fd', 'The fsopen/fspick fd.'],
      ['cmd', 'FSCONFIG_SET_STRING, _SET_FLAG, _SET_FD, _CMD_CREATE, _CMD_RECONFIGURE, ...'],
      ['key', 'The parameter name.'],
      ['value', 'The value.'],
      ['aux', 'Extra integer (e.g. an fd).'],
    ],
    returns: '0 on success.',
    errors: [
      ['EINVAL', 'An unknown parameter or bad value (read the fd for the message).'],
      [
        'EPERM',
        'FSCONFIG_CMD_CREATE or _CMD_RECONFIGURE without CAP_SYS_ADMIN (the fd may have been opened by a process that had it).',
      ],
      ['EBUSY', 'The context is in the wrong state (e.g. FSCONFIG_CMD_CREATE a second time).'],
    ],
  },
  fsmount: {
    summary: 'Turns a configured filesystem context into a detached mount fd, ready for move_mount.',
    args: [
      ['fs_fd', 'The configured fsopen fd.'],
      ['flags', 'FSMOUNT_CLOEXEC.'],
      ['attr_flags', 'MOUNT_ATTR_RDONLY, _NOSUID, _NODEV, _NOEXEC, ...'],
    ],
    returns: 'A mount fd.',
    errors: [MOUNT_PRIVILEGE, ['EINVAL', 'The context was not created, or bad flags.']],
  },
  fspick: {
    summary:
      "Opens a filesystem context for an existing mount's superblock, to reconfigure it (the new-API remount).",
    args: [
      ['dirfd', 'Starting directory.'],
      ['pathname', 'A path on the mount.'],
      ['flags', 'FSPICK_CLOEXEC, FSPICK_SYMLINK_NOFOLLOW, ...'],
    ],
    returns: 'An fd for the filesystem context.',
    errors: [MOUNT_PRIVILEGE, ['ENOENT', 'No such path.']],
  },
  mount_setattr: {
    summary:
      'Changes attributes of a mount or a whole tree of mounts: read-only, nosuid, noexec, propagation, or an id-mapping (idmapped mounts, used for rootless containers).',
    args: [
      ['dirfd', 'Starting directory.'],
      ['pathname', 'The mount.'],
      ['flags', 'AT_RECURSIVE, AT_EMPTY_PATH, ...'],
      ['attr', 'struct mount_attr: attr_set, attr_clr, propagation, userns_fd.'],
      ['size', 'Size of attr.'],
    ],
    returns: '0 on success.',
    errors: [
      MOUNT_PRIVILEGE,
      ['EINVAL', 'Unsupported attributes (e.g. idmapping on a filesystem that does not allow it).'],
      ['EBUSY', 'MOUNT_ATTR_RDONLY while a file on the mount is open for writing.'],
    ],
  },
  statmount: {
    summary:
      'Describes one mount by its 64-bit mount id: source, mount point, filesystem type, options, propagation — a structured alternative to parsing /proc/self/mountinfo (Linux 6.8).',
    args: [
      ['req', 'struct mnt_id_req: the mount id and which fields are wanted.'],
      ['buf', 'Where to store struct statmount and its strings.'],
      ['bufsize', 'Buffer size.'],
      ['flags', '0.'],
    ],
    returns: '0 on success.',
    errors: [
      ['ENOENT', 'No mount with that id.'],
      ['EOVERFLOW', 'Buffer too small.'],
      ['EPERM', 'The mount is not visible from this namespace.'],
    ],
  },
  listmount: {
    summary:
      'Lists the ids of the mounts below a given mount (Linux 6.8); with statmount it replaces reading /proc/self/mountinfo.',
    args: [
      ['req', 'struct mnt_id_req: the parent mount id and where to continue.'],
      ['mnt_ids', 'Where to store the ids.'],
      ['nr_mnt_ids', 'Capacity.'],
      ['flags', 'LISTMOUNT_REVERSE or 0.'],
    ],
    returns: 'The number of ids stored.',
    errors: [
      ['ENOENT', 'No such mount.'],
      ['EPERM', 'Not visible from this namespace.'],
    ],
  },
};
