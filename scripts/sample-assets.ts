/**
 * What the workshop scenarios of workshop-scenarios.ts need on disk before they are captured: their C
 * programs, the trees they use, a tar in docker export's layout, and a memory cgroup; and the clean-up.
 * `vars` receives the values their `{placeholders}` take.
 */
import { execa } from 'execa';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';

const WORK = '/tmp/spelunk-samples';

export async function prepareWorkshopAssets(vars: Record<string, string>): Promise<void> {
  for (const p of ['pivot-root', 'eat-memory', 'seccomp-profile'])
    await execa('gcc', ['-O2', '-o', `${WORK}/bin/${p}`, `samples/src/${p}.c`]);
  // ps and /proc in the busybox root, for the pid namespace.
  mkdirSync(`${WORK}/busybox-root/proc`, { recursive: true });
  if (!existsSync(`${WORK}/busybox-root/bin/ps`)) symlinkSync('busybox', `${WORK}/busybox-root/bin/ps`);
  // pivot_root's new root: busybox with ls, and the directory where the old root is parked.
  busyboxTree(`${WORK}/pivot-root`, ['ls']);
  mkdirSync(`${WORK}/pivot-root/old_root`);
  // Two image layers (base, app), and the container's writable layer.
  const o = `${WORK}/overlay`;
  for (const d of ['base/etc', 'app/app', 'upper', 'work', 'merged'])
    mkdirSync(`${o}/${d}`, { recursive: true });
  writeFileSync(`${o}/base/etc/os-release`, 'NAME="spelunk base layer"\n');
  writeFileSync(`${o}/base/etc/motd`, 'motd from the base layer\n');
  writeFileSync(`${o}/app/app/hello.txt`, 'hello from the app layer\n');
  writeFileSync(`${o}/app/app/remove-me`, 'to be deleted\n');
  // A directory nobody may write to, and a file only root may read.
  mkdirSync(`${WORK}/userns`);
  chmodSync(`${WORK}/userns`, 0o1777);
  writeFileSync(`${WORK}/userns/root-only.txt`, 'only the real root can read this\n', { mode: 0o600 });
  // An image as docker export writes it: member names relative to the root, a .dockerenv, empty /proc.
  const image = `${WORK}/image`;
  busyboxTree(image, ['sh', 'cat', 'ls']);
  for (const d of ['etc', 'dev', 'proc', 'sys', 'tmp']) mkdirSync(`${image}/${d}`);
  writeFileSync(`${image}/.dockerenv`, '');
  writeFileSync(`${image}/etc/os-release`, 'NAME="spelunk busybox image"\n');
  const members = ['.dockerenv', 'bin', 'dev', 'etc', 'proc', 'sys', 'tmp'];
  await execa('tar', ['--format=ustar', '-cf', `${WORK}/rootfs.tar`, '-C', image, ...members]);
  // Unique names for what lives in machine-wide tables (network namespaces, interfaces, cgroups).
  vars.suffix = String(process.pid);
  Object.assign(vars, makeMemoryCgroup(vars.suffix));
}

function busyboxTree(root: string, applets: string[]): void {
  mkdirSync(`${root}/bin`, { recursive: true });
  copyFileSync('/bin/busybox', `${root}/bin/busybox`);
  for (const a of applets) symlinkSync('busybox', `${root}/bin/${a}`);
}

/**
 * A memory cgroup for the OOM demo. Cgroup v2 with the memory controller: /sys/fs/cgroup/spelunk-oom-N,
 * limited by memory.max, joined through cgroup.procs. Otherwise v1 (hybrid machines like this one): a child
 * of this process's own memory cgroup, so the machine's accounting of it is kept, limited by
 * memory.limit_in_bytes, joined through tasks.
 */
function makeMemoryCgroup(suffix: string): Record<string, string> {
  const mounts = readFileSync('/proc/mounts', 'utf8')
    .split('\n')
    .map((l) => l.split(' '));
  const v2 = mounts.find((m) => m[2] === 'cgroup2')?.[1];
  const v2Memory = v2 && readFileSync(`${v2}/cgroup.controllers`, 'utf8').split(/\s+/).includes('memory');
  let dir: string;
  let limit: string;
  let join: string;
  if (v2 && v2Memory) {
    [dir, limit, join] = [`${v2}/spelunk-oom-${suffix}`, 'memory.max', 'cgroup.procs'];
  } else {
    const v1 = mounts.find((m) => m[2] === 'cgroup' && (m[3] ?? '').split(',').includes('memory'))?.[1];
    if (!v1) throw new Error('no memory cgroup controller on this machine (neither v1 nor v2)');
    const own = readFileSync('/proc/self/cgroup', 'utf8')
      .split('\n')
      .find((l) => l.split(':')[1]?.split(',').includes('memory'))
      ?.split(':')[2];
    [dir, limit, join] = [
      `${v1}${own === '/' ? '' : (own ?? '')}/spelunk-oom-${suffix}`,
      'memory.limit_in_bytes',
      'tasks',
    ];
  }
  mkdirSync(dir);
  return { cgroupMemDir: dir, memLimitFile: limit, memJoinFile: join };
}

/** Removes what the captures leave in machine-wide tables: the cgroup (by rmdir), stray network namespaces. */
export async function cleanupWorkshopAssets(vars: Record<string, string>): Promise<void> {
  if (vars.cgroupMemDir && existsSync(vars.cgroupMemDir)) rmdirSync(vars.cgroupMemDir);
  for (const ns of [`spk-a-${vars.suffix}`, `spk-b-${vars.suffix}`])
    if (existsSync(`/run/netns/${ns}`)) await execa('ip', ['netns', 'del', ns], { reject: false });
}
