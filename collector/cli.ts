// The `spelunk` command line: each command's module is loaded only when it runs (command-table.ts).
import { buildProgram, commandNamed } from './command-table.js';

await (await buildProgram(commandNamed(process.argv.slice(2)))).parseAsync(process.argv);
