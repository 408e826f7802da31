import { describe, expect, it } from 'vitest';
import {
  listErrnos,
  listSyscalls,
  lookupErrno,
  lookupSyscall,
  nameForUnknownSyscall,
} from '../../parsers/catalog/index.js';
import { collectTraceNames, traceFiles } from './trace-names.js';

const names = collectTraceNames();

/**
 * Numbers strace printed as syscall_0xNNN that are not syscalls at all: the corpus program basic.c calls
 * syscall(555) on purpose to show ENOSYS, and syscall(-1) shows the same.
 */
const DELIBERATELY_INVALID = new Set(['syscall_0x22b', 'syscall_0xffffffffffffffff']);

describe('every syscall and errno in the corpus and samples has an entry', () => {
  it('reads a real corpus', () => {
    expect(traceFiles().length).toBeGreaterThan(90);
    expect(names.syscalls.size).toBeGreaterThan(90);
    expect(names.errnos.size).toBeGreaterThan(15);
  });

  it.each([...names.syscalls].filter(([name]) => !DELIBERATELY_INVALID.has(name)))(
    'syscall %s (first seen at %s) is explained',
    (name) => {
      const info = lookupSyscall(name);
      expect(info, name).not.toBeNull();
      expect(info!.explained, `${name} has no hand-written explanation`).toBe(true);
    },
  );

  it('the deliberately invalid numbers really are not syscalls', () => {
    for (const name of DELIBERATELY_INVALID) {
      expect(names.syscalls.has(name)).toBe(true);
      expect(nameForUnknownSyscall(name)).toBeNull();
    }
  });

  it.each([...names.errnos])(
    'errno %s has an entry whose message is what strace printed',
    (errno, messages) => {
      const info = lookupErrno(errno);
      expect(info, errno).not.toBeNull();
      expect(info!.explanation.length).toBeGreaterThan(20);
      // Injected errors print the real message too; only "-e inject=...:error=N" of an unknown N differs.
      expect([...messages]).toContain(info!.message);
    },
  );
});

describe('syscall entries', () => {
  const explained = listSyscalls().filter((info) => info.explained);

  it('explains at least 200 syscalls', () => {
    expect(explained.length).toBeGreaterThanOrEqual(200);
  });

  it('explains every call of the workshop', () => {
    const workshop = `execve brk mmap munmap mprotect access openat newfstatat close read write pread64 arch_prctl
      set_tid_address set_robust_list rseq prlimit64 getrandom exit_group chroot chdir pivot_root unshare setns
      clone clone3 vfork wait4 mount umount2 capget capset prctl seccomp sethostname socket connect dup2 pipe2
      getcwd fchdir setuid setgid setgroups kill tgkill rt_sigaction execveat open_tree move_mount fsopen fsmount`;
    const missing = workshop.split(/\s+/).filter((name) => !lookupSyscall(name)?.explained);
    expect(missing).toEqual([]);
  });

  it.each(explained.map((info) => [info.name, info] as const))(
    '%s has args matching its real arity',
    (_, info) => {
      expect(info.args.length).toBe(info.arity);
      for (const arg of info.args) {
        expect(arg.name).toMatch(/^[a-z_][a-z0-9_]*$/);
        expect(arg.meaning.length).toBeGreaterThan(1);
      }
    },
  );

  it.each(explained.map((info) => [info.name, info] as const))(
    '%s has a summary, a return value and real errnos',
    (_, info) => {
      expect(info.summary!.length).toBeGreaterThan(40);
      expect(info.returns!.length).toBeGreaterThan(2);
      const errnos = info.errors.map((error) => error.errno);
      expect(new Set(errnos).size).toBe(errnos.length);
      for (const error of info.errors) {
        expect(lookupErrno(error.errno), `${info.name}: ${error.errno}`).not.toBeNull();
        expect(error.meaning.length).toBeGreaterThan(3);
      }
    },
  );

  it('places every implemented syscall in a category', () => {
    const uncategorised = listSyscalls().filter((info) => info.implemented && info.category === 'other');
    expect(uncategorised.map((info) => info.name)).toEqual([]);
  });

  it('gives every syscall man section 2 and a page', () => {
    for (const info of listSyscalls()) {
      expect(info.manSection).toBe(2);
      expect(info.manPage).toMatch(/^[a-z_0-9]+\(2\)$/);
    }
  });
});

describe('errno entries', () => {
  it('explains every errno, user-visible and kernel-internal', () => {
    const errnos = listErrnos();
    // 1..133 except 41 and 58, which Linux never assigned.
    const numbers = errnos.filter((info) => !info.kernelInternal).map((info) => info.number);
    expect(numbers).toEqual(Array.from({ length: 133 }, (_, i) => i + 1).filter((n) => n !== 41 && n !== 58));
    for (const info of errnos) {
      expect(info.explanation.length, info.name).toBeGreaterThan(10);
      expect(info.message.length, info.name).toBeGreaterThan(3);
    }
  });

  it('has the ERESTART* family and the other codes strace prints from the kernel side', () => {
    expect(lookupErrno('ERESTARTSYS')).toMatchObject({
      number: 512,
      kernelInternal: true,
      message: 'To be restarted if SA_RESTART is set',
    });
    expect(lookupErrno('ERESTARTNOINTR')).toMatchObject({ number: 513, message: 'To be restarted' });
    expect(lookupErrno('ERESTARTNOHAND')).toMatchObject({
      number: 514,
      message: 'To be restarted if no handler',
    });
    expect(lookupErrno('ERESTART_RESTARTBLOCK')).toMatchObject({
      number: 516,
      message: 'Interrupted by signal',
    });
    expect(lookupErrno('ERECALLCONFLICT')).toMatchObject({ number: 530, message: 'Unknown error 530' });
    expect(lookupErrno('ENOTSUPP')).toMatchObject({ number: 524 });
  });

  it('knows aliases and ignores case', () => {
    expect(lookupErrno('EWOULDBLOCK')?.name).toBe('EAGAIN');
    expect(lookupErrno('EDEADLOCK')?.name).toBe('EDEADLK');
    expect(lookupErrno('ENOTSUP')?.name).toBe('EOPNOTSUPP');
    expect(lookupErrno('enoent')?.number).toBe(2);
  });
});
