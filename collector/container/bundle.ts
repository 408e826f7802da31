import { existsSync, mkdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LeftoverRegistry, Recorded } from '../cleanup/leftover-registry.js';
import { CollectError, EXIT } from '../faults.js';
import { mountsUnder } from '../environment.js';
import { runCapture } from '../process-runner.js';
import type { OciConfig } from './oci-config.js';
import type { ContainerNames } from './runc-argv.js';
import { buildRuncDeleteArgv } from './runc-argv.js';

/**
 * The disk side of a container run. A bundle is a directory holding config.json and the rootfs:
 *
 *   /tmp/spelunk-bundle-XXXXXX/config.json
 *                              rootfs/   overlay: the run's rootfs below, upper/ above (what the container writes)
 *                              upper/ work/
 *                              state/    runc --root: this run's container state
 *
 * The rootfs the other runs use is the overlay's lower layer, as an image is under Docker's overlay2,
 * so runc's mount points (/proc, /dev, /sys) and whatever the program writes never reach it, and an
 * existing rootfs given with --rootfs DIR stays untouched.
 *
 * Each of these is written to the collect run's leftover registry before it is made (the directory, the
 * overlay mount, the runc container, its cgroup directories), so a collector killed at any moment leaves
 * a list the next collect undoes; removeBundle releases each entry once it undid it.
 */
export interface ContainerBundle extends ContainerNames {
  bundleDir: string;
  rootfsDir: string;
  stateDir: string;
  runc: string;
  /** The registry entries, released as removeBundle undoes them. */
  recorded: { dir: Recorded; mount: Recorded; container: Recorded; cgroups: Recorded[] };
}

export async function createBundle(
  runc: string,
  names: ContainerNames,
  lowerDir: string,
  config: OciConfig,
  registry: LeftoverRegistry,
): Promise<ContainerBundle> {
  const dir = registry.makeTempDir('/tmp/spelunk-bundle-');
  const bundleDir = dir.path;
  const rootfsDir = join(bundleDir, 'rootfs');
  const stateDir = join(bundleDir, 'state');
  const bundle: ContainerBundle = {
    ...names,
    runc,
    bundleDir,
    rootfsDir,
    stateDir,
    recorded: {
      dir,
      mount: registry.record({ kind: 'mount', path: rootfsDir }),
      container: registry.record({ kind: 'runc-container', runc, root: stateDir, id: names.id }),
      cgroups: cgroupDirs(names.cgroupsPath).map((path) => registry.record({ kind: 'cgroup', path })),
    },
  };
  for (const d of ['rootfs', 'upper', 'work', 'state']) mkdirSync(join(bundleDir, d));
  const options = `lowerdir=${escapeOverlayPath(lowerDir)},upperdir=${join(bundleDir, 'upper')},workdir=${join(bundleDir, 'work')}`;
  const r = await runCapture(['mount', '-t', 'overlay', 'overlay', '-o', options, rootfsDir]);
  if (r.exitCode !== 0) {
    await removeBundle(bundle);
    throw new CollectError(
      `cannot mount the container's rootfs (overlay over ${lowerDir}): ${(r.stderr || r.spawnError || '').trim().split('\n')[0]}`,
      'The container run needs overlayfs (modprobe overlay); run the other runs with --runs host,chroot.',
      EXIT.environment,
    );
  }
  writeFileSync(join(bundleDir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
  return bundle;
}

/** The overlay option syntax splits on `,` and `:`: a backslash keeps them in a path. */
export function escapeOverlayPath(path: string): string {
  return path.replace(/[\\,:]/g, (c) => `\\${c}`);
}

/**
 * Undoes everything a container run made, whatever state it was left in (finished, killed mid set-up,
 * runc itself killed): `runc delete --force` (kills what is left, removes the cgroup and state), then
 * any cgroup directory runc did not get to, the overlay, and the bundle. Returns what could not be
 * undone, one line each; never throws.
 */
export async function removeBundle(b: ContainerBundle): Promise<string[]> {
  const problems: string[] = [];
  if (existsSync(join(b.stateDir, b.id))) {
    const r = await runCapture(buildRuncDeleteArgv({ runc: b.runc, stateDir: b.stateDir, id: b.id }));
    if (r.exitCode !== 0 && !/does not exist|not exist/.test(r.stderr))
      problems.push(`runc delete ${b.id}: ${r.stderr.trim().split('\n')[0] ?? ''}`);
  }
  if (!existsSync(join(b.stateDir, b.id))) b.recorded.container.release();
  const cgroupProblems = await removeCgroups(b.cgroupsPath);
  problems.push(...cgroupProblems);
  if (cgroupProblems.length === 0) for (const c of b.recorded.cgroups) c.release();
  for (const m of mountsUnder(b.bundleDir).reverse()) {
    const r = await runCapture(['umount', m]);
    if (r.exitCode !== 0) await runCapture(['umount', '-l', m]);
  }
  const left = mountsUnder(b.bundleDir);
  if (left.length > 0) problems.push(`mount(s) still under ${b.bundleDir}: ${left.join(', ')}`);
  else {
    b.recorded.mount.release();
    rmSync(b.bundleDir, { recursive: true, force: true });
    b.recorded.dir.release();
  }
  return problems;
}

/** Each controller's directory for the container's cgroup that still exists: its processes killed, then removed. */
async function removeCgroups(cgroupsPath: string): Promise<string[]> {
  const problems: string[] = [];
  for (const dir of cgroupDirs(cgroupsPath)) {
    for (let attempt = 0; existsSync(dir) && attempt < 50; attempt++) {
      for (const pid of readPids(join(dir, 'cgroup.procs'))) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone already
        }
      }
      try {
        rmdirSync(dir);
      } catch {
        // busy while its last processes die: try again shortly
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    if (existsSync(dir)) problems.push(`cgroup ${dir} could not be removed`);
  }
  return problems;
}

/** Where a cgroup path lives under every mounted hierarchy (v1 controllers and the v2 tree). */
export function cgroupDirs(cgroupsPath: string, mountinfo = readMountinfo()): string[] {
  const out: string[] = [];
  for (const line of mountinfo.split('\n')) {
    // "36 25 0:31 / /sys/fs/cgroup/memory rw,... shared:14 - cgroup cgroup rw,memory"
    const [left, right] = line.split(' - ');
    const fstype = right?.split(' ')[0];
    if (fstype !== 'cgroup' && fstype !== 'cgroup2') continue;
    const fields = (left ?? '').split(' ');
    const root = fields[3] ?? '/';
    const mountPoint = (fields[4] ?? '').replace(/\\040/g, ' ');
    // Only a hierarchy mounted from its root holds the absolute path at mountPoint + path.
    if (root !== '/' || mountPoint === '') continue;
    out.push(`${mountPoint}${cgroupsPath}`);
  }
  return out;
}

function readMountinfo(): string {
  try {
    return readFileSync('/proc/self/mountinfo', 'utf8');
  } catch {
    return '';
  }
}

function readPids(file: string): number[] {
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => /^\d+$/.test(l))
      .map(Number);
  } catch {
    return [];
  }
}
