import { FD } from './explain-file-shared.js';
import type { SyscallExplanation } from './types.js';

/** Syncing and sizing files, moving data between fds, ioctl and directory listings. */
export const FILE_DATA_EXPLANATIONS: Readonly<Record<string, SyscallExplanation>> = {
  fsync: {
    summary:
      'Waits until everything written to a file (data and metadata) has reached the storage device. Databases and editors call it to make saves durable; it can be slow.',
    args: [FD],
    returns: '0 on success.',
    errors: [
      ['EIO', 'Writeback failed — data may be lost.'],
      ['EINVAL', 'The file does not support syncing (a pipe, socket, some special files).'],
      ['EBADF', 'fd is not open.'],
    ],
  },
  fdatasync: {
    summary:
      'Like fsync but skips metadata not needed to read the data back (such as modification time), so it can be faster.',
    args: [FD],
    returns: '0 on success.',
    errors: [
      ['EIO', 'Writeback failed.'],
      ['EINVAL', 'The file does not support syncing.'],
    ],
  },
  sync: {
    summary: 'Asks the kernel to write all dirty data of all filesystems to disk.',
    args: [],
    returns: 'Always 0.',
    errors: [],
  },
  syncfs: {
    summary: 'Writes all dirty data of the one filesystem containing fd to disk.',
    args: [FD],
    returns: '0 on success.',
    errors: [
      ['EBADF', 'fd is not open.'],
      ['EIO', 'Writeback failed.'],
    ],
  },
  truncate: {
    summary: 'Sets the size of a file by path: cuts it, or extends it with zeros.',
    args: [
      ['path', 'The file.'],
      ['length', 'The new size in bytes.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EACCES', 'No write permission.'],
      ['EISDIR', 'It is a directory.'],
      ['ENOENT', 'No such file.'],
      ['EFBIG', 'Beyond the maximum file size.'],
    ],
  },
  ftruncate: {
    summary:
      'Sets the size of an open file. Also used to size shared memory (shm_open, memfd) before mapping it.',
    args: [FD, ['length', 'The new size in bytes.']],
    returns: '0 on success.',
    errors: [
      ['EINVAL', 'fd is not a regular file open for writing, or negative length.'],
      ['EBADF', 'fd is not open.'],
      ['EPERM', 'A file seal forbids resizing.'],
    ],
  },
  fallocate: {
    summary:
      'Reserves disk space for a range of a file (so later writes cannot fail with ENOSPC), or punches holes / zeroes ranges.',
    args: [
      FD,
      ['mode', '0 (allocate), FALLOC_FL_KEEP_SIZE, FALLOC_FL_PUNCH_HOLE, FALLOC_FL_ZERO_RANGE, ...'],
      ['offset', 'Start of the range.'],
      ['len', 'Length of the range.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EOPNOTSUPP', 'The filesystem does not support this mode.'],
      ['ENOSPC', 'Not enough space.'],
      ['EBADF', 'fd not open for writing.'],
    ],
  },
  fadvise64: {
    summary:
      'Tells the kernel how a file will be read (sequentially, randomly, once), so it can tune read-ahead and caching; `cat` and `cp` advise SEQUENTIAL.',
    args: [
      FD,
      ['offset', 'Start of the range.'],
      ['len', 'Length (0 = to the end).'],
      ['advice', 'POSIX_FADV_SEQUENTIAL, _RANDOM, _WILLNEED, _DONTNEED, _NOREUSE, _NORMAL.'],
    ],
    returns: '0 on success.',
    errors: [
      ['ESPIPE', 'fd is a pipe or FIFO.'],
      ['EBADF', 'fd is not open.'],
      ['EINVAL', 'Unknown advice.'],
    ],
  },
  readahead: {
    summary: 'Starts reading part of a file into the page cache so later reads are fast.',
    args: [FD, ['offset', 'Start.'], ['count', 'How many bytes.']],
    returns: '0 on success.',
    errors: [
      ['EINVAL', 'fd does not support read-ahead.'],
      ['EBADF', 'fd not open for reading.'],
    ],
  },
  ioctl: {
    summary:
      'Device-specific control operations on an fd — the catch-all for terminals (TCGETS: "are you a terminal?", TIOCGWINSZ: window size), network interfaces (SIOCGIFCONF), block devices and drivers. strace decodes the request name.',
    args: [
      FD,
      ['request', 'The operation code (e.g. TCGETS, TIOCGWINSZ, FIONBIO, SIOCGIFINDEX).'],
      ['argp', 'An argument or pointer to a request-specific structure.'],
    ],
    returns: 'Usually 0; some requests return a value.',
    errors: [
      [
        'ENOTTY',
        'The request does not apply to this kind of file — most often isatty() asking a pipe or file whether it is a terminal (TCGETS). Harmless.',
      ],
      ['EINVAL', 'A bad request or argument.'],
      ['EBADF', 'fd is not open.'],
      ['EPERM', 'Privileged request (e.g. TIOCSTI) without the capability.'],
    ],
  },
  sendfile: {
    summary:
      'Copies data from one fd to another inside the kernel, without passing it through user memory (web servers sending files; `cat` on some systems).',
    args: [
      ['out_fd', 'Where to write.'],
      ['in_fd', 'Where to read (must support mmap-like reads, i.e. a file).'],
      ['offset', 'Where to start reading in in_fd, or NULL to use its position.'],
      ['count', 'How many bytes.'],
    ],
    returns: 'Bytes copied.',
    errors: [
      ['EINVAL', 'An fd kind that sendfile does not support.'],
      ['EAGAIN', 'Non-blocking out_fd is full.'],
      ['EBADF', 'An fd is not open with the right mode.'],
    ],
  },
  splice: {
    summary: 'Moves data between a pipe and another fd inside the kernel without copying through user space.',
    args: [
      ['fd_in', 'Source fd.'],
      ['off_in', 'Offset in fd_in, or NULL (must be NULL for a pipe).'],
      ['fd_out', 'Destination fd.'],
      ['off_out', 'Offset in fd_out, or NULL.'],
      ['len', 'How many bytes.'],
      ['flags', 'SPLICE_F_MOVE, _NONBLOCK, _MORE.'],
    ],
    returns: 'Bytes moved; 0 at end of input.',
    errors: [
      ['EINVAL', 'Neither fd is a pipe, or an offset given for a pipe.'],
      ['EAGAIN', 'Non-blocking and would block.'],
    ],
  },
  copy_file_range: {
    summary:
      'Copies a range from one file to another inside the kernel; on filesystems like btrfs/XFS/NFS it can share blocks (reflink) or copy server-side. `cp` tries it first.',
    args: [
      ['fd_in', 'Source file.'],
      ['off_in', 'Source offset, or NULL to use the file position.'],
      ['fd_out', 'Destination file.'],
      ['off_out', 'Destination offset, or NULL.'],
      ['len', 'How many bytes.'],
      ['flags', 'Must be 0.'],
    ],
    returns: 'Bytes copied (0 at end of source).',
    errors: [
      ['EXDEV', 'The files are on different filesystems (older kernels); cp falls back to read/write.'],
      ['EINVAL', 'Overlapping ranges or unsupported file types.'],
      ['EBADF', 'An fd has the wrong mode.'],
    ],
  },
  getdents64: {
    summary:
      'Reads directory entries (name, inode, type) from an open directory fd; readdir() and so `ls` are built on it. Called repeatedly until it returns 0.',
    args: [
      FD,
      ['dirp', 'Buffer that receives struct linux_dirent64 records (strace shows the entries).'],
      ['count', 'Buffer size.'],
    ],
    returns: 'The number of bytes of entries stored; 0 at the end of the directory.',
    errors: [
      ['ENOTDIR', 'fd is not a directory.'],
      ['EINVAL', 'Buffer too small for the next entry.'],
      ['EBADF', 'fd is not open.'],
      ['ENOENT', 'The directory was removed.'],
    ],
  },
  getdents: {
    summary: 'The old form of getdents64 with a 32-bit-era record layout; modern libc uses getdents64.',
    args: [FD, ['dirp', 'Buffer for struct linux_dirent records.'], ['count', 'Buffer size.']],
    returns: 'Bytes stored; 0 at the end.',
    errors: [
      ['ENOTDIR', 'fd is not a directory.'],
      ['EINVAL', 'Buffer too small.'],
      ['EOVERFLOW', 'An inode number does not fit the old layout.'],
    ],
  },
};
