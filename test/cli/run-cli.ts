import { execa } from 'execa';

const BIN = new URL('../../bin/spelunk.js', import.meta.url).pathname;

/** Runs the real CLI as a user would, and returns what it printed. */
export async function runCli(args: string[]): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const r = await execa('node', [BIN, ...args], { reject: false, stripFinalNewline: false });
  return { stdout: String(r.stdout), stderr: String(r.stderr), exitCode: r.exitCode ?? -1 };
}
