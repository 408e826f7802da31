import type { Command } from 'commander';
import { stderrColors as pc } from '../terminal-colors.js';
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { CollectError, EXIT, formatFault } from '../faults.js';
import { formatBytes } from '../collect.js';
import { applyRootfsPlan, planRootfs, resolveHostProgram } from '../rootfs/rootfs-build.js';
import { planBytes } from '../rootfs/rootfs-plan.js';
import { escapeKeepingColours } from '../write-out.js';

/** Paths come from the program's name and its ldd output: printed with their controls escaped. */
const out = (text: string): boolean => process.stdout.write(escapeKeepingColours(text));
const err = (text: string): boolean => process.stderr.write(escapeKeepingColours(text));

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
          err(pc.dim(`note: ${root} is not empty; existing entries are kept\n`));
        const plan = await planRootfs(path, opts.bare ? 'bare' : 'auto');
        applyRootfsPlan(plan, root);
        for (const e of plan.entries) {
          if (e.kind === 'file') out(`file     ${e.path}  (${formatBytes(e.size)}, from ${e.source})\n`);
          else if (e.kind === 'symlink') out(`symlink  ${e.path} -> ${e.target}\n`);
          else out(`dir      ${e.path}\n`);
        }
        for (const w of plan.warnings) err(pc.yellow(`warning: ${w}\n`));
        const files = plan.entries.filter((e) => e.kind === 'file').length;
        out(
          `${files} files, ${formatBytes(planBytes(plan))} in ${root}\nTry it: sudo chroot ${root} ${path}\n`,
        );
      } catch (e) {
        const f = formatFault(
          e instanceof Error && !(e instanceof CollectError)
            ? new CollectError(e.message, 'Check the directory is writable.', EXIT.program)
            : e,
        );
        err(`${pc.red(f.text)}\n`);
        process.exitCode = f.exitCode;
      }
    });
}
