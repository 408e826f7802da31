/**
 * Plain explanations of every errno in errno-table.ts, in the project's own words. Common ones say what they
 * usually mean in a trace; the obscure STREAMS/ISDN-era ones say so, since seeing one is itself a clue.
 */
export const ERRNO_EXPLANATIONS: Readonly<Record<string, string>> = {
  EPERM:
    'The kernel refused because the caller lacks a privilege, not because of file permission bits. Typical causes: a missing capability (CAP_SYS_ADMIN for mount, CAP_SYS_CHROOT for chroot, CAP_SETUID for setuid), acting on another user\'s process, or a seccomp filter or LSM that says "no". Compare EACCES, which is about permission bits and search rights on paths.',
  ENOENT:
    'Something named does not exist: usually a path component (file or directory) is missing. In traces most ENOENTs are harmless probes (the dynamic loader trying library directories, locale files, /etc/ld.so.preload). For execve it can also mean the program exists but its ELF interpreter (e.g. /lib64/ld-linux-x86-64.so.2) or a #! interpreter is missing — the classic failing chroot.',
  ESRCH:
    'No process, thread or process group matches the id given (kill, tgkill, setpgid, ptrace, sched_*). Often the target has already exited. In a PID namespace it can also mean the pid is not visible from here.',
  EINTR:
    'The call was interrupted by a signal before it finished, and the kernel did not restart it (no SA_RESTART, or a call that is never restarted). The program is expected to retry. strace often shows the kernel-internal ERESTART* codes instead, one step earlier.',
  EIO: 'A low-level input/output error: the device, disk, filesystem or terminal failed. Reading from a terminal by a background process group and bad sectors both show up as EIO. Rare in ordinary traces and usually worth investigating.',
  ENXIO:
    'No such device or address: the file exists but the device behind it is absent or not configured (a device node with no driver, a FIFO opened for writing with no reader in non-blocking mode, opening /dev/tty with no controlling terminal).',
  E2BIG:
    'Argument list too long: execve was given argv plus environment larger than the kernel allows (about a quarter of the stack limit, with a per-string cap). Also used by a few calls for "this buffer or structure is too big".',
  ENOEXEC:
    'Exec format error: execve found the file but it is not something the kernel can run — not ELF, wrong architecture, corrupt header, or a script with no #! line. Shells fall back to running such files as shell scripts themselves.',
  EBADF:
    'Bad file descriptor: the fd number is not open, or it is open in the wrong mode (writing to an fd opened read-only). Seeing close(fd) = -1 EBADF usually means double-close or a program closing a range of fds defensively.',
  ECHILD:
    'No child processes to wait for: wait4/waitid found no (matching) children. Common and harmless when a shell reaps children in a loop until nothing is left, or when SIGCHLD is ignored so children are reaped automatically.',
  EAGAIN:
    'Try again: the operation would block on a non-blocking fd (no data yet, buffer full), or a resource is temporarily exhausted (fork hitting RLIMIT_NPROC, memory locking limits). Same number as EWOULDBLOCK. Event loops see it constantly and simply wait for readiness.',
  ENOMEM:
    'Out of memory: the kernel could not allocate memory, or an address-space operation failed (mmap or brk cannot fit, too many mappings, an mprotect/munmap range that is not mapped). Also used for limits on kernel objects, e.g. too many namespaces.',
  EACCES:
    'Permission denied by the permission bits, ACLs or search rights: a directory on the path is not searchable (x), the file is not readable/writable/executable for this user, or execve of a file on a noexec mount (mmap with PROT_EXEC there says EPERM instead). Compare EPERM (a missing privilege or a policy refusal). For execve, EACCES often means the file lacks x or is not a regular file.',
  EFAULT:
    "Bad address: a pointer argument points outside the process's accessible memory. Real programs rarely get it; it usually means a bug, or a deliberately bad pointer in a test.",
  ENOTBLK:
    'A block device was required (for example the source of a mount of a disk filesystem) but the path is some other kind of file.',
  EBUSY:
    'Device or resource busy: something is in use and cannot be changed now. umount of a filesystem with open files or a process cwd inside it, a read-only remount while files are open for writing, or pivot_root when new_root or put_old is on the current root mount (pivot_root("/", "/old"), or a new root that was not bind-mounted onto itself) are typical.',
  EEXIST:
    'File exists: asked to create something that is already there (open with O_CREAT|O_EXCL, mkdir, link, symlink, mknod), or an IPC key/namespace object that already exists.',
  EXDEV:
    'Cross-device link: rename or link across two different mounts (even two bind mounts of the same filesystem). Tools like mv react by copying and deleting instead. copy_file_range between files whose filesystems cannot copy to each other (cat then falls back to read and write), and openat2 with RESOLVE_BENEATH or RESOLVE_NO_XDEV when a path would leave the tree, say it too.',
  ENODEV:
    'No such device: the filesystem type is not known to the kernel (mount -t with an unloaded module), the device has no driver, or mmap was tried on a file that cannot be mapped.',
  ENOTDIR:
    'Not a directory: a path component used as a directory is a regular file (e.g. /etc/passwd/x), or a call that needs a directory (chdir, openat with O_DIRECTORY, a dirfd) got something else.',
  EISDIR:
    'Is a directory: tried to open a directory for writing, read() from a directory fd, or unlink (not rmdir) a directory.',
  EINVAL:
    'Invalid argument: some argument value is not acceptable — unknown flags, a bad combination, a misaligned address, a negative length, or an operation this object does not support. It is the kernel\'s generic "you asked for something that makes no sense here"; check the call\'s flags first.',
  ENFILE:
    'The whole system has reached its limit of open files (fs.file-max). Rare; compare EMFILE, the per-process limit.',
  EMFILE:
    'This process has reached its own limit on open file descriptors (RLIMIT_NOFILE, often 1024 soft). Usually an fd leak, or a server needing a higher ulimit -n.',
  ENOTTY:
    'Inappropriate ioctl for device: the ioctl request does not apply to this kind of file. By far the most common case in traces is a program asking "is this a terminal?" (TCGETS) on a pipe or file — harmless, it is how isatty() says no.',
  ETXTBSY:
    'Text file busy: trying to write to an executable that is currently running, or to execute a file that is open for writing (e.g. a binary still being copied).',
  EFBIG:
    'File too large: a write or truncate would exceed the maximum file size for this filesystem or the RLIMIT_FSIZE limit (which also raises SIGXFSZ).',
  ENOSPC:
    'No space left on device: the filesystem is full, or out of inodes. Also returned for other "no room" cases: too many inotify watches, no free space in a keyring.',
  ESPIPE:
    'Illegal seek: lseek (or pread/pwrite with an offset) on a pipe, socket or FIFO, which have no file position. Harmless when a library probes whether its input is seekable.',
  EROFS:
    'Read-only file system: tried to modify something on a filesystem mounted read-only (a ro bind mount in a container, /proc/sys entries, a squashfs).',
  EMLINK:
    'Too many links: the file already has the maximum number of hard links, or a directory has too many subdirectories.',
  EPIPE:
    'Broken pipe: wrote to a pipe or socket whose reading end is closed. The kernel also sends SIGPIPE, which kills the writer unless ignored — this is how `yes | head` stops.',
  EDOM: 'A math argument out of domain. Essentially never returned by the kernel; it comes from the C math library.',
  ERANGE:
    'Result out of range: a value or buffer is too small or too large (for example getcwd or getxattr with a buffer that is too small).',
  EDEADLK:
    'The kernel detected that taking this lock would deadlock (fcntl record locks, robust futexes). Same number as EDEADLOCK.',
  ENAMETOOLONG:
    'File name too long: a path exceeds PATH_MAX (4096) or a single component exceeds NAME_MAX (usually 255).',
  ENOLCK: 'No locks available: the kernel (or an NFS lock manager) cannot record another file lock.',
  ENOSYS:
    'Function not implemented: this kernel does not know this syscall number (too old, or a feature compiled out), or a seccomp filter is configured to pretend so. glibc probes new calls (clone3, faccessat2, rseq) and falls back to older ones when it sees ENOSYS, so it is often harmless in traces.',
  ENOTEMPTY: 'Directory not empty: rmdir or rename onto a directory that still has entries.',
  ELOOP:
    'Too many levels of symbolic links (a symlink loop), or a symlink was found where O_NOFOLLOW or RESOLVE_NO_SYMLINKS forbade one.',
  ENOMSG:
    'No message of the desired type: a System V message queue has no matching message (msgrcv with IPC_NOWAIT).',
  EIDRM:
    'Identifier removed: the System V IPC object (semaphore set, message queue) was deleted while the caller was using or waiting on it.',
  ECHRNG: 'Channel number out of range. A legacy code; modern kernels hardly use it.',
  EL2NSYNC: 'Level 2 not synchronized. A legacy code from old STREAMS/ISDN drivers; not seen in practice.',
  EL3HLT: 'Level 3 halted. A legacy code; not seen in practice.',
  EL3RST: 'Level 3 reset. A legacy code; not seen in practice.',
  ELNRNG: 'Link number out of range. A legacy code; not seen in practice.',
  EUNATCH: 'Protocol driver not attached. A legacy code; rarely used (some Bluetooth/network drivers).',
  ENOCSI: 'No CSI structure available. A legacy code; not seen in practice.',
  EL2HLT: 'Level 2 halted. A legacy code; not seen in practice.',
  EBADE: 'Invalid exchange. A legacy code; some filesystems reuse it for internal corruption reports.',
  EBADR: 'Invalid request descriptor. A legacy code; rarely used.',
  EXFULL: 'Exchange full. A legacy code; not seen in practice.',
  ENOANO: 'No anode. A legacy code; not seen in practice.',
  EBADRQC: 'Invalid request code. A legacy code; a few drivers use it for unknown commands.',
  EBADSLT: 'Invalid slot. A legacy code; not seen in practice.',
  EBFONT: 'Bad font file format. A legacy code; not seen in practice.',
  ENOSTR: 'Device not a stream (STREAMS). Linux has no STREAMS; not seen in practice.',
  ENODATA:
    'No data available. In traces this is almost always getxattr/lgetxattr saying "this file has no such extended attribute" — e.g. ls probing security.selinux or system.posix_acl_access. Harmless.',
  ETIME: 'Timer expired: a STREAMS-era timeout code, reused by a few drivers (and by io_uring timeouts).',
  ENOSR: 'Out of STREAMS resources. Not used by modern Linux.',
  ENONET: 'Machine is not on the network. A legacy code; rarely seen.',
  ENOPKG:
    'Package not installed: the kernel lacks a needed algorithm or module (used by the crypto and key subsystems).',
  EREMOTE: 'Object is remote. A legacy NFS-era code; rarely seen.',
  ENOLINK: 'Link has been severed. A legacy code; occasionally used by network filesystems.',
  EADV: 'Advertise error. A legacy code; not seen in practice.',
  ESRMNT: 'Srmount error. A legacy code; not seen in practice.',
  ECOMM: 'Communication error on send. A legacy code; rarely used.',
  EPROTO:
    'Protocol error: a lower-level protocol (USB, a network filesystem, a netlink exchange) went wrong.',
  EMULTIHOP: 'Multihop attempted. A legacy code; not seen in practice.',
  EDOTDOT: 'RFS-specific error. A legacy code; not seen in practice.',
  EBADMSG:
    'Bad message: data with an invalid format or a failed checksum (used by filesystems for corrupt metadata and by some crypto code).',
  EOVERFLOW:
    'Value too large for defined data type: a result does not fit the structure the caller used, e.g. a 32-bit stat on a file larger than 2 GiB, or an offset past what the type can hold.',
  ENOTUNIQ: 'Name not unique on network. A legacy code; not seen in practice.',
  EBADFD:
    'File descriptor in bad state: the fd is open but its object is not ready for this (used by sound and some socket code).',
  EREMCHG: 'Remote address changed. A legacy code; not seen in practice.',
  ELIBACC:
    'Cannot access a needed shared library (a.out era). Modern dynamic loaders report errors in their own messages instead.',
  ELIBBAD:
    'Accessing a corrupted shared library. Today execve returns it when the ELF interpreter a program names exists but is not an ELF file for this machine (a text file, a loader for another architecture).',
  ELIBSCN: '.lib section in a.out corrupted. Not seen on modern systems.',
  ELIBMAX: 'Attempting to link in too many shared libraries (a.out era). Not seen on modern systems.',
  ELIBEXEC: 'Cannot exec a shared library directly (a.out era). Not seen on modern systems.',
  EILSEQ:
    'Invalid or incomplete multibyte or wide character: bad encoding, usually from user-space conversion functions, sometimes from filesystems that enforce UTF-8 names.',
  ERESTART:
    'Interrupted system call should be restarted. A legacy user-visible code; the kernel uses ERESTARTSYS and friends internally instead.',
  ESTRPIPE: 'Streams pipe error; used by the sound subsystem when a stream is suspended.',
  EUSERS: 'Too many users: a quota or per-user table is full. Rare.',
  ENOTSOCK:
    'Socket operation on non-socket: a socket call (send, connect, getsockopt...) got an fd that is a file, pipe or terminal.',
  EDESTADDRREQ:
    'Destination address required: sending on an unconnected datagram socket without giving an address.',
  EMSGSIZE:
    'Message too long: a datagram is larger than the socket or protocol allows, or a netlink/System V message is too big.',
  EPROTOTYPE:
    'Protocol wrong type for socket: e.g. connect on a unix socket of a different type (stream vs datagram) than the listener.',
  ENOPROTOOPT: 'Protocol not available: getsockopt/setsockopt with an option this protocol does not support.',
  EPROTONOSUPPORT:
    'Protocol not supported: socket() asked for a protocol this address family does not offer, or the kernel module is missing.',
  ESOCKTNOSUPPORT: 'Socket type not supported in this address family.',
  EOPNOTSUPP:
    "Operation not supported on this object: a filesystem without this feature (no xattrs, no O_TMPFILE, no fallocate mode), or a socket that cannot do this (listen on UDP). glibc's ENOTSUP is the same number.",
  EPFNOSUPPORT: 'Protocol family not supported.',
  EAFNOSUPPORT:
    'Address family not supported: socket(AF_INET6, ...) on a kernel without IPv6, or an address of the wrong family passed to connect/bind. Inside a network namespace some families may be unavailable.',
  EADDRINUSE:
    'Address already in use: bind to a port (or a unix socket path) that something else holds, often a previous server still in TIME_WAIT without SO_REUSEADDR.',
  EADDRNOTAVAIL:
    'Cannot assign requested address: bind to an IP not configured on any interface here — common in a fresh network namespace that only has lo.',
  ENETDOWN: 'Network is down: the interface needed is down.',
  ENETUNREACH:
    'Network is unreachable: no route to the destination network. Typical inside `unshare -n`, where only a down (or just lo) interface exists and there is no default route.',
  ENETRESET: 'Network dropped connection on reset.',
  ECONNABORTED:
    'Software caused connection abort: a connection was aborted locally, often seen by accept() when the client gave up.',
  ECONNRESET:
    'Connection reset by peer: the other side closed abruptly (sent RST), e.g. it crashed or closed with unread data.',
  ENOBUFS: 'No buffer space available: the kernel ran out of socket buffers, or a netlink socket overflowed.',
  EISCONN: 'Transport endpoint is already connected: connect() on a socket that is already connected.',
  ENOTCONN:
    'Transport endpoint is not connected: send/recv/getpeername on a stream socket that never connected or has been shut down.',
  ESHUTDOWN: 'Cannot send after transport endpoint shutdown: writing after shutdown(SHUT_WR).',
  ETOOMANYREFS: 'Too many references: passing too many fds (or nested SCM_RIGHTS) over a unix socket.',
  ETIMEDOUT:
    'Connection timed out: the peer never answered (TCP connect, a futex or lock wait with a timeout, an NFS server).',
  ECONNREFUSED:
    'Connection refused: nothing is listening at that address/port (or unix socket path exists but no server accepts). Very common when a program probes for an optional daemon like nscd.',
  EHOSTDOWN: 'Host is down.',
  EHOSTUNREACH:
    'No route to host: the destination host cannot be reached (no route, or an ICMP unreachable came back).',
  EALREADY:
    'Operation already in progress: a second connect() on a non-blocking socket whose first connect is still pending.',
  EINPROGRESS:
    'Operation now in progress: a non-blocking connect() has started; the program will learn the result later via poll/epoll and SO_ERROR. Not a failure.',
  ESTALE:
    'Stale file handle: the file an NFS handle (or open_by_handle_at handle) refers to no longer exists on the server.',
  EUCLEAN: 'Structure needs cleaning: the filesystem found corruption (ext4, XFS, btrfs use it); run fsck.',
  ENOTNAM: 'Not a XENIX named type file. A legacy code; not seen in practice.',
  ENAVAIL: 'No XENIX semaphores available. A legacy code; not seen in practice.',
  EISNAM: 'Is a named type file. A legacy code; not seen in practice.',
  EREMOTEIO: 'Remote I/O error: a device on the other end of a bus (I2C, SCSI) reported an error.',
  EDQUOT: 'Disk quota exceeded: the user or group has used up its filesystem quota.',
  ENOMEDIUM: 'No medium found: a removable-media drive is empty.',
  EMEDIUMTYPE: 'Wrong medium type: the medium in the drive is not usable for this operation.',
  ECANCELED:
    'Operation canceled: an asynchronous operation (AIO, io_uring) was canceled before it completed.',
  ENOKEY:
    'Required key not available: the kernel keyring has no such key (keyctl, request_key, encrypted filesystems).',
  EKEYEXPIRED: 'Key has expired.',
  EKEYREVOKED: 'Key has been revoked.',
  EKEYREJECTED: 'Key was rejected by service.',
  EOWNERDEAD:
    'Owner died: the thread holding a robust mutex exited; the new owner must make the protected state consistent.',
  ENOTRECOVERABLE:
    'State not recoverable: a robust mutex whose owner died was never marked consistent and is now unusable.',
  ERFKILL:
    'Operation not possible due to RF-kill: the radio (Wi-Fi, Bluetooth) is blocked by a hardware or software kill switch.',
  EHWPOISON: 'Memory page has hardware error: the page was marked poisoned after a memory hardware fault.',
};
