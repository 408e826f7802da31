import type { Command } from 'commander';
import {
  computeStatsTable,
  computeSyscallStats,
  type StatsRow,
  type SyscallStats,
} from '../../parsers/analysis/syscall-stats.js';
import { formatEventJson } from '../../parsers/format/event-json.js';
import { formatTraceDump } from '../../parsers/format/trace-dump.js';
import { readTrace } from '../trace-input.js';
import { runAction } from '../run-action.js';
import { writeData } from '../write-out.js';

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
        if (opts.text && !opts.ndjson) return writeData(formatTraceDump(trace));
        const lines: string[] = [];
        for (let i = 0; i < trace.count; i++) {
          lines.push(formatEventJson(trace.event(i)));
          if (lines.length >= 4096) await writeData(lines.splice(0).join('\n') + '\n');
        }
        if (lines.length > 0) await writeData(lines.join('\n') + '\n');
      }),
    );

  program
    .command('stats')
    .description('per-syscall calls, errors and time, like strace -c')
    .argument('<file...>', 'strace log(s), or a directory holding an -ff set')
    .option('--json', 'machine-readable output')
    .action((files: string[], opts: { json?: boolean }) =>
      runAction(async () => {
        // a `strace -c` log holds the table alone: its counts are the statistics
        const stats = computeSyscallStats(await readTrace(files, { acceptTableOnly: true }));
        await writeData(opts.json ? JSON.stringify(stats) + '\n' : formatStatsTable(stats));
      }),
    );
}

/** The table in strace -c's own layout, so it reads the same. */
export function formatStatsTable(stats: SyscallStats): string {
  const { rows, total } = computeStatsTable(stats);
  const rule = '------ ----------- ----------- --------- --------- ----------------';
  const line = (r: StatsRow): string =>
    [
      (r.percentTime ?? 0).toFixed(2).padStart(6),
      (r.seconds ?? 0).toFixed(6).padStart(11),
      String(r.usecsPerCall ?? 0).padStart(11),
      String(r.calls).padStart(9),
      (r.errors ? String(r.errors) : '').padStart(9),
      r.name,
    ].join(' ');
  const out = [
    '% time     seconds  usecs/call     calls    errors syscall',
    rule,
    ...rows.map(line),
    rule,
    line(total),
  ];
  if (stats.unknownLines > 0)
    out.push(`(${stats.unknownLines} line(s) could not be parsed; see spelunk parse)`);
  return out.join('\n') + '\n';
}
