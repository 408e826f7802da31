import { describe, expect, it } from 'vitest';
import { cgroupDirs, escapeOverlayPath } from '../../collector/container/bundle.js';
import { containerEnv, containerIsolation } from '../../collector/container/container-run.js';
import { DOCKER_CAPABILITIES } from '../../collector/container/docker-defaults.js';
import { buildOciConfig } from '../../collector/container/oci-config.js';
import {
  buildRuncDeleteArgv,
  buildRuncRunArgv,
  makeContainerNames,
} from '../../collector/container/runc-argv.js';
import { buildSeccompProfile, seccompVerdict } from '../../collector/container/seccomp-profile.js';
import { buildStraceArgv } from '../../collector/tracers/strace-argv.js';

// The pure side of the container run: what goes into config.json and onto runc's command line.
const base = {
  args: ['/bin/echo', 'hello'],
  env: ['PATH=/bin'],
  hostname: 'c0ffee000001',
  cgroupsPath: '/spelunk-c0ffee000001',
  machine: 'x86_64',
};

describe('buildOciConfig: Docker defaults', () => {
  const config = buildOciConfig(base);

  it('gives the container every namespace but the user one, a hostname and a cgroup of its own', () => {
    expect(config.linux.namespaces.map((n) => n.type).sort()).toEqual(
      ['cgroup', 'ipc', 'mount', 'network', 'pid', 'uts'].sort(),
    );
    expect(config.hostname).toBe('c0ffee000001');
    expect(config.linux.cgroupsPath).toBe('/spelunk-c0ffee000001');
    expect(config.linux.uidMappings).toBeUndefined();
  });

  it("keeps Docker's 14 capabilities in the bounding, effective and permitted sets, none inheritable", () => {
    const caps = config.process.capabilities;
    expect(caps.bounding).toHaveLength(14);
    expect(caps.bounding).toEqual(caps.effective);
    expect(caps.permitted).toEqual(caps.effective);
    expect(caps.inheritable).toEqual([]);
    expect(caps.bounding).toContain('CAP_SYS_CHROOT');
    for (const missing of ['CAP_SYS_ADMIN', 'CAP_NET_ADMIN', 'CAP_SYS_NICE', 'CAP_SYS_PTRACE'])
      expect(caps.bounding).not.toContain(missing);
    expect(config.process.noNewPrivileges).toBe(true);
  });

  it('mounts /proc, /dev, /dev/pts, /sys and the cgroup, and hides the leaky /proc files', () => {
    const at = (d: string) => config.mounts.find((m) => m.destination === d);
    expect(at('/proc')?.type).toBe('proc');
    expect(at('/dev')?.type).toBe('tmpfs');
    expect(at('/dev/pts')?.options).toContain('newinstance');
    expect(at('/sys')?.options).toContain('ro');
    expect(at('/sys/fs/cgroup')?.type).toBe('cgroup');
    expect(config.linux.maskedPaths).toContain('/proc/kcore');
    expect(config.linux.readonlyPaths).toContain('/proc/sys');
    expect(config.root).toEqual({ path: 'rootfs', readonly: false });
    expect(config.process.args).toEqual(['/bin/echo', 'hello']);
    expect(config.process.terminal).toBe(false);
  });

  it('turns --bind into rbind mounts after the default ones, and --unshare user into a user namespace mapping root', () => {
    const c = buildOciConfig({
      ...base,
      binds: [{ source: '/srv/data', target: '/data', readOnly: true }],
      unshare: ['net', 'user'],
    });
    expect(c.mounts.at(-1)).toEqual({
      destination: '/data',
      type: 'bind',
      source: '/srv/data',
      options: ['rbind', 'ro'],
    });
    expect(c.linux.namespaces.map((n) => n.type)).toContain('user');
    expect(c.linux.uidMappings).toEqual([{ containerID: 0, hostID: 0, size: 65536 }]);
  });

  it('says how the run is isolated, for session.json', () => {
    expect(containerIsolation(config)).toEqual([
      'container',
      'pid',
      'net',
      'ipc',
      'uts',
      'mount',
      'cgroup',
      'pivot_root',
      'capabilities',
      'no_new_privs',
      'seccomp',
      'cgroup',
    ]);
  });
});

describe('buildSeccompProfile: Docker default profile', () => {
  const profile = buildSeccompProfile({ capabilities: DOCKER_CAPABILITIES, machine: 'x86_64' });

  it('refuses with EPERM what it does not list, and covers the 32-bit entry points too', () => {
    expect(profile.defaultAction).toBe('SCMP_ACT_ERRNO');
    expect(profile.defaultErrnoRet).toBe(1);
    expect(profile.architectures).toEqual(['SCMP_ARCH_X86_64', 'SCMP_ARCH_X86', 'SCMP_ARCH_X32']);
    for (const refused of ['unshare', 'mount', 'setns', 'keyctl', 'add_key', 'userfaultfd', 'pivot_root'])
      expect([refused, seccompVerdict(profile, refused)]).toEqual([refused, 1]);
  });

  it('allows ordinary calls, and chroot because CAP_SYS_CHROOT is in the set', () => {
    for (const allowed of ['read', 'openat', 'execve', 'clone', 'arch_prctl', 'chroot', 'ptrace'])
      expect([allowed, seccompVerdict(profile, allowed)]).not.toEqual([allowed, 1]);
    expect(seccompVerdict(profile, 'openat')).toBe('allow');
    expect(seccompVerdict(profile, 'chroot')).toBe('allow');
  });

  it('answers clone3 with ENOSYS so glibc falls back to clone, which may not create namespaces', () => {
    expect(seccompVerdict(profile, 'clone3')).toBe(38);
    const clone = profile.syscalls.find((s) => s.names.includes('clone'));
    expect(clone?.args).toEqual([{ index: 0, value: 0x7e020000, valueTwo: 0, op: 'SCMP_CMP_MASKED_EQ' }]);
    expect(seccompVerdict(profile, 'socket')).toBe('conditional');
    expect(seccompVerdict(profile, 'personality')).toBe('conditional');
  });

  it('follows the capability set: CAP_SYS_ADMIN opens mount and a plain clone3', () => {
    const admin = buildSeccompProfile({
      capabilities: [...DOCKER_CAPABILITIES, 'CAP_SYS_ADMIN'],
      machine: 'x86_64',
    });
    expect(seccompVerdict(admin, 'mount')).toBe('allow');
    expect(seccompVerdict(admin, 'clone3')).toBe('allow');
    const arm = buildSeccompProfile({ capabilities: DOCKER_CAPABILITIES, machine: 'aarch64' });
    expect(seccompVerdict(arm, 'arch_prctl')).toBe(1);
    expect(arm.architectures).toEqual(['SCMP_ARCH_AARCH64', 'SCMP_ARCH_ARM']);
  });
});

describe('container names, runc and strace command lines', () => {
  it('names the container, its hostname and its cgroup from one random value', () => {
    const n = makeContainerNames(Buffer.from([0xc0, 0xff, 0xee, 0, 0, 1]));
    expect(n).toEqual({
      id: 'spelunk-c0ffee000001',
      hostname: 'c0ffee000001',
      cgroupsPath: '/spelunk-c0ffee000001',
    });
    expect(makeContainerNames().id).not.toBe(makeContainerNames().id);
  });

  it('runs and deletes with a state directory of its own', () => {
    const p = { runc: '/usr/sbin/runc', stateDir: '/tmp/b/state', bundleDir: '/tmp/b', id: 'spelunk-x' };
    expect(buildRuncRunArgv(p)).toEqual([
      '/usr/sbin/runc',
      '--root',
      '/tmp/b/state',
      'run',
      '--bundle',
      '/tmp/b',
      'spelunk-x',
    ]);
    expect(buildRuncDeleteArgv(p)).toEqual([
      '/usr/sbin/runc',
      '--root',
      '/tmp/b/state',
      'delete',
      '--force',
      'spelunk-x',
    ]);
  });

  it('asks strace for the outside pids when the run has its own pid namespace', () => {
    const argv = buildStraceArgv({ strace: 'strace', logFile: 'l', command: ['x'], pidnsTranslation: true });
    expect(argv).toContain('--pidns-translation');
    expect(buildStraceArgv({ strace: 'strace', logFile: 'l', command: ['x'] })).not.toContain(
      '--pidns-translation',
    );
  });

  it("builds Docker's environment: PATH and HOSTNAME, then --env; --env-clear keeps only --env", () => {
    expect(containerEnv(false, ['LANG=C.UTF-8', 'PATH=/bin'], 'abc')).toEqual([
      'PATH=/bin',
      'HOSTNAME=abc',
      'LANG=C.UTF-8',
    ]);
    expect(containerEnv(true, ['A=1'], 'abc')).toEqual(['A=1']);
  });

  it('escapes the overlay option separators in a path', () => {
    expect(escapeOverlayPath('/tmp/a,b:c\\d')).toBe('/tmp/a\\,b\\:c\\\\d');
  });

  it('finds the cgroup directory under each hierarchy mounted from its root', () => {
    const mountinfo = [
      '36 25 0:31 / /sys/fs/cgroup/memory rw,nosuid shared:14 - cgroup cgroup rw,memory',
      '37 25 0:32 /nested /sys/fs/cgroup/cpu rw shared:15 - cgroup cgroup rw,cpu',
      '38 25 0:33 / /sys/fs/cgroup/unified rw shared:16 - cgroup2 cgroup2 rw',
      '39 25 0:34 / /tmp rw shared:17 - tmpfs tmpfs rw',
    ].join('\n');
    expect(cgroupDirs('/spelunk-x', mountinfo)).toEqual([
      '/sys/fs/cgroup/memory/spelunk-x',
      '/sys/fs/cgroup/unified/spelunk-x',
    ]);
  });
});
