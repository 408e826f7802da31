import { Command } from 'commander';
import { registerParseCommands } from './commands/parse-commands.js';
import { registerServeCommand } from './commands/serve-command.js';

const program = new Command();
program
  .name('spelunk')
  .description('See what a program asks the kernel: strace/bpftrace traces, parsed, compared and explained.')
  .showHelpAfterError();

registerParseCommands(program);
registerServeCommand(program);

await program.parseAsync(process.argv);
