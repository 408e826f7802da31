import { randomBytes } from 'node:crypto';

/**
 * The runc command lines of a container run, and the names that make one run's container, cgroup and
 * state unique on a machine where other collects run at the same time. runc keeps its state under
 * `--root`; each run gets a directory of its own there, so `runc delete` and a cleanup after a crash
 * touch only that run's container.
 */

export interface ContainerNames {
  /** runc's container id: `spelunk-<12 hex>`. */
  id: string;
  /** The container's hostname: the 12 hex digits, as Docker names a container's host after its id. */
  hostname: string;
  /** The cgroup under each controller's root. */
  cgroupsPath: string;
}

export function makeContainerNames(random: Buffer = randomBytes(6)): ContainerNames {
  const hex = random.toString('hex');
  return { id: `spelunk-${hex}`, hostname: hex, cgroupsPath: `/spelunk-${hex}` };
}

export interface RuncPaths {
  runc: string;
  /** runc's state directory for this run (`--root`). */
  stateDir: string;
  /** The bundle: config.json and the rootfs. */
  bundleDir: string;
  id: string;
}

/** `runc run`: create, start and wait for the container; its stdio are ours (no terminal), its exit code is the program's. */
export function buildRuncRunArgv(p: RuncPaths): string[] {
  return [p.runc, '--root', p.stateDir, 'run', '--bundle', p.bundleDir, p.id];
}

/** `runc delete --force`: kills what is left of the container, removes its cgroup and its state. */
export function buildRuncDeleteArgv(p: Omit<RuncPaths, 'bundleDir'>): string[] {
  return [p.runc, '--root', p.stateDir, 'delete', '--force', p.id];
}
