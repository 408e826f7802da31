/**
 * The command each run executes under the tracer. The host run is the program itself (behind `env` when
 * the environment is changed). The chroot run is the whole setup chain, so that the trace shows every
 * step a container runtime takes:
 *
 *   env -i K=V --  unshare --net --mount --  sh -c BIND_SCRIPT sh MOUNT SRC DST ro --  chroot ROOT PROG ARGS
 *   (environment)  (namespaces)              (bind mounts, inside the new mount namespace) (the root switch)
 *
 * Every piece is an argv element; nothing is ever joined into a shell string, so paths with spaces or
 * quotes pass through untouched. The bind script is fixed text that only reads its positional arguments.
 */

export type Namespace = 'net' | 'pid' | 'mount' | 'uts' | 'ipc' | 'user' | 'cgroup';
const NAMESPACES: readonly Namespace[] = ['net', 'pid', 'mount', 'uts', 'ipc', 'user', 'cgroup'];

export interface BindSpec {
  /** Host path. */
  source: string;
  /** Path inside the rootfs. */
  target: string;
  readOnly: boolean;
}

/** Absolute paths of the helper programs the chain uses (resolved on the host, before `env -i`). */
export interface ChainTools {
  env: string;
  unshare: string;
  chroot: string;
  mount: string;
  sh: string;
}

export interface RunChainOptions {
  /** argv of the target: for the chroot run its path is the one inside the rootfs. */
  program: readonly string[];
  envClear: boolean;
  /** `K=V` pairs to set. */
  env: readonly string[];
  tools: ChainTools;
}

export interface ChrootChainOptions extends RunChainOptions {
  rootDir: string;
  unshare: readonly Namespace[];
  binds: readonly BindSpec[];
  /**
   * With a new pid namespace: mount a fresh proc at ROOT/proc (`unshare --mount-proc=ROOT/proc`, in the new
   * mount namespace), so ps inside sees the namespace's processes, and itself as pid 1.
   */
  mountProc?: boolean;
}

/**
 * Mounts each SRC on DST (`ro` or `rw`), then execs the rest. Exits 125 (like `env`'s own failures)
 * when a mount fails, so the chroot never runs with a half-made view.
 */
export const BIND_SCRIPT = [
  'm=$1; shift',
  'while [ "$1" != -- ]; do',
  '  if [ "$3" = ro ]; then "$m" --bind -o ro -- "$1" "$2" || exit 125',
  '  else "$m" --bind -- "$1" "$2" || exit 125; fi',
  '  shift 3',
  'done',
  'shift',
  'exec "$@"',
].join('\n');

export function buildHostCommand(options: RunChainOptions): string[] {
  return [...envPrefix(options), ...options.program];
}

export function buildChrootCommand(options: ChrootChainOptions): string[] {
  const procDir = procMountPoint(options);
  const namespaces = namespacesFor(options.unshare, options.binds.length > 0 || procDir !== null);
  const argv = [...envPrefix(options)];
  if (namespaces.length > 0) argv.push(options.tools.unshare, ...unshareFlags(namespaces, procDir), '--');
  if (options.binds.length > 0) {
    argv.push(options.tools.sh, '-c', BIND_SCRIPT, 'sh', options.tools.mount);
    for (const b of options.binds)
      argv.push(b.source, joinRoot(options.rootDir, b.target), b.readOnly ? 'ro' : 'rw');
    argv.push('--');
  }
  argv.push(options.tools.chroot, options.rootDir, ...options.program);
  return argv;
}

/** Where the chroot run mounts a fresh /proc: ROOT/proc with a new pid namespace, unless opted out. */
function procMountPoint(options: ChrootChainOptions): string | null {
  return options.mountProc && options.unshare.includes('pid') ? joinRoot(options.rootDir, '/proc') : null;
}

/** Bind mounts (and a fresh /proc) are made inside a private mount namespace, so they vanish with it. */
export function namespacesFor(requested: readonly Namespace[], mounts: boolean): Namespace[] {
  const set = new Set(requested);
  if (mounts) set.add('mount');
  return NAMESPACES.filter((n) => set.has(n));
}

function unshareFlags(namespaces: readonly Namespace[], procDir: string | null = null): string[] {
  const flags: string[] = [];
  for (const n of namespaces) {
    flags.push(`--${n}`);
    // A new pid namespace applies to children only: fork so the program is its pid 1.
    if (n === 'pid') flags.push('--fork');
    // The forked child mounts proc for its own pid namespace at ROOT/proc before it execs chroot.
    if (n === 'pid' && procDir) flags.push(`--mount-proc=${procDir}`);
    // Without a mapping the user namespace has no root, and chroot() would fail with EPERM.
    if (n === 'user') flags.push('--map-root-user');
  }
  return flags;
}

export function joinRoot(rootDir: string, inside: string): string {
  const trimmed = rootDir.endsWith('/') ? rootDir.slice(0, -1) : rootDir;
  return `${trimmed}/${inside.replace(/^\/+/, '')}`;
}

function envPrefix(options: RunChainOptions): string[] {
  if (!options.envClear && options.env.length === 0) return [];
  // `--` goes before the assignments: env reads anything after them as the command.
  return [options.tools.env, ...(options.envClear ? ['-i'] : []), '--', ...options.env];
}

/** Parses `SRC:DST[:ro]`; DST defaults to SRC. Returns an error text for a malformed spec. */
export function parseBindSpec(spec: string): BindSpec | string {
  const parts = spec.split(':');
  let readOnly = false;
  if (parts.length > 1 && (parts[parts.length - 1] === 'ro' || parts[parts.length - 1] === 'rw')) {
    readOnly = parts.pop() === 'ro';
  }
  if (parts.length > 2)
    return `--bind ${spec}: expected SRC:DST[:ro] (paths containing ':' are not supported)`;
  const [source, target = source] = parts as [string, string?];
  if (source === '') return `--bind ${spec}: SRC is empty`;
  if (!target.startsWith('/')) return `--bind ${spec}: DST must be an absolute path inside the rootfs`;
  return { source, target, readOnly };
}

/** Parses `net,pid`; returns an error text for an unknown name. */
export function parseNamespaces(list: string): Namespace[] | string {
  const names = list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const n of names) {
    if (!(NAMESPACES as readonly string[]).includes(n)) {
      return `--unshare ${list}: unknown namespace "${n}" (choose from ${NAMESPACES.join(',')})`;
    }
  }
  return names as Namespace[];
}
