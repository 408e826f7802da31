import { Command } from 'commander';
import { registerParseCommands } from './commands/parse-commands.js';

const program = new Command();
program
  .name('spelunk')
  .description('See what a program asks the kernel: strace/bpftrace traces, parsed, compared and explained.')
  .showHelpAfterError();

registerParseCommands(program);

await program.parseAsync(process.argv);
