import type { Command } from 'commander';
import { stderrColors as pc } from '../terminal-colors.js';
import { resolve } from 'node:path';
import { collect, type CollectOptions } from '../collect.js';
import { CollectError, EXIT, formatFault } from '../faults.js';
import type { BindSpec, Namespace } from '../run-chain.js';
import { parseBindSpec, parseNamespaces } from '../run-chain.js';
import type { Backend, RunLabel } from '../session/session-manifest.js';
import { escapeKeepingColours } from '../write-out.js';

export function registerCollectCommand(program: Command): void {
  program
    .command('collect')
    .description(
      'Trace a program on the host, inside a chroot and inside a runc container (as root), and save the traces as one session',
    )
    .argument('<program>', 'the program to run (a path, or a name found in PATH)')
    .argument('[args...]', 'its arguments (put -- before the program so they are not read as options)')
    .option('--runs <list>', 'which runs, in order: any of host,chroot,container', 'host,chroot')
    .option(
      '--rootfs <mode>',
      'auto (program + ldd closure), bare (program only), FILE.tar (e.g. from docker export), or an existing DIR',
      'auto',
    )
    .option(
      '--unshare <list>',
      "new namespaces for the chroot run (the host run stays in the host's): net,pid,mount,uts,ipc,user,cgroup (a container has all but user already)",
    )
    .option('--no-mount-proc', 'with --unshare pid, do not mount a fresh /proc in the rootfs')
    .option('--env-clear', 'run with an empty environment, like env -i')
    .option('--env <K=V>', 'set an environment variable (repeatable)', collectList, [])
    .option(
      '--bind <SRC:DST[:ro]>',
      'bind-mount SRC at DST inside the rootfs (repeatable; always undone)',
      collectList,
      [],
    )
    .option('--backend <name>', 'strace or bpftrace', 'strace')
    .option('--trace <set>', "limit what is traced, strace's -e trace= syntax (e.g. %process,%file,chroot)")
    .option('--timeout <seconds>', 'kill a run that takes longer (0: no limit)', '60')
    .option('--out <dir>', 'session directory (default ./sessions/<time>-<program>)')
    .addHelpText('after', '\nExample:\n  sudo npx spelunk collect --rootfs bare -- /usr/bin/true\n')
    .action(async (prog: string, args: string[], opts: CollectFlags) => {
      const code = await runCollect(prog, args, opts);
      process.exitCode = code;
    });
}

interface CollectFlags {
  runs: string;
  rootfs: string;
  unshare?: string;
  mountProc: boolean;
  envClear?: boolean;
  env: string[];
  bind: string[];
  backend: string;
  trace?: string;
  timeout: string;
  out?: string;
}

function collectList(value: string, previous: string[]): string[] {
  return [...previous, value];
}

async function runCollect(prog: string, args: string[], flags: CollectFlags): Promise<number> {
  const log = (line: string): void =>
    void process.stderr.write(`${pc.dim('spelunk')} ${escapeKeepingColours(line)}\n`);
  const controller = new AbortController();
  const onSigint = (): void => {
    log(pc.yellow('Ctrl-C: stopping the traced program, keeping what was captured…'));
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);
  try {
    const options = parseFlags(flags);
    log(
      `${pc.bold('collect')} ${[prog, ...args].join(' ')} (${options.backend}, runs ${options.runs.join('+')}, rootfs ${options.rootfs})`,
    );
    const outcome = await collect({ program: prog, args, ...options, log, abort: controller.signal });
    log(
      `session: ${pc.bold(`${outcome.sessionDir}/session.json`)}${outcome.manifest.complete ? '' : pc.yellow(' (incomplete)')}`,
    );
    if (outcome.fault) {
      const f = formatFault(outcome.fault);
      process.stderr.write(`${escapeKeepingColours(pc.red(f.text))}\n`);
      return f.exitCode;
    }
    return 0;
  } catch (err) {
    const f = formatFault(err);
    process.stderr.write(`${escapeKeepingColours(pc.red(f.text))}\n`);
    if (!(err instanceof CollectError) && err instanceof Error && err.stack)
      process.stderr.write(`${escapeKeepingColours(pc.dim(err.stack))}\n`);
    return f.exitCode;
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
  }
}

/** The collect options the flags give (the program, its arguments and the terminal hooks come apart). */
type FlagOptions = Omit<CollectOptions, 'program' | 'args' | 'log' | 'abort'>;

function parseFlags(flags: CollectFlags): FlagOptions {
  const usage = (message: string, hint: string): never => {
    throw new CollectError(message, hint, EXIT.usage);
  };
  const runs = flags.runs
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (runs.length === 0 || runs.some((r) => r !== 'host' && r !== 'chroot' && r !== 'container'))
    usage(
      `--runs ${flags.runs}: expected a list of host, chroot, container`,
      'Example: --runs host,chroot,container',
    );
  if (new Set(runs).size !== runs.length)
    usage(`--runs ${flags.runs}: each run once`, 'Example: --runs host,container');
  if (flags.backend !== 'strace' && flags.backend !== 'bpftrace')
    usage(`--backend ${flags.backend}: expected strace or bpftrace`, 'Example: --backend bpftrace');
  const unshare = flags.unshare ? parseNamespaces(flags.unshare) : [];
  if (typeof unshare === 'string') usage(unshare, 'Example: --unshare net,uts');
  const binds: BindSpec[] = [];
  for (const spec of flags.bind) {
    const b = parseBindSpec(spec);
    if (typeof b === 'string') usage(b, 'Example: --bind /etc/hostname:/etc/hostname:ro');
    else binds.push({ ...b, source: resolve(b.source) });
  }
  for (const kv of flags.env)
    if (!/^[A-Za-z_][A-Za-z0-9_]*=/.test(kv))
      usage(`--env ${kv}: expected NAME=VALUE`, 'Example: --env PATH=/bin');
  const timeout = Number(flags.timeout);
  if (!Number.isFinite(timeout) || timeout < 0)
    usage(`--timeout ${flags.timeout}: expected seconds`, 'Example: --timeout 10');
  return {
    runs: runs as RunLabel[],
    rootfs: flags.rootfs,
    unshare: unshare as Namespace[],
    mountProc: flags.mountProc,
    envClear: flags.envClear === true,
    env: flags.env,
    binds,
    backend: flags.backend as Backend,
    ...(flags.trace ? { trace: flags.trace } : {}),
    ...(timeout > 0 ? { timeoutMs: timeout * 1000 } : {}),
    ...(flags.out ? { outDir: flags.out } : {}),
  };
}
