import { describe, expect, it } from 'vitest';
import { scanArgs } from '../../parsers/strace/scan-args.js';

/** The argument text and how it ended, for a line whose list opens at its first `(`. */
function split(line: string): [string, string] {
  const from = line.indexOf('(') + 1;
  const { end, how } = scanArgs(line, from);
  return [line.slice(from, end), how === 'paren' ? 'close' : how];
}

// prettier-ignore
describe('scanArgs (where the argument list ends)', () => {
  it('plain call', () => expect(split('close(3)                                = 0')).toEqual(['3', 'close']));
  it('no args', () => expect(split('getpid()           = 27249')).toEqual(['', 'close']));
  it('syntax inside a string (tricky 108)', () =>
    expect(split('write(3, "fake(1) = -1 ENOENT <unfinished "..., 38) = 38')).toEqual(['3, "fake(1) = -1 ENOENT <unfinished "..., 38', 'close']));
  it('parens inside a string (tricky 07)', () =>
    expect(split('openat(AT_FDCWD, "file with spaces, commas) and ( parens", O_RDONLY) = -1 ENOENT (No such file or directory)')[0]).toBe(
      'AT_FDCWD, "file with spaces, commas) and ( parens", O_RDONLY',
    ));
  it('nested parens (tricky 14)', () =>
    expect(split('connect(3, {sa_family=AF_INET, sin_port=htons(9), sin_addr=inet_addr("127.0.0.1")}, 16) = -1 EINPROGRESS (Operation now in progress)')[0]).toBe(
      '3, {sa_family=AF_INET, sin_port=htons(9), sin_addr=inet_addr("127.0.0.1")}, 16',
    ));
  it('a ) inside a path decoration', () => expect(split('close(3</tmp/a)b>) = 0')).toEqual(['3</tmp/a)b>', 'close']));
  it('quoted socket path with ] and > (tricky 117)', () =>
    expect(split('accept(3<UNIX-STREAM:[42706,"/home/user/fmt/s]ock>x"]>, NULL, NULL) = 5<UNIX-STREAM:[42714->42710,"/home/user/fmt/s]ock>x"]>')).toEqual([
      '3<UNIX-STREAM:[42706,"/home/user/fmt/s]ock>x"]>, NULL, NULL',
      'close',
    ]));
  it('unfinished after a trailing comma (tricky 30)', () => expect(split('wait4(6302,  <unfinished ...>')).toEqual(['6302, ', 'unfinished']));
  it('unfinished then killed on one line (tricky 75)', () =>
    expect(split('clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=10, tv_nsec=0},  <unfinished ...>) = ?')).toEqual(['CLOCK_REALTIME, 0, {tv_sec=10, tv_nsec=0}, ', 'unfinished']));
  it('restart placeholder then unfinished (tricky 78)', () =>
    expect(split('restart_syscall(<... resuming interrupted read ...> <unfinished ...>')).toEqual(['<... resuming interrupted read ...>', 'unfinished']));
  it('detached (tricky 77)', () =>
    expect(split('clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=1, tv_nsec=0},  <detached ...>')).toEqual(['CLOCK_REALTIME, 0, {tv_sec=1, tv_nsec=0}, ', 'detached']));
  it('pid changed, after a comment (tricky 49)', () =>
    expect(split('execve("/bin/true", ["/bin/true"], 0x7fdaf5039ea8 /* 0 vars */ <pid changed to 12873 ...>')).toEqual([
      '"/bin/true", ["/bin/true"], 0x7fdaf5039ea8 /* 0 vars */',
      'pid-changed',
    ]));
  it('a line cut by a glued message runs to its end (tricky 80)', () => expect(split('vfork(strace: Process 20339 attached')).toEqual(['strace: Process 20339 attached', 'eol']));
  it('a shift is not a decoration', () => expect(split('mmap(NULL, 4096, 1<<MAP_HUGE_SHIFT) = 0')).toEqual(['NULL, 4096, 1<<MAP_HUGE_SHIFT', 'close']));
});
