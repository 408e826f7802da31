/**
 * `npm run bench:container` (as root): what the container run costs against the chroot run of the same
 * program, measured side by side. For each program, chroot and container runs are taken in turn (so the
 * load of this shared machine hits both alike), traced as `spelunk collect` traces them, and untraced too
 * (the same chroot command line, and the same runc bundle without strace). Reports wall time, trace size
 * and events, and the share of the container's events that are runc's set-up (findContainerRuntime).
 * Writes the section "## Container run" of BENCHMARKS.md.
 *
 *   node bin/run-ts.js bench/container-bench.ts [--repeat N] [--no-write]
 */
import { execa } from 'execa';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { collect } from '../collector/collect.js';
import { LeftoverRegistry } from '../collector/cleanup/leftover-registry.js';
import { removeBundle } from '../collector/container/bundle.js';
import { prepareContainer } from '../collector/container/container-run.js';
import { findTool, readToolVersions } from '../collector/environment.js';
import { applyRootfsPlan, planRootfs } from '../collector/rootfs/rootfs-build.js';
import { findContainerRuntime } from '../parsers/analysis/container-runtime.js';
import { computeProcessTree } from '../parsers/analysis/process-tree.js';
import { EVENT_KINDS } from '../parsers/model/index.js';
import { parseStrace } from '../parsers/strace/index.js';
import { machineLine } from './machine.js';

const argv = process.argv.slice(2);
const REPEAT = argv.includes('--repeat') ? Number(argv[argv.indexOf('--repeat') + 1]) : 5;
const SYSCALL = EVENT_KINDS.indexOf('syscall');

interface Program {
  name: string;
  argv: string[];
  /** 'auto' or a directory. */
  rootfs: string;
}

interface Sample {
  tracedMs: number;
  bareMs: number;
  logBytes: number;
  lines: number;
  syscalls: number;
  /** Container runs: syscalls of runc's set-up (every runc process, and INIT before the program's execve). */
  runtimeSyscalls: number;
}

async function main(): Promise<void> {
  if (process.getuid?.() !== 0) throw new Error('bench:container must run as root (chroot and runc)');
  const scratch = mkdtempSync('/tmp/spelunk-bench-container-');
  const bin = join(scratch, 'bin');
  mkdirSync(bin);
  await execa('gcc', ['-O2', '-o', join(bin, 'hello'), 'samples/src/hello.c']);
  const busybox = join(scratch, 'busybox-root');
  mkdirSync(join(busybox, 'bin'), { recursive: true });
  copyFileSync('/bin/busybox', join(busybox, 'bin/busybox'));
  for (const a of ['sh', 'echo', 'tr', 'wc']) symlinkSync('busybox', join(busybox, 'bin', a));
  const programs: Program[] = [
    { name: 'hello (C, dynamic)', argv: [join(bin, 'hello')], rootfs: 'auto' },
    { name: 'ls -l /usr/bin (coreutils)', argv: ['/usr/bin/ls', '-l', '/usr/bin'], rootfs: 'auto' },
    {
      name: 'busybox sh pipeline',
      argv: ['/bin/busybox', 'sh', '-c', 'echo hello world | tr a-z A-Z | wc -c'],
      rootfs: busybox,
    },
  ];
  const results = new Map<string, { chroot: Sample[]; container: Sample[] }>();
  for (let r = 0; r < REPEAT; r++) {
    for (const p of programs) {
      const row = results.get(p.name) ?? { chroot: [], container: [] };
      results.set(p.name, row);
      for (const label of ['chroot', 'container'] as const) {
        const s = await measure(p, label, scratch);
        row[label].push(s);
        process.stderr.write(
          `${p.name.padEnd(30)} ${label.padEnd(9)} traced ${s.tracedMs} ms, bare ${s.bareMs} ms, ${s.lines} lines\n`,
        );
      }
    }
  }
  rmSync(scratch, { recursive: true, force: true });
  const tools = await readToolVersions({ strace: findTool('strace'), runc: findTool('runc') });
  const section = formatSection(programs, results, tools);
  process.stdout.write(`${section}\n`);
  if (!argv.includes('--no-write')) writeSection('BENCHMARKS.md', section);
}

/** One traced run through `collect`, and the same isolation untraced. */
async function measure(p: Program, label: 'chroot' | 'container', scratch: string): Promise<Sample> {
  const out = mkdtempSync(join(scratch, 'session-'));
  const { manifest, fault } = await collect({
    program: p.argv[0] as string,
    args: p.argv.slice(1),
    runs: [label],
    rootfs: p.rootfs,
    unshare: [],
    envClear: false,
    env: [],
    binds: [],
    backend: 'strace',
    timeoutMs: 60_000,
    outDir: out,
    log: () => undefined,
  });
  const run = manifest.runs[0];
  if (fault || !run || run.exitCode !== 0)
    throw new Error(`${p.name} ${label}: ${fault?.message ?? 'failed'}`);
  const logPath = join(out, run.log);
  const text = readFileSync(logPath, 'latin1');
  const trace = parseStrace(text);
  let syscalls = 0;
  let runtimeSyscalls = 0;
  const runtime = label === 'container' ? findContainerRuntime(trace, computeProcessTree(trace)) : null;
  for (let i = 0; i < trace.count; i++) {
    if (trace.columns.kind[i] !== SYSCALL) continue;
    syscalls++;
    if (runtime?.isRuntime[i]) runtimeSyscalls++;
  }
  const sample: Sample = {
    tracedMs: run.durationMs,
    bareMs: await bare(p, label, scratch),
    logBytes: statSync(logPath).size,
    lines: text.split('\n').length - 1,
    syscalls,
    runtimeSyscalls,
  };
  rmSync(out, { recursive: true, force: true });
  return sample;
}

/** The run without a tracer: chroot ROOT PROGRAM, or runc run on a bundle built the same way. */
async function bare(p: Program, label: 'chroot' | 'container', scratch: string): Promise<number> {
  let root = p.rootfs;
  const temp = p.rootfs === 'auto' ? mkdtempSync(join(scratch, 'rootfs-')) : null;
  if (temp) {
    applyRootfsPlan(await planRootfs(p.argv[0] as string, 'auto'), temp);
    root = temp;
  }
  const registry = LeftoverRegistry.open({ watchdog: false });
  let command = [findTool('chroot'), root, ...p.argv];
  const container =
    label === 'container'
      ? await prepareContainer({
          runc: findTool('runc'),
          rootDir: root,
          program: p.argv,
          envClear: false,
          env: [],
          binds: [],
          unshare: [],
          registry,
        })
      : null;
  if (container) command = container.command;
  const started = performance.now();
  const r = await execa(command[0] as string, command.slice(1), { reject: false, stdin: 'ignore' });
  const ms = Math.round(performance.now() - started);
  if (container) await removeBundle(container.bundle);
  registry.close();
  if (temp) rmSync(temp, { recursive: true, force: true });
  if (r.exitCode !== 0) throw new Error(`${p.name} ${label} untraced: exit ${r.exitCode}: ${r.stderr}`);
  return ms;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

function formatSection(
  programs: Program[],
  results: Map<string, { chroot: Sample[]; container: Sample[] }>,
  tools: Record<string, string>,
): string {
  const rows: string[] = [];
  const shares: string[] = [];
  for (const p of programs) {
    const r = results.get(p.name);
    if (!r) continue;
    const m = (xs: Sample[], f: (s: Sample) => number): number => median(xs.map(f));
    const c = (f: (s: Sample) => number): number => m(r.chroot, f);
    const k = (f: (s: Sample) => number): number => m(r.container, f);
    const kb = (b: number): string => `${(b / 1024).toFixed(0)} KiB`;
    rows.push(
      `| ${p.name} | ${c((s) => s.tracedMs)} ms | ${k((s) => s.tracedMs)} ms (${(k((s) => s.tracedMs) / c((s) => s.tracedMs)).toFixed(1)}x) | ${c((s) => s.bareMs)} ms | ${k((s) => s.bareMs)} ms | ${kb(c((s) => s.logBytes))}, ${c((s) => s.lines).toLocaleString('en')} lines | ${kb(k((s) => s.logBytes))}, ${k((s) => s.lines).toLocaleString('en')} lines (${(k((s) => s.logBytes) / c((s) => s.logBytes)).toFixed(0)}x) |`,
    );
    const share = r.container.map((s) => s.runtimeSyscalls / s.syscalls);
    shares.push(
      `| ${p.name} | ${k((s) => s.syscalls).toLocaleString('en')} | ${k((s) => s.runtimeSyscalls).toLocaleString('en')} | ${(median(share) * 100).toFixed(1)}% | ${k((s) => s.syscalls - s.runtimeSyscalls).toLocaleString('en')} |`,
    );
  }
  return [
    '## Container run',
    '',
    `Measured by \`npm run bench:container\` (bench/container-bench.ts), ${machineLine()}, ${tools.strace}, ${tools.runc}; medians of ${REPEAT} runs, chroot and container taken in turn, load average ${loadavg()[0]?.toFixed(1)} when it ended (other work on this shared machine: read the ratios and sizes more than the absolute times). Traced: the run as \`spelunk collect\` makes it (\`strace -f\` of the chroot chain, or of \`runc run\`), from the tracer's start to its end. Untraced: the same \`chroot ROOT PROGRAM\`, or \`runc run\` of the same kind of bundle.`,
    '',
    '| program | chroot, traced | container, traced | chroot, untraced | container, untraced | chroot trace | container trace |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    "Share of the container run's system calls that are runc's set-up (every runc process and thread, and the container's first process up to the execve of the program; `findContainerRuntime`), against the program's own:",
    '',
    '| program | container syscalls | runc set-up | share | the program |',
    '|---|---:|---:|---:|---:|',
    ...shares,
    '',
    "runc's part is about the same whatever the program (a Go binary that starts three times: `runc run`, `runc init` from /proc/self/exe and again from its sealed copy, each with its runtime's threads, signal handlers and a cgroup walk), so it dominates the trace of a short program; the program's own calls are the host run's. The diff folds it into one block and compares the program with its host twin (parsers/analysis/diff/runtime-block.ts).",
    '',
  ].join('\n');
}

function writeSection(file: string, section: string): void {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = text.indexOf('## Container run');
  if (start === -1) {
    writeFileSync(file, `${text.trimEnd()}\n\n${section}`);
    return;
  }
  const next = text.indexOf('\n## ', start + 3);
  writeFileSync(file, `${text.slice(0, start)}${section}${next === -1 ? '' : text.slice(next + 1)}`);
}

await main();
