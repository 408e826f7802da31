import { describe, expect, it } from 'vitest';
import type { NormaliseContext } from '../../parsers/analysis/diff/normalise-call.js';
import { hashCallText } from '../../parsers/analysis/diff/normalise-call.js';

const base: NormaliseContext = {
  pids: new Map([
    [7683, 1],
    [7684, 2],
  ]),
  chrootPrefix: null,
  cwd: null,
  dropStrings: false,
  dropAll: false,
  dropDecorations: false,
};

/** Whether two call texts (arguments and result, as after `name(`) get the same key. */
function same(
  a: string,
  b: string,
  ctxA: Partial<NormaliseContext> = {},
  ctxB: Partial<NormaliseContext> = ctxA,
): boolean {
  return hashCallText(a, 1, { ...base, ...ctxA }) === hashCallText(b, 1, { ...base, ...ctxB });
}

// One line per rule, with real text from the corpus logs.
describe('call normalisation', () => {
  it('ignores addresses (8+ hex digits) but keeps small hex values and plain numbers', () => {
    expect(
      same(
        '0x7f1cefd2d000, 1400832, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE, 3, 0x26000) = 0x7f1cefd2d000',
        '0x7fbe2867b000, 1400832, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE, 3, 0x26000) = 0x7fbe2867b000',
      ),
    ).toBe(true);
    expect(
      same(
        'NULL, 8192, PROT_READ, MAP_PRIVATE, 3, 0x26000) = 0x7f1cefd2d000',
        'NULL, 8192, PROT_READ, MAP_PRIVATE, 3, 0x27000) = 0x7f1cefd2d000',
      ),
    ).toBe(false);
    expect(same('3, "", 832) = 832', '3, "", 784) = 784')).toBe(false);
  });

  it('replaces pids by their place in the process tree, in calls that take or return pids', () => {
    const p = { pidTokens: true };
    const other = {
      pidTokens: true,
      pids: new Map([
        [9001, 1],
        [9002, 2],
      ]),
    };
    expect(same('-1, NULL, 0, NULL) = 7684', '-1, NULL, 0, NULL) = 9002', p, other)).toBe(true);
    expect(same('-1, NULL, 0, NULL) = 7684', '-1, NULL, 0, NULL) = 9001', p, other)).toBe(false);
    // getppid() of the first process: the shell outside the trace, a different number every run.
    expect(same(')         = 2106', ') = 2151', p, other)).toBe(true);
    // Without pidTokens (a read), 7684 is just a number.
    expect(same('3, "x", 8192) = 7684', '3, "x", 8192) = 9002', {}, { pids: other.pids })).toBe(false);
  });

  it('keeps paths, flags, errnos and the environment size', () => {
    expect(
      same(
        'AT_FDCWD, "/etc/ld.so.cache", O_RDONLY|O_CLOEXEC) = 3',
        'AT_FDCWD, "/etc/hosts", O_RDONLY|O_CLOEXEC) = 3',
      ),
    ).toBe(false);
    expect(
      same(
        '"/foo", ["/foo"], 0x7ffe9da4a1d8 /* 8 vars */) = 0',
        '"/foo", ["/foo"], 0x7ffd33c29758 /* 8 vars */) = 0',
      ),
    ).toBe(true);
    expect(
      same(
        '"/foo", ["/foo"], 0x7ffe9da4a1d8 /* 8 vars */) = 0',
        '"/foo", ["/foo"], 0x7ffd33c29758 /* 39 vars */) = 0',
      ),
    ).toBe(false);
    expect(
      same(
        '"/foo", ["/foo"], 0x7ffe9da4a1d8 /* 8 vars */) = 0',
        '"/foo", ["/foo"], 0x7ffe9da4a1d8 /* 8 vars */) = -1 ENOENT (No such file or directory)',
      ),
    ).toBe(false);
  });

  it('compares an execve by program name when asked (./foo on the host, /foo in the chroot)', () => {
    const e = { execBasenames: true };
    expect(
      same(
        '"./foo", ["./foo"], 0x7ffe9a6ead10 /* 8 vars */) = 0',
        '"/foo", ["/foo"], 0x7ffd33c29758 /* 8 vars */) = 0',
        e,
      ),
    ).toBe(true);
    expect(
      same(
        '"./foo", ["./foo", "-v"], 0x7ffe9a6ead10 /* 8 vars */) = 0',
        '"/foo", ["/foo"], 0x7ffd33c29758 /* 8 vars */) = 0',
        e,
      ),
    ).toBe(false);
  });

  it('drops the padding strace adds to short calls', () => {
    expect(same('3)          = 0', '3) = 0')).toBe(true);
  });

  it('drops clock readings, random bytes, times in structs and pipe inodes', () => {
    expect(
      same(
        'CLOCK_MONOTONIC, {tv_sec=5715, tv_nsec=438633}) = 0',
        'CLOCK_MONOTONIC, {tv_sec=9, tv_nsec=1}) = 0',
        { dropAll: true },
      ),
    ).toBe(true);
    expect(
      same(
        '"\\xcc\\x13\\x38\\x6d\\xb8\\xd0\\x2d\\xfe", 8, GRND_NONBLOCK) = 8',
        '"\\xae\\xcf\\x2e\\x3b\\xf7\\xf7\\x2c\\x9a", 8, GRND_NONBLOCK) = 8',
        { dropStrings: true },
      ),
    ).toBe(true);
    expect(
      same(
        '3, {st_mode=S_IFREG|0644, st_size=2996, st_atime=1700000000, st_atime_nsec=1}) = 0',
        '3, {st_mode=S_IFREG|0644, st_size=2996, st_atime=1700009999, st_atime_nsec=7}) = 0',
      ),
    ).toBe(true);
    expect(
      same('[3<pipe:[103939]>, 4<pipe:[103939]>], 0) = 0', '[3<pipe:[68910]>, 4<pipe:[68910]>], 0) = 0'),
    ).toBe(true);
  });

  it('compares -y paths without the chroot prefix, the working directory, or merged /usr', () => {
    const chroot = { chrootPrefix: '/home/user/fmt/rootfs' };
    expect(
      same(
        'AT_FDCWD</home/user/fmt/rootfs>, "/lib/x86_64-linux-gnu/libc.so.6", O_RDONLY|O_CLOEXEC) = 3</home/user/fmt/rootfs/lib/x86_64-linux-gnu/libc.so.6>',
        'AT_FDCWD</home/user/fmt>, "/lib/x86_64-linux-gnu/libc.so.6", O_RDONLY|O_CLOEXEC) = 3</usr/lib/x86_64-linux-gnu/libc.so.6>',
        chroot,
        {},
      ),
    ).toBe(true);
    expect(
      same(
        '3</usr/lib/x86_64-linux-gnu/libc.so.6>, "\\177ELF", 832) = 832',
        '4</lib/x86_64-linux-gnu/libc.so.6>, "\\177ELF", 832) = 832',
      ),
    ).toBe(true);
    expect(same('3</etc/hosts>, "x", 1) = 1', '3</etc/hostname>, "x", 1) = 1')).toBe(false);
    expect(
      same(
        'AT_FDCWD, "/tmp/a/toyfs/x", 0) = 0',
        'AT_FDCWD, "/tmp/b/toyfs/x", 0) = 0',
        { cwd: '/tmp/a' },
        { cwd: '/tmp/b' },
      ),
    ).toBe(true);
  });
});
