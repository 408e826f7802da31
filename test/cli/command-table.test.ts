import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram, COMMANDS, commandNamed } from '../../collector/command-table.js';
import { runCli } from './run-cli.js';

describe('the command table', () => {
  it('lists each command as its own module defines it', async () => {
    for (const entry of COMMANDS) {
      const scratch = new Command();
      await entry.register(scratch);
      const cmd = scratch.commands.find((c) => c.name() === entry.name);
      expect(cmd, entry.name).toBeDefined();
      // a command's description or arguments changed: copy them into COMMANDS (collector/command-table.ts)
      expect(cmd!.description(), `${entry.name}: COMMANDS' description`).toBe(entry.description);
      expect(cmd!.usage(), `${entry.name}: COMMANDS' usage`).toBe(entry.usage);
    }
  });

  it('defines only the command that runs; the others are listed', async () => {
    const program = await buildProgram('stats');
    expect(program.commands.map((c) => c.name())).toEqual(COMMANDS.map((c) => c.name));
    const stats = program.commands.find((c) => c.name() === 'stats')!;
    expect(stats.options.map((o) => o.long)).toEqual(['--json']);
    expect(program.commands.find((c) => c.name() === 'diff')!.options).toEqual([]);
    expect(commandNamed(['help', 'diff'])).toBe('diff');
    expect(commandNamed(['--help'])).toBe('--help');
  });

  it('prints the same help listing as the full definitions would', async () => {
    const { stdout, exitCode } = await runCli(['--help']);
    expect(exitCode).toBe(0);
    for (const c of COMMANDS) expect(stdout).toContain(`${c.name} ${c.usage}`);
    const diffHelp = await runCli(['help', 'diff']);
    expect(diffHelp.stdout).toContain('--budget <ms>');
    const typo = await runCli(['dif']);
    expect(typo.exitCode).toBe(1);
    expect(typo.stderr).toContain('Did you mean diff?');
  });
});
