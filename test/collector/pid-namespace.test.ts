import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildChrootCommand } from '../../collector/run-chain.js';
import { collectFor, isRoot, straceCalls, stringArg } from './helpers.js';

const tools = {
  env: '/usr/bin/env',
  unshare: '/usr/bin/unshare',
  chroot: '/usr/sbin/chroot',
  mount: '/usr/bin/mount',
  sh: '/usr/bin/sh',
};

describe('--unshare pid mounts a fresh /proc in the rootfs', () => {
  it('builds unshare --pid --fork --mount-proc=ROOT/proc in a new mount namespace', () => {
    const argv = buildChrootCommand({
      program: ['/bin/ps'],
      envClear: false,
      env: [],
      tools,
      rootDir: '/r',
      unshare: ['pid'],
      binds: [],
      mountProc: true,
    });
    expect(argv).toEqual([
      '/usr/bin/unshare',
      '--pid',
      '--fork',
      '--mount-proc=/r/proc',
      '--mount',
      '--',
      '/usr/sbin/chroot',
      '/r',
      '/bin/ps',
    ]);
    // Without a pid namespace there is nothing to mount.
    expect(
      buildChrootCommand({
        program: ['/bin/ps'],
        envClear: false,
        env: [],
        tools,
        rootDir: '/r',
        unshare: ['uts'],
        binds: [],
        mountProc: true,
      }),
    ).toEqual(['/usr/bin/unshare', '--uts', '--', '/usr/sbin/chroot', '/r', '/bin/ps']);
  });

  it.runIf(isRoot)('ps inside sees one process, pid 1 (real run)', async () => {
    const { sessionDir, manifest, fault } = await collectFor('/bin/busybox', ['ps'], {
      runs: ['chroot'],
      unshare: ['pid'],
    });
    expect(fault).toBeNull();
    expect(manifest.options.mountProc).toBe(true);
    expect(manifest.rootfs?.files).toContainEqual({ path: '/proc', kind: 'dir' });
    const lines = readFileSync(join(sessionDir, 'chroot.stdout.txt'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(2); // the header and one process
    expect(lines[1]).toMatch(/^\s*1 .*busybox ps$/);
    const proc = straceCalls(sessionDir, 'chroot.strace.log').find(
      (e) => e.name === 'mount' && stringArg(e, 2) === 'proc',
    );
    expect(stringArg(proc, 1)).toBe(`${manifest.rootfs?.dir}/proc`);
    expect(proc?.ret).toBe('0');
  });

  it.runIf(isRoot)('--no-mount-proc leaves the rootfs without /proc', async () => {
    const { sessionDir, manifest } = await collectFor('/bin/busybox', ['ps'], {
      runs: ['chroot'],
      unshare: ['pid'],
      mountProc: false,
    });
    expect(manifest.options.mountProc).toBe(false);
    const calls = straceCalls(sessionDir, 'chroot.strace.log');
    expect(calls.some((e) => e.name === 'mount' && stringArg(e, 2) === 'proc')).toBe(false);
    expect(calls.find((e) => e.name === 'openat' && stringArg(e, 1) === '/proc')?.errno).toBe('ENOENT');
  });

  it.runIf(isRoot)('says before running that the host run is not in the new namespaces', async () => {
    const { progress } = await collectFor('/bin/true', [], { unshare: ['uts'] });
    const note = progress.findIndex((l) => /^note: --unshare uts applies to the chroot run only/.test(l));
    expect(note).toBeGreaterThanOrEqual(0);
    expect(progress[note]).toContain('Add --runs chroot to skip the host run.');
    expect(note).toBeLessThan(progress.findIndex((l) => l.startsWith('host')));
    const quiet = await collectFor('/bin/true', [], { runs: ['chroot'], unshare: ['uts'] });
    expect(quiet.progress.some((l) => l.startsWith('note: --unshare'))).toBe(false);
  });
});
