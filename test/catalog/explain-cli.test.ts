import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';

describe('spelunk explain', () => {
  it('prints readable text for syscalls and errnos, in the order asked', async () => {
    const r = await runCli(['explain', 'execve', 'ENOENT', 'syscall_0x1c4']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    const headings = r.stdout.split('\n').filter((line) => /^\S/.test(line));
    expect(headings).toEqual([
      'execve  (syscall; process; man execve(2))',
      'ENOENT  (errno 2) "No such file or directory"',
      'fchmodat2  (syscall; file; man chmod(2))',
    ]);
    expect(r.stdout).toContain('  Numbers: x86_64 #59, aarch64 #221.');
    expect(r.stdout).toMatch(/^ {4}envp +The complete environment/m);
    expect(r.stdout).toMatch(
      /^ {4}ENOENT +The file does not exist — or it exists but its interpreter does not/m,
    );
  });

  it('accepts a bare x86_64 number and errno names in any case', async () => {
    const r = await runCli(['explain', '161', 'erestartsys']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^chroot {2}\(syscall; containment/m);
    expect(r.stdout).toMatch(
      /^ERESTARTSYS {2}\(errno 512; kernel-internal\) "To be restarted if SA_RESTART is set"$/m,
    );
  });

  it('--json gives an array of {name, kind, text} with the structured fields', async () => {
    const r = await runCli(['explain', '--json', 'openat', 'EACCES']);
    expect(r.exitCode).toBe(0);
    const entries = JSON.parse(r.stdout);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      name: 'openat',
      kind: 'syscall',
      text: expect.stringContaining('openat  (syscall; file; man open(2))'),
      number: 257,
      aarch64Number: 56,
      category: 'file',
      manSection: 2,
      returns: expect.any(String),
    });
    expect(entries[0].args.map((a: { name: string }) => a.name)).toEqual([
      'dirfd',
      'pathname',
      'flags',
      'mode',
    ]);
    expect(entries[0].errors[0]).toEqual({ errno: 'ENOENT', meaning: expect.any(String) });
    expect(entries[1]).toMatchObject({
      name: 'EACCES',
      kind: 'errno',
      number: 13,
      message: 'Permission denied',
      text: expect.any(String),
    });
  });

  it('an unknown name is one line naming it with the closest names, non-zero exit, no stack', async () => {
    const r = await runCli(['explain', 'openat', 'chrot']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('spelunk: unknown syscall or errno: "chrot" (closest: chroot, chmod, chdir)\n');
  });

  it('names every unknown name at once', async () => {
    const r = await runCli(['explain', 'pivotroot', 'ENOENTT']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(
      /^spelunk: unknown syscalls or errnos: "pivotroot" \(closest: pivot_root, .*\); "ENOENTT" \(closest: ENOENT, .*\)$/m,
    );
    expect(r.stderr).not.toMatch(/\bat \S+:\d+/);
  });
});
