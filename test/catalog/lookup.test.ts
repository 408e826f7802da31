import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  closestNames,
  editDistance,
  formatEntryText,
  listErrnos,
  listSyscalls,
  lookupEntry,
  lookupSyscall,
  SYSCALL_CATEGORIES,
  syscallCategory,
} from '../../parsers/catalog/index.js';

describe('syscallCategory', () => {
  it('only ever answers one of SYSCALL_CATEGORIES, and every category is used', () => {
    const used = new Set(listSyscalls().map((info) => syscallCategory(info.name)));
    for (const category of used) expect(SYSCALL_CATEGORIES).toContain(category);
    expect([...used].sort()).toEqual([...SYSCALL_CATEGORIES].sort());
  });

  it.each([
    ['chroot', 'containment'],
    ['pivot_root', 'containment'],
    ['unshare', 'containment'],
    ['setns', 'containment'],
    ['mount', 'containment'],
    ['umount2', 'containment'],
    ['open_tree', 'containment'],
    ['move_mount', 'containment'],
    ['fsopen', 'containment'],
    ['fsmount', 'containment'],
    ['seccomp', 'containment'],
    ['capset', 'containment'],
    ['execve', 'process'],
    ['clone3', 'process'],
    ['mmap', 'memory'],
    ['openat', 'file'],
    ['connect', 'network'],
    ['pipe2', 'ipc'],
    ['rt_sigaction', 'signal'],
    ['clock_nanosleep', 'time'],
    ['uname', 'system'],
    ['no_such_call', 'other'],
    ['syscall_0x1c4', 'file'],
    ['syscall_452', 'file'],
    ['syscall_0x22b', 'other'],
  ])('%s is %s', (name, category) => {
    expect(syscallCategory(name)).toBe(category);
  });
});

describe('lookupEntry', () => {
  it("finds syscalls, errnos in any case, and strace's numbered names", () => {
    expect(lookupEntry('openat')).toMatchObject({ kind: 'syscall', number: 257, manPage: 'open(2)' });
    expect(lookupEntry('newfstatat')).toMatchObject({ manPage: 'stat(2)', category: 'file' });
    expect(lookupEntry('ENOENT')).toMatchObject({
      kind: 'errno',
      number: 2,
      message: 'No such file or directory',
    });
    expect(lookupEntry('eacces')).toMatchObject({ kind: 'errno', name: 'EACCES' });
    expect(lookupEntry('syscall_0x1c4')).toMatchObject({ kind: 'syscall', name: 'fchmodat2' });
    expect(lookupEntry('nonsense')).toBeNull();
  });

  it('says what matters in practice for the workshop', () => {
    const execve = lookupSyscall('execve')!;
    expect(execve.errors.find((e) => e.errno === 'ENOENT')?.meaning).toMatch(/interpreter|loader/);
    expect(lookupSyscall('chroot')!.errors.find((e) => e.errno === 'EPERM')?.meaning).toMatch(
      /CAP_SYS_CHROOT/,
    );
    expect(lookupSyscall('seccomp')!.errors.find((e) => e.errno === 'EACCES')?.meaning).toMatch(
      /no_new_privs|NO_NEW_PRIVS/,
    );
  });

  it('marks reserved numbers as unimplemented', () => {
    expect(lookupSyscall('afs_syscall')).toMatchObject({
      implemented: false,
      explained: false,
      manPage: 'unimplemented(2)',
    });
    expect(lookupSyscall('afs_syscall')!.summary).toMatch(/ENOSYS/);
  });
});

describe('closestNames', () => {
  it.each([
    ['opnat', 'openat'],
    ['chrot', 'chroot'],
    ['pivotroot', 'pivot_root'],
    ['ENOENTT', 'ENOENT'],
    ['enoent', 'ENOENT'],
    ['execv', 'execve'],
    ['umount', 'umount2'],
    ['EPREM', 'EPERM'],
    ['fstatat', 'newfstatat'],
  ])('%s suggests %s first', (typo, expected) => {
    expect(closestNames(typo)[0]).toBe(expected);
  });

  it('returns three names', () => {
    expect(closestNames('zzzzzz')).toHaveLength(3);
  });

  it('edit distance is a metric on small strings', () => {
    const word = fc.string({ maxLength: 8 });
    fc.assert(
      fc.property(word, word, word, (a, b, c) => {
        expect(editDistance(a, a)).toBe(0);
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, c)).toBeLessThanOrEqual(editDistance(a, b) + editDistance(b, c));
        expect(editDistance(a, b)).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
    );
  });
});

describe('formatEntryText', () => {
  const entries = [...listSyscalls(), ...listErrnos()];

  it('keeps every line within 100 columns', () => {
    for (const entry of entries) {
      for (const line of formatEntryText(entry).split('\n')) {
        // A single word longer than the width (a long path) may overflow; nothing else may.
        if (!/^\s*\S+$/.test(line)) expect(line.length, `${entry.name}: ${line}`).toBeLessThanOrEqual(100);
      }
    }
  });

  it('shows every argument and every error of an explained syscall', () => {
    for (const info of listSyscalls().filter((s) => s.explained)) {
      const text = formatEntryText(info);
      for (const arg of info.args) expect(text).toContain(`    ${arg.name} `);
      for (const error of info.errors) expect(text).toContain(`    ${error.errno} `);
    }
  });

  it('reads like this for chroot', () => {
    const text = formatEntryText(lookupSyscall('chroot')!);
    expect(text.split('\n').slice(0, 2)).toEqual([
      'chroot  (syscall; containment; man chroot(2))',
      '  Numbers: x86_64 #161, aarch64 #51.',
    ]);
    expect(text).toMatch(/^ {2}Arguments:\n {4}path {2}The directory that becomes "\/"\.$/m);
    expect(text).toMatch(/^ {2}Common errors:\n {4}EPERM +The caller lacks CAP_SYS_CHROOT/m);
  });
});
