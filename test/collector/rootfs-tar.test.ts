import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractRootfsArchive } from '../../collector/rootfs/rootfs-tar.js';
import { collectFor, isRoot, straceCalls, stringArg, tempDir } from './helpers.js';

/**
 * A tar laid out the way `docker export` writes one: member names relative to the root with no `./`
 * prefix, a `.dockerenv`, empty /proc and /sys, the container's /etc files. The tree is a busybox root.
 */
function dockerExportLikeTar(compress: '' | 'gzip' = ''): string {
  const tree = tempDir('/tmp/spelunk-test-tree-');
  for (const d of ['bin', 'etc', 'proc', 'sys', 'dev', 'tmp']) mkdirSync(join(tree, d));
  copyFileSync('/bin/busybox', join(tree, 'bin/busybox'));
  for (const applet of ['sh', 'cat', 'ls']) symlinkSync('busybox', join(tree, 'bin', applet));
  writeFileSync(join(tree, '.dockerenv'), '');
  writeFileSync(join(tree, 'etc/os-release'), 'NAME="spelunk test image"\n');
  writeFileSync(join(tree, 'etc/hostname'), 'c0ffee\n');
  const out = join(tempDir('/tmp/spelunk-test-tar-'), compress ? 'rootfs.tar.gz' : 'rootfs.tar');
  const members = ['.dockerenv', 'bin', 'dev', 'etc', 'proc', 'sys', 'tmp'];
  execFileSync('tar', [
    '--format=ustar',
    ...(compress ? ['--gzip'] : []),
    '-cf',
    out,
    '-C',
    tree,
    ...members,
  ]);
  return out;
}

describe.runIf(isRoot)('--rootfs FILE.tar (real tar, real chroot)', () => {
  it('runs the program inside the extracted tree and removes it afterwards', async () => {
    const archive = dockerExportLikeTar();
    const { sessionDir, manifest, fault } = await collectFor(
      '/bin/sh',
      ['-c', 'cat /etc/os-release; ls -a /'],
      {
        runs: ['chroot'],
        rootfs: archive,
      },
    );
    expect(fault).toBeNull();
    expect(manifest.runs.map((r) => r.exitCode)).toEqual([0]);
    const stdout = readFileSync(join(sessionDir, 'chroot.stdout.txt'), 'utf8');
    expect(stdout).toContain('NAME="spelunk test image"');
    expect(stdout.split('\n')).toEqual(expect.arrayContaining(['.dockerenv', 'bin', 'proc']));
    // 7 top-level members, busybox and its 3 applet links, 2 /etc files.
    expect(manifest.rootfs).toMatchObject({ mode: 'tar', archive, entries: 13, files: [] });
    expect(manifest.rootfs?.totalBytes).toBeGreaterThan(readFileSync('/bin/busybox').length);
    expect(existsSync(manifest.rootfs?.dir as string)).toBe(false);
    const chroot = straceCalls(sessionDir, 'chroot.strace.log').find((e) => e.name === 'chroot');
    expect([stringArg(chroot, 0), chroot?.ret]).toEqual([manifest.rootfs?.dir, '0']);
  });

  it('reads a gzip-compressed export as well', async () => {
    const { manifest, fault } = await collectFor('cat', ['/etc/hostname'], {
      runs: ['chroot'],
      rootfs: dockerExportLikeTar('gzip'),
    });
    expect(fault).toBeNull();
    expect(manifest.runs[0]?.exitCode).toBe(0);
    expect(manifest.rootfs?.mode).toBe('tar');
  });

  it('refuses an archive that writes through its own symlink, touching nothing outside', async () => {
    // link -> VICTIM, then link/planted: one tar run refuses the second member ("Not a directory").
    const victim = tempDir('/tmp/spelunk-test-victim-');
    const src = tempDir('/tmp/spelunk-test-evil-');
    symlinkSync(victim, join(src, 'link'));
    mkdirSync(join(src, 'dir'));
    writeFileSync(join(src, 'dir/planted'), 'x');
    const archive = join(src, 'evil.tar');
    execFileSync('tar', ['-cf', archive, '-C', src, 'link', '--transform', 's,^dir,link,', 'dir/planted']);
    const into = tempDir('/tmp/spelunk-test-into-');
    await expect(extractRootfsArchive(archive, into)).rejects.toThrow(
      /not a usable tar archive.*Not a directory/,
    );
    expect(existsSync(join(victim, 'planted'))).toBe(false);
  });

  it('says what is wrong with a file that is not a tar', async () => {
    const file = join(tempDir('/tmp/spelunk-test-notar-'), 'rootfs.tar');
    writeFileSync(file, 'this is not an archive\n');
    await expect(collectFor('/bin/true', [], { runs: ['chroot'], rootfs: file })).rejects.toThrow(
      new RegExp(`--rootfs ${file}: not a usable tar archive`),
    );
  });
});
