import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  listSyscalls,
  lookupSyscall,
  nameForUnknownSyscall,
  syscallByNumber,
} from '../../parsers/catalog/index.js';
import { SYSCALL_ROWS } from '../../parsers/catalog/syscall-table.js';
import { buildSyscallRows } from '../../scripts/build-syscall-table.js';

const X86_64_HEADER = '/usr/include/x86_64-linux-gnu/asm/unistd_64.h';
const GENERIC_HEADER = '/usr/include/asm-generic/unistd.h';
const TRACEPOINTS = new URL('../../scripts/data/syscall-tracepoint-args.txt', import.meta.url);
const haveHeaders = existsSync(X86_64_HEADER) && existsSync(GENERIC_HEADER);

/** Restated from the issue (and checked on kernel 6.18): the x86_64 numbers the 6.1 headers lack. */
const NEWER_X86_64: Record<string, number> = {
  uretprobe: 335,
  uprobe: 336,
  cachestat: 451,
  fchmodat2: 452,
  map_shadow_stack: 453,
  futex_wake: 454,
  futex_wait: 455,
  futex_requeue: 456,
  statmount: 457,
  listmount: 458,
  lsm_get_self_attr: 459,
  lsm_set_self_attr: 460,
  lsm_list_modules: 461,
  mseal: 462,
  setxattrat: 463,
  getxattrat: 464,
  listxattrat: 465,
  removexattrat: 466,
  open_tree_attr: 467,
  file_getattr: 468,
  file_setattr: 469,
};

describe('x86_64 numbers', () => {
  it('covers exactly 0..336 and 424..469, each number once', () => {
    const numbers = listSyscalls()
      .map((info) => info.number)
      .filter((n): n is number => n !== null)
      .sort((a, b) => a - b);
    const expected = [
      ...Array.from({ length: 337 }, (_, i) => i),
      ...Array.from({ length: 46 }, (_, i) => 424 + i),
    ];
    expect(numbers).toEqual(expected);
  });

  it.runIf(haveHeaders)('agrees with every entry of the installed unistd_64.h', () => {
    const header = readFileSync(X86_64_HEADER, 'utf8');
    const entries = [...header.matchAll(/^#define __NR_(\w+)\s+(\d+)$/gm)];
    expect(entries.length).toBeGreaterThan(360);
    for (const [, name, number] of entries) expect(syscallByNumber(Number(number))?.name, name).toBe(name);
  });

  it('has the syscalls newer than the 6.1 headers', () => {
    for (const [name, number] of Object.entries(NEWER_X86_64)) {
      expect(lookupSyscall(name)?.number, name).toBe(number);
      expect(syscallByNumber(number)?.name).toBe(name);
    }
  });

  it("resolves strace's syscall_0xNNN names", () => {
    expect(nameForUnknownSyscall('syscall_0x1c4')).toBe('fchmodat2');
    expect(nameForUnknownSyscall('syscall_0x1c3')).toBe('cachestat');
    expect(nameForUnknownSyscall('syscall_0x1ce')).toBe('mseal');
    expect(nameForUnknownSyscall('syscall_0x22b')).toBeNull();
    expect(nameForUnknownSyscall('syscall_0xffffffffffffffff')).toBeNull();
    expect(nameForUnknownSyscall('openat')).toBeNull();
    expect(lookupSyscall('syscall_0x1c4')?.name).toBe('fchmodat2');
  });
});

describe('aarch64 numbers (the generic table)', () => {
  it.each([
    ['execve', 221],
    ['openat', 56],
    ['newfstatat', 79],
    ['fstat', 80],
    ['clone', 220],
    ['clone3', 435],
    ['mmap', 222],
    ['brk', 214],
    ['chroot', 51],
    ['pivot_root', 41],
    ['unshare', 97],
    ['setns', 268],
    ['mount', 40],
    ['umount2', 39],
    ['seccomp', 277],
    ['capset', 91],
    ['exit_group', 94],
    ['renameat', 38],
    ['sync_file_range', 84],
    ['getrlimit', 163],
    ['fchmodat2', 452],
    ['mseal', 462],
    ['file_setattr', 469],
  ])('%s is %i', (name, number) => {
    expect(lookupSyscall(name)?.aarch64Number).toBe(number);
    expect(syscallByNumber(number, 'aarch64')?.name).toBe(name);
  });

  it.each(['open', 'fork', 'stat', 'access', 'pipe', 'arch_prctl', 'epoll_wait', 'uretprobe'])(
    '%s does not exist there',
    (name) => {
      expect(lookupSyscall(name)?.aarch64Number).toBeNull();
    },
  );
});

describe.runIf(haveHeaders)('the generated table', () => {
  it('is what scripts/build-syscall-table.ts makes from the headers (re-run it if this fails)', () => {
    const rows = buildSyscallRows(
      readFileSync(X86_64_HEADER, 'utf8'),
      readFileSync(GENERIC_HEADER, 'utf8'),
      readFileSync(TRACEPOINTS, 'utf8'),
    );
    const expected = rows.map((row) =>
      row.implemented
        ? [row.name, row.x86_64, row.aarch64, row.args]
        : [row.name, row.x86_64, row.aarch64, row.args, false],
    );
    expect(SYSCALL_ROWS).toEqual(expected);
  });
});
