import { execa } from 'execa';
import type { ResultPromise } from 'execa';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LeftoverRegistry } from '../../collector/cleanup/leftover-registry.js';
import { readProcStat } from '../../collector/cleanup/proc-stat.js';
import { sweepLeftovers } from '../../collector/cleanup/sweep-leftovers.js';
import { descendantsOf } from '../../collector/process-runner.js';
import { isRoot, tempDir } from './helpers.js';

const BIN = new URL('../../bin/spelunk.js', import.meta.url).pathname;

/** Alive: not gone and not a zombie (pid 1 here may never reap what it inherits). */
function alive(pid: number): boolean {
  const s = readProcStat(pid);
  return s !== null && s.state !== 'Z' && s.state !== 'X';
}

async function waitFor(what: string, ok: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * A chroot collect of a long sleep, started as a user would, with a registry folder of its own. Returns
 * once the program sleeps under strace: the collector, its watchdog, the run's processes and its rootfs.
 */
async function startCollect(registryDir: string) {
  const out = join(tempDir('/tmp/spelunk-leftover-'), 's');
  const child: ResultPromise = execa(
    'node',
    [BIN, 'collect', '--runs', 'chroot', '--timeout', '0', '--out', out, '--', '/bin/sleep', '31.4159'],
    { reject: false, env: { SPELUNK_LEFTOVER_DIR: registryDir }, stdin: 'ignore' },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const log = join(out, 'chroot.strace.log');
  await waitFor('the program to sleep under strace', () =>
    existsSync(log) ? readFileSync(log, 'latin1').includes('nanosleep(') : false,
  );
  const collector = child.pid as number;
  const rootfs = /rootfs \(auto\): .* in (\/tmp\/spelunk-rootfs-\w+)/.exec(stderr)?.[1] as string;
  expect(rootfs).toBeDefined();
  const kids = descendantsOf(collector);
  const watchdog = kids.find(
    (p) => readProcStat(p)?.session === p && readFileSync(`/proc/${p}/comm`, 'latin1').trim() === 'sh',
  );
  const run = kids.filter((p) => p !== watchdog);
  // strace, chroot's exec of sleep: at least the tracer and the program
  expect(run.length).toBeGreaterThanOrEqual(2);
  expect(readdirSync(registryDir).filter((n) => n.endsWith('.jsonl'))).toHaveLength(1);
  return { child, collector, watchdog: watchdog as number, run, rootfs };
}

async function nextCollect(registryDir: string): Promise<string> {
  const r = await execa(
    'node',
    [
      BIN,
      'collect',
      '--runs',
      'host',
      '--out',
      join(tempDir('/tmp/spelunk-leftover-'), 's'),
      '--',
      '/bin/true',
    ],
    { reject: false, env: { SPELUNK_LEFTOVER_DIR: registryDir }, stdin: 'ignore' },
  );
  expect(r.exitCode).toBe(0);
  return String(r.stderr);
}

describe.runIf(isRoot)('a collect killed with SIGKILL', () => {
  it('takes its runs with it (the watchdog), and the next collect removes its rootfs', async () => {
    const registryDir = tempDir('/tmp/spelunk-registry-');
    const s = await startCollect(registryDir);
    process.kill(s.collector, 'SIGKILL');
    await s.child;
    // strace and the sleeping program die with the collector, not 31 seconds later.
    await waitFor('the traced run to die', () => s.run.every((p) => !alive(p)), 10_000);
    expect(existsSync(s.rootfs)).toBe(true);
    const stderr = await nextCollect(registryDir);
    expect(stderr).toMatch(
      /cleaned up after an earlier collect that did not finish \(pid \d+\): .*removed \/tmp\/spelunk-rootfs-/,
    );
    expect(existsSync(s.rootfs)).toBe(false);
    expect(readdirSync(registryDir)).toEqual([]);
  });

  it('with its watchdog killed too, the next collect kills the run and removes the rootfs', async () => {
    const registryDir = tempDir('/tmp/spelunk-registry-');
    const s = await startCollect(registryDir);
    process.kill(s.watchdog, 'SIGKILL');
    process.kill(s.collector, 'SIGKILL');
    await s.child;
    // Nothing stops the run now: strace goes on tracing the sleep.
    expect(s.run.every(alive)).toBe(true);
    const stderr = await nextCollect(registryDir);
    expect(stderr).toMatch(/killed \d+ process\(es\) of run group \d+/);
    expect(s.run.some(alive)).toBe(false);
    expect(existsSync(s.rootfs)).toBe(false);
    expect(readdirSync(registryDir)).toEqual([]);
  });
});

describe('the leftover registry', () => {
  it("never sweeps a live owner's entries, and a clean run leaves no file", async () => {
    const dir = tempDir('/tmp/spelunk-registry-');
    const registry = LeftoverRegistry.open({ dir, watchdog: false });
    const scratch = registry.makeTempDir('/tmp/spelunk-registry-test-');
    expect(existsSync(scratch.path)).toBe(true);
    const report = await sweepLeftovers(dir);
    expect(report.owners).toEqual([]);
    expect(existsSync(scratch.path)).toBe(true);
    expect(registry.pending()).toEqual([{ kind: 'dir', path: scratch.path }]);
    // Removed by its creator: released, and the registry file goes with close().
    readdirSync(scratch.path);
    registry.releasePath(scratch.path);
    registry.close();
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(scratch.path)).toBe(true); // releasing says "done", it removes nothing itself
    rmSync(scratch.path, { recursive: true });
  });

  it.runIf(isRoot)(
    'never removes a directory through a mount: it stays listed for the next sweep',
    async () => {
      const dir = tempDir('/tmp/spelunk-registry-');
      const rootfs = tempDir('/tmp/spelunk-registry-rootfs-');
      const host = tempDir('/tmp/spelunk-registry-host-');
      writeFileSync(join(host, 'precious'), 'host data');
      mkdirSync(join(rootfs, 'data'));
      await execa('mount', ['--bind', host, join(rootfs, 'data')]);
      try {
        // A registry whose owner is gone: a pid with another start time is another process.
        const lines = [
          { owner: { pid: process.pid, startTicks: 1, bootId: 'x' }, startedAt: '', argv: [] },
          { id: 1, leftover: { kind: 'dir', path: rootfs } },
        ];
        writeFileSync(join(dir, `1-1.jsonl`), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
        const report = await sweepLeftovers(dir);
        expect(report.problems).toEqual([`directory ${rootfs}: 1 mount(s) still in it (${rootfs}/data)`]);
        expect(readFileSync(join(host, 'precious'), 'utf8')).toBe('host data');
        expect(readdirSync(dir)).toEqual(['1-1.jsonl']);
      } finally {
        await execa('umount', [join(rootfs, 'data')]);
      }
      const report = await sweepLeftovers(dir);
      expect(report.done).toEqual([`removed ${rootfs}`]);
      expect(existsSync(rootfs)).toBe(false);
      expect(readdirSync(dir)).toEqual([]);
      expect(readFileSync(join(host, 'precious'), 'utf8')).toBe('host data');
    },
  );
});
