import { accessSync, constants, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { release, machine } from 'node:os';
import { CollectError, EXIT } from './faults.js';
import { runCapture } from './process-runner.js';

/** What the machine offers: root, tools, versions, tracefs. Every failure is a CollectError with a fix. */

export function requireRoot(why: string): void {
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new CollectError(
      `must run as root: ${why}`,
      'Run it with sudo, e.g. sudo npx spelunk collect -- /bin/true',
      EXIT.environment,
    );
  }
}

const INSTALL_HINT: Record<string, string> = {
  strace: 'apt-get install strace',
  bpftrace: 'apt-get install bpftrace',
  unshare: 'apt-get install util-linux',
  mount: 'apt-get install mount',
  chroot: 'apt-get install coreutils',
  env: 'apt-get install coreutils',
  sh: 'apt-get install dash',
  runc: 'apt-get install runc',
};

/** The absolute path of a tool found in PATH, or a CollectError naming the package to install. */
export function findTool(name: string, pathVar = process.env.PATH ?? ''): string {
  const dirs = [
    ...pathVar.split(':'),
    '/usr/local/sbin',
    '/usr/local/bin',
    '/usr/sbin',
    '/usr/bin',
    '/sbin',
    '/bin',
  ];
  for (const dir of dirs) {
    if (dir === '') continue;
    const candidate = `${dir}/${name}`;
    try {
      if (!statSync(candidate).isFile()) continue;
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  const hint = INSTALL_HINT[name];
  throw new CollectError(
    `${name} is not installed (not found in PATH)`,
    hint ? `Install it: ${hint}` : `Install ${name} or add it to PATH.`,
    EXIT.environment,
  );
}

export interface ToolVersions {
  [tool: string]: string;
}

/** First line of each tool's version output, as recorded in session.json. */
export async function readToolVersions(tools: Record<string, string>): Promise<ToolVersions> {
  const flags: Record<string, string> = { strace: '-V', bpftrace: '--version' };
  const out: ToolVersions = {};
  for (const [name, path] of Object.entries(tools)) {
    const r = await runCapture([path, flags[name] ?? '--version']);
    out[name] = (r.stdout.trim() || r.stderr.trim()).split('\n')[0] ?? 'unknown';
  }
  out.node = process.version;
  return out;
}

export function describeKernel(): { release: string; machine: string } {
  return { release: release(), machine: machine() };
}

const TRACEFS = '/sys/kernel/tracing';

/**
 * bpftrace finds no tracepoint when tracefs is not mounted (a fresh container or CI machine). Mounts it
 * when absent; returns a line saying what was done, or throws with the reason it cannot.
 */
export async function ensureTracefs(): Promise<string | null> {
  if (existsSync(`${TRACEFS}/events/syscalls`)) return null;
  if (!existsSync(TRACEFS)) {
    throw new CollectError(
      `${TRACEFS} does not exist, so bpftrace cannot reach the syscall tracepoints`,
      'The kernel lacks tracefs (CONFIG_FTRACE); use --backend strace.',
      EXIT.environment,
    );
  }
  const r = await runCapture(['mount', '-t', 'tracefs', 'tracefs', TRACEFS]);
  if (r.exitCode !== 0 || !existsSync(`${TRACEFS}/events/syscalls`)) {
    const why = (r.stderr || r.spawnError || 'no syscall events after mounting').trim().split('\n')[0];
    throw new CollectError(
      `cannot mount tracefs at ${TRACEFS}: ${why}`,
      'Mount it yourself (mount -t tracefs tracefs /sys/kernel/tracing), or use --backend strace.',
      EXIT.environment,
    );
  }
  return `mounted tracefs at ${TRACEFS} (it was absent; bpftrace needs it)`;
}

/** Names of the syscalls that have an enter tracepoint here ("openat" for sys_enter_openat). */
function readSyscallTracepoints(): Set<string> | null {
  try {
    return new Set(
      readdirSync(`${TRACEFS}/events/syscalls`)
        .filter((n) => n.startsWith('sys_enter_'))
        .map((n) => n.slice('sys_enter_'.length)),
    );
  } catch {
    return null;
  }
}

/** Mount points currently under `dir` (from /proc/self/mountinfo), to prove nothing was left behind. */
export function mountsUnder(dir: string): string[] {
  const text = readFileSync('/proc/self/mountinfo', 'utf8');
  const prefix = dir.endsWith('/') ? dir : `${dir}/`;
  return text
    .split('\n')
    .map((l) => (l.split(' ')[4] ?? '').replace(/\\040/g, ' '))
    .filter((m) => m === dir || m.startsWith(prefix));
}
