import { describe, expect, it } from 'vitest';
import { parseLddOutput } from '../../collector/rootfs/ldd-output.js';
import type { FsEntry } from '../../collector/rootfs/rootfs-plan.js';
import { buildRootfsPlan } from '../../collector/rootfs/rootfs-plan.js';

// Captured on Debian 12 (glibc 2.36): `ldd /usr/bin/true`, `ldd /bin/busybox`.
const LDD_TRUE = `\tlinux-vdso.so.1 (0x00007ffd5e9f6000)
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f5948686000)
\t/lib64/ld-linux-x86-64.so.2 (0x00007f5948886000)
`;
const LDD_STATIC = '\tnot a dynamic executable\n';
const LDD_MISSING = `\tlinux-vdso.so.1 (0x00007ffc1b1e2000)
\tlibfoo.so.1 => not found
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f1c2b600000)
\t/lib64/ld-linux-x86-64.so.2 (0x00007f1c2b8a4000)
`;

/** Debian's merged /usr, as lstat sees it. */
const DISK: Record<string, FsEntry> = {
  '/bin': { type: 'symlink', target: 'usr/bin' },
  '/lib': { type: 'symlink', target: 'usr/lib' },
  '/lib64': { type: 'dir', mode: 0o755 },
  '/lib64/ld-linux-x86-64.so.2': { type: 'symlink', target: '/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2' },
  '/usr': { type: 'dir', mode: 0o755 },
  '/usr/bin': { type: 'dir', mode: 0o755 },
  '/usr/bin/true': { type: 'file', size: 35664, mode: 0o755 },
  '/usr/lib': { type: 'dir', mode: 0o755 },
  '/usr/lib/x86_64-linux-gnu': { type: 'dir', mode: 0o755 },
  '/usr/lib/x86_64-linux-gnu/libc.so.6': { type: 'file', size: 1922136, mode: 0o755 },
  '/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2': { type: 'file', size: 210968, mode: 0o755 },
};
const lookup = (p: string): FsEntry => DISK[p] ?? { type: 'missing' };

describe('parseLddOutput', () => {
  it('finds the libraries and the loader, skipping the vDSO', () => {
    expect(parseLddOutput(LDD_TRUE)).toEqual({
      isStatic: false,
      loader: '/lib64/ld-linux-x86-64.so.2',
      libraries: [{ name: 'libc.so.6', path: '/lib/x86_64-linux-gnu/libc.so.6' }],
    });
  });

  it('recognises static binaries (both wordings)', () => {
    expect(parseLddOutput(LDD_STATIC).isStatic).toBe(true);
    expect(parseLddOutput('\tstatically linked\n').isStatic).toBe(true);
  });

  it('keeps libraries ldd could not find', () => {
    expect(parseLddOutput(LDD_MISSING).libraries[0]).toEqual({ name: 'libfoo.so.1', path: null });
  });
});

describe('buildRootfsPlan', () => {
  it('copies program, libc and loader at their host paths, recreating every symlink met', () => {
    const plan = buildRootfsPlan({ programs: ['/bin/true'], ldd: [parseLddOutput(LDD_TRUE)], lookup });
    expect(plan.warnings).toEqual([]);
    expect(plan.entries).toEqual([
      { kind: 'symlink', path: '/bin', target: 'usr/bin' },
      { kind: 'dir', path: '/usr' },
      { kind: 'dir', path: '/usr/bin' },
      { kind: 'file', path: '/usr/bin/true', source: '/usr/bin/true', size: 35664, mode: 0o755 },
      { kind: 'dir', path: '/lib64' },
      {
        kind: 'symlink',
        path: '/lib64/ld-linux-x86-64.so.2',
        target: '/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2',
      },
      { kind: 'symlink', path: '/lib', target: 'usr/lib' },
      { kind: 'dir', path: '/usr/lib' },
      { kind: 'dir', path: '/usr/lib/x86_64-linux-gnu' },
      {
        kind: 'file',
        path: '/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2',
        source: '/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2',
        size: 210968,
        mode: 0o755,
      },
      {
        kind: 'file',
        path: '/usr/lib/x86_64-linux-gnu/libc.so.6',
        source: '/usr/lib/x86_64-linux-gnu/libc.so.6',
        size: 1922136,
        mode: 0o755,
      },
    ]);
  });

  it('copies only the program for bare and static binaries', () => {
    const bare = buildRootfsPlan({ programs: ['/usr/bin/true'], ldd: [null], lookup });
    expect(bare.entries.filter((e) => e.kind === 'file').map((e) => e.path)).toEqual(['/usr/bin/true']);
    const stat = buildRootfsPlan({ programs: ['/usr/bin/true'], ldd: [parseLddOutput(LDD_STATIC)], lookup });
    expect(stat.entries).toEqual(bare.entries);
  });

  it('warns about missing libraries and vanished paths instead of failing', () => {
    const plan = buildRootfsPlan({ programs: ['/usr/bin/true'], ldd: [parseLddOutput(LDD_MISSING)], lookup });
    expect(plan.warnings).toEqual([expect.stringContaining('libfoo.so.1: ldd says "not found"')]);
    expect(buildRootfsPlan({ programs: ['/nope/x'], ldd: [null], lookup }).warnings).toEqual([
      '/nope/x: /nope does not exist on the host',
    ]);
  });

  it('stops on symlink loops', () => {
    const loop = (p: string): FsEntry =>
      p === '/a'
        ? { type: 'symlink', target: '/b' }
        : p === '/b'
          ? { type: 'symlink', target: '/a' }
          : { type: 'missing' };
    expect(buildRootfsPlan({ programs: ['/a/x'], ldd: [null], lookup: loop }).warnings).toEqual([
      '/a/x: too many levels of symbolic links',
    ]);
  });
});
