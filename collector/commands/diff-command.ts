import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Command } from 'commander';
import { stdoutColors } from '../terminal-colors.js';
import type { Trace } from '../../parsers/model/trace.js';
import type { DiffLabels, DiffRunContexts } from '../../parsers/analysis/diff/index.js';
import {
  computeTraceDiff,
  formatDiffJsonPieces,
  formatDiffReport,
} from '../../parsers/analysis/diff/index.js';
import { InputError, readText, readTrace } from '../trace-input.js';
import type { ManifestForContext, RunForContext } from '../session/run-context.js';
import { readRunContext } from '../session/run-context.js';
import { runAction } from '../run-action.js';
import { writeData, writeOut } from '../write-out.js';
import { formatTerminalReport } from '../terminal-report.js';

interface DiffCommandOptions {
  json?: boolean;
  budget?: string;
  context?: string;
  all?: boolean;
  a?: string;
  b?: string;
}

/** `spelunk diff <a> [b]`: align two runs call by call and say how they differ. */
export function registerDiffCommand(program: Command): void {
  program
    .command('diff')
    .description('compare two traces: processes paired, calls aligned, differences explained')
    .argument(
      '<a>',
      'strace (or bpftrace) log, -ff directory, quoted glob ("run1/trace.*"), or a `spelunk collect` session directory',
    )
    .argument(
      '[b]',
      'the other trace (omit when <a> is a session directory: host against its first isolated run)',
    )
    .option('--a <label>', 'for a session: the run shown as A (host, chroot, container)')
    .option('--b <label>', 'for a session: the run shown as B')
    .option('--json', 'machine-readable: counts, first divergence, findings and the whole alignment')
    .option('--budget <ms>', 'time allowed for exact alignment before a coarser one is used', '5000')
    .option('--context <n>', 'equal calls shown around each difference', '2')
    .option('--all', 'print the whole alignment')
    .action((a: string, b: string | undefined, opts: DiffCommandOptions) =>
      runAction(async () => {
        const { traceA, traceB, labels, context: runContext } = await readPair(a, b, opts);
        const budgetMs = Number(opts.budget);
        if (!Number.isFinite(budgetMs) || budgetMs <= 0)
          throw new InputError(`--budget: not a positive number: ${opts.budget}`);
        const diff = computeTraceDiff(traceA, traceB, {
          labels,
          budgetMs,
          ...(runContext ? { context: runContext } : {}),
        });
        if (opts.json) {
          // streamed: the alignment of big traces is tens of MB of JSON, never one string
          for (const piece of formatDiffJsonPieces(diff)) await writeData(piece);
          await writeOut('\n');
          return;
        }
        const context = opts.all ? 'all' : Math.max(0, Number(opts.context) || 0);
        // Trace text never reaches the terminal raw: escapes are shown, not obeyed (terminal-report.ts).
        const report = formatTerminalReport(stdoutColors, (paint) =>
          formatDiffReport(diff, {
            paint,
            context,
            maxLines: opts.all ? Infinity : 400,
            runs:
              `${paint.bold(labels.a)}: ${describe(traceA)}\n` +
              `${paint.bold(labels.b)}: ${describe(traceB)}\n`,
          }),
        );
        await writeOut(report);
      }),
    );
}

function describe(trace: Trace): string {
  const names = trace.sources.map((s) => s.name);
  const files =
    names.length > 3 ? `${names.slice(0, 3).join(', ')}, … (${names.length} files)` : names.join(', ');
  let calls = 0;
  for (let i = 0; i < trace.count; i++) if (trace.columns.kind[i] === 0) calls++;
  return `${files} (${calls} syscalls)`;
}

interface RunPair {
  traceA: Trace;
  traceB: Trace;
  labels: DiffLabels;
  /** For a session: what session.json and the runs' stdout/stderr files say about each run. */
  context?: DiffRunContexts;
}

/**
 * The two traces, their labels and run contexts, from two arguments or one session directory: what
 * `spelunk diff` compares (the diagnosis suite's test reads its cases through it too).
 */
export async function readPair(a: string, b: string | undefined, pick: RunPick = {}): Promise<RunPair> {
  if (b === undefined) {
    const session = await readSession(a, pick);
    if (!session)
      throw new InputError(`${a}: not a session directory (no session.json); name two traces to compare`);
    return session;
  }
  if (pick.a || pick.b) throw new InputError('--a and --b choose runs of one session directory');
  const [sa, sb] = await Promise.all([readSession(a, {}), readSession(b, {})]);
  if (sa || sb)
    throw new InputError('a session directory compares its own runs: give it alone (spelunk diff SESSION)');
  const [traceA, traceB] = await Promise.all([
    readTrace(await expandGlob(a)),
    readTrace(await expandGlob(b)),
  ]);
  return { traceA, traceB, labels: { a: 'A', b: 'B' } };
}

/** Which runs of a session to compare, by label. */
interface RunPick {
  a?: string;
  b?: string;
}

/**
 * A session from `spelunk collect`: session.json (schema 1 or 2) lists runs [{label, log}]. By default
 * the host run is A and the first other run in the session's order (chroot, container) is B.
 */
async function readSession(dir: string, pick: RunPick): Promise<RunPair | null> {
  const manifestPath = join(dir, 'session.json');
  if (!(await isFile(manifestPath))) return null;
  let manifest: ManifestForContext;
  try {
    manifest = JSON.parse(await readText(manifestPath)) as typeof manifest;
  } catch (e) {
    throw new InputError(`${manifestPath}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const runs = (manifest.runs ?? []).filter(
    (r): r is RunForContext & { label: string; log: string } => !!r.label && !!r.log,
  );
  const byLabel = (label: string): RunForContext & { label: string; log: string } => {
    const run = runs.find((r) => r.label === label);
    if (!run)
      throw new InputError(
        `${manifestPath}: no run labelled ${label} (runs: ${runs.map((r) => r.label).join(', ') || 'none'})`,
      );
    return run;
  };
  const host = pick.a ? byLabel(pick.a) : (runs.find((r) => r.label === 'host') ?? runs[0]);
  const other = pick.b ? byLabel(pick.b) : runs.find((r) => r !== host);
  if (!host || !other)
    throw new InputError(`${manifestPath}: needs two runs to compare, found ${runs.length}`);
  if (host === other) throw new InputError(`--a and --b name the same run (${host.label})`);
  const [traceA, traceB] = await Promise.all([readRunLog(dir, host.log), readRunLog(dir, other.log)]);
  return {
    traceA,
    traceB,
    labels: { a: host.label, b: other.label },
    context: { a: readRunContext(dir, manifest, host), b: readRunContext(dir, manifest, other) },
  };
}

/** A run's log: a file, an -ff directory, or the prefix of an -ff set (`trace` for `trace.1234`...). */
async function readRunLog(dir: string, log: string): Promise<Trace> {
  const path = join(dir, log);
  if (await exists(path)) return readTrace([path]);
  const prefix = basename(path) + '.';
  const names = (await readdir(dirname(path)).catch(() => [] as string[])).filter(
    (n) => n.startsWith(prefix) && /^\d+$/.test(n.slice(prefix.length)),
  );
  if (names.length === 0) throw new InputError(`${path}: the run's log is missing`);
  return readTrace(names.sort().map((n) => join(dirname(path), n)));
}

/** `dir/trace.*` quoted on the command line: expanded here, in its directory, `*` and `?` only. */
async function expandGlob(arg: string): Promise<string[]> {
  const base = basename(arg);
  if (!/[*?]/.test(base)) return [arg];
  const dir = dirname(arg);
  const re = new RegExp(
    '^' +
      base
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.') +
      '$',
  );
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => re.test(n)).sort();
  if (names.length === 0) throw new InputError(`${arg}: no file matches`);
  return names.map((n) => join(dir, n));
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}
