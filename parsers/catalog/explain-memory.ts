import type { SyscallExplanation } from './types.js';

/** The address space: mapping, protecting and advising on memory. */
export const MEMORY_EXPLANATIONS: Readonly<Record<string, SyscallExplanation>> = {
  brk: {
    summary:
      'Moves the end of the heap (the "program break"). malloc grows small heaps this way. Every dynamically linked program starts with brk(NULL), which only asks where the break currently is — the loader and libc do it in their first steps.',
    args: [['brk', 'The new end of the heap, or NULL/0 to just query the current end.']],
    returns:
      'The new (or current) program break. The raw syscall never returns -1: on failure it returns the old break unchanged, and glibc turns that into ENOMEM.',
    errors: [
      [
        'ENOMEM',
        '(reported by glibc, not the kernel) the heap could not grow: RLIMIT_DATA, or it would collide with another mapping.',
      ],
    ],
  },
  mmap: {
    summary:
      "Maps memory into the address space: either anonymous zero-filled memory (big malloc blocks, thread stacks) or a file (the loader maps each shared library this way: first the whole file read-only, then its code with PROT_EXEC and its data with PROT_WRITE at fixed offsets). Most lines of a program's start-up are mmaps.",
    args: [
      [
        'addr',
        'A hint for where to place the mapping, or the exact address with MAP_FIXED (the loader uses MAP_FIXED to lay library segments out inside a reserved range). NULL lets the kernel choose.',
      ],
      ['length', 'Size in bytes (rounded up to pages).'],
      [
        'prot',
        'Access: PROT_READ, PROT_WRITE, PROT_EXEC, or PROT_NONE (a reserved, inaccessible range such as a guard page).',
      ],
      [
        'flags',
        'MAP_PRIVATE (copy-on-write) or MAP_SHARED, plus MAP_ANONYMOUS, MAP_FIXED, MAP_DENYWRITE, MAP_STACK, MAP_NORESERVE, MAP_POPULATE...',
      ],
      ['fd', 'The file to map, or -1 for anonymous memory.'],
      ['offset', 'Where in the file the mapping starts (page-aligned).'],
    ],
    returns: 'The address of the new mapping.',
    errors: [
      [
        'ENOMEM',
        'No room in the address space, too many mappings (vm.max_map_count), or RLIMIT_AS/overcommit limits.',
      ],
      [
        'EACCES',
        "The fd's open mode does not allow the requested protection (e.g. PROT_WRITE|MAP_SHARED on a read-only fd).",
      ],
      ['EBADF', 'fd is not open and MAP_ANONYMOUS was not given.'],
      ['EINVAL', 'Zero length, misaligned addr or offset, or a bad flag combination.'],
      ['ENODEV', 'The file cannot be mapped (a directory, most /proc files).'],
      [
        'EPERM',
        'PROT_EXEC of a file on a noexec mount, a writable shared mapping of a file sealed against writes (F_SEAL_WRITE), or a security policy.',
      ],
    ],
  },
  munmap: {
    summary:
      'Removes a mapping (or part of one). free() of a big block, thread exit, and the loader dropping a temporary mapping all show up as munmap.',
    args: [
      ['addr', 'Start of the range (page-aligned).'],
      ['length', 'Size of the range.'],
    ],
    returns: '0 on success; unmapping a range that was not mapped is not an error.',
    errors: [
      ['EINVAL', 'addr is not page-aligned or length is 0.'],
      ['ENOMEM', 'Splitting a mapping would exceed the maximum number of mappings.'],
      ['EPERM', 'The range is sealed (mseal).'],
    ],
  },
  mprotect: {
    summary:
      'Changes the access rights of a range of memory. The loader uses it after relocating a library to make its relocation area read-only again (RELRO: "PROT_READ" on a few pages of each library), and thread libraries use PROT_NONE for stack guard pages; JIT compilers flip pages between writable and executable.',
    args: [
      ['addr', 'Start of the range (page-aligned).'],
      ['len', 'Length of the range.'],
      ['prot', 'New protection: PROT_NONE, PROT_READ, PROT_WRITE, PROT_EXEC combinations.'],
    ],
    returns: '0 on success.',
    errors: [
      [
        'EACCES',
        'The mapping is of a file opened without the needed mode (e.g. adding PROT_WRITE to a shared read-only file mapping), PROT_EXEC for a mapping of a file on a noexec mount (where mmap with PROT_EXEC says EPERM), or a W^X policy.',
      ],
      ['ENOMEM', 'Part of the range is not mapped.'],
      ['EINVAL', 'addr not page-aligned or unknown prot bits.'],
      ['EPERM', 'The range is sealed (mseal, Linux 6.10) or a security policy forbids the change.'],
    ],
  },
  mremap: {
    summary:
      'Grows, shrinks or moves an existing mapping without copying data; realloc of large blocks uses it.',
    args: [
      ['old_address', 'Start of the existing mapping.'],
      ['old_size', 'Its current size.'],
      ['new_size', 'The wanted size.'],
      ['flags', 'MREMAP_MAYMOVE (allowed to move), MREMAP_FIXED, MREMAP_DONTUNMAP.'],
      ['new_address', 'The target address with MREMAP_FIXED.'],
    ],
    returns: 'The (possibly new) address of the mapping.',
    errors: [
      ['ENOMEM', 'Cannot grow in place and MREMAP_MAYMOVE was not given, or no room.'],
      ['EFAULT', 'Part of the old range is not mapped.'],
      ['EINVAL', 'Bad alignment or flags.'],
    ],
  },
  msync: {
    summary: 'Writes changes made to a shared file mapping back to the file (the mmap counterpart of fsync).',
    args: [
      ['addr', 'Start of the range.'],
      ['length', 'Length of the range.'],
      ['flags', 'MS_SYNC (wait), MS_ASYNC (schedule), MS_INVALIDATE.'],
    ],
    returns: '0 on success.',
    errors: [
      ['ENOMEM', 'The range is not (fully) mapped.'],
      ['EINVAL', 'Misaligned addr or bad flags.'],
      ['EIO', 'Writing back failed.'],
    ],
  },
  mincore: {
    summary:
      'Reports which pages of a range are resident in RAM (not swapped out or not yet read from the file).',
    args: [
      ['addr', 'Start of the range (page-aligned).'],
      ['length', 'Length of the range.'],
      ['vec', 'One byte per page; bit 0 set if resident.'],
    ],
    returns: '0 on success.',
    errors: [['ENOMEM', 'Part of the range is not mapped.']],
  },
  madvise: {
    summary:
      'Gives the kernel a hint about how a memory range will be used: MADV_DONTNEED (drop these pages now; malloc returns memory this way), MADV_FREE, MADV_WILLNEED, MADV_HUGEPAGE, MADV_DONTFORK... glibc uses it on the stack guard of new threads.',
    args: [
      ['addr', 'Start of the range (page-aligned).'],
      ['length', 'Length of the range.'],
      ['advice', 'The MADV_... hint.'],
    ],
    returns: '0 on success.',
    errors: [
      [
        'EINVAL',
        'Unknown advice, misaligned addr, or advice that does not apply to this kind of mapping (e.g. MADV_DONTNEED on locked pages).',
      ],
      ['ENOMEM', 'Part of the range is not mapped.'],
      ['EPERM', 'MADV_HWPOISON without CAP_SYS_ADMIN, or a sealed range.'],
    ],
  },
  mlock: {
    summary: 'Locks pages in RAM so they are never swapped out (for secrets or real-time code).',
    args: [
      ['addr', 'Start of the range.'],
      ['len', 'Length of the range.'],
    ],
    returns: '0 on success.',
    errors: [
      ['ENOMEM', 'Would exceed RLIMIT_MEMLOCK (without CAP_IPC_LOCK), or the range is not mapped.'],
      ['EPERM', 'RLIMIT_MEMLOCK is 0 and the caller lacks CAP_IPC_LOCK.'],
    ],
  },
  munlock: {
    summary: 'Unlocks pages locked by mlock, letting them be swapped again.',
    args: [
      ['addr', 'Start of the range.'],
      ['len', 'Length of the range.'],
    ],
    returns: '0 on success.',
    errors: [['ENOMEM', 'Part of the range is not mapped.']],
  },
  mlockall: {
    summary: 'Locks all current (and optionally future) pages of the process in RAM.',
    args: [['flags', 'MCL_CURRENT, MCL_FUTURE, MCL_ONFAULT.']],
    returns: '0 on success.',
    errors: [
      ['ENOMEM', 'The process is bigger than RLIMIT_MEMLOCK allows.'],
      ['EPERM', 'No CAP_IPC_LOCK and RLIMIT_MEMLOCK is 0.'],
      ['EINVAL', 'Unknown flags.'],
    ],
  },
  munlockall: {
    summary: 'Unlocks all pages of the process, undoing mlockall and mlock.',
    args: [],
    returns: '0 on success.',
    errors: [],
  },
  get_mempolicy: {
    summary:
      'Reads the NUMA memory policy (which memory nodes allocations come from). Language runtimes and libnuma query it at start-up.',
    args: [
      ['mode', 'Where to store the policy mode (MPOL_DEFAULT, MPOL_BIND, ...).'],
      ['nodemask', 'Where to store the node mask.'],
      ['maxnode', 'Number of bits in nodemask.'],
      ['addr', 'An address to ask about, with MPOL_F_ADDR.'],
      ['flags', 'MPOL_F_NODE, MPOL_F_ADDR, MPOL_F_MEMS_ALLOWED.'],
    ],
    returns: '0 on success.',
    errors: [
      ['ENOSYS', 'The kernel was built without NUMA support.'],
      ['EINVAL', 'maxnode too small or bad flags.'],
    ],
  },
  set_mempolicy: {
    summary: 'Sets the NUMA memory policy for the calling thread (`numactl --membind` uses it).',
    args: [
      ['mode', 'MPOL_DEFAULT, MPOL_BIND, MPOL_INTERLEAVE, MPOL_PREFERRED, ... plus mode flags.'],
      ['nodemask', 'The nodes the policy applies to.'],
      ['maxnode', 'Number of bits in nodemask.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EINVAL', 'Bad mode or a node mask not allowed by the cpuset cgroup.'],
      ['ENOSYS', 'No NUMA support in this kernel.'],
    ],
  },
  mbind: {
    summary: 'Sets the NUMA memory policy for one range of memory.',
    args: [
      ['addr', 'Start of the range.'],
      ['len', 'Length of the range.'],
      ['mode', 'The policy mode.'],
      ['nodemask', 'The nodes.'],
      ['maxnode', 'Number of bits in nodemask.'],
      ['flags', 'MPOL_MF_STRICT, MPOL_MF_MOVE, ...'],
    ],
    returns: '0 on success.',
    errors: [
      ['EINVAL', 'Bad mode, range or flags.'],
      ['EIO', 'MPOL_MF_STRICT and some pages are on the wrong node.'],
    ],
  },
  pkey_mprotect: {
    summary:
      'Like mprotect, and also tags the range with a memory protection key, so a thread can later switch access to all ranges with that key on and off cheaply in user space.',
    args: [
      ['addr', 'Start of the range.'],
      ['len', 'Length of the range.'],
      ['prot', 'The PROT_... bits.'],
      ['pkey', 'The key from pkey_alloc, or -1.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EINVAL', 'pkey not allocated, or the CPU lacks protection keys.'],
      ['ENOMEM', 'Part of the range is not mapped.'],
    ],
  },
  memfd_secret: {
    summary:
      'Creates a file descriptor for "secret" memory that is removed from the kernel\'s own direct map, so not even the kernel can easily read it — for keys and credentials.',
    args: [['flags', '0 or FD_CLOEXEC.']],
    returns: 'A new fd, to be sized with ftruncate and mapped with mmap.',
    errors: [
      [
        'ENOSYS',
        'Not built in, or disabled with secretmem.enable=0 on the kernel command line (before 6.5 it was off by default).',
      ],
    ],
  },
  mseal: {
    summary:
      'Seals a memory range so its mappings can no longer be changed: no munmap, mremap, mprotect or madvise(DONTNEED) on it. Chrome and hardened runtimes use it to protect sensitive mappings against exploitation (Linux 6.10).',
    args: [
      ['addr', 'Start of the range (page-aligned).'],
      ['len', 'Length of the range.'],
      ['flags', 'Must be 0.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EINVAL', 'Misaligned address or non-zero flags.'],
      ['ENOMEM', 'The range is not fully mapped.'],
      ['EPERM', '(on later changes) the range is sealed.'],
    ],
  },
  userfaultfd: {
    summary:
      'Creates an fd through which a process handles its own page faults in user space (live migration, lazy restore). Often restricted: vm.unprivileged_userfaultfd.',
    args: [['flags', 'O_CLOEXEC, O_NONBLOCK, UFFD_USER_MODE_ONLY.']],
    returns: 'A new fd.',
    errors: [
      ['EPERM', 'Unprivileged userfaultfd is disabled and the caller lacks CAP_SYS_PTRACE.'],
      ['EINVAL', 'Unknown flags.'],
    ],
  },
  mlock2: {
    summary:
      'mlock with flags: MLOCK_ONFAULT locks pages only as they are first touched instead of all at once.',
    args: [
      ['addr', 'Start of the range.'],
      ['len', 'Length of the range.'],
      ['flags', '0 or MLOCK_ONFAULT.'],
    ],
    returns: '0 on success.',
    errors: [
      ['ENOMEM', 'Over RLIMIT_MEMLOCK or range not mapped.'],
      ['EINVAL', 'Unknown flags.'],
      ['EPERM', 'No CAP_IPC_LOCK and a zero limit.'],
    ],
  },
  pkey_alloc: {
    summary:
      'Allocates a memory protection key (x86 PKU / arm64 POE): a tag for memory ranges whose access rights a thread can change instantly in a register.',
    args: [
      ['flags', 'Must be 0.'],
      ['access_rights', 'Initial rights: 0, PKEY_DISABLE_ACCESS or PKEY_DISABLE_WRITE.'],
    ],
    returns: 'The new key number.',
    errors: [
      ['ENOSPC', 'All keys are in use.'],
      ['EINVAL', 'The CPU has no protection keys or bad arguments.'],
    ],
  },
  pkey_free: {
    summary: 'Frees a memory protection key so pkey_alloc can hand it out again.',
    args: [['pkey', 'The key from pkey_alloc.']],
    returns: '0 on success.',
    errors: [['EINVAL', 'The key is not allocated.']],
  },
  migrate_pages: {
    summary: 'Moves all pages of a process from one set of NUMA nodes to another (`migratepages`).',
    args: [
      ['pid', 'The process; 0 means the caller.'],
      ['maxnode', 'Bits in the node masks.'],
      ['old_nodes', 'Nodes to move from.'],
      ['new_nodes', 'Nodes to move to.'],
    ],
    returns: 'The number of pages that could not be moved.',
    errors: [
      ['EPERM', "Moving another user's pages needs CAP_SYS_NICE."],
      ['ESRCH', 'No such process.'],
      ['EINVAL', 'Bad node masks.'],
    ],
  },
  move_pages: {
    summary: 'Moves specific pages of a process to given NUMA nodes, or reports which node each page is on.',
    args: [
      ['pid', 'The process; 0 means the caller.'],
      ['count', 'Number of pages.'],
      ['pages', 'Array of page addresses.'],
      ['nodes', 'Target node per page, or NULL to only query.'],
      ['status', "Where to store each page's node or an error."],
      ['flags', 'MPOL_MF_MOVE or MPOL_MF_MOVE_ALL.'],
    ],
    returns: '0, or the number of pages not moved.',
    errors: [
      ['EPERM', "MPOL_MF_MOVE_ALL or another user's process without CAP_SYS_NICE."],
      ['ESRCH', 'No such process.'],
      ['ENODEV', 'A target node is offline.'],
    ],
  },
  set_mempolicy_home_node: {
    summary:
      'Sets the preferred "home" NUMA node for a range that already has an MPOL_BIND or MPOL_PREFERRED_MANY policy.',
    args: [
      ['start', 'Start of the range.'],
      ['len', 'Length.'],
      ['home_node', 'The node.'],
      ['flags', 'Must be 0.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EINVAL', 'Bad node, range or flags.'],
      ['EOPNOTSUPP', "The range's policy does not support a home node."],
    ],
  },
  map_shadow_stack: {
    summary:
      'Maps a new shadow stack for CET user shadow stacks (Linux 6.6): a protected copy of return addresses that the CPU checks on every return, defeating return-oriented programming. glibc maps one per thread when shadow stacks are enabled.',
    args: [
      ['addr', 'Wanted address, or 0.'],
      ['size', 'Size of the shadow stack.'],
      ['flags', 'SHADOW_STACK_SET_TOKEN, SHADOW_STACK_SET_MARKER.'],
    ],
    returns: 'The address of the new shadow stack.',
    errors: [
      ['EINVAL', 'Bad size or flags, or shadow stacks are not supported.'],
      ['ENOMEM', 'No room.'],
    ],
  },
  remap_file_pages: {
    summary:
      'Rearranges which file pages back a shared file mapping (deprecated; the kernel now emulates it with separate mappings).',
    args: [
      ['addr', 'Start of the range inside a shared mapping.'],
      ['size', 'Length.'],
      ['prot', 'Must be 0.'],
      ['pgoff', 'The file page to map there.'],
      ['flags', 'Only MAP_NONBLOCK is accepted.'],
    ],
    returns: '0 on success.',
    errors: [['EINVAL', 'Not a shared file mapping, or bad arguments.']],
  },
};
