import { readFileSync, readdirSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Phase } from '../../parsers/analysis/phases.js';
import { computePhases } from '../../parsers/analysis/phases.js';
import type { Trace } from '../../parsers/model/index.js';
import { parseBpftrace } from '../../parsers/bpftrace/index.js';
import { parseStrace } from '../../parsers/strace/index.js';
import { CORPUS, loadLog } from './diff-helpers.js';

const SAMPLES = new URL('../../samples/', import.meta.url).pathname;
const sample = (path: string): Trace =>
  parseStrace(readFileSync(SAMPLES + path, 'latin1'), { fileName: path });

/** `pid kind lines label`: one phase per line, as a reader checks it against the log. */
function shape(trace: Trace, phases: Phase[]): string[] {
  return phases.map(
    (p) => `${p.pid} ${p.kind} ${trace.line(p.firstIndex)}-${trace.line(p.lastIndex)} ${p.label}`,
  );
}

/** Every event of every pid lies in exactly one phase, and a pid's phases follow each other. */
function checkCoverage(trace: Trace, phases: Phase[]): void {
  const byPid = new Map<number | null, number[]>();
  for (let i = 0; i < trace.count; i++) {
    const list = byPid.get(trace.pid(i)) ?? [];
    list.push(i);
    byPid.set(trace.pid(i), list);
  }
  for (const [pid, events] of byPid) {
    const own = phases.filter((p) => p.pid === pid);
    expect(own.reduce((n, p) => n + p.count, 0)).toBe(events.length);
    for (let k = 0; k < own.length; k++) {
      const p = own[k] as Phase;
      expect(p.firstIndex).toBeLessThanOrEqual(p.lastIndex);
      if (k > 0) expect(p.firstIndex).toBeGreaterThan((own[k - 1] as Phase).lastIndex);
      if (p.startTs !== null && p.endTs !== null) expect(p.endTs).toBeGreaterThanOrEqual(p.startTs);
    }
  }
}

describe('phases', () => {
  it('splits a dynamic hello into loader, libc start-up, work and exit', () => {
    const trace = sample('hello-world/host.strace.log');
    const phases = computePhases(trace);
    expect(phases.map((p) => p.kind)).toEqual(['loader', 'startup', 'work', 'exit']);
    const [loader, startup, work, exit] = phases as [Phase, Phase, Phase, Phase];
    expect(trace.name(loader.firstIndex)).toBe('execve');
    expect(trace.name(loader.lastIndex)).toBe('mmap'); // the TLS block, just before arch_prctl
    expect(trace.name(startup.firstIndex)).toBe('arch_prctl');
    const workNames = Array.from({ length: work.lastIndex - work.firstIndex + 1 }, (_, k) =>
      trace.name(work.firstIndex + k),
    );
    expect(workNames).toContain('write');
    expect(trace.name(exit.firstIndex)).toBe('exit_group');
    expect(trace.kind(exit.lastIndex)).toBe('exit');
    checkCoverage(trace, phases);
  });

  it('reads a working chroot (corpus foo-chroot-works.log): chroot start-up, chroot(), then the target loader', () => {
    const trace = loadLog('corpus:foo-chroot-works.log');
    const phases = computePhases(trace);
    expect(shape(trace, phases)).toEqual([
      '7661 loader 1-20 loader: chroot',
      '7661 startup 21-32 libc start-up: chroot',
      '7661 work 33-108 work: chroot',
      '7661 chroot 109-110 chroot() + chdir()',
      '7661 loader 111-147 loader: foo',
      '7661 startup 148-155 libc start-up: foo',
      '7661 work 156-161 work: foo',
      '7661 exit 162-163 exit: foo',
    ]);
    checkCoverage(trace, phases);
  });

  it('keeps the failing execve of a bare chroot inside the chroot phase, then the error report as work', () => {
    const trace = sample('hello-bare-chroot/chroot.strace.log');
    const phases = computePhases(trace);
    expect(phases.map((p) => `${p.kind} ${p.label}`)).toEqual([
      'loader loader: chroot',
      'startup libc start-up: chroot',
      'work work: chroot',
      'chroot chroot() + chdir() + execve() ENOENT',
      'work work: chroot',
      'exit exit: chroot',
    ]);
    checkCoverage(trace, phases);
  });

  it('gives a static binary an exec with no loader', () => {
    const trace = sample('static-bare-chroot/chroot.strace.log');
    const target = computePhases(trace).filter((p) => p.program === 'hello-static');
    expect(target.map((p) => p.kind)).toEqual(['loader', 'startup', 'work', 'exit']);
    expect(target[0]?.count).toBe(1); // the execve alone: nothing to load
    expect(target[0]?.label).toBe('exec: hello-static (no loader)');
    const startup = target[1]!;
    const names = Array.from({ length: startup.lastIndex - startup.firstIndex + 1 }, (_, k) =>
      trace.name(startup.firstIndex + k),
    );
    expect(names).toEqual(expect.arrayContaining(['brk', 'arch_prctl', 'set_tid_address']));
    expect(names).not.toContain('openat');
  });

  it('gives each process of a pipeline its own phases (corpus pipe-f-yy.log)', () => {
    const trace = loadLog('corpus:pipe-f-yy.log');
    const phases = computePhases(trace);
    const pids = new Set(phases.map((p) => p.pid));
    expect(pids.size).toBe(4);
    const tr = phases.filter((p) => p.program === 'tr').map((p) => p.kind);
    expect(tr).toEqual(['loader', 'startup', 'work', 'exit']);
    expect(phases.find((p) => p.kind === 'work' && p.label.endsWith('(child)'))).toBeDefined();
    checkCoverage(trace, phases);
  });

  it('marks namespace and mount calls in the collector chain (bind-mount sample)', () => {
    const trace = sample('bind-mount/chroot.strace.log');
    const phases = computePhases(trace);
    const kinds = phases.filter((p) => p.pid === phases[0]?.pid).map((p) => p.kind);
    expect(kinds).toContain('namespace');
    expect(kinds.indexOf('namespace')).toBeLessThan(kinds.indexOf('chroot'));
    expect(phases.some((p) => p.kind === 'mount' && p.program === 'mount')).toBe(true);
    checkCoverage(trace, phases);
  });

  it('finds the same phases in a bpftrace capture of the same scenario', () => {
    const kinds = (phases: Phase[]): string[] =>
      phases.filter((p) => p.label !== 'before execve').map((p) => `${p.kind} ${p.label}`);
    const strace = computePhases(sample('hello-world/chroot.strace.log'));
    const bpf = parseBpftrace(readFileSync(SAMPLES + 'hello-world-bpftrace/chroot.bpftrace.txt', 'latin1'));
    const phases = computePhases(bpf);
    expect(kinds(phases)).toEqual(kinds(strace));
    // bpftrace's own calls before the execve (the tracer's child) are set apart.
    expect(phases[0]?.label).toBe('before execve');
    checkCoverage(bpf, phases);
  });

  it('labels threads and covers every event of every log in the corpus and the samples', () => {
    const threads = computePhases(sample('threads/host.strace.log'));
    expect(threads.filter((p) => p.label.endsWith('(thread)'))).toHaveLength(3);
    const logs = [
      ...readdirSync(CORPUS)
        .filter((f) => f.endsWith('.log'))
        .map((f) => CORPUS + f),
      ...readdirSync(SAMPLES)
        .filter((d) => statSync(SAMPLES + d).isDirectory())
        .flatMap((d) =>
          readdirSync(SAMPLES + d)
            .filter((f) => f.endsWith('.strace.log'))
            .map((f) => `${SAMPLES}${d}/${f}`),
        ),
    ];
    expect(logs.length).toBeGreaterThan(20);
    for (const path of logs) {
      const trace = parseStrace(readFileSync(path, 'latin1'), { fileName: path });
      checkCoverage(trace, computePhases(trace));
    }
  });
});
