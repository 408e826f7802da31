import { execa } from 'execa';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { RunOutcome } from '../../test/diagnosis/case-json.js';
import type { CollectRuns, StraceRun, StraceRuns } from './case-recipe.js';
import { BASE_ENV } from './case-recipe.js';

/** What a capture left in the case folder: the two logs and how each run ended. */
export interface CapturedPair {
  session: boolean;
  labels: { a: string; b: string };
  logs: { a: string; b: string };
  outcome: { a: RunOutcome; b: RunOutcome };
  /** The exact command lines that made the runs (RECIPE.md). */
  commands: string[];
}

/** The same strace flags `spelunk collect` uses (collector/tracers/strace-argv.ts). */
export const STRACE_FLAGS = ['-f', '-ttt', '-T', '-yy', '-s', '4096'];

/**
 * Runs `spelunk collect` into `work` (a fixed path under /tmp, so session.json names the same paths on
 * every capture) and copies the session into the case folder.
 */
export async function captureWithCollect(
  runs: CollectRuns,
  work: string,
  caseFolder: string,
): Promise<CapturedPair> {
  const args = ['collect', ...runs.options, '--out', work, '--', ...runs.program];
  // From the case's own directory, so the host run's working directory is the same on every capture.
  const result = await execa(process.execPath, [resolve('bin/spelunk.js'), ...args], {
    cwd: dirname(work),
    env: BASE_ENV,
    extendEnv: false,
    reject: false,
    all: true,
  });
  const sessionPath = join(work, 'session.json');
  if (!existsSync(sessionPath)) throw new Error(`spelunk collect wrote no session:\n${result.all ?? ''}`);
  const manifest = JSON.parse(readFileSync(sessionPath, 'utf8')) as {
    runs: Array<{
      label: string;
      log: string;
      stdout?: string;
      stderr?: string;
      exitCode: number | null;
      signal?: string;
      incompleteReason?: string;
    }>;
  };
  const labels = runs.labels ?? { a: 'host', b: 'chroot' };
  const run = (label: string): (typeof manifest.runs)[number] => {
    const r = manifest.runs.find((x) => x.label === label);
    if (!r) throw new Error(`the session has no ${label} run:\n${result.all ?? ''}`);
    return r;
  };
  const a = run(labels.a);
  const b = run(labels.b);
  // Everything the session holds (logs, outputs, a container run's config.json), so session.json's names resolve.
  for (const entry of readdirSync(work, { withFileTypes: true }))
    if (entry.isFile()) copyFileSync(join(work, entry.name), join(caseFolder, entry.name));
  const outcomeOf = (r: typeof a): RunOutcome => ({
    ...(r.exitCode !== null ? { exitCode: r.exitCode } : { signal: r.signal ?? 'unknown' }),
    ...(r.incompleteReason === 'timeout' ? { timedOut: true } : {}),
  });
  return {
    session: true,
    labels,
    logs: { a: a.log, b: b.log },
    outcome: { a: outcomeOf(a), b: outcomeOf(b) },
    commands: [
      `cd ${dirname(work)}`,
      `sudo npx spelunk ${args.map(quote).join(' ')}   # then copied into test/diagnosis/cases/`,
    ],
  };
}

/** Runs each side under strace (file form as collect does, or the terminal form) into the case folder. */
export async function captureWithStrace(
  runs: StraceRuns,
  work: string,
  caseFolder: string,
): Promise<CapturedPair> {
  const a = await straceOne(runs.a, 'a', work, caseFolder);
  const b = await straceOne(runs.b, 'b', work, caseFolder);
  return {
    session: false,
    labels: { a: runs.a.label, b: runs.b.label },
    logs: { a: 'a.strace.log', b: 'b.strace.log' },
    outcome: { a: a.outcome, b: b.outcome },
    commands: [`cd ${work}`, a.command, b.command],
  };
}

async function straceOne(
  run: StraceRun,
  side: 'a' | 'b',
  work: string,
  caseFolder: string,
): Promise<{ outcome: RunOutcome; command: string }> {
  const log = join(caseFolder, `${side}.strace.log`);
  const terminal = run.form === 'terminal';
  // The terminal form: no -o, so the trace goes to strace's stderr, mixed with the program's own.
  const flags = terminal ? ['-f'] : [...STRACE_FLAGS, '-o', log];
  const argv = [...flags, ...(run.straceOptions ?? []), '--', ...run.argv];
  const result = await execa('strace', argv, {
    cwd: work,
    env: run.env ?? BASE_ENV,
    extendEnv: false,
    reject: false,
    timeout: 120_000,
    stdin: 'ignore',
    // Byte for byte, final newline included: the outputs are evidence.
    encoding: 'buffer',
    stripFinalNewline: false,
  });
  writeFileSync(join(caseFolder, `${side}.stdout.txt`), result.stdout);
  writeFileSync(terminal ? log : join(caseFolder, `${side}.stderr.txt`), result.stderr);
  const outcome: RunOutcome =
    typeof result.exitCode === 'number'
      ? { exitCode: result.exitCode }
      : { signal: result.signal ?? 'unknown' };
  const shown = terminal
    ? `strace ${[...flags, ...(run.straceOptions ?? []), '--', ...run.argv].map(quote).join(' ')} 2> ${side}.strace.log`
    : `strace ${[...STRACE_FLAGS, '-o', `${side}.strace.log`, ...(run.straceOptions ?? []), '--', ...run.argv].map(quote).join(' ')}`;
  const envShown = run.env
    ? `env -i ${Object.entries(run.env)
        .map(([k, v]) => quote(`${k}=${v}`))
        .join(' ')} `
    : '';
  return { outcome, command: `${envShown}${shown}` };
}

/** An argument as a shell would need it. */
export function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
