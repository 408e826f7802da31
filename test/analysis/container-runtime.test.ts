import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findContainerRuntime } from '../../parsers/analysis/container-runtime.js';
import { computeTraceDiff } from '../../parsers/analysis/diff/index.js';
import type { Phase } from '../../parsers/analysis/phases.js';
import { computePhases } from '../../parsers/analysis/phases.js';
import { computeProcessTree } from '../../parsers/analysis/process-tree.js';
import { classifyRuntimeStep } from '../../parsers/analysis/runtime-steps.js';
import type { Trace } from '../../parsers/model/index.js';
import { parseStrace } from '../../parsers/strace/index.js';
import { buildServePlan } from '../../collector/commands/serve-command.js';
import { runCli } from '../cli/run-cli.js';

// The container samples (npm run samples:container): runc run under strace -f --pidns-translation.
const SAMPLES = new URL('../../samples/', import.meta.url).pathname;
const sample = (path: string): Trace =>
  parseStrace(readFileSync(SAMPLES + path, 'latin1'), { fileName: path });

describe('a container run: runc and the program', () => {
  const trace = sample('hello-container/container.strace.log');
  const tree = computeProcessTree(trace);
  const runtime = findContainerRuntime(trace, tree);

  it('finds runc:[2:INIT], its pivot_root and the execve of the program in it', () => {
    expect(runtime).not.toBeNull();
    const r = runtime!;
    expect(trace.rawLine(r.targetExec)).toMatch(/execve\("\/tmp\/spelunk-samples\/bin\/hello"/);
    expect(trace.pid(r.targetExec)).toBe(r.targetPid);
    expect(trace.name(r.pivotEvent)).toBe('pivot_root');
    // Everything of hello is the program's, nothing before its execve is.
    for (let i = 0; i < trace.count; i++) {
      const ofHello = tree.nodes[tree.nodeOf[i] as number]?.program?.endsWith('/hello') ?? false;
      expect([i, r.isRuntime[i]]).toEqual([i, ofHello ? 0 : 1]);
    }
    expect(r.runtimePids.size).toBeGreaterThan(10);
  });

  it('finds no runtime in the host and chroot runs', () => {
    for (const run of ['host', 'chroot']) {
      const t = sample(`hello-container/${run}.strace.log`);
      expect(findContainerRuntime(t, computeProcessTree(t))).toBeNull();
    }
  });

  it("bands runc's steps in their order in runc:[2:INIT], then hello's own phases", () => {
    const phases = computePhases(trace);
    const init = phases.filter((p) => p.pid === runtime?.targetPid);
    // The capability band with capset (runc's nsexec also sets its ids early on: setresuid, setgroups).
    const firstOf = (kind: Phase['kind']): number =>
      kind === 'capabilities'
        ? init.findIndex((p) => p.kind === kind && p.count > 20)
        : init.findIndex((p) => p.kind === kind);
    const kinds = [
      'namespace',
      'mount',
      'chroot',
      'no-new-privs',
      'capabilities',
      'seccomp',
      'loader',
    ] as const;
    const at = kinds.map(firstOf);
    expect(at.every((k) => k >= 0)).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
    expect(init.find((p) => p.kind === 'chroot')?.label).toBe('runc: pivot_root');
    expect(init.find((p) => p.kind === 'seccomp')?.count).toBe(1);
    const hello = init.filter((p) => p.program === 'hello').map((p) => p.kind);
    expect(hello).toEqual(['loader', 'startup', 'work', 'exit']);
    // runc run's parent moves runc init into the cgroup: a 'cgroup join' band outside INIT.
    expect(phases.some((p) => p.label === 'runc: cgroup join' && p.pid !== runtime?.targetPid)).toBe(true);
    // Every event of every pid lies in exactly one phase.
    const covered = new Int32Array(trace.count);
    for (const p of phases)
      for (let i = p.firstIndex; i <= p.lastIndex; i++)
        if (trace.pid(i) === p.pid) covered[i] = (covered[i] as number) + 1;
    expect(covered.every((n) => n === 1)).toBe(true);
  });

  it('names the step of the calls that make a container', () => {
    const stepOf = (re: RegExp): string | null => {
      for (let i = 0; i < trace.count; i++)
        if (re.test(trace.rawLine(i))) return classifyRuntimeStep(trace, i);
      return 'not found';
    };
    expect(stepOf(/unshare\(CLONE_NEWNS/)).toBe('namespaces');
    expect(stepOf(/mount\("proc"/)).toBe('mounts');
    expect(stepOf(/pivot_root\(/)).toBe('pivot_root');
    expect(stepOf(/capset\(/)).toBe('capabilities');
    expect(stepOf(/PR_SET_NO_NEW_PRIVS/)).toBe('no_new_privs');
    expect(stepOf(/PR_SET_SECCOMP/)).toBe('seccomp');
    expect(stepOf(/write\(\d+<\/sys\/fs\/cgroup\/[^>]*cgroup\.procs>/)).toBe('cgroup');
    // runc probing libseccomp's API at start (NULL filter) is not the filter
    expect(stepOf(/seccomp\(SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC, NULL/)).toBeNull();
  });
});

describe('a pid namespace in the trace (strace --pidns-translation)', () => {
  it("joins each child of the container's shell to it, though clone returns the inside pid", () => {
    const trace = sample('pipeline-container/container.strace.log');
    const tree = computeProcessTree(trace);
    const runtime = findContainerRuntime(trace, tree)!;
    const shell = tree.nodes[tree.nodeOf[runtime.targetExec] as number]!;
    const clones = [];
    for (let i = runtime.targetExec; i < trace.count; i++)
      if (trace.pid(i) === runtime.targetPid && trace.name(i) === 'clone') clones.push(i);
    expect(clones.length).toBeGreaterThanOrEqual(2);
    // clone(...) = 2 /* 19236 in strace's PID NS */: the return is the inside pid, the child is the outside one.
    expect(trace.ret(clones[0]!)).toBeLessThan(10);
    const children = shell.children.map((c) => tree.nodes[c]!.pid);
    expect(children.length).toBe(clones.length);
    for (const pid of children) expect(pid).toBeGreaterThan(100);
  });

  it('pairs every process of the pipeline with its host twin', () => {
    const host = sample('pipeline-container/host.strace.log');
    const container = sample('pipeline-container/container.strace.log');
    const diff = computeTraceDiff(host, container);
    expect(diff.blocks.filter((b) => b.why === 'runtime-scaffolding')).toHaveLength(1);
    expect(diff.blocks.filter((b) => b.why === 'unpaired-process')).toEqual([]);
    const aligned = diff.blocks.filter((b) => b.kind === 'aligned');
    expect(aligned.length).toBeGreaterThanOrEqual(4);
    expect(aligned.every((b) => b.unitA?.program === b.unitB?.program)).toBe(true);
  });
});

describe('spelunk diff SESSION with three runs', () => {
  it('compares host with the first isolated run, or the runs --a and --b name', async () => {
    const dir = SAMPLES + 'seccomp-container';
    const plain = await runCli(['diff', dir]);
    expect(plain.stdout).toMatch(/\nhost: .*host\.strace\.log.*\nchroot: .*chroot\.strace\.log/);
    const chosen = await runCli(['diff', dir, '--a', 'chroot', '--b', 'container']);
    expect(chosen.exitCode).toBe(0);
    expect(chosen.stdout).toMatch(/\nchroot: [^\n]*\ncontainer: /);
    expect(chosen.stdout).toMatch(
      /personality\(PER_LINUX\|ADDR_NO_RANDOMIZE\) fails with EPERM in container/,
    );
    const wrong = await runCli(['diff', dir, '--b', 'vm']);
    expect(wrong.exitCode).toBe(1);
    expect(wrong.stderr).toMatch(/no run labelled vm \(runs: host, chroot, container\)/);
  });
});

describe('spelunk serve SESSION with three runs', () => {
  it('lists every run of the session, each with what session.json says about it', () => {
    const plan = buildServePlan([SAMPLES + 'hello-container']);
    const [trace] = plan.traces;
    expect(trace?.runs.map((r) => r.label)).toEqual(['host', 'chroot', 'container']);
    expect(trace?.runs.map((r) => r.context?.isolation?.[0] ?? 'none')).toEqual([
      'none',
      'chroot',
      'container',
    ]);
    expect(trace?.runs[2]?.context?.isolation).toEqual(
      expect.arrayContaining(['seccomp', 'no_new_privs', 'net']),
    );
    expect(trace?.runs.every((r) => r.urls.length === 1 && plan.files.has(r.urls[0] as string))).toBe(true);
  });
});
