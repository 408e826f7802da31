import type { SyscallExplanation } from './types.js';

/** Talking between processes: pipes, eventfd, memfd, System V IPC, keyrings. */
export const IPC_EXPLANATIONS: Readonly<Record<string, SyscallExplanation>> = {
  pipe: {
    summary:
      "Creates a pipe: a one-way byte channel with a read end and a write end. A shell pipeline `a | b` is a pipe whose write end becomes a's stdout and read end b's stdin (via dup2).",
    args: [['pipefd', 'Where to store the two fds: [read end, write end].']],
    returns: '0 on success.',
    errors: [
      ['EMFILE', 'Too many open fds.'],
      ['ENFILE', 'System-wide file limit reached.'],
    ],
  },
  pipe2: {
    summary:
      "pipe with flags; what glibc uses, usually with O_CLOEXEC so the pipe does not leak into exec'd programs.",
    args: [
      ['pipefd', 'Where to store [read end, write end].'],
      ['flags', 'O_CLOEXEC, O_NONBLOCK, O_DIRECT.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EMFILE', 'Too many open fds.'],
      ['EINVAL', 'Unknown flags.'],
    ],
  },
  eventfd: {
    summary:
      'Creates an eventfd (old form without flags): a counter in the kernel that can be read, written and polled — a light wake-up channel.',
    args: [['initval', 'Initial counter value.']],
    returns: 'The new fd.',
    errors: [['EMFILE', 'Too many open fds.']],
  },
  eventfd2: {
    summary:
      'Creates an eventfd: a 64-bit counter usable as a wake-up signal between threads or with epoll (event loops use one to wake themselves).',
    args: [
      ['initval', 'Initial counter value.'],
      ['flags', 'EFD_CLOEXEC, EFD_NONBLOCK, EFD_SEMAPHORE.'],
    ],
    returns: 'The new fd.',
    errors: [
      ['EMFILE', 'Too many open fds.'],
      ['EINVAL', 'Unknown flags.'],
    ],
  },
  memfd_create: {
    summary:
      "Creates an anonymous file that lives in memory and has no path; it can be written, mapped, sealed, shared by passing the fd, and even exec'd (with execveat). Used for shared memory, JIT code, and by runc to copy itself before entering a container.",
    args: [
      ['name', 'A label shown in /proc/PID/fd ("memfd:NAME"); need not be unique.'],
      ['flags', 'MFD_CLOEXEC, MFD_ALLOW_SEALING, MFD_HUGETLB, MFD_NOEXEC_SEAL, MFD_EXEC.'],
    ],
    returns: 'The new fd.',
    errors: [
      ['EINVAL', 'Name too long or unknown flags.'],
      ['EMFILE', 'Too many open fds.'],
      ['EPERM', 'MFD_EXEC refused by vm.memfd_noexec policy.'],
    ],
  },
  shmget: {
    summary:
      'Gets or creates a System V shared memory segment identified by a key. Older databases and X11 use it. IPC objects are per IPC namespace (`unshare -i`).',
    args: [
      ['key', 'The key, or IPC_PRIVATE for a new private segment.'],
      ['size', 'Segment size in bytes.'],
      ['shmflg', 'IPC_CREAT, IPC_EXCL and permission bits.'],
    ],
    returns: 'The segment id.',
    errors: [
      ['ENOENT', 'No segment for this key and IPC_CREAT not given.'],
      ['EEXIST', 'IPC_CREAT|IPC_EXCL and it exists.'],
      ['EINVAL', 'Size outside limits (kernel.shmmax).'],
      ['ENOSPC', 'Too many segments or too much shared memory system-wide.'],
      ['EACCES', 'No permission on the existing segment.'],
    ],
  },
  shmat: {
    summary: 'Maps a System V shared memory segment into the address space.',
    args: [
      ['shmid', 'The segment id.'],
      ['shmaddr', 'Where to map it, or NULL.'],
      ['shmflg', 'SHM_RDONLY, SHM_RND, ...'],
    ],
    returns: 'The address where it is mapped.',
    errors: [
      ['EACCES', 'No permission.'],
      ['EINVAL', 'Bad id or address.'],
      ['EIDRM', 'The segment was removed.'],
    ],
  },
  shmdt: {
    summary:
      'Unmaps a System V shared memory segment from the caller; the segment itself lives on until it is removed with IPC_RMID and nobody has it attached.',
    args: [['shmaddr', 'The address returned by shmat.']],
    returns: '0 on success.',
    errors: [['EINVAL', 'No segment attached there.']],
  },
  shmctl: {
    summary:
      'Controls a System V shared memory segment: query (IPC_STAT), change permissions (IPC_SET), mark for removal (IPC_RMID).',
    args: [
      ['shmid', 'The segment id.'],
      ['cmd', 'IPC_STAT, IPC_SET, IPC_RMID, IPC_INFO, SHM_LOCK, ...'],
      ['buf', 'struct shmid_ds in or out.'],
    ],
    returns: '0, or an index/id for the INFO commands.',
    errors: [
      ['EPERM', 'Not the owner/creator and not privileged.'],
      ['EINVAL', 'Bad id or command.'],
      ['EACCES', 'No read permission for IPC_STAT.'],
    ],
  },
  msgget: {
    summary: 'Gets or creates a System V message queue.',
    args: [
      ['key', 'The key, or IPC_PRIVATE.'],
      ['msgflg', 'IPC_CREAT, IPC_EXCL and permission bits.'],
    ],
    returns: 'The queue id.',
    errors: [
      ['ENOENT', 'No queue for this key.'],
      ['EEXIST', 'Exists and IPC_EXCL given.'],
      ['ENOSPC', 'Too many queues.'],
    ],
  },
  semget: {
    summary: 'Gets or creates a System V semaphore set.',
    args: [
      ['key', 'The key, or IPC_PRIVATE.'],
      ['nsems', 'Number of semaphores in the set.'],
      ['semflg', 'IPC_CREAT, IPC_EXCL and permission bits.'],
    ],
    returns: 'The set id.',
    errors: [
      ['ENOENT', 'No set for this key.'],
      ['EEXIST', 'Exists and IPC_EXCL given.'],
      ['ENOSPC', 'Limit on sets or semaphores reached.'],
    ],
  },
  semop: {
    summary:
      'Performs operations (wait/decrement, signal/increment) on semaphores of a System V set, atomically.',
    args: [
      ['semid', 'The set id.'],
      ['sops', 'Array of struct sembuf (number, op, flags).'],
      ['nsops', 'How many operations.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EAGAIN', 'IPC_NOWAIT and the operation would block.'],
      ['EIDRM', 'The set was removed while waiting.'],
      ['EINTR', 'Interrupted while waiting.'],
      ['E2BIG', 'Too many operations.'],
    ],
  },
  keyctl: {
    summary:
      'Manipulates the kernel key retention service (keyrings holding credentials for NFS, encryption, Kerberos). Container runtimes often block it with seccomp because keyrings were not namespaced.',
    args: [
      ['operation', 'KEYCTL_... command.'],
      ['arg2', 'Command argument.'],
      ['arg3', 'Command argument.'],
      ['arg4', 'Command argument.'],
      ['arg5', 'Command argument.'],
    ],
    returns: 'Depends on the operation (a key serial, a length, or 0).',
    errors: [
      ['ENOKEY', 'No such key.'],
      ['EACCES', "The key's permissions do not allow this operation."],
      ['EKEYEXPIRED', "The key's timeout has passed."],
      ['EDQUOT', "The user's key quota (/proc/sys/kernel/keys/maxbytes, maxkeys) would be exceeded."],
      [
        'EPERM',
        "Refused by a seccomp profile: Docker's default profile answers EPERM to keyctl, add_key and request_key, because keys are not namespaced.",
      ],
      ['ENOSYS', 'Not built into this kernel, or a seccomp filter that answers ENOSYS.'],
    ],
  },
  add_key: {
    summary: 'Adds a key (a named piece of data such as a credential) to a kernel keyring.',
    args: [
      ['type', 'Key type, e.g. "user", "keyring", "logon".'],
      ['description', "The key's name."],
      ['payload', 'The key data.'],
      ['plen', 'Payload length.'],
      ['keyring', 'The keyring to add it to (e.g. KEY_SPEC_SESSION_KEYRING).'],
    ],
    returns: "The new key's serial number.",
    errors: [
      ['EDQUOT', "The user's key quota (/proc/sys/kernel/keys/maxbytes, maxkeys) would be exceeded."],
      ['EINVAL', 'An empty description, or a payload the key type refuses (a "user" key over 32767 bytes).'],
      ['EACCES', 'The keyring does not grant write permission.'],
      ['ENODEV', 'No such key type.'],
      ['EPERM', 'A type name starting with "." (kernel-internal types), or a seccomp profile refusing keys.'],
    ],
  },
  request_key: {
    summary: 'Looks for a key, optionally asking user space (/sbin/request-key) to create it.',
    args: [
      ['type', 'Key type.'],
      ['description', 'Key name.'],
      ['callout_info', 'Data for the helper, or NULL.'],
      ['dest_keyring', 'Where to link the found key.'],
    ],
    returns: "The key's serial number.",
    errors: [
      ['ENOKEY', 'No such key (an expired one is skipped as if absent) and no callout to create one.'],
      ['EKEYEXPIRED', 'The key service rejected the construction of the key with this error.'],
      ['EKEYREVOKED', 'The matching key was revoked.'],
    ],
  },
};
