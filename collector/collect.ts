import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { LeftoverRegistry } from './cleanup/leftover-registry.js';
import type { SweepReport } from './cleanup/sweep-leftovers.js';
import { sweepLeftovers } from './cleanup/sweep-leftovers.js';
import { CollectError, EXIT } from './faults.js';
import {
  describeKernel,
  ensureTracefs,
  findTool,
  mountsUnder,
  readToolVersions,
  requireRoot,
} from './environment.js';
import {
  applyRootfsPlan,
  ensureMountPoint,
  planRootfs,
  resolveHostProgram,
  resolveRootfsProgram,
} from './rootfs/rootfs-build.js';
import { checkBindSource, checkMountPoint, checkProcDir, checkRootDir } from './rootfs/rootfs-checks.js';
import { planBytes } from './rootfs/rootfs-plan.js';
import { extractRootfsArchive, isRootfsArchive } from './rootfs/rootfs-tar.js';
import type { RootfsPlan } from './rootfs/rootfs-plan.js';
import type { BindSpec, ChainTools, Namespace } from './run-chain.js';
import { buildChrootCommand, buildHostCommand, namespacesFor } from './run-chain.js';
import { runOne } from './run-one.js';
import type { RunOneResult } from './run-one.js';
import { bpftraceEnv, buildBpftraceScript } from './tracers/bpftrace-script.js';
import { parseTraceSet } from './tracers/trace-set.js';
import { syscallNumberOf } from '../parsers/bpftrace/numbers.js';
import type { PreparedContainer } from './container/container-run.js';
import { containerIsolation, prepareContainer, saveContainerConfig } from './container/container-run.js';
import { removeBundle } from './container/bundle.js';
import type { Backend, RunLabel, SessionManifest } from './session/session-manifest.js';
import { SESSION_SCHEMA_VERSION } from './session/session-manifest.js';

export interface CollectOptions {
  program: string;
  args: string[];
  runs: RunLabel[];
  /** 'auto', 'bare', a tar file (`docker export` output), or a directory. */
  rootfs: string;
  unshare: Namespace[];
  /** With --unshare pid: mount a fresh /proc in the rootfs (default true; --no-mount-proc). */
  mountProc?: boolean;
  envClear: boolean;
  env: string[];
  binds: BindSpec[];
  backend: Backend;
  trace?: string;
  timeoutMs?: number;
  outDir?: string;
  /** Progress lines for the terminal. */
  log: (line: string) => void;
  abort?: AbortSignal;
}

export interface CollectOutcome {
  sessionDir: string;
  manifest: SessionManifest;
  /** The run-level fault to report, if any (the session is still written). */
  fault: CollectError | null;
}

/** Traces the program as asked and writes the session. Throws CollectError for problems found before any run. */
export async function collect(o: CollectOptions): Promise<CollectOutcome> {
  const wantsChroot = o.runs.includes('chroot');
  const wantsContainer = o.runs.includes('container');
  // Both isolated runs use the rootfs: the chroot as it is, the container through an overlay on it.
  const wantsRootfs = wantsChroot || wantsContainer;
  if (wantsRootfs || o.backend === 'bpftrace')
    requireRoot(wantsRootfs ? 'chroot, containers, mounts and namespaces need root' : 'bpftrace needs root');
  const tracer = findTool(o.backend);
  const runc = wantsContainer ? findTool('runc') : null;
  const rootMode = rootfsMode(o.rootfs);
  const rootDirGiven = rootMode === 'dir' ? resolve(o.rootfs) : null;
  const archive = rootMode === 'tar' ? resolve(o.rootfs) : null;
  if (rootDirGiven) checkRootDir(rootDirGiven);
  const needsHostProgram = o.runs.includes('host') || rootMode === 'auto' || rootMode === 'bare';
  const hostProgram = needsHostProgram ? resolveHostProgram(o.program) : null;
  // A tar rootfs is looked into once extracted, just before the chroot run.
  let insideProgram = rootDirGiven ? resolveRootfsProgram(rootDirGiven, o.program) : hostProgram;
  const tools = chainTools(o);
  const traceSet = o.backend === 'bpftrace' && o.trace ? parseTraceSet(o.trace) : null;
  if (typeof traceSet === 'string')
    throw new CollectError(
      traceSet,
      'Use syscall names, or --backend strace for its full -e trace= syntax.',
      EXIT.usage,
    );
  if (o.binds.length > 0) for (const b of o.binds) checkBindSource(b);
  const mountProc = o.unshare.includes('pid') && o.mountProc !== false;
  if (mountProc && rootDirGiven) checkProcDir(rootDirGiven);
  warnHostRunNotIsolated(o);
  const tracefsNote = o.backend === 'bpftrace' ? await ensureTracefs() : null;
  if (tracefsNote) o.log(tracefsNote);

  const sessionDir = resolve(o.outDir ?? defaultSessionDir(o.program));
  makeSessionDir(sessionDir, o.outDir);
  // What an earlier collect killed with SIGKILL left (its runs, its rootfs) goes first.
  logSweep(await sweepLeftovers(), o.log);
  // From here on, everything made on the machine is recorded before it is made.
  const registry = LeftoverRegistry.open();
  const scratch = registry.makeTempDir('/tmp/spelunk-').path;
  const manifest: SessionManifest = {
    schemaVersion: SESSION_SCHEMA_VERSION,
    tool: 'spelunk',
    createdAt: new Date().toISOString(),
    program: { given: o.program, path: hostProgram, args: o.args },
    backend: o.backend,
    tools: await readToolVersions({
      [o.backend]: tracer,
      ...(wantsChroot ? { unshare: tools.unshare, chroot: tools.chroot } : {}),
      ...(runc ? { runc } : {}),
    }),
    kernel: describeKernel(),
    options: {
      runs: o.runs,
      rootfs: o.rootfs,
      unshare: o.unshare,
      ...(o.unshare.includes('pid') ? { mountProc } : {}),
      envClear: o.envClear,
      env: o.env,
      binds: o.binds,
      trace: o.trace ?? null,
      timeoutMs: o.timeoutMs ?? null,
    },
    rootfs: null,
    runs: [],
    complete: false,
    notes: tracefsNote ? [tracefsNote] : [],
  };
  const save = (): void =>
    writeFileSync(`${sessionDir}/session.json`, `${JSON.stringify(manifest, null, 2)}\n`);
  save();
  let tempRoot: string | null = null;
  let fault: CollectError | null = null;
  let cleanupProblems: string[] = [];
  try {
    let scriptFile: string | undefined;
    if (o.backend === 'bpftrace') {
      const script = buildBpftraceScript({
        include: traceSet?.include ?? null,
        exclude: traceSet?.exclude ?? null,
        numberOf: syscallNumberOf,
      });
      scriptFile = `${scratch}/spelunk.bt`;
      writeFileSync(scriptFile, script);
      writeFileSync(`${sessionDir}/spelunk.bt`, script);
      manifest.bpftraceScript = 'spelunk.bt';
    }
    let rootDir = rootDirGiven;
    if (wantsRootfs && archive) {
      tempRoot = registry.makeTempDir('/tmp/spelunk-rootfs-').path;
      rootDir = tempRoot;
      const tree = await extractRootfsArchive(archive, tempRoot);
      insideProgram = resolveRootfsProgram(tempRoot, o.program);
      for (const b of o.binds) ensureMountPoint(tempRoot, b.target, b.source);
      if (mountProc) mkdirSync(`${tempRoot}/proc`, { recursive: true });
      manifest.rootfs = {
        mode: 'tar',
        dir: tempRoot,
        archive,
        entries: tree.entries,
        files: [],
        totalBytes: tree.totalBytes,
        warnings: [],
      };
      o.log(
        `rootfs (tar): ${tree.entries} entries, ${formatBytes(tree.totalBytes)} from ${archive} in ${tempRoot}`,
      );
    } else if (wantsRootfs && (rootMode === 'auto' || rootMode === 'bare') && hostProgram) {
      tempRoot = registry.makeTempDir('/tmp/spelunk-rootfs-').path;
      rootDir = tempRoot;
      const plan = await planRootfs(hostProgram, rootMode);
      applyRootfsPlan(plan, tempRoot);
      for (const b of o.binds) ensureMountPoint(tempRoot, b.target, b.source);
      manifest.rootfs = describeRootfs(rootMode, tempRoot, plan);
      if (mountProc) {
        mkdirSync(`${tempRoot}/proc`, { recursive: true });
        manifest.rootfs.files.push({ path: '/proc', kind: 'dir' });
      }
      o.log(
        `rootfs (${rootMode}): ${plan.entries.length} entries, ${formatBytes(planBytes(plan))} in ${tempRoot}`,
      );
      for (const w of plan.warnings) o.log(`  warning: ${w}`);
    } else if (rootDirGiven) {
      // The container's mount points are made in its overlay; only the chroot needs them in the rootfs.
      if (wantsChroot) for (const b of o.binds) checkMountPoint(rootDirGiven, b.target);
      manifest.rootfs = { mode: 'dir', dir: rootDirGiven, files: [], totalBytes: 0, warnings: [] };
    }
    save();
    const env = o.backend === 'bpftrace' ? bpftraceEnv() : undefined;
    for (const label of o.runs) {
      if (o.abort?.aborted) break;
      const program = label === 'host' ? (hostProgram as string) : (insideProgram as string);
      const chain = { program: [program, ...o.args], envClear: o.envClear, env: o.env, tools };
      let container: PreparedContainer | null = null;
      if (label === 'container')
        container = await prepareContainer({
          runc: runc as string,
          rootDir: rootDir as string,
          program: chain.program,
          envClear: o.envClear,
          env: o.env,
          binds: o.binds,
          unshare: o.unshare,
          registry,
        });
      const command = container
        ? container.command
        : label === 'host'
          ? buildHostCommand(chain)
          : buildChrootCommand({
              ...chain,
              rootDir: rootDir as string,
              unshare: o.unshare,
              binds: o.binds,
              mountProc,
            });
      o.log(`${label.padEnd(9)} ▸ ${o.backend} … ${command.join(' ').replace(/\n/g, '⏎').slice(0, 160)}`);
      const result = await runOne({
        label,
        backend: o.backend,
        tracer,
        command,
        sessionDir,
        scratchDir: scratch,
        registry,
        ...(scriptFile ? { bpftraceScriptFile: scriptFile } : {}),
        ...(o.trace && o.backend === 'strace' ? { trace: o.trace } : {}),
        ...(label === 'container' || (label === 'chroot' && o.unshare.includes('pid'))
          ? { pidnsTranslation: true }
          : {}),
        ...(o.timeoutMs ? { timeoutMs: o.timeoutMs } : {}),
        ...(o.abort ? { abort: o.abort } : {}),
        ...(env ? { env } : {}),
      }).finally(async () => {
        // The container goes whatever happened to the run: runc delete, cgroups, overlay, bundle.
        if (container) cleanupProblems = await removeBundle(container.bundle);
      });
      result.run.isolation =
        label === 'host'
          ? []
          : label === 'chroot'
            ? ['chroot', ...namespacesFor(o.unshare, o.binds.length > 0)]
            : [];
      if (container) {
        result.run.isolation = containerIsolation(container.config);
        const b = container.bundle;
        result.run.container = {
          runtime: 'runc',
          id: b.id,
          hostname: b.hostname,
          cgroupsPath: b.cgroupsPath,
          config: saveContainerConfig(sessionDir, label, container.config),
          ...(cleanupProblems.length > 0 ? { cleanupProblems } : {}),
        };
        for (const p of cleanupProblems) o.log(`warning: ${p}`);
      }
      manifest.runs.push(result.run);
      save();
      o.log(`${label.padEnd(9)} ■ ${describeRun(result)} → ${result.run.log}`);
      fault ??= runFault(result, o);
      if (result.run.incompleteReason === 'interrupted' || result.run.incompleteReason === 'tracer-failed')
        break;
    }
  } finally {
    if (tempRoot && removeTempRoot(tempRoot, o.log)) registry.releasePath(tempRoot);
    rmSync(scratch, { recursive: true, force: true });
    registry.releasePath(scratch);
    registry.close();
  }
  if (o.abort?.aborted && !fault) fault = interruptedFault(sessionDir);
  manifest.complete = manifest.runs.length === o.runs.length && manifest.runs.every((r) => !r.incomplete);
  save();
  return { sessionDir, manifest, fault };
}

/** `--rootfs`: auto, bare, an existing regular file (a tar archive), or a directory. */
function rootfsMode(spec: string): 'auto' | 'bare' | 'tar' | 'dir' {
  if (spec === 'auto' || spec === 'bare') return spec;
  return isRootfsArchive(spec) ? 'tar' : 'dir';
}

function chainTools(o: CollectOptions): ChainTools {
  const need = (name: string, when: boolean): string => (when ? findTool(name) : name);
  const chroot = o.runs.includes('chroot');
  // --env/--env-clear reach the container through its config, not through env(1).
  const hostOrChroot = o.runs.includes('host') || chroot;
  return {
    env: need('env', hostOrChroot && (o.envClear || o.env.length > 0)),
    unshare: need('unshare', chroot && (o.unshare.length > 0 || o.binds.length > 0)),
    chroot: need('chroot', chroot),
    mount: need('mount', chroot && o.binds.length > 0),
    sh: need('sh', chroot && o.binds.length > 0),
  };
}

/**
 * The namespaces are the chroot run's only: the host run runs the program in this machine's own ones,
 * so a program that changes global state (hostname NAME, ip link add, mount) changes the real host.
 */
function warnHostRunNotIsolated(o: CollectOptions): void {
  if (o.unshare.length === 0 || !o.runs.includes('host')) return;
  o.log(
    `note: --unshare ${o.unshare.join(',')} applies to the chroot run only; the host run runs ${basename(o.program)} in this machine's own namespaces, so whatever it changes there (hostname, network, mounts) changes the host. Add --runs chroot to skip the host run.`,
  );
}

function describeRootfs(
  mode: 'auto' | 'bare',
  dir: string,
  plan: RootfsPlan,
): NonNullable<SessionManifest['rootfs']> {
  return {
    mode,
    dir,
    files: plan.entries.map((e) =>
      e.kind === 'file'
        ? { path: e.path, kind: 'file', source: e.source, size: e.size }
        : e.kind === 'symlink'
          ? { path: e.path, kind: 'symlink', target: e.target }
          : { path: e.path, kind: 'dir' },
    ),
    totalBytes: planBytes(plan),
    warnings: plan.warnings,
  };
}

/**
 * The temporary rootfs goes, unless something is still mounted in it (then it stays, and we say so; it
 * stays in the leftover registry too, so the next collect tries again). True when it is gone.
 */
function removeTempRoot(dir: string, log: (line: string) => void): boolean {
  const mounts = mountsUnder(dir);
  if (mounts.length > 0) {
    log(`warning: ${mounts.length} mount(s) still under ${dir}; left in place: ${mounts.join(', ')}`);
    return false;
  }
  rmSync(dir, { recursive: true, force: true });
  return true;
}

/** One progress line per earlier collect whose leftovers were removed, and a warning per one that stays. */
function logSweep(report: SweepReport, log: (line: string) => void): void {
  if (report.owners.length === 0) return;
  const what = report.done.length > 0 ? report.done.join('; ') : 'nothing was left';
  log(`cleaned up after an earlier collect that did not finish (pid ${report.owners.join(', ')}): ${what}`);
  for (const p of report.problems) log(`warning: could not clean up ${p}`);
}

/**
 * The session directory, made here so that a bad --out is one line: `--out notes.txt` (a file), or a
 * path under a file, or a read-only place.
 */
function makeSessionDir(dir: string, given: string | undefined): void {
  const name = given ?? dir;
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason =
      code === 'EEXIST'
        ? 'is a file, not a directory'
        : code === 'ENOTDIR'
          ? `is under ${fileAbove(dir) ?? 'a file'}, which is a file, not a directory`
          : code === 'EACCES' || code === 'EPERM'
            ? 'cannot be created here (permission denied)'
            : code === 'EROFS'
              ? 'is on a read-only file system'
              : `cannot be created (${code ?? String(e)})`;
    throw new CollectError(
      `--out ${name}: ${reason}`,
      'Name a new or existing directory for the session, e.g. --out sessions/my-run.',
      EXIT.usage,
    );
  }
  if (!statSync(dir).isDirectory())
    throw new CollectError(
      `--out ${name}: is a file, not a directory`,
      'Name a new or existing directory for the session, e.g. --out sessions/my-run.',
      EXIT.usage,
    );
}

/** The nearest existing ancestor of `path` when it is not a directory (the file blocking mkdir -p). */
function fileAbove(path: string): string | null {
  for (let p = dirname(path); p !== dirname(p); p = dirname(p)) {
    try {
      return statSync(p).isDirectory() ? null : p;
    } catch {
      // not there yet: look higher
    }
  }
  return null;
}

function describeRun(r: RunOneResult): string {
  const run = r.run;
  const status = run.signal
    ? `killed by ${run.signal}`
    : run.exitCode === null
      ? 'no exit status'
      : `exit ${run.exitCode}`;
  const note = run.incomplete ? ` (incomplete: ${run.incompleteReason})` : '';
  return `${status} in ${(run.durationMs / 1000).toFixed(2)} s${note}`;
}

function runFault(r: RunOneResult, o: CollectOptions): CollectError | null {
  const run = r.run;
  switch (run.incompleteReason) {
    case 'timeout':
      return new CollectError(
        `the ${run.label} run was still going after ${(o.timeoutMs ?? 0) / 1000} s (--timeout) and was killed; what was traced is kept, marked incomplete`,
        'Raise --timeout, or check why the program hangs (the end of the log shows where it waits).',
        EXIT.timeout,
      );
    case 'interrupted':
      return null; // reported once by the caller
    case 'tracer-killed':
      return new CollectError(
        `${o.backend} died during the ${run.label} run (${r.tracerSignal ?? 'killed'}); its log is kept, marked incomplete`,
        'Something killed the tracer (OOM killer? a kill command?): run again.',
        EXIT.tracer,
      );
    case 'tracer-failed':
      return new CollectError(
        `${o.backend} failed in the ${run.label} run: ${r.tracerError ?? 'no log written'}`,
        `See ${run.stderr} in the session directory for its full message.`,
        EXIT.tracer,
      );
  }
  if (run.signal && run.signal !== 'SIGKILL') {
    return new CollectError(
      `the program crashed in the ${run.label} run (${run.signal}); the trace shows what led to it`,
      'The session is complete: open it to see the last calls before the crash.',
      EXIT.crashed,
    );
  }
  return null;
}

function interruptedFault(sessionDir: string): CollectError {
  return new CollectError(
    `interrupted (Ctrl-C); the runs traced so far are kept in ${sessionDir}, marked incomplete`,
    'Run the command again to capture a full session.',
    EXIT.interrupted,
  );
}

function defaultSessionDir(program: string): string {
  const d = new Date();
  const p = (n: number): string => String(n).padStart(2, '0');
  const stamp = `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
  return `sessions/${stamp}-${basename(program).replace(/[^A-Za-z0-9._-]/g, '_')}`;
}

export function formatBytes(n: number): string {
  return n < 1024
    ? `${n} B`
    : n < 1024 * 1024
      ? `${(n / 1024).toFixed(1)} KiB`
      : `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
