import { Command } from 'commander';
// esbuild inlines the one field (npm run build:cli), so --version reads no file at run time
import { version } from '../package.json';

/**
 * One entry per command: what `spelunk --help` lists, and the module that defines it. A command's
 * module (and everything it imports: the parsers, the diff engine, the catalogue, execa, node:http) is
 * loaded only when that command runs, so `spelunk stats log` never loads the syscall catalogue and
 * `spelunk --help` loads none of them. test/cli/command-table.test.ts checks the table against the modules.
 */
interface CommandEntry {
  name: string;
  /** The usage line `spelunk --help` shows, as commander prints it for the full definition. */
  usage: string;
  description: string;
  register(program: Command): Promise<void>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'parse',
    usage: '[options] <file...>',
    description: 'parse strace logs (several files form one -ff set) and print every event',
    register: async (p) => (await import('./commands/parse-commands.js')).registerParseCommands(p),
  },
  {
    name: 'stats',
    usage: '[options] <file...>',
    description: 'per-syscall calls, errors and time, like strace -c',
    register: async (p) => (await import('./commands/parse-commands.js')).registerParseCommands(p),
  },
  {
    name: 'serve',
    usage: '[options] [inputs...]',
    description: 'open traces in the web app: serves the built app and the given logs on 127.0.0.1',
    register: async (p) => (await import('./commands/serve-command.js')).registerServeCommand(p),
  },
  {
    name: 'diff',
    usage: '[options] <a> [b]',
    description: 'compare two traces: processes paired, calls aligned, differences explained',
    register: async (p) => (await import('./commands/diff-command.js')).registerDiffCommand(p),
  },
  {
    name: 'collect',
    usage: '[options] <program> [args...]',
    description:
      'Trace a program on the host, inside a chroot and inside a runc container (as root), and save the traces as one session',
    register: async (p) => (await import('./commands/collect-command.js')).registerCollectCommand(p),
  },
  {
    name: 'rootfs',
    usage: '[options] <program> <dir>',
    description:
      'Build the minimal root filesystem for a program: itself, its dynamic loader and its libraries, at the same paths',
    register: async (p) => (await import('./commands/rootfs-command.js')).registerRootfsCommand(p),
  },
  {
    name: 'explain',
    usage: '[options] <name...>',
    description: 'explain syscalls and errnos: what they do, their arguments, return value and common errors',
    register: async (p) => (await import('./commands/explain-command.js')).registerExplainCommand(p),
  },
  {
    name: 'lessons',
    usage: '[options] [id]',
    description: 'list the guided lessons, or print one with the events each step points at in the samples',
    register: async (p) => (await import('./commands/lessons-command.js')).registerLessonsCommand(p),
  },
];

/** The program with every command listed; only `wanted` (when one is named) is fully defined. */
export async function buildProgram(wanted: string | undefined): Promise<Command> {
  const program = new Command();
  program
    .name('spelunk')
    .description(
      'See what a program asks the kernel: strace/bpftrace traces, parsed, compared and explained.',
    )
    .version(version)
    .showHelpAfterError()
    // the listing is the table's, for loaded and unloaded commands alike
    .configureHelp({ subcommandTerm: (cmd) => `${cmd.name()} ${usageOf(cmd.name()) ?? cmd.usage()}` });
  const entry = COMMANDS.find((c) => c.name === wanted);
  // a module may define a sibling too (parse-commands.ts defines parse and stats): it registers into a
  // scratch program and only the wanted command is taken, so help and errors do not depend on the module
  let defined: Command | undefined;
  if (entry) {
    const scratch = new Command().showHelpAfterError();
    await entry.register(scratch);
    defined = scratch.commands.find((c) => c.name() === entry.name);
  }
  for (const c of COMMANDS) {
    if (c === entry && defined) program.addCommand(defined);
    // the others are listed for `--help` (and "unknown command" suggestions) without loading them
    else program.command(c.name).description(c.description);
  }
  return program;
}

function usageOf(name: string): string | undefined {
  return COMMANDS.find((c) => c.name === name)?.usage;
}

/** The command named on the command line: the first word, or the one `help` is asked about. */
export function commandNamed(argv: readonly string[]): string | undefined {
  const [first, second] = argv;
  return first === 'help' ? second : first;
}
