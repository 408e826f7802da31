import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBpftrace } from '../../parsers/bpftrace/index.js';
import type { SyscallEvent } from '../../parsers/model/index.js';
import { collectFor, hasBpftrace, isRoot, stringArg } from './helpers.js';

const calls = (dir: string, log: string): SyscallEvent[] =>
  [...parseBpftrace(readFileSync(join(dir, log), 'latin1'), { fileName: log }).events()].filter(
    (e): e is SyscallEvent => e.kind === 'syscall',
  );

// bpftrace takes about 3 s to start per run; these are the slow tests of the suite.
describe.runIf(isRoot && hasBpftrace)('collect with bpftrace (real runs)', () => {
  it('traces host and chroot runs into the same event model', async () => {
    const { sessionDir, manifest, fault } = await collectFor('/bin/true', [], {
      backend: 'bpftrace',
      rootfs: 'bare',
    });
    expect(fault).toBeNull();
    expect(manifest).toMatchObject({ backend: 'bpftrace', bpftraceScript: 'spelunk.bt', complete: true });
    expect(manifest.tools.bpftrace).toMatch(/^bpftrace v0\./);
    expect(manifest.runs.map((r) => [r.log, r.exitCode])).toEqual([
      ['host.bpftrace.txt', 0],
      ['chroot.bpftrace.txt', 127],
    ]);
    const host = calls(sessionDir, 'host.bpftrace.txt');
    expect(host.some((e) => e.name === 'execve' && stringArg(e, 0) === '/bin/true' && e.ret === '0')).toBe(
      true,
    );
    const chroot = calls(sessionDir, 'chroot.bpftrace.txt');
    expect(
      stringArg(
        chroot.find((e) => e.name === 'chroot'),
        0,
      ),
    ).toBe(manifest.rootfs?.dir);
    expect(chroot.some((e) => e.name === 'chdir' && stringArg(e, 0) === '/')).toBe(true);
    const target = chroot.filter((e) => e.name === 'execve').at(-1);
    expect(target).toMatchObject({ ret: '-1', errno: 'ENOENT' });
    expect(stringArg(target, 0)).toBe('/bin/true');
    // One clock with strace -ttt: epoch seconds, within the run's own start and end.
    const ts = host[0]?.ts ?? 0;
    const run = manifest.runs[0];
    expect(ts * 1000).toBeGreaterThan(Date.parse(run?.startedAt ?? '') - 50);
    expect(ts * 1000).toBeLessThan(Date.parse(run?.endedAt ?? '') + 50);
  });

  it('--timeout counts from the program start, and the buffered calls survive the kill', async () => {
    const { sessionDir, manifest, fault } = await collectFor('/bin/sleep', ['28.4'], {
      backend: 'bpftrace',
      runs: ['host'],
      timeoutMs: 1500,
    });
    expect(fault?.exitCode).toBe(124);
    expect(manifest.runs[0]).toMatchObject({
      incomplete: true,
      incompleteReason: 'timeout',
      signal: 'SIGKILL',
    });
    const trace = parseBpftrace(readFileSync(join(sessionDir, 'host.bpftrace.txt'), 'latin1'));
    const events = [...trace.events()];
    expect(events.some((e) => e.kind === 'syscall' && e.name === 'clock_nanosleep')).toBe(true);
    expect(events.at(-1)).toMatchObject({ kind: 'killed', signal: 'SIGKILL' });
    // The program ran for the 1.5 s asked, not less because bpftrace took ~3 s to start.
    const sleep = events.find((e) => e.kind === 'syscall' && e.name === 'clock_nanosleep');
    expect(sleep?.kind === 'syscall' && (sleep.dur ?? 0)).toBeGreaterThan(1.2);
  });

  it('--trace keeps only the named calls', async () => {
    const { sessionDir } = await collectFor('/bin/true', [], {
      backend: 'bpftrace',
      runs: ['host'],
      trace: 'execve,openat',
    });
    const names = new Set(calls(sessionDir, 'host.bpftrace.txt').map((e) => e.name));
    expect([...names].sort()).toEqual(['execve', 'openat']);
  });
});
