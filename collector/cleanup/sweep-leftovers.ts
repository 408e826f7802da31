import { existsSync, readFileSync, readdirSync, renameSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, normalize } from 'node:path';
import { mountsUnder } from '../environment.js';
import { runCapture } from '../process-runner.js';
import type { Leftover, RegistryLine, RegistryOwner } from './leftover-registry.js';
import { REGISTRY_SUFFIX, defaultRegistryDir } from './leftover-registry.js';
import { isRunning, listProcesses, readBootId, readProcStat } from './proc-stat.js';

/** What one sweep did, per registry of a dead collector. */
export interface SweepReport {
  /** Registries whose owner was gone, by owner pid. */
  owners: number[];
  /** Plain sentences: "killed 2 processes of run group 4001", "removed /tmp/spelunk-rootfs-1a2b3c4d". */
  done: string[];
  /** What could not be undone (it stays listed, and the next collect tries again). */
  problems: string[];
}

const CLAIM = '.sweep.';
/** Order of undoing: processes hold mounts and cgroups; mounts pin directories. */
const ORDER: Leftover['kind'][] = [
  'process-group',
  'runc-container',
  'mount',
  'netns',
  'link',
  'cgroup',
  'dir',
];

/**
 * Undoes what dead collect runs left: for each registry whose owner process is gone (killed, crashed,
 * the machine rebooted), the entries it never released, processes first. A registry is claimed by
 * renaming it first, so two collects starting at once never sweep the same one; a live owner's registry
 * is never touched.
 */
export async function sweepLeftovers(dir = defaultRegistryDir()): Promise<SweepReport> {
  const report: SweepReport = { owners: [], done: [], problems: [] };
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return report;
  }
  const me = readProcStat(process.pid)?.startTicks ?? 0;
  for (const name of names) {
    const claimable = name.endsWith(REGISTRY_SUFFIX) || claimerIsGone(name);
    if (!claimable) continue;
    const base = name.includes(CLAIM) ? name.slice(0, name.indexOf(CLAIM)) : name;
    const lines = readRegistry(join(dir, name));
    if (!lines) continue;
    const header = lines[0];
    if (!header || !('owner' in header) || ownerIsRunning(header.owner)) continue;
    const claimed = join(dir, `${base}${CLAIM}${process.pid}-${me}`);
    try {
      renameSync(join(dir, name), claimed);
    } catch {
      continue; // another collect claimed it first
    }
    report.owners.push(header.owner.pid);
    const left = await undoAll(pendingOf(lines), report);
    if (left.length === 0) rmSync(claimed, { force: true });
    else {
      // Kept under its own name for the next collect: the owner stays the dead one.
      const kept = [header, ...left.map((leftover, k): RegistryLine => ({ id: k + 1, leftover }))];
      writeFileSync(claimed, kept.map((l) => JSON.stringify(l)).join('\n') + '\n');
      renameSync(claimed, join(dir, base));
    }
  }
  return report;
}

function readRegistry(path: string): RegistryLine[] | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  const out: RegistryLine[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    try {
      out.push(JSON.parse(line) as RegistryLine);
    } catch {
      // a line cut by the kill: what it would have said was never acted on
    }
  }
  return out;
}

function ownerIsRunning(owner: RegistryOwner): boolean {
  return owner.bootId === readBootId() && isRunning(owner.pid, owner.startTicks);
}

/** `NAME.sweep.PID-TICKS`: claimed by a sweep whose process is gone (it died mid-sweep). */
function claimerIsGone(name: string): boolean {
  const at = name.indexOf(CLAIM);
  if (at < 0) return false;
  const m = /^(\d+)-(\d+)$/.exec(name.slice(at + CLAIM.length));
  return m !== null && !isRunning(Number(m[1]), Number(m[2]));
}

/** Entries recorded and never released, in recording order. */
function pendingOf(lines: RegistryLine[]): Leftover[] {
  const live = new Map<number, Leftover>();
  for (const l of lines) {
    if ('leftover' in l) live.set(l.id, l.leftover);
    else if ('released' in l) live.delete(l.id);
  }
  return [...live.values()];
}

/** Undoes every entry, kind by kind in ORDER, newest first within a kind; returns what is left. */
async function undoAll(pending: Leftover[], report: SweepReport): Promise<Leftover[]> {
  const left: Leftover[] = [];
  for (const kind of ORDER) {
    const ofKind = pending.filter((l) => l.kind === kind).reverse();
    for (const leftover of ofKind) {
      const problem = await undo(leftover, report.done);
      if (problem !== null) {
        report.problems.push(problem);
        left.push(leftover);
      }
    }
  }
  return left;
}

/** Undoes one entry; returns null when it is gone (or was never made), else why it is not. */
async function undo(l: Leftover, done: string[]): Promise<string | null> {
  switch (l.kind) {
    case 'process-group':
      return killGroup(l.pgid, l.startTicks, done);
    case 'runc-container': {
      const r = await runCapture([l.runc, '--root', l.root, 'delete', '--force', l.id]);
      if (r.exitCode === 0) done.push(`deleted runc container ${l.id}`);
      else if (!/does not exist|not found/i.test(r.stderr) && existsSync(join(l.root, l.id)))
        return `runc container ${l.id}: ${firstLine(r.stderr || r.spawnError)}`;
      return null;
    }
    case 'mount':
      return unmount(l.path, done);
    case 'netns': {
      if (!existsSync(`/run/netns/${l.name}`)) return null;
      const r = await runCapture(['ip', 'netns', 'delete', l.name]);
      if (r.exitCode !== 0) return `network namespace ${l.name}: ${firstLine(r.stderr || r.spawnError)}`;
      done.push(`deleted network namespace ${l.name}`);
      return null;
    }
    case 'link': {
      if (!existsSync(`/sys/class/net/${l.name}`)) return null;
      const r = await runCapture(['ip', 'link', 'delete', l.name]);
      if (r.exitCode !== 0) return `network link ${l.name}: ${firstLine(r.stderr || r.spawnError)}`;
      done.push(`deleted network link ${l.name}`);
      return null;
    }
    case 'cgroup':
      return removeCgroup(l.path, done);
    case 'dir':
      return removeDir(l.path, done);
  }
}

/**
 * SIGKILLs the members of a run's process group. The group was its own session (pgid = sid = the
 * tracer's pid) and started no earlier than its leader, which tells it from a later group that reuses
 * the number.
 */
async function killGroup(pgid: number, startTicks: number, done: string[]): Promise<string | null> {
  const members = (): number[] =>
    listProcesses()
      .filter(
        (p) =>
          p.pgrp === pgid &&
          p.session === pgid &&
          p.startTicks >= startTicks &&
          p.state !== 'Z' &&
          p.state !== 'X',
      )
      .map((p) => p.pid);
  const found = members();
  if (found.length === 0) return null;
  for (const pid of found) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
  // SIGKILL is delivered at once but a task exits (and lets go of its mounts) a moment later.
  for (let k = 0; k < 100 && members().length > 0; k++) await delay(20);
  const still = members();
  if (still.length > 0) return `process group ${pgid}: ${still.length} process(es) survive SIGKILL`;
  done.push(`killed ${found.length} process(es) of run group ${pgid}`);
  return null;
}

async function unmount(path: string, done: string[]): Promise<string | null> {
  if (!safePath(path)) return `mount ${path}: not an absolute path, left alone`;
  if (!mountsUnder(path).includes(path)) return null;
  let r = await runCapture(['umount', path]);
  // Busy (a process we could not see holds it): detach it now, the kernel frees it when released.
  if (r.exitCode !== 0) r = await runCapture(['umount', '--lazy', path]);
  if (r.exitCode !== 0) return `mount ${path}: ${firstLine(r.stderr || r.spawnError)}`;
  done.push(`unmounted ${path}`);
  return null;
}

/** Kills what is left in the cgroup (cgroup.kill, Linux 5.14+), then removes it, deepest first. */
async function removeCgroup(path: string, done: string[]): Promise<string | null> {
  if (!path.startsWith('/sys/fs/cgroup/') || !safePath(path))
    return `cgroup ${path}: not under /sys/fs/cgroup, left alone`;
  if (!existsSync(path)) return null;
  const dirs: string[] = [];
  const stack = [path];
  for (let d = stack.pop(); d !== undefined; d = stack.pop()) {
    dirs.push(d);
    for (const e of readdirSync(d, { withFileTypes: true })) if (e.isDirectory()) stack.push(join(d, e.name));
  }
  try {
    writeFileSync(join(path, 'cgroup.kill'), '1');
  } catch {
    // cgroup v1 or an older kernel: the process groups were killed already
  }
  for (const d of dirs.reverse()) {
    for (let k = 0; k < 50; k++) {
      try {
        rmdirSync(d);
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') break;
        if (k === 49) return `cgroup ${d}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`;
        await delay(20); // EBUSY while its last tasks exit
      }
    }
  }
  done.push(`removed cgroup ${path}`);
  return null;
}

/** Never through a mount: a bind of a host folder inside a rootfs would be emptied with it. */
function removeDir(path: string, done: string[]): string | null {
  if (!safePath(path)) return `directory ${path}: not an absolute path below /, left alone`;
  if (!existsSync(path)) return null;
  const mounts = mountsUnder(path);
  if (mounts.length > 0) return `directory ${path}: ${mounts.length} mount(s) still in it (${mounts[0]})`;
  rmSync(path, { recursive: true, force: true });
  done.push(`removed ${path}`);
  return null;
}

function safePath(path: string): boolean {
  return isAbsolute(path) && normalize(path) === path && path.split('/').filter(Boolean).length >= 2;
}

function firstLine(text: string | undefined): string {
  return (text ?? '').trim().split('\n')[0] || 'failed';
}

function delay(ms: number): Promise<void> {
  return new Promise((ok) => setTimeout(ok, ms));
}
