import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { sweepLeftovers } from '../../collector/cleanup/sweep-leftovers.js';
import { cgroupDirs } from '../../collector/container/bundle.js';
import { descendantsOf } from '../../collector/process-runner.js';
import { mountsUnder } from '../../collector/environment.js';
import type { SessionManifest, SessionRun } from '../../collector/session/session-manifest.js';
import { findContainerRuntime } from '../../parsers/analysis/container-runtime.js';
import { computeTraceDiff } from '../../parsers/analysis/diff/index.js';
import { computeProcessTree } from '../../parsers/analysis/process-tree.js';
import { parseBpftrace } from '../../parsers/bpftrace/index.js';
import { parseStrace } from '../../parsers/strace/index.js';
import { collectFor, hasBpftrace, isRoot, readRunLog, straceCalls, stringArg, tempDir } from './helpers.js';

const BIN = new URL('../../bin/spelunk.js', import.meta.url).pathname;
const hasRunc = existsSync('/usr/sbin/runc') || existsSync('/usr/bin/runc');

/** The bundle directory of a container run, from the runc command line it traced. */
function bundleOf(run: SessionRun): string {
  return run.command[run.command.indexOf('--bundle') + 1] as string;
}

/** Nothing of the container is left: bundle, overlay, runc state, cgroup directories. */
function expectNoLeftovers(run: SessionRun): void {
  const bundle = bundleOf(run);
  expect(bundle).toMatch(/^\/tmp\/spelunk-bundle-/);
  expect(existsSync(bundle)).toBe(false);
  expect(mountsUnder(bundle)).toEqual([]);
  const cgroups = cgroupDirs(run.container?.cgroupsPath ?? '/none');
  expect(cgroups.length).toBeGreaterThan(0);
  expect(cgroups.filter((d) => existsSync(d))).toEqual([]);
}

/** A busybox tree: one static binary and a link per applet, like the workshop's toy rootfs. */
function busyboxRoot(): string {
  const root = tempDir('/tmp/spelunk-test-busybox-');
  mkdirSync(join(root, 'bin'));
  copyFileSync('/bin/busybox', join(root, 'bin/busybox'));
  for (const applet of ['sh', 'hostname', 'ip', 'sleep', 'cat'])
    symlinkSync('busybox', join(root, 'bin', applet));
  return root;
}

// Real containers: runc under strace as root, as the collector's other tests run real chroots.
describe.runIf(isRoot && hasRunc)('collect --runs host,chroot,container (real runc)', () => {
  it('traces the same program three times; the container run shows every isolation step runc takes', async () => {
    const { sessionDir, manifest, fault } = await collectFor('/bin/echo', ['hello'], {
      runs: ['host', 'chroot', 'container'],
    });
    expect(fault).toBeNull();
    expect(JSON.parse(readFileSync(join(sessionDir, 'session.json'), 'utf8'))).toEqual(manifest);
    expect(manifest.schemaVersion).toBe(2);
    expect(manifest.tools.runc).toMatch(/^runc version \d/);
    expect(manifest.runs.map((r) => [r.label, r.exitCode])).toEqual([
      ['host', 0],
      ['chroot', 0],
      ['container', 0],
    ]);
    for (const run of manifest.runs) expect(readRunLog(sessionDir, run.stdout)).toBe('hello\n');
    const run = manifest.runs[2] as SessionRun;
    expect(run.isolation).toEqual(
      expect.arrayContaining(['container', 'pid', 'net', 'seccomp', 'no_new_privs']),
    );
    expect(manifest.runs[0]?.isolation).toEqual([]);
    expect(manifest.runs[1]?.isolation).toEqual(['chroot']);
    expect(run.argv).toContain('--pidns-translation');
    expect(run.container).toMatchObject({
      runtime: 'runc',
      id: expect.stringMatching(/^spelunk-[0-9a-f]{12}$/),
    });
    const config = JSON.parse(readRunLog(sessionDir, run.container?.config ?? ''));
    expect(config.process.noNewPrivileges).toBe(true);
    expect(config.hostname).toBe(run.container?.hostname);

    const calls = straceCalls(sessionDir, run.log);
    const text = readRunLog(sessionDir, run.log).split('\n');
    const line = (e: (typeof calls)[number]) => text[e.line - 1] ?? '';
    const unshare = calls.find((e) => e.name === 'unshare' && e.ret === '0');
    expect(line(unshare!)).toMatch(/CLONE_NEWNS.*CLONE_NEWPID.*CLONE_NEWNET/);
    const pivot = calls.find((e) => e.name === 'pivot_root');
    expect(pivot?.ret).toBe('0');
    const init = pivot?.pid;
    const mine = calls.filter((e) => e.pid === init);
    const hostname = mine.find((e) => e.name === 'sethostname');
    expect(stringArg(hostname, 0)).toBe(run.container?.hostname);
    const lines = mine.map(line);
    expect(lines.some((l) => l.includes('prctl(PR_SET_NO_NEW_PRIVS, 1'))).toBe(true);
    expect(lines.some((l) => l.includes('prctl(PR_CAPBSET_DROP, CAP_SYS_ADMIN'))).toBe(true);
    expect(lines.some((l) => /capset\(.*effective=.*CAP_KILL/.test(l))).toBe(true);
    expect(lines.some((l) => l.includes('PR_SET_SECCOMP, SECCOMP_MODE_FILTER'))).toBe(true);
    const target = mine.filter((e) => e.name === 'execve').at(-1);
    expect([stringArg(target, 0), target?.ret]).toEqual(['/bin/echo', '0']);
    // runc's parent moves `runc init` into the cgroup (its host pid into cgroup.procs) before it forks
    // the container's first process, which is born inside.
    const runcInit = calls.find((e) => e.name === 'execve' && stringArg(e, 0) === '/proc/self/exe');
    const join_ = calls.find((e) => e.name === 'write' && line(e).includes('cgroup.procs'));
    expect(stringArg(join_, 1)).toBe(String(runcInit?.pid));
    expectNoLeftovers(run);

    // The diff sees through the runtime: one block, then echo against echo.
    const host = parseStrace(readRunLog(sessionDir, 'host.strace.log'));
    const container = parseStrace(readRunLog(sessionDir, run.log));
    const diff = computeTraceDiff(host, container);
    const runtime = diff.blocks.find((b) => b.why === 'runtime-scaffolding');
    expect(runtime?.unitB?.runtime).toBe('runc');
    expect(runtime?.unitB?.chrootEvent).toBeGreaterThanOrEqual(0);
    const aligned = diff.blocks.filter((b) => b.kind === 'aligned');
    expect(aligned.map((b) => [b.unitA?.program, b.unitB?.program])).toEqual([['echo', 'echo']]);
    expect(diff.equal).toBeGreaterThan(10);
    expect(diff.findings.find((f) => f.kind === 'scaffolding')?.message).toMatch(
      /container runtime's set-up \(runc.*pivot_root/,
    );
  });

  it('runs a container alone on an existing rootfs, which it never writes to: refused calls, only lo', async () => {
    const root = busyboxRoot();
    const before = readdirSync(root).sort();
    const { sessionDir, manifest, fault } = await collectFor(
      '/bin/sh',
      ['-c', 'hostname other; ip -o link'],
      {
        runs: ['container'],
        rootfs: root,
      },
    );
    expect(fault).toBeNull();
    const run = manifest.runs[0] as SessionRun;
    expect(manifest.runs.map((r) => r.label)).toEqual(['container']);
    // sethostname needs CAP_SYS_ADMIN, which Docker's set lacks (and its seccomp profile refuses it too).
    const refused = straceCalls(sessionDir, run.log).find(
      (e) => e.name === 'sethostname' && stringArg(e, 0) === 'other',
    );
    expect(refused?.errno).toBe('EPERM');
    // A new network namespace holds a loopback interface and nothing else.
    const links = readRunLog(sessionDir, run.stdout).trim().split('\n');
    expect(links.map((l) => l.split(':')[1]?.trim())).toEqual(['lo']);
    // The overlay took runc's mount points (/proc, /dev, /sys): the rootfs given is as it was.
    expect(readdirSync(root).sort()).toEqual(before);
    expectNoLeftovers(run);
  });

  it('cleans up after a timeout: the container is killed, deleted and its cgroup removed', async () => {
    const root = busyboxRoot();
    const { manifest, fault } = await collectFor('/bin/sleep', ['30'], {
      runs: ['container'],
      rootfs: root,
      timeoutMs: 2500,
    });
    expect(fault?.exitCode).toBe(124);
    const run = manifest.runs[0] as SessionRun;
    expect(run.incompleteReason).toBe('timeout');
    expectNoLeftovers(run);
  });

  it('cleans up after Ctrl-C (the abort signal) while the program runs', async () => {
    const root = busyboxRoot();
    const outDir = tempDir('/tmp/spelunk-test-session-');
    const abort = new AbortController();
    const running = collectFor('/bin/sleep', ['30'], {
      runs: ['container'],
      rootfs: root,
      outDir,
      abort: abort.signal,
    });
    const log = join(outDir, 'container.strace.log');
    const deadline = Date.now() + 20_000;
    while (!(existsSync(log) && readFileSync(log, 'latin1').includes('execve("/bin/sleep"'))) {
      if (Date.now() > deadline) throw new Error('the container never started sleep');
      await new Promise((r) => setTimeout(r, 50));
    }
    abort.abort();
    const { manifest, fault } = await running;
    expect(fault?.exitCode).toBe(130);
    const run = manifest.runs[0] as SessionRun;
    expect(run.incompleteReason).toBe('interrupted');
    expectNoLeftovers(run);
  });

  it('cleans up when the tracer itself is killed mid-run', async () => {
    const root = busyboxRoot();
    const outDir = tempDir('/tmp/spelunk-test-session-');
    const running = collectFor('/bin/sleep', ['30'], { runs: ['container'], rootfs: root, outDir });
    // Wait until the container's program runs (its execve is in the log), then kill strace.
    const log = join(outDir, 'container.strace.log');
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      if (existsSync(log) && readFileSync(log, 'latin1').includes('execve("/bin/sleep"')) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const strace = readdirSync('/proc')
      .filter((p) => /^\d+$/.test(p))
      .find((p) => {
        try {
          return readFileSync(`/proc/${p}/cmdline`, 'latin1').includes(log);
        } catch {
          return false;
        }
      });
    expect(strace).toBeDefined();
    process.kill(Number(strace), 'SIGKILL');
    const { manifest } = await running;
    const run = manifest.runs[0] as SessionRun;
    expect(run.incompleteReason).toBe('tracer-killed');
    expectNoLeftovers(run);
  });

  it.runIf(hasBpftrace)('traces the container with bpftrace too, runc included', async () => {
    const { sessionDir, manifest, fault } = await collectFor('/bin/echo', ['hi'], {
      runs: ['container'],
      backend: 'bpftrace',
    });
    expect(fault).toBeNull();
    const run = manifest.runs[0] as SessionRun;
    expect(run.exitCode).toBe(0);
    const trace = parseBpftrace(readRunLog(sessionDir, run.log));
    const names = new Set(trace.names);
    for (const n of ['pivot_root', 'unshare', 'capset', 'sethostname']) expect(names.has(n)).toBe(true);
    // No prctl arguments under bpftrace: runc:[2:INIT] is found by the comm of its pivot_root.
    const runtime = findContainerRuntime(trace, computeProcessTree(trace));
    expect(runtime?.targetExec).toBeGreaterThan(0);
    expect(trace.event(runtime?.targetExec ?? 0)).toMatchObject({ name: 'execve', ret: '0' });
    expectNoLeftovers(run);
  });
});

/** A `collect --runs container` of a long sleep, returned once the program sleeps inside its container. */
async function sleepingContainer(registryDir: string) {
  const out = join(tempDir('/tmp/spelunk-test-session-'), 's');
  const child = execa(
    'node',
    [BIN, 'collect', '--runs', 'container', '--timeout', '0', '--out', out, '--', '/bin/sleep', '27.1828'],
    { reject: false, env: { SPELUNK_LEFTOVER_DIR: registryDir }, stdin: 'ignore' },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const log = join(out, 'container.strace.log');
  const deadline = Date.now() + 30_000;
  // Go's runtime sleeps too: wait for the program's own sleep, after its execve.
  const sleeping = (): boolean => {
    const text = existsSync(log) ? readFileSync(log, 'latin1') : '';
    const exec = text.indexOf('execve("/bin/sleep"');
    return exec >= 0 && text.indexOf('nanosleep(', exec) > 0;
  };
  while (!sleeping()) {
    if (Date.now() > deadline) throw new Error(`the container never slept: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const m = /--root (\/tmp\/spelunk-bundle-\w+)\/state run --bundle \S+ (spelunk-[0-9a-f]{12})/.exec(stderr);
  const [, bundle, id] = m as RegExpExecArray;
  const cgroups = cgroupDirs(`/${id}`).filter((d) => existsSync(d));
  expect(cgroups.length).toBeGreaterThan(0);
  expect(mountsUnder(bundle as string)).toHaveLength(1);
  return { child, bundle: bundle as string, id: id as string, cgroups };
}

/** A process's state letter from /proc/PID/stat, or 'gone'. */
function procState(pid: string): string {
  try {
    return /\) (\S)/.exec(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.[1] ?? 'gone';
  } catch {
    return 'gone';
  }
}

/** The pids in a cgroup directory ([] once it is gone). */
function cgroupPids(dir: string): string[] {
  try {
    return readFileSync(join(dir, 'cgroup.procs'), 'utf8').split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

describe.runIf(isRoot && hasRunc)('a container collect killed with SIGKILL', () => {
  it('leaves a registry from which the next collect removes the container, its cgroup, overlay and bundle', async () => {
    const registryDir = tempDir('/tmp/spelunk-test-registry-');
    const { child, bundle, id, cgroups } = await sleepingContainer(registryDir);
    // The collector and every process it started, its watchdog included: nothing is left to clean up.
    for (const pid of [...descendantsOf(child.pid as number), child.pid as number]) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
    await child;
    const report = await sweepLeftovers(registryDir);
    expect(report.problems).toEqual([]);
    expect(report.done.join('\n')).toContain(`deleted runc container ${id}`);
    expect(existsSync(bundle)).toBe(false);
    expect(mountsUnder(bundle)).toEqual([]);
    expect(cgroups.filter((d) => existsSync(d))).toEqual([]);
    expect(readdirSync(registryDir)).toEqual([]);
  });

  it("takes the container's processes with it through the watchdog, not only its own process groups", async () => {
    const registryDir = tempDir('/tmp/spelunk-test-registry-');
    const { child, id, cgroups } = await sleepingContainer(registryDir);
    const inside = cgroupPids(cgroups[0] as string);
    expect(inside.length).toBeGreaterThan(0);
    // Only the collector: its watchdog sees the pipe close and kills what it listed.
    process.kill(child.pid as number, 'SIGKILL');
    await child;
    const deadline = Date.now() + 20_000;
    while (cgroups.some((d) => cgroupPids(d).length > 0)) {
      if (Date.now() > deadline)
        throw new Error(`still in the container: ${cgroups.flatMap(cgroupPids).join(' ')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    // Gone, or a zombie its new parent has yet to reap: no longer running either way.
    for (const pid of inside) expect(['gone', 'Z', 'X']).toContain(procState(pid));
    const report = await sweepLeftovers(registryDir);
    expect(report.problems).toEqual([]);
    expect(report.done.join('\n')).toContain(`deleted runc container ${id}`);
    expect(cgroups.filter((d) => existsSync(d))).toEqual([]);
  });
});

describe.runIf(isRoot && hasRunc)('session.json schema 2 readers', () => {
  it('records every run in the order asked', async () => {
    const { manifest } = await collectFor('/bin/true', [], { runs: ['container', 'host'] });
    const m: SessionManifest = manifest;
    expect(m.options.runs).toEqual(['container', 'host']);
    expect(m.runs.map((r) => r.label)).toEqual(['container', 'host']);
  });
});
