import type { Command } from 'commander';
import { stderrColors as pc } from '../terminal-colors.js';
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { CollectError, EXIT, formatFault } from '../faults.js';
import { formatBytes } from '../collect.js';
import { applyRootfsPlan, planRootfs, resolveHostProgram } from '../rootfs/rootfs-build.js';
import { planBytes } from '../rootfs/rootfs-plan.js';

export function registerRootfsCommand(program: Command): void {
  program
    .command('rootfs')
    .description(
      'Build the minimal root filesystem for a program: itself, its dynamic loader and its libraries, at the same paths',
    )
    .argument('<program>', 'the program (a path, or a name found in PATH)')
    .argument('<dir>', 'where to build it (created if missing; existing files are kept)')
    .option('--bare', 'copy only the program (to see chroot fail without its loader)')
    .action(async (prog: string, dir: string, opts: { bare?: boolean }) => {
      try {
        const path = resolveHostProgram(prog);
        const root = resolve(dir);
        if (existsSync(root) && readdirSync(root).length > 0)
          process.stderr.write(pc.dim(`note: ${root} is not empty; existing entries are kept\n`));
        const plan = await planRootfs(path, opts.bare ? 'bare' : 'auto');
        applyRootfsPlan(plan, root);
        for (const e of plan.entries) {
          if (e.kind === 'file')
            process.stdout.write(`file     ${e.path}  (${formatBytes(e.size)}, from ${e.source})\n`);
          else if (e.kind === 'symlink') process.stdout.write(`symlink  ${e.path} -> ${e.target}\n`);
          else process.stdout.write(`dir      ${e.path}\n`);
        }
        for (const w of plan.warnings) process.stderr.write(pc.yellow(`warning: ${w}\n`));
        const files = plan.entries.filter((e) => e.kind === 'file').length;
        process.stdout.write(
          `${files} files, ${formatBytes(planBytes(plan))} in ${root}\nTry it: sudo chroot ${root} ${path}\n`,
        );
      } catch (err) {
        const f = formatFault(
          err instanceof Error && !(err instanceof CollectError)
            ? new CollectError(err.message, 'Check the directory is writable.', EXIT.program)
            : err,
        );
        process.stderr.write(`${pc.red(f.text)}\n`);
        process.exitCode = f.exitCode;
      }
    });
}
