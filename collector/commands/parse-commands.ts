import type { Command } from 'commander';
import { computeSyscallStats, type SyscallStats } from '../../parsers/analysis/syscall-stats.js';
import { formatEventJson } from '../../parsers/format/event-json.js';
import { formatTraceDump } from '../../parsers/format/trace-dump.js';
import { readTrace } from '../trace-input.js';
import { runAction } from '../run-action.js';
import { writeOut } from '../write-out.js';

/** `spelunk parse` and `spelunk stats`: the parser's contract with users and scripts. */
export function registerParseCommands(program: Command): void {
  program
    .command('parse')
    .description('parse strace logs (several files form one -ff set) and print every event')
    .argument('<file...>', 'strace log(s), or a directory holding an -ff set')
    .option('--ndjson', 'one JSON object per event, in trace order (the default)')
    .option('--text', 'a compact text dump, one event per line')
    .action((files: string[], opts: { ndjson?: boolean; text?: boolean }) =>
      runAction(async () => {
        const trace = await readTrace(files);
        if (opts.text && !opts.ndjson) return writeOut(formatTraceDump(trace));
        const lines: string[] = [];
        for (let i = 0; i < trace.count; i++) {
          lines.push(formatEventJson(trace.event(i)));
          if (lines.length >= 4096) await writeOut(lines.splice(0).join('\n') + '\n');
        }
        if (lines.length > 0) await writeOut(lines.join('\n') + '\n');
      }),
    );

  program
    .command('stats')
    .description('per-syscall calls, errors and time, like strace -c')
    .argument('<file...>', 'strace log(s), or a directory holding an -ff set')
    .option('--json', 'machine-readable output')
    .action((files: string[], opts: { json?: boolean }) =>
      runAction(async () => {
        const stats = computeSyscallStats(await readTrace(files));
        await writeOut(opts.json ? JSON.stringify(stats) + '\n' : formatStatsTable(stats));
      }),
    );
}

/** The table in strace -c's own layout, so it reads the same. */
export function formatStatsTable(stats: SyscallStats): string {
  const rows = Object.entries(stats.syscalls).sort((a, b) => b[1].seconds - a[1].seconds || b[1].calls - a[1].calls);
  const total = rows.reduce((t, [, s]) => t + s.seconds, 0);
  const pad = (s: string, n: number): string => s.padStart(n);
  const rule = '------ ----------- ----------- --------- --------- ----------------';
  const out = ['% time     seconds  usecs/call     calls    errors syscall', rule];
  let calls = 0;
  let errors = 0;
  for (const [name, s] of rows) {
    calls += s.calls;
    errors += s.errors;
    const pct = total > 0 ? ((100 * s.seconds) / total).toFixed(2) : '0.00';
    const usecs = s.calls > 0 ? Math.round((s.seconds * 1e6) / s.calls).toString() : '0';
    out.push(`${pad(pct, 6)} ${pad(s.seconds.toFixed(6), 11)} ${pad(usecs, 11)} ${pad(String(s.calls), 9)} ${pad(s.errors ? String(s.errors) : '', 9)} ${name}`);
  }
  out.push(rule);
  const usecs = calls > 0 ? Math.round((total * 1e6) / calls).toString() : '0';
  out.push(`${pad('100.00', 6)} ${pad(total.toFixed(6), 11)} ${pad(usecs, 11)} ${pad(String(calls), 9)} ${pad(errors ? String(errors) : '', 9)} total`);
  if (stats.unknownLines > 0) out.push(`(${stats.unknownLines} line(s) could not be parsed; see spelunk parse)`);
  return out.join('\n') + '\n';
}
