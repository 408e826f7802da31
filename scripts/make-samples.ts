/**
 * `npm run samples`: regenerates samples/ from the workshop's scenarios, by running the collector for real
 * (as root, with strace and bpftrace). Each sample gets its own folder with the session (session.json, the
 * raw logs, the program's output) and a RECIPE.md; samples/index.json lists them for the app.
 *
 *   node bin/run-ts.js scripts/make-samples.ts [--only ID[,ID...] | --group NAME] [--no-bpftrace]
 *   node bin/run-ts.js scripts/make-samples.ts --recipes-only [--only ID[,ID...]]
 *
 * --only captures the named scenarios and keeps the other samples as they are; --recipes-only rewrites
 * RECIPE.md files (and the titles and teaches of index.json) from the scenarios without capturing anything.
 */
import { execa } from 'execa';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { collect } from '../collector/collect.js';
import type { CollectOptions } from '../collector/collect.js';
import { SAMPLE_SCENARIOS } from './sample-scenarios.js';
import { cleanupWorkshopAssets, prepareWorkshopAssets } from './sample-assets.js';
import type { SampleScenario } from './sample-scenarios.js';

const SAMPLES = resolve('samples');
const WORK = '/tmp/spelunk-samples';
const BIN = `${WORK}/bin`;
const BUSYBOX_ROOT = `${WORK}/busybox-root`;
const DATA = `${WORK}/data`;
const APPLETS = ['sh', 'env', 'echo', 'cat', 'tr', 'wc', 'ls', 'hostname', 'ip'];

async function prepare(): Promise<void> {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(BIN, { recursive: true });
  const cc = async (args: string[]): Promise<void> => void (await execa('gcc', ['-O2', ...args]));
  await cc(['-o', `${BIN}/hello`, 'samples/src/hello.c']);
  await cc(['-static', '-o', `${BIN}/hello-static`, 'samples/src/hello.c']);
  await cc(['-pthread', '-o', `${BIN}/threads`, 'samples/src/threads.c']);
  await cc(['-o', `${BIN}/seccomp-deny`, 'samples/src/seccomp-deny.c']);
  await cc(['-o', `${BIN}/aslr-off`, 'samples/src/aslr-off.c']);
  // The busybox toy rootfs: one static binary, and a link per command.
  mkdirSync(`${BUSYBOX_ROOT}/bin`, { recursive: true });
  copyFileSync('/bin/busybox', `${BUSYBOX_ROOT}/bin/busybox`);
  for (const applet of APPLETS) symlinkSync('busybox', `${BUSYBOX_ROOT}/bin/${applet}`);
  mkdirSync(DATA, { recursive: true });
  writeFileSync(`${DATA}/message.txt`, 'hello from the host, through a bind mount\n');
  // The cgroup-join demo's cgroup, under the cgroup v2 mount (pure v2, or hybrid's /sys/fs/cgroup/unified).
  const v2 = readFileSync('/proc/mounts', 'utf8')
    .split('\n')
    .find((l) => l.split(' ')[2] === 'cgroup2')
    ?.split(' ')[1];
  if (v2) {
    vars.cgroupDir = `${v2}/spelunk-demo`;
    if (!existsSync(vars.cgroupDir)) mkdirSync(vars.cgroupDir);
  }
  await prepareWorkshopAssets(vars);
}

/** Values for `{name}` in scenario args (see SampleScenario.background). */
const vars: Record<string, string> = {};
const fill = (arg: string): string => arg.replace(/\{(\w+)\}/g, (m, name: string) => vars[name] ?? m);

/** Starts the scenario's background process; resolves once it has exec'd its last program (sleep). */
async function startBackground(argv: string[]): Promise<() => void> {
  const child = execa(argv[0] as string, argv.slice(1), { stdio: 'ignore', reject: false });
  for (let i = 0; i < 100 && !readComm(child.pid).startsWith('sleep'); i++)
    await new Promise((r) => setTimeout(r, 20));
  vars.backgroundPid = String(child.pid);
  return () => void child.kill('SIGKILL');
}

function readComm(pid: number | undefined): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8');
  } catch {
    return '';
  }
}

async function makeSample(
  s: SampleScenario,
  backend: 'strace' | 'bpftrace',
): Promise<Record<string, unknown>> {
  const id = backend === 'strace' ? s.id : `${s.id}-bpftrace`;
  const dir = join(SAMPLES, id);
  rmSync(dir, { recursive: true, force: true });
  const options: CollectOptions = {
    program: s.program,
    args: s.args.map(fill),
    runs: s.runs ?? ['host', 'chroot'],
    rootfs: s.rootfs ?? 'auto',
    unshare: s.unshare ?? [],
    envClear: s.envClear ?? false,
    env: s.env ?? [],
    binds: s.binds ?? [],
    backend,
    timeoutMs: 30_000,
    outDir: dir,
    log: (line) => process.stderr.write(`  ${line}\n`),
  };
  process.stderr.write(`${id}\n`);
  const stopBackground = s.background ? await startBackground(s.background) : null;
  if (stopBackground) options.args = s.args.map(fill);
  const { manifest, fault } = await collect(options).finally(() => stopBackground?.());
  if (fault) throw new Error(`${id}: ${fault.message}`);
  writeFileSync(
    join(dir, 'RECIPE.md'),
    recipe(
      s,
      id,
      backend,
      manifest.runs.map((r) => `${r.label}: exit ${r.exitCode ?? r.signal}`),
    ),
  );
  return {
    id,
    title: backend === 'strace' ? s.title : `${s.title} (bpftrace)`,
    teaches: s.teaches,
    backend,
    session: `${id}/session.json`,
    runs: manifest.runs.map((r) => ({ label: r.label, log: `${id}/${r.log}`, exitCode: r.exitCode })),
  };
}

function recipe(s: SampleScenario, id: string, backend: string, results: string[]): string {
  const flags = [
    ...(backend === 'bpftrace' ? ['--backend bpftrace'] : []),
    ...(s.runs && s.runs.join(',') !== 'host,chroot' ? [`--runs ${s.runs.join(',')}`] : []),
    ...(s.rootfs && s.rootfs !== 'auto' ? [`--rootfs ${s.rootfs}`] : []),
    ...(s.unshare?.length ? [`--unshare ${s.unshare.join(',')}`] : []),
    ...(s.envClear ? ['--env-clear'] : []),
    ...(s.env ?? []).map((e) => `--env ${e}`),
    ...(s.binds ?? []).map((b) => `--bind ${b.source}:${b.target}${b.readOnly ? ':ro' : ''}`),
  ];
  const quote = (a: string): string => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);
  return [
    `# ${s.title}${backend === 'bpftrace' ? ' (bpftrace)' : ''}`,
    '',
    s.teaches,
    '',
    '## Recipe',
    '',
    '```sh',
    ...(s.setup ?? []),
    `sudo npx spelunk collect ${[...flags, '--out', `samples/${id}`, '--', s.program, ...s.args.map(quote)].join(' ')}`,
    '```',
    '',
    s.group
      ? `Made by \`npm run samples:${s.group}\` (only this group) or \`npm run samples\` (every sample), both scripts/make-samples.ts, which also builds the programs in ${WORK}.`
      : `Made by \`npm run samples\` (scripts/make-samples.ts), which also builds the programs in ${WORK}.`,
    '',
    '## What to look at',
    '',
    s.lookFor,
    '',
    `Runs: ${results.join('; ')}. Files: session.json, the raw ${backend} logs, and each run's stdout/stderr.`,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const group = argv.includes('--group') ? argv[argv.indexOf('--group') + 1] : null;
  const only = argv.includes('--only')
    ? new Set((argv[argv.indexOf('--only') + 1] ?? '').split(','))
    : group
      ? new Set(SAMPLE_SCENARIOS.filter((s) => s.group === group).map((s) => s.id))
      : null;
  const withBpftrace = !argv.includes('--no-bpftrace');
  if (argv.includes('--recipes-only')) return rewriteRecipes(only, withBpftrace);
  if (process.getuid?.() !== 0)
    throw new Error('npm run samples must run as root (it runs chroot, unshare and the tracers)');
  mkdirSync(SAMPLES, { recursive: true });
  const index: Array<Record<string, unknown>> = [];
  try {
    await prepare();
    for (const s of SAMPLE_SCENARIOS) {
      if (only && !only.has(s.id)) continue;
      index.push(await makeSample(s, 'strace'));
      if (withBpftrace && s.bpftrace !== false) index.push(await makeSample(s, 'bpftrace'));
    }
  } finally {
    // A cgroup directory goes with rmdir once its processes have exited (its files cannot be deleted).
    if (vars.cgroupDir && existsSync(vars.cgroupDir)) rmdirSync(vars.cgroupDir);
    await cleanupWorkshopAssets(vars);
  }
  if (!only) {
    // Sample folders no scenario makes any more go away.
    const keep = new Set(['src', ...index.map((e) => String(e.id))]);
    for (const name of readdirSync(SAMPLES)) {
      if (!keep.has(name) && existsSync(join(SAMPLES, name, 'session.json')))
        rmSync(join(SAMPLES, name), { recursive: true });
    }
    writeFileSync(
      join(SAMPLES, 'index.json'),
      `${JSON.stringify({ schemaVersion: 1, samples: index }, null, 2)}\n`,
    );
  } else {
    // --only: the other samples stay as captured; their index entries are kept, in scenario order.
    const old = existsSync(join(SAMPLES, 'index.json'))
      ? (
          JSON.parse(readFileSync(join(SAMPLES, 'index.json'), 'utf8')) as {
            samples: Array<Record<string, unknown>>;
          }
        ).samples
      : [];
    const byId = new Map([...old, ...index].map((e) => [String(e.id), e]));
    const order = SAMPLE_SCENARIOS.flatMap((s) => [s.id, `${s.id}-bpftrace`]);
    const merged = order.flatMap((id) => byId.get(id) ?? []);
    writeFileSync(
      join(SAMPLES, 'index.json'),
      `${JSON.stringify({ schemaVersion: 1, samples: merged }, null, 2)}\n`,
    );
  }
  process.stderr.write(`${index.length} samples in ${SAMPLES}\n`);
}

/**
 * `--recipes-only`: rewrites each RECIPE.md from its scenario and the session already captured, without
 * running anything (for a corrected text; the traces, goldens and lessons stay as they are).
 */
function rewriteRecipes(only: Set<string> | null, withBpftrace: boolean): void {
  for (const s of SAMPLE_SCENARIOS) {
    if (only && !only.has(s.id)) continue;
    for (const backend of withBpftrace && s.bpftrace !== false ? ['strace', 'bpftrace'] : ['strace']) {
      const id = backend === 'strace' ? s.id : `${s.id}-bpftrace`;
      const session = join(SAMPLES, id, 'session.json');
      if (!existsSync(session)) continue;
      const manifest = JSON.parse(readFileSync(session, 'utf8')) as {
        runs: { label: string; exitCode: number | null; signal?: string }[];
      };
      const results = manifest.runs.map((r) => `${r.label}: exit ${r.exitCode ?? r.signal}`);
      writeFileSync(join(SAMPLES, id, 'RECIPE.md'), recipe(s, id, backend, results));
      process.stderr.write(`${id}/RECIPE.md\n`);
    }
  }
  // The app shows each sample's title and teaches from index.json: keep them the scenario's words too.
  const indexPath = join(SAMPLES, 'index.json');
  if (!existsSync(indexPath)) return;
  const index = JSON.parse(readFileSync(indexPath, 'utf8')) as { samples: Array<Record<string, unknown>> };
  for (const entry of index.samples) {
    const s = SAMPLE_SCENARIOS.find((c) => c.id === entry.id || `${c.id}-bpftrace` === entry.id);
    if (!s || (only && !only.has(s.id))) continue;
    entry.title = entry.id === s.id ? s.title : `${s.title} (bpftrace)`;
    entry.teaches = s.teaches;
  }
  writeFileSync(indexPath, `${JSON.stringify(index, null, 2)}\n`);
}

await main();
