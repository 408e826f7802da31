import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTool } from '../../collector/environment.js';
import {
  collectFor,
  isRoot,
  mountinfoMentions,
  readRunLog,
  straceCalls,
  stringArg,
  tempDir,
} from './helpers.js';

// Real runs: strace, chroot, unshare and mount as root. Nothing here is mocked.
describe.runIf(isRoot)('collect with strace (real runs)', () => {
  it('traces /bin/true on the host and in an auto rootfs, and records the session', async () => {
    const { sessionDir, manifest, fault } = await collectFor('/bin/true', []);
    expect(fault).toBeNull();
    const onDisk = JSON.parse(readFileSync(join(sessionDir, 'session.json'), 'utf8'));
    expect(onDisk).toEqual(manifest);
    expect(manifest).toMatchObject({
      schemaVersion: 2,
      backend: 'strace',
      complete: true,
      program: { given: '/bin/true', path: '/bin/true' },
    });
    expect(manifest.tools.strace).toMatch(/^strace -- version \d/);
    expect(manifest.kernel.release).not.toBe('');
    expect(manifest.runs.map((r) => [r.label, r.log, r.exitCode])).toEqual([
      ['host', 'host.strace.log', 0],
      ['chroot', 'chroot.strace.log', 0],
    ]);
    for (const run of manifest.runs) {
      expect(run.argv.slice(0, 9)).toEqual([
        expect.stringMatching(/strace$/),
        '-f',
        '-ttt',
        '-T',
        '-yy',
        '-s',
        '4096',
        '-o',
        join(sessionDir, run.log),
      ]);
      expect(Date.parse(run.endedAt)).toBeGreaterThanOrEqual(Date.parse(run.startedAt));
    }
    // The rootfs: the program, libc and the loader, with sources and sizes; removed afterwards.
    const files = manifest.rootfs?.files.filter((f) => f.kind === 'file').map((f) => f.path) ?? [];
    expect(files).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/\/true$/),
        expect.stringMatching(/\/libc\.so\.6$/),
        expect.stringMatching(/\/ld-linux-x86-64\.so\.2$/),
      ]),
    );
    // Debian: /lib64/ld-linux-x86-64.so.2 is a link into /lib/x86_64-linux-gnu; links are kept as links.
    expect(manifest.rootfs?.files.find((f) => f.path.endsWith('64/ld-linux-x86-64.so.2'))).toMatchObject({
      kind: 'symlink',
      target: '/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2',
    });
    expect(manifest.rootfs?.files.every((f) => f.kind !== 'file' || (f.size ?? 0) > 0)).toBe(true);
    expect(existsSync(manifest.rootfs?.dir ?? '/')).toBe(false);
    // The chroot run shows the root switch and the target's exec, which works.
    const calls = straceCalls(sessionDir, 'chroot.strace.log');
    const chroot = calls.find((e) => e.name === 'chroot');
    expect(stringArg(chroot, 0)).toBe(manifest.rootfs?.dir);
    expect(chroot?.ret).toBe('0');
    expect(calls.some((e) => e.name === 'chdir' && stringArg(e, 0) === '/')).toBe(true);
    const target = calls.filter((e) => e.name === 'execve').at(-1);
    expect([stringArg(target, 0), target?.ret]).toEqual(['/bin/true', '0']);
    // No summary table mixed into the log.
    expect(readRunLog(sessionDir, 'chroot.strace.log')).not.toMatch(/% time/);
  });

  it('bare rootfs: the target execve fails with ENOENT although the file is there', async () => {
    const { sessionDir, manifest, fault } = await collectFor('/bin/true', [], {
      rootfs: 'bare',
      runs: ['chroot'],
    });
    expect(fault).toBeNull();
    expect(manifest.runs[0]?.exitCode).toBe(127);
    expect(manifest.rootfs?.files.filter((f) => f.kind === 'file').map((f) => f.path)).toEqual([
      '/usr/bin/true',
    ]);
    const target = straceCalls(sessionDir, 'chroot.strace.log')
      .filter((e) => e.name === 'execve')
      .at(-1);
    expect(target).toMatchObject({ ret: '-1', errno: 'ENOENT' });
    expect(stringArg(target, 0)).toBe('/bin/true');
    expect(readFileSync(join(sessionDir, 'chroot.stderr.txt'), 'utf8')).toMatch(/No such file or directory/);
  });

  it('a static binary runs in a bare rootfs', async () => {
    const { sessionDir, manifest } = await collectFor('/bin/busybox', ['true'], {
      rootfs: 'bare',
      runs: ['chroot'],
    });
    expect(manifest.runs[0]?.exitCode).toBe(0);
    const target = straceCalls(sessionDir, 'chroot.strace.log')
      .filter((e) => e.name === 'execve')
      .at(-1);
    expect(target?.ret).toBe('0');
  });

  it('bind mounts: the file is read inside the chroot, the mount is traced, and nothing stays mounted', async () => {
    const { sessionDir, manifest } = await collectFor('/usr/bin/cat', ['/etc/hostname'], {
      runs: ['chroot'],
      binds: [{ source: '/etc/hostname', target: '/etc/hostname', readOnly: true }],
    });
    expect(manifest.runs[0]?.exitCode).toBe(0);
    expect(readFileSync(join(sessionDir, 'chroot.stdout.txt'), 'utf8')).toBe(
      readFileSync('/etc/hostname', 'utf8'),
    );
    const calls = straceCalls(sessionDir, 'chroot.strace.log');
    expect(calls.find((e) => e.name === 'unshare')?.args[0]?.text).toMatch(/CLONE_NEWNS/);
    const bind = calls.find((e) => e.name === 'mount' && stringArg(e, 0) === '/etc/hostname');
    expect(bind?.args[3]?.text).toMatch(/MS_BIND/);
    expect(bind?.ret).toBe('0');
    expect(mountinfoMentions(manifest.rootfs?.dir ?? '???')).toBe(false);
    expect(existsSync(manifest.rootfs?.dir ?? '/')).toBe(false);
  });

  it('--unshare net: ip a sees only the loopback inside', async () => {
    const { sessionDir, manifest } = await collectFor('/usr/sbin/ip', ['a'], { unshare: ['net'] });
    const host = readFileSync(join(sessionDir, 'host.stdout.txt'), 'utf8');
    const inside = readFileSync(join(sessionDir, 'chroot.stdout.txt'), 'utf8');
    expect(manifest.runs.map((r) => r.exitCode)).toEqual([0, 0]);
    expect(inside.match(/^\d+: (\S+):/gm)).toEqual(['1: lo:']);
    expect(host.match(/^\d+: /gm)?.length ?? 0).toBeGreaterThanOrEqual(1);
    expect(
      straceCalls(sessionDir, 'chroot.strace.log').find((e) => e.name === 'unshare')?.args[0]?.text,
    ).toBe('CLONE_NEWNET');
  });

  it('--env-clear with --env: the program sees only what was set', async () => {
    const { sessionDir } = await collectFor('/usr/bin/env', [], {
      runs: ['host'],
      envClear: true,
      env: ['GREETING=hi there'],
    });
    expect(readFileSync(join(sessionDir, 'host.stdout.txt'), 'utf8')).toBe('GREETING=hi there\n');
  });

  it('--trace limits the log through a seccomp filter', async () => {
    const { sessionDir, manifest } = await collectFor('/bin/true', [], { trace: '%process,chroot' });
    expect(manifest.runs[1]?.argv).toEqual(
      expect.arrayContaining(['--seccomp-bpf', '-e', 'trace=%process,chroot']),
    );
    const names = new Set(straceCalls(sessionDir, 'chroot.strace.log').map((e) => e.name));
    expect(names.has('chroot')).toBe(true);
    expect(names.has('execve')).toBe(true);
    expect(names.has('openat')).toBe(false);
    expect(names.has('mmap')).toBe(false);
  });

  it('paths with spaces and quotes pass through untouched', async () => {
    const dir = tempDir("/tmp/spelunk test 'q' ");
    mkdirSync(join(dir, 'my bin'));
    const prog = join(dir, 'my bin', 'say "it"');
    copyFileSync('/bin/echo', prog);
    chmodSync(prog, 0o755);
    const { sessionDir, manifest } = await collectFor(prog, ['a  b', "it's"], {
      outDir: join(dir, 'the session'),
    });
    expect(manifest.runs.map((r) => r.exitCode)).toEqual([0, 0]);
    expect(readFileSync(join(sessionDir, 'chroot.stdout.txt'), 'utf8')).toBe("a  b it's\n");
    expect(sessionDir).toBe(join(dir, 'the session'));
  });

  it('--timeout kills a hanging program, keeps the log and marks the run incomplete', async () => {
    const { sessionDir, manifest, fault } = await collectFor('/bin/sleep', ['31.4159'], {
      runs: ['host'],
      timeoutMs: 1500,
    });
    expect(fault?.exitCode).toBe(124);
    expect(fault?.message).toMatch(/still going after 1.5 s/);
    expect(manifest.runs[0]).toMatchObject({
      incomplete: true,
      incompleteReason: 'timeout',
      signal: 'SIGKILL',
    });
    expect(manifest.complete).toBe(false);
    expect(readRunLog(sessionDir, 'host.strace.log')).toMatch(/clock_nanosleep|nanosleep/);
    expect(readRunLog(sessionDir, 'host.strace.log')).toMatch(/\+\+\+ killed by SIGKILL \+\+\+/);
    expect(processesRunning('31.4159')).toEqual([]);
  });

  it('a crashing program is reported, and its trace kept', async () => {
    const { sessionDir, manifest, fault } = await collectFor('/bin/sh', ['-c', 'kill -SEGV $$'], {
      runs: ['host'],
    });
    expect(fault?.exitCode).toBe(6);
    expect(manifest.runs[0]?.signal).toBe('SIGSEGV');
    expect(readRunLog(sessionDir, 'host.strace.log')).toMatch(/killed by SIGSEGV/);
  });

  it("a #! script gets its interpreter and the interpreter's libraries in the auto rootfs", async () => {
    const script = join(tempDir('/tmp/spelunk-test-'), 'greet');
    writeFileSync(script, '#!/bin/sh\necho "hi from $0"\n', { mode: 0o755 });
    const { sessionDir, manifest } = await collectFor(script, [], { runs: ['chroot'] });
    expect(manifest.runs[0]?.exitCode).toBe(0);
    expect(readFileSync(join(sessionDir, 'chroot.stdout.txt'), 'utf8')).toBe(`hi from ${script}\n`);
    expect(manifest.rootfs?.files.map((f) => f.path)).toEqual(
      expect.arrayContaining([script, '/bin', '/usr/bin/dash']),
    );
  });

  it('a missing tracer is named, with the package to install', () => {
    expect(() => findTool('no-such-tracer-xyz', '/nonexistent')).toThrow(
      /^no-such-tracer-xyz is not installed \(not found in PATH\)$/,
    );
    try {
      findTool('strace', '');
    } catch {
      throw new Error('strace should be found in the standard directories even with an empty PATH');
    }
  });

  it('bad input fails early with one clear message', async () => {
    await expect(collectFor('/no/such/prog', [])).rejects.toThrow(
      /^program not found: \/no\/such\/prog does not exist$/,
    );
    await expect(collectFor('no-such-program-xyz', [])).rejects.toThrow(
      /program not found: "no-such-program-xyz" is not in PATH/,
    );
    const notExec = join(tempDir('/tmp/spelunk-test-'), 'script');
    writeFileSync(notExec, '#!/bin/sh\n');
    await expect(collectFor(notExec, [])).rejects.toThrow(/is not executable/);
    await expect(collectFor('/bin/true', [], { rootfs: '/no/such/rootfs' })).rejects.toThrow(
      /rootfs directory not found: \/no\/such\/rootfs/,
    );
    await expect(
      collectFor('/bin/true', [], { binds: [{ source: '/no/such', target: '/x', readOnly: false }] }),
    ).rejects.toThrow(/--bind source does not exist/);
  });
});

/** Pids of live processes whose command line contains `marker`. */
function processesRunning(marker: string): number[] {
  const out: number[] = [];
  for (const pid of readdirSyncSafe('/proc')) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'latin1').includes(marker)) out.push(Number(pid));
    } catch {
      // gone
    }
  }
  return out.filter((p) => p !== process.pid);
}

function readdirSyncSafe(dir: string): string[] {
  return readdirSync(dir).filter((n) => /^\d+$/.test(n));
}
