import { appendFileSync, mkdirSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBootId, readProcStat } from './proc-stat.js';
import type { RunWatchdog } from './run-watchdog.js';
import { startRunWatchdog } from './run-watchdog.js';

/**
 * What a collect run creates on the machine and must undo. Each is written to the registry before it is
 * created, so a collector killed at any moment (SIGKILL, the OOM killer) leaves a list of what to undo;
 * the next collect undoes it (sweepLeftovers). Undone in this order: processes, containers, mounts,
 * network namespaces and links, cgroups, directories.
 */
export type Leftover =
  /** A traced run: its own session and process group, led by the tracer (pgid = the tracer's pid). */
  | { kind: 'process-group'; pgid: number; startTicks: number }
  /** `runc --root ROOT delete --force ID`. */
  | { kind: 'runc-container'; runc: string; root: string; id: string }
  /** A mount point on the host (an overlay, a bind); unmounted, lazily when busy. */
  | { kind: 'mount'; path: string }
  /** `ip netns delete NAME`. */
  | { kind: 'netns'; name: string }
  /** A network interface in the host namespace (a veth end): `ip link delete NAME`. */
  | { kind: 'link'; name: string }
  /** A cgroup directory under /sys/fs/cgroup: its processes killed, then removed. */
  | { kind: 'cgroup'; path: string }
  /** A directory the run made (scratch, a temporary rootfs): removed, unless something is mounted in it. */
  | { kind: 'dir'; path: string };

/** One entry of the registry; `release()` once the run undid it itself. */
export interface Recorded {
  readonly id: number;
  release(): void;
}

/** The first line of a registry file: whose it is. A file whose owner is gone is swept. */
export interface RegistryOwner {
  pid: number;
  startTicks: number;
  bootId: string;
}

/** Lines of a registry file (JSON lines, appended; the file is never rewritten while its owner lives). */
export type RegistryLine =
  | { owner: RegistryOwner; startedAt: string; argv: string[] }
  | { id: number; leftover: Leftover }
  | { id: number; released: true };

export const REGISTRY_SUFFIX = '.jsonl';

/**
 * Where registries live: /run/spelunk as root (a tmpfs, gone at reboot like what it lists), else a
 * per-user folder in the temp directory. SPELUNK_LEFTOVER_DIR overrides both (tests use a folder of
 * their own so that they see only their own runs).
 */
export function defaultRegistryDir(): string {
  const override = process.env.SPELUNK_LEFTOVER_DIR;
  if (override) return override;
  const uid = typeof process.getuid === 'function' ? process.getuid() : -1;
  return uid === 0 ? '/run/spelunk' : join(tmpdir(), `spelunk-runs-${uid}`);
}

export interface OpenRegistryOptions {
  dir?: string;
  /**
   * Start the watchdog that SIGKILLs the recorded process groups and the processes of the recorded cgroups
   * as soon as this process dies (default
   * true): the runs die with the collector, and the next collect removes the rest.
   */
  watchdog?: boolean;
}

/** The registry of one collect run: a file named after this process, removed by `close()`. */
export class LeftoverRegistry {
  readonly file: string;
  private nextId = 1;
  private readonly live = new Map<number, Leftover>();
  private readonly watchdog: RunWatchdog | null;
  private closed = false;

  private constructor(file: string, watchdog: RunWatchdog | null) {
    this.file = file;
    this.watchdog = watchdog;
  }

  static open(options: OpenRegistryOptions = {}): LeftoverRegistry {
    const dir = options.dir ?? defaultRegistryDir();
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const self = readProcStat(process.pid);
    const owner: RegistryOwner = {
      pid: process.pid,
      startTicks: self?.startTicks ?? 0,
      bootId: readBootId(),
    };
    const file = join(dir, `${owner.pid}-${owner.startTicks}${REGISTRY_SUFFIX}`);
    const header: RegistryLine = { owner, startedAt: new Date().toISOString(), argv: process.argv };
    appendFileSync(file, `${JSON.stringify(header)}\n`, { mode: 0o600 });
    return new LeftoverRegistry(file, options.watchdog === false ? null : startRunWatchdog());
  }

  /** Writes the entry to disk; call it before creating the thing (for a process: right after spawning it). */
  record(leftover: Leftover): Recorded {
    const id = this.nextId++;
    if (!this.closed) {
      this.append({ id, leftover });
      this.live.set(id, leftover);
      if (leftover.kind === 'process-group') this.watchdog?.watch(leftover.pgid);
      if (leftover.kind === 'cgroup') this.watchdog?.watchCgroup(leftover.path);
    }
    return {
      id,
      release: () => {
        if (this.closed || !this.live.delete(id)) return;
        if (leftover.kind === 'process-group') this.watchdog?.unwatch(leftover.pgid);
        if (leftover.kind === 'cgroup') this.watchdog?.unwatchCgroup(leftover.path);
        this.append({ id, released: true });
      },
    };
  }

  /**
   * mkdtemp with the name recorded first: `prefix` plus 8 random hex digits, mode 0700. The caller removes
   * it and then releases it.
   */
  makeTempDir(prefix: string): Recorded & { path: string } {
    for (;;) {
      const path = `${prefix}${randomBytes(4).toString('hex')}`;
      const entry = this.record({ kind: 'dir', path });
      try {
        mkdirSync(path, { mode: 0o700 });
        return { ...entry, release: entry.release, path };
      } catch (e) {
        entry.release();
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
    }
  }

  /** Releases the `dir` or `mount` entry of that path (the caller removed or unmounted it). */
  releasePath(path: string): void {
    for (const [id, l] of this.live) {
      if ((l.kind === 'dir' || l.kind === 'mount') && l.path === path) {
        this.live.delete(id);
        this.append({ id, released: true });
      }
    }
  }

  /** Entries not released yet, oldest first. */
  pending(): Leftover[] {
    return [...this.live.values()];
  }

  /**
   * Ends the registry: with nothing pending the file goes; otherwise it stays for the next collect to
   * sweep (something could not be undone, e.g. a rootfs with a mount still in it).
   */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.watchdog?.stop();
    if (this.live.size === 0) rmSync(this.file, { force: true });
  }

  private append(line: RegistryLine): void {
    appendFileSync(this.file, `${JSON.stringify(line)}\n`);
  }
}

/** The entry for a process group just spawned (setsid'd, so its pgid is the leader's pid). */
export function processGroupLeftover(pid: number): Leftover {
  return { kind: 'process-group', pgid: pid, startTicks: readProcStat(pid)?.startTicks ?? 0 };
}
