import type { BindSpec, Namespace } from '../run-chain.js';
import type { OciMount } from './docker-defaults.js';
import {
  DOCKER_CAPABILITIES,
  DOCKER_MASKED_PATHS,
  DOCKER_MOUNTS,
  DOCKER_NAMESPACES,
  DOCKER_READONLY_PATHS,
} from './docker-defaults.js';
import type { OciSeccomp } from './seccomp-profile.js';
import { buildSeccompProfile } from './seccomp-profile.js';

/**
 * The OCI runtime config (config.json of a bundle, runtime-spec 1.0.2) for one container run, built the
 * way `docker run IMAGE PROGRAM` would build it with no option given: every namespace but the user one,
 * Docker's mounts, masked and read-only paths, its 14 capabilities, its seccomp profile, a cgroup of its
 * own and a hostname. Two things differ on purpose: no_new_privs is on (`--security-opt
 * no-new-privileges`), and the environment is the one the host run gets, so that a comparison shows
 * what isolation changes and not a different environment (`--env-clear` gives Docker's empty one).
 */
export interface OciConfig {
  ociVersion: string;
  process: {
    terminal: false;
    user: { uid: number; gid: number };
    args: string[];
    env: string[];
    cwd: string;
    capabilities: Record<'bounding' | 'effective' | 'permitted' | 'inheritable' | 'ambient', string[]>;
    noNewPrivileges: boolean;
  };
  root: { path: string; readonly: boolean };
  hostname: string;
  mounts: OciMount[];
  linux: {
    namespaces: { type: string }[];
    uidMappings?: IdMapping[];
    gidMappings?: IdMapping[];
    cgroupsPath: string;
    resources: { devices: { allow: boolean; access: string }[] };
    maskedPaths: string[];
    readonlyPaths: string[];
    seccomp: OciSeccomp;
  };
}

export interface IdMapping {
  containerID: number;
  hostID: number;
  size: number;
}

export interface OciConfigOptions {
  /** The program and its arguments, its path as seen inside the rootfs. */
  args: readonly string[];
  /** `K=V` entries. */
  env: readonly string[];
  hostname: string;
  /** The container's cgroup, e.g. `/spelunk-1234-ab12cd` (under each controller's root). */
  cgroupsPath: string;
  /** `--bind`: host paths mounted inside, after Docker's own mounts. */
  binds?: readonly BindSpec[];
  /** `--unshare`: the container has all of these already but `user`, which adds a user namespace. */
  unshare?: readonly Namespace[];
  /** `uname -m`, for the seccomp architectures. */
  machine: string;
  /** The bundle's rootfs directory, relative to the bundle. */
  rootPath?: string;
}

export function buildOciConfig(options: OciConfigOptions): OciConfig {
  const caps = [...DOCKER_CAPABILITIES];
  const userns = options.unshare?.includes('user') ?? false;
  const config: OciConfig = {
    ociVersion: '1.0.2',
    process: {
      terminal: false,
      user: { uid: 0, gid: 0 },
      args: [...options.args],
      env: [...options.env],
      cwd: '/',
      capabilities: {
        bounding: caps,
        effective: caps,
        permitted: caps,
        // Docker has left the inheritable set empty since CVE-2022-24769.
        inheritable: [],
        ambient: [],
      },
      noNewPrivileges: true,
    },
    root: { path: options.rootPath ?? 'rootfs', readonly: false },
    hostname: options.hostname,
    mounts: [...DOCKER_MOUNTS.map(copyMount), ...(options.binds ?? []).map(bindMount)],
    linux: {
      namespaces: [...DOCKER_NAMESPACES, ...(userns ? ['user'] : [])].map((type) => ({ type })),
      cgroupsPath: options.cgroupsPath,
      // Every device is refused but the few runc allows on its own (null, zero, full, random, urandom, tty, ptmx).
      resources: { devices: [{ allow: false, access: 'rwm' }] },
      maskedPaths: [...DOCKER_MASKED_PATHS],
      readonlyPaths: [...DOCKER_READONLY_PATHS],
      seccomp: buildSeccompProfile({ capabilities: caps, machine: options.machine }),
    },
  };
  if (userns) {
    // Ids map to themselves, so the rootfs's files keep their owners and root inside is root outside (as
    // with `unshare --map-root-user`); the whole first 65536, because runc mounts devpts with gid=5 (tty).
    config.linux.uidMappings = [{ containerID: 0, hostID: 0, size: 65536 }];
    config.linux.gidMappings = [{ containerID: 0, hostID: 0, size: 65536 }];
  }
  return config;
}

function copyMount(m: OciMount): OciMount {
  return { ...m, ...(m.options ? { options: [...m.options] } : {}) };
}

/** `--bind SRC:DST:ro` as an OCI mount: rbind (submounts too, as docker -v does), read-only when asked. */
function bindMount(b: BindSpec): OciMount {
  return {
    destination: b.target,
    type: 'bind',
    source: b.source,
    options: ['rbind', b.readOnly ? 'ro' : 'rw'],
  };
}
