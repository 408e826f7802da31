/**
 * `npm run eval:diagnosis [-- --markdown | --json] [--no-build] [--cli DIR] [ids...]`: runs `spelunk diff
 * --json` on every case of the diagnosis suite, exactly as a user would (the compiled CLI, rebuilt from the
 * current sources first), and scores its findings against the cause each case records: the rank of the
 * first finding that names it, the top 3 findings, and every finding that states a claim the trace
 * contradicts. `--cli DIR` runs another checkout's compiled CLI (DIR/bin/spelunk.js, built there), to score
 * an older engine on today's cases.
 */
import { execa } from 'execa';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { loadCases } from '../../test/diagnosis/load-cases.js';
import type { DiagnosisCase } from '../../test/diagnosis/load-cases.js';
import { findFalseClaims, rankOfCause } from '../../test/diagnosis/score.js';
import type { ScoredFinding } from '../../test/diagnosis/score.js';
import type { CaseResult } from './eval-report.js';
import { formatMarkdown, formatText } from './eval-report.js';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);

async function evaluate(c: DiagnosisCase, cli: string): Promise<CaseResult> {
  const r = await execa(process.execPath, [cli, 'diff', '--json', ...c.diffArgs], {
    reject: false,
    maxBuffer: 512 * 1024 * 1024,
  });
  if (r.exitCode !== 0) return { case: c, findings: [], rank: null, falseClaims: [], error: r.stderr.trim() };
  const findings = (JSON.parse(r.stdout) as { findings: ScoredFinding[] }).findings;
  return {
    case: c,
    findings,
    rank: rankOfCause(findings, c.json.cause),
    falseClaims: findFalseClaims(findings, c.json.falseClaims),
  };
}

/** Runs `work` on every item, `limit` at a time, keeping the order. */
async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const cliAt = args.indexOf('--cli');
  const otherCheckout = cliAt >= 0 ? args[cliAt + 1] : undefined;
  if (cliAt >= 0 && !otherCheckout) throw new Error('--cli needs the directory of a checkout');
  const cli = resolve(otherCheckout ?? ROOT, 'bin/spelunk.js');
  const ids = args.filter((a, i) => !a.startsWith('--') && (cliAt < 0 || i !== cliAt + 1));
  if (!args.includes('--no-build') && !otherCheckout) {
    // The compiled CLI is what users run; rebuilt so it holds the engine as it is in the sources now.
    await execa('npm', ['run', '-s', 'build:cli'], { cwd: ROOT, stdio: 'inherit' });
  }
  const cases = loadCases().filter((c) => ids.length === 0 || ids.includes(c.id));
  const results = await mapLimited(cases, Math.max(1, cpus().length), (c) => evaluate(c, cli));
  if (args.includes('--json')) {
    const rows = results.map((r) => ({
      id: r.case.id,
      rule: r.case.json.cause.rule,
      rank: r.rank,
      top: r.findings.slice(0, 3).map((f) => ({ kind: f.kind, rule: f.rule ?? null, message: f.message })),
      falseClaims: r.falseClaims,
      ...(r.error ? { error: r.error } : {}),
    }));
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  } else if (args.includes('--markdown')) process.stdout.write(formatMarkdown(results));
  else process.stdout.write(formatText(results));
}

await main();
