import { writeFileSync } from 'node:fs';
import { machine } from 'node:os';
import { join } from 'node:path';
import type { LeftoverRegistry } from '../cleanup/leftover-registry.js';
import type { BindSpec, Namespace } from '../run-chain.js';
import type { ContainerBundle } from './bundle.js';
import { createBundle } from './bundle.js';
import { DOCKER_DEFAULT_PATH } from './docker-defaults.js';
import type { OciConfig } from './oci-config.js';
import { buildOciConfig } from './oci-config.js';
import { buildRuncRunArgv, makeContainerNames } from './runc-argv.js';

/** What a container run needs from the collect options. */
export interface ContainerRunOptions {
  runc: string;
  /** The rootfs the other runs use (auto, bare, DIR): the overlay's lower layer. */
  rootDir: string;
  /** The program (its path inside the rootfs) and its arguments. */
  program: readonly string[];
  envClear: boolean;
  env: readonly string[];
  binds: readonly BindSpec[];
  unshare: readonly Namespace[];
  registry: LeftoverRegistry;
}

export interface PreparedContainer {
  bundle: ContainerBundle;
  config: OciConfig;
  /** What runs under the tracer: `runc --root STATE run --bundle DIR ID`. */
  command: string[];
}

/** Makes the bundle (overlay rootfs, config.json) and the runc command line for one container run. */
export async function prepareContainer(o: ContainerRunOptions): Promise<PreparedContainer> {
  const names = makeContainerNames();
  const config = buildOciConfig({
    args: o.program,
    env: containerEnv(o.envClear, o.env, names.hostname),
    hostname: names.hostname,
    cgroupsPath: names.cgroupsPath,
    binds: o.binds,
    unshare: o.unshare,
    machine: machine(),
  });
  const bundle = await createBundle(o.runc, names, o.rootDir, config, o.registry);
  return { bundle, config, command: buildRuncRunArgv({ ...bundle }) };
}

/**
 * The container's environment, as Docker builds it: PATH and HOSTNAME, then `--env`; the caller's own
 * environment does not come in (runc hands the config to its init through a pipe, which the trace
 * shows, so passing it would also copy the caller's variables into the log). `--env-clear`: only `--env`.
 */
export function containerEnv(envClear: boolean, env: readonly string[], hostname: string): string[] {
  const base = envClear ? [] : [DOCKER_DEFAULT_PATH, `HOSTNAME=${hostname}`];
  const byName = new Map<string, string>();
  for (const kv of [...base, ...env]) byName.set(kv.slice(0, kv.indexOf('=')), kv);
  return [...byName.values()];
}

/** How a container run is isolated, for session.json and the diagnosis (OCI's `network` is `net` here). */
export function containerIsolation(config: OciConfig): string[] {
  const namespaces = config.linux.namespaces.map((n) => (n.type === 'network' ? 'net' : n.type));
  return [
    'container',
    ...namespaces,
    'pivot_root',
    'capabilities',
    ...(config.process.noNewPrivileges ? ['no_new_privs'] : []),
    'seccomp',
    'cgroup',
  ];
}

/** The session's copy of the config: the file the lesson and the reader of a session can open. */
export function saveContainerConfig(sessionDir: string, label: string, config: OciConfig): string {
  const name = `${label}.config.json`;
  writeFileSync(join(sessionDir, name), `${JSON.stringify(config, null, 2)}\n`);
  return name;
}
