// Generates parsers/catalog/syscall-table.ts: every x86_64 and aarch64 syscall with its numbers and arity.
//
//   npx tsx scripts/build-syscall-table.ts            (writes the module)
//   npx tsx scripts/build-syscall-table.ts --check    (exits 1 if the committed module is stale)
//
// Sources, and why each is needed:
// - /usr/include/x86_64-linux-gnu/asm/unistd_64.h  x86_64 numbers (Debian 12's linux-libc-dev: 6.1 headers, 0..450)
// - /usr/include/asm-generic/unistd.h              aarch64 numbers (arm64 uses the generic table)
// - POST_HEADER_SYSCALLS below                      451..469 and x86_64's uretprobe/uprobe, which the 6.1
//   headers predate; checked against the running 6.18 kernel (syscall(336) = ENXIO, syscall(337) = ENOSYS,
//   syscall(335) raises SIGILL outside a uretprobe trampoline) and strace's syscallent-common.h.
// - scripts/data/syscall-tracepoint-args.txt        one line per syscall tracepoint of kernel 6.18.44
//   ("name arg1,arg2,..."), dumped from /sys/kernel/tracing/events/syscalls/sys_enter_*/format. It gives the
//   real arity; the kernel's own parameter names are kept as a fallback for syscalls we do not explain.
// The output is committed so that parsers/ never reads files at run time.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const X86_64_HEADER = '/usr/include/x86_64-linux-gnu/asm/unistd_64.h';
const GENERIC_HEADER = '/usr/include/asm-generic/unistd.h';
const TRACEPOINTS = fileURLToPath(new URL('./data/syscall-tracepoint-args.txt', import.meta.url));
const OUTPUT = fileURLToPath(new URL('../parsers/catalog/syscall-table.ts', import.meta.url));

/** Syscalls newer than the 6.1 headers: [name, x86_64, aarch64 (null if none), kernel arg names]. */
const POST_HEADER_SYSCALLS: ReadonlyArray<[string, number, number | null, string]> = [
  ['uretprobe', 335, null, ''],
  ['uprobe', 336, null, ''],
  ['cachestat', 451, 451, 'fd,cstat_range,cstat,flags'],
  ['fchmodat2', 452, 452, 'dfd,filename,mode,flags'],
  ['map_shadow_stack', 453, 453, 'addr,size,flags'],
  ['futex_wake', 454, 454, 'uaddr,mask,nr,flags'],
  ['futex_wait', 455, 455, 'uaddr,val,mask,flags,timeout,clockid'],
  ['futex_requeue', 456, 456, 'waiters,flags,nr_wake,nr_requeue'],
  ['statmount', 457, 457, 'req,buf,bufsize,flags'],
  ['listmount', 458, 458, 'req,mnt_ids,nr_mnt_ids,flags'],
  ['lsm_get_self_attr', 459, 459, 'attr,ctx,size,flags'],
  ['lsm_set_self_attr', 460, 460, 'attr,ctx,size,flags'],
  ['lsm_list_modules', 461, 461, 'ids,size,flags'],
  ['mseal', 462, 462, 'start,len,flags'],
  ['setxattrat', 463, 463, 'dfd,pathname,at_flags,name,uargs,usize'],
  ['getxattrat', 464, 464, 'dfd,pathname,at_flags,name,uargs,usize'],
  ['listxattrat', 465, 465, 'dfd,pathname,at_flags,list,size'],
  ['removexattrat', 466, 466, 'dfd,pathname,at_flags,name'],
  ['open_tree_attr', 467, 467, 'dfd,filename,flags,uattr,usize'],
  ['file_getattr', 468, 468, 'dfd,filename,ufattr,usize,at_flags'],
  ['file_setattr', 469, 469, 'dfd,filename,ufattr,usize,at_flags'],
];

/** Tracepoints named after the kernel function rather than the syscall. */
const TRACEPOINT_ALIASES: Readonly<Record<string, string>> = {
  newfstat: 'fstat',
  newstat: 'stat',
  newlstat: 'lstat',
  newuname: 'uname',
  sendfile64: 'sendfile',
  umount: 'umount2',
};

/**
 * Real syscalls without a tracepoint on the machine that made the dump (module and kexec support were
 * compiled out, and x86_64's 32-bit TLS calls are special-cased), with their kernel parameter names.
 */
const MISSING_TRACEPOINTS: Readonly<Record<string, string>> = {
  init_module: 'umod,len,uargs',
  finit_module: 'fd,uargs,flags',
  delete_module: 'name_user,flags',
  kexec_load: 'entry,nr_segments,segments,flags',
  kexec_file_load: 'kernel_fd,initrd_fd,cmdline_len,cmdline_ptr,flags',
  get_thread_area: 'u_info',
  set_thread_area: 'u_info',
  lookup_dcookie: 'cookie64,buf,len',
  uselib: 'library',
  _sysctl: 'args',
};

/**
 * Numbers the kernel reserves but never implements (they return ENOSYS): historic or out-of-tree calls.
 * lookup_dcookie was removed in 6.10, _sysctl in 5.5, nfsservctl in 3.1; the rest never existed in mainline.
 */
const UNIMPLEMENTED = new Set([
  'afs_syscall',
  'create_module',
  'epoll_ctl_old',
  'epoll_wait_old',
  'get_kernel_syms',
  'getpmsg',
  'putpmsg',
  'query_module',
  'security',
  'tuxcall',
  'vserver',
  'nfsservctl',
  '_sysctl',
  'lookup_dcookie',
]);

/** Macros arm64's uapi/asm/unistd.h defines before including the generic table (checked against v6.1). */
const AARCH64_DEFINES = new Set([
  '__ARCH_WANT_RENAMEAT',
  '__ARCH_WANT_NEW_STAT',
  '__ARCH_WANT_SET_GET_RLIMIT',
  '__ARCH_WANT_TIME32_SYSCALLS',
  '__ARCH_WANT_SYS_CLONE3',
  '__ARCH_WANT_MEMFD_SECRET',
]);

function parseX86_64(text: string): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const match of text.matchAll(/^#define __NR_(\w+)\s+(\d+)\s*$/gm)) {
    numbers.set(match[1]!, Number(match[2]));
  }
  return numbers;
}

/** Evaluates one `#if` expression of the generic header for a 64-bit, non-compat arm64 build. */
function evaluateCondition(expression: string): boolean {
  const substituted = expression
    .replace(/defined\s*\(\s*(\w+)\s*\)/g, (_, name: string) => (AARCH64_DEFINES.has(name) ? '1' : '0'))
    .replace(/\b__BITS_PER_LONG\b/g, '64')
    .replace(/\b[A-Za-z_]\w*\b/g, (name) => (AARCH64_DEFINES.has(name) ? '1' : '0'));
  if (!/^[\d\s|&!=()<>]+$/.test(substituted)) throw new Error(`cannot evaluate #if ${expression}`);
  return Boolean(new Function(`return (${substituted});`)());
}

/** A tiny preprocessor: enough of #if/#ifdef/#else/#endif and #define for asm-generic/unistd.h. */
function parseGeneric(text: string): Map<string, number> {
  const values = new Map<string, number>();
  const active: boolean[] = [];
  const isActive = (): boolean => active.every(Boolean);
  for (const rawLine of text.split('\n')) {
    const line = rawLine.replace(/\/\*.*?\*\//g, '').trim();
    let match: RegExpMatchArray | null;
    if ((match = line.match(/^#ifdef\s+(\w+)/)))
      active.push(AARCH64_DEFINES.has(match[1]!) || values.has(match[1]!));
    else if ((match = line.match(/^#ifndef\s+(\w+)/)))
      active.push(!AARCH64_DEFINES.has(match[1]!) && !values.has(match[1]!));
    else if ((match = line.match(/^#if\s+(.*)$/))) active.push(evaluateCondition(match[1]!));
    else if (line.startsWith('#else')) active.push(!active.pop());
    else if (line.startsWith('#endif')) active.pop();
    else if (isActive() && (match = line.match(/^#define\s+(__NR3264_\w+|__NR_\w+)\s+(\d+|__NR3264_\w+)$/))) {
      const value = /^\d+$/.test(match[2]!) ? Number(match[2]) : values.get(match[2]!);
      if (value !== undefined) values.set(match[1]!, value);
    } else if (isActive() && (match = line.match(/^#undef\s+(\w+)/))) values.delete(match[1]!);
  }
  const numbers = new Map<string, number>();
  for (const [macro, value] of values) {
    // arch_specific_syscall (244) only marks where arch-private numbers start; arm64 has none.
    if (macro.startsWith('__NR_') && macro !== '__NR_syscalls' && macro !== '__NR_arch_specific_syscall')
      numbers.set(macro.slice('__NR_'.length), value);
  }
  return numbers;
}

function parseTracepoints(text: string): Map<string, string> {
  const args = new Map<string, string>();
  for (const line of text.split('\n')) {
    const [tracepoint, names = ''] = line.trim().split(' ');
    if (!tracepoint) continue;
    args.set(TRACEPOINT_ALIASES[tracepoint] ?? tracepoint, names);
  }
  return args;
}

interface Row {
  name: string;
  x86_64: number | null;
  aarch64: number | null;
  args: string;
  implemented: boolean;
}

export function buildSyscallRows(x86Header: string, genericHeader: string, tracepointText: string): Row[] {
  const x86 = parseX86_64(x86Header);
  const generic = parseGeneric(genericHeader);
  const tracepointArgs = parseTracepoints(tracepointText);
  const extraArgs = new Map<string, string>();
  for (const [name, x86Number, aarch64Number, args] of POST_HEADER_SYSCALLS) {
    x86.set(name, x86Number);
    if (aarch64Number !== null) generic.set(name, aarch64Number);
    extraArgs.set(name, args);
  }
  const names = new Set([...x86.keys(), ...generic.keys()]);
  const rows: Row[] = [];
  for (const name of names) {
    const implemented = !UNIMPLEMENTED.has(name);
    const args = implemented
      ? (tracepointArgs.get(name) ?? extraArgs.get(name) ?? MISSING_TRACEPOINTS[name])
      : '';
    if (args === undefined) throw new Error(`no arity known for ${name}: add it to MISSING_TRACEPOINTS`);
    rows.push({ name, x86_64: x86.get(name) ?? null, aarch64: generic.get(name) ?? null, args, implemented });
  }
  const order = (row: Row): number => row.x86_64 ?? 1000 + (row.aarch64 ?? 0);
  return rows.sort((a, b) => order(a) - order(b));
}

/** A TypeScript string literal in the project's Prettier style (single quotes). */
function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function formatModule(rows: Row[]): string {
  const lines = rows.map((row) => {
    const fields = [quote(row.name), String(row.x86_64), String(row.aarch64), quote(row.args)];
    if (!row.implemented) fields.push('false');
    return `  [${fields.join(', ')}],`;
  });
  return [
    '// Generated by scripts/build-syscall-table.ts from the 6.1 uapi headers, the syscalls added since (up to',
    '// 6.18), and kernel 6.18 tracepoint formats. Do not edit by hand: change the script and re-run it.',
    "import type { SyscallRow } from './types.js';",
    '',
    '/** [name, x86_64 number, aarch64 number, kernel parameter names (comma-separated), implemented?] */',
    'export const SYSCALL_ROWS: readonly SyscallRow[] = [',
    ...lines,
    '];',
    '',
  ].join('\n');
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const rows = buildSyscallRows(
    readFileSync(X86_64_HEADER, 'utf8'),
    readFileSync(GENERIC_HEADER, 'utf8'),
    readFileSync(TRACEPOINTS, 'utf8'),
  );
  const text = formatModule(rows);
  if (process.argv.includes('--check')) {
    const stale = readFileSync(OUTPUT, 'utf8') !== text;
    console.log(stale ? `${OUTPUT} is stale: re-run the script` : `${OUTPUT} is up to date`);
    process.exitCode = stale ? 1 : 0;
  } else {
    writeFileSync(OUTPUT, text);
    console.log(`wrote ${rows.length} syscalls to ${OUTPUT}`);
  }
}
