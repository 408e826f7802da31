import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../parsers/lessons/index.js';
import { runCli } from './run-cli.js';

/** What a user types after reading `spelunk --help` or `spelunk lessons`: the names those print. */
describe('names the CLI prints are names it takes', () => {
  it('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    const r = await runCli(['--version']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(`${pkg.version}\n`);
  });

  it('a lesson by the number the list prints before it', async () => {
    const list = await runCli(['lessons']);
    const third = /^ 3\. (\S+)/m.exec(list.stdout)?.[1];
    expect(third).toBe(LESSONS[2]!.id);
    const [byNumber, byId] = await Promise.all([
      runCli(['lessons', '3', '--json']),
      runCli(['lessons', third!, '--json']),
    ]);
    expect(byNumber.exitCode).toBe(byId.exitCode);
    expect(byNumber.stdout).toBe(byId.stdout);
    expect(JSON.parse(byNumber.stdout)).toMatchObject({ id: third });
    const past = await runCli(['lessons', String(LESSONS.length + 1)]);
    expect(past.exitCode).toBe(1);
    expect(past.stderr).toMatch(/^spelunk: unknown lesson "\d+"/);
  });

  it("a section's name, as the list prints it in brackets, names that section's lessons", async () => {
    const r = await runCli(['lessons', 'loader']);
    expect(r.exitCode).toBe(1);
    const loader = LESSONS.filter((l) => l.section === 'loader').map((l) => l.id);
    expect(loader.length).toBeGreaterThan(0);
    expect(r.stderr).toBe(
      `spelunk: unknown lesson "loader" (closest: ${loader.join(', ')}: the lessons of section loader)\n`,
    );
  });
});
