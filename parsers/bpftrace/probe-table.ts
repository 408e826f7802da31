/**
 * The syscalls whose arguments the bpftrace backend records, with the fields of their
 * `tracepoint:syscalls:sys_enter_*` probe in the kernel's parameter order (checked with
 * `bpftrace -lv` on kernel 6.18). Only strings need these probes: raw_syscalls carries numbers only.
 *
 * Field codes: s string (path), v string array (argv), d int, l long, x hex, o octal, p pointer.
 */
export interface PathProbe {
  /** The name strace prints. */
  name: string;
  /** The tracepoint's name when it differs (`stat` fires `sys_enter_newstat`). */
  tracepoint: string;
  fields: ReadonlyArray<readonly [code: FieldCode, field: string]>;
}

export type FieldCode = 's' | 'v' | 'd' | 'l' | 'x' | 'o' | 'p';

const TABLE: ReadonlyArray<readonly [string, string, string]> = [
  ['execve', 'execve', 's:filename v:argv p:envp'],
  ['execveat', 'execveat', 'd:fd s:filename v:argv p:envp x:flags'],
  ['open', 'open', 's:filename x:flags o:mode'],
  ['openat', 'openat', 'd:dfd s:filename x:flags o:mode'],
  ['openat2', 'openat2', 'd:dfd s:filename p:how l:usize'],
  ['creat', 'creat', 's:pathname o:mode'],
  ['access', 'access', 's:filename o:mode'],
  ['faccessat', 'faccessat', 'd:dfd s:filename o:mode'],
  ['faccessat2', 'faccessat2', 'd:dfd s:filename o:mode x:flags'],
  ['stat', 'newstat', 's:filename p:statbuf'],
  ['lstat', 'newlstat', 's:filename p:statbuf'],
  ['newfstatat', 'newfstatat', 'd:dfd s:filename p:statbuf x:flag'],
  ['statx', 'statx', 'd:dfd s:filename x:flags x:mask p:buffer'],
  ['statfs', 'statfs', 's:pathname p:buf'],
  ['chdir', 'chdir', 's:filename'],
  ['chroot', 'chroot', 's:filename'],
  ['pivot_root', 'pivot_root', 's:new_root s:put_old'],
  ['mount', 'mount', 's:dev_name s:dir_name s:type x:flags p:data'],
  ['umount2', 'umount', 's:name x:flags'],
  ['mkdir', 'mkdir', 's:pathname o:mode'],
  ['mkdirat', 'mkdirat', 'd:dfd s:pathname o:mode'],
  ['rmdir', 'rmdir', 's:pathname'],
  ['unlink', 'unlink', 's:pathname'],
  ['unlinkat', 'unlinkat', 'd:dfd s:pathname x:flag'],
  ['rename', 'rename', 's:oldname s:newname'],
  ['renameat', 'renameat', 'd:olddfd s:oldname d:newdfd s:newname'],
  ['renameat2', 'renameat2', 'd:olddfd s:oldname d:newdfd s:newname x:flags'],
  ['link', 'link', 's:oldname s:newname'],
  ['linkat', 'linkat', 'd:olddfd s:oldname d:newdfd s:newname x:flags'],
  ['symlink', 'symlink', 's:oldname s:newname'],
  ['symlinkat', 'symlinkat', 's:oldname d:newdfd s:newname'],
  ['readlink', 'readlink', 's:path p:buf d:bufsiz'],
  ['readlinkat', 'readlinkat', 'd:dfd s:pathname p:buf d:bufsiz'],
  ['chmod', 'chmod', 's:filename o:mode'],
  ['fchmodat', 'fchmodat', 'd:dfd s:filename o:mode'],
  ['chown', 'chown', 's:filename d:user d:group'],
  ['lchown', 'lchown', 's:filename d:user d:group'],
  ['fchownat', 'fchownat', 'd:dfd s:filename d:user d:group x:flag'],
  ['truncate', 'truncate', 's:path l:length'],
  ['sethostname', 'sethostname', 's:name d:len'],
  ['unshare', 'unshare', 'x:unshare_flags'],
  ['setns', 'setns', 'd:fd x:flags'],
];

export const PATH_PROBES: readonly PathProbe[] = TABLE.map(([name, tracepoint, spec]) => ({
  name,
  tracepoint,
  fields: spec.split(' ').map((f) => {
    const [code, field] = f.split(':') as [FieldCode, string];
    return [code, field] as const;
  }),
}));

export const PATH_PROBE_BY_NAME: ReadonlyMap<string, PathProbe> = new Map(
  PATH_PROBES.map((p) => [p.name, p]),
);

/** How many argv elements an execve line records (beyond that the array ends with `...`). */
export const ARGV_LIMIT = 8;
