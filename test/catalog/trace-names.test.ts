import { describe, expect, it } from 'vitest';
import { namesInLine } from './trace-names.js';

// Real lines (strace-format.md and corpus/format/tricky.txt): the extractor that the completeness test relies on
// must find the name after every prefix form, and nothing in lines that are not calls.
describe('namesInLine', () => {
  it.each([
    ['openat(AT_FDCWD, "/nonexistent/file", O_RDONLY) = -1 ENOENT (No such file or directory)', 'openat'],
    ['6301  wait4(6302,  <unfinished ...>', 'wait4'],
    ['[pid  6606] <... rt_sigprocmask resumed>NULL, 8) = 0', 'rt_sigprocmask'],
    [
      '9692<vf> 00:58:49.236786 [  58] [00007fd13fc323b8] <... vfork resumed>) = 9693<true> <0.001283>',
      'vfork',
    ],
    ['     0.000211 brk(NULL)                 = 0x55a70d996000', 'brk'],
    ['01:01:48 (+     0.000073) write(1, "x", 1) = 1', 'write'],
    ['1795913862.987084 execve("./src/basic", ["./src/basic"], 0x7ffe87aae388 /* 39 vars */) = 0', 'execve'],
    [
      '[00007fe5c1d45829] syscall_0x22b(0x1, 0x2, 0x3, 0, 0, 0) = -1 ENOSYS (Function not implemented)',
      'syscall_0x22b',
    ],
    ['21797 <... clock_nanosleep resumed> <unfinished ...>) = ?', 'clock_nanosleep'],
  ])('%s -> %s', (line, name) => {
    expect(namesInLine(line).syscall).toBe(name);
  });

  it.each([
    '--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=6302, si_uid=0, si_status=7, si_utime=0, si_stime=0} ---',
    '8225  00:58:29.508006 +++ killed by SIGSEGV (core dumped) +++',
    ' > /home/user/fmt/src/basic_g(main+0x24) [0x134d]',
    'strace: Process 6608 attached',
    '  8.64    0.000019           3         5         1 openat',
  ])('no syscall in %s', (line) => {
    expect(namesInLine(line).syscall).toBeNull();
  });

  it('finds errnos of -1 and ? results with their messages', () => {
    expect(
      namesInLine(
        'access("/etc/ld.so.preload", R_OK)      = -1 ENOENT (No such file or directory) <0.000009>',
      ).errnos,
    ).toEqual([['ENOENT', 'No such file or directory']]);
    expect(
      namesInLine(
        '00:58:32.974537 clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=1, tv_nsec=0}, {tv_sec=0, tv_nsec=699367631}) = ? ERESTART_RESTARTBLOCK (Interrupted by signal)',
      ).errnos,
    ).toEqual([['ERESTART_RESTARTBLOCK', 'Interrupted by signal']]);
  });
});
