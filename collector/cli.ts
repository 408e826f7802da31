import { Command } from 'commander';
import { registerParseCommands } from './commands/parse-commands.js';
import { registerServeCommand } from './commands/serve-command.js';
import { registerDiffCommand } from './commands/diff-command.js';
import { registerCollectCommand } from './commands/collect-command.js';
import { registerRootfsCommand } from './commands/rootfs-command.js';
import { registerExplainCommand } from './commands/explain-command.js';
import { registerLessonsCommand } from './commands/lessons-command.js';

const program = new Command();
program
  .name('spelunk')
  .description('See what a program asks the kernel: strace/bpftrace traces, parsed, compared and explained.')
  .showHelpAfterError();

registerParseCommands(program);
registerServeCommand(program);
registerDiffCommand(program);
registerCollectCommand(program);
registerRootfsCommand(program);
registerExplainCommand(program);
registerLessonsCommand(program);

await program.parseAsync(process.argv);
