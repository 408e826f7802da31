import type { TraceDiff } from '../../../parsers/analysis/diff/index.js';
import { formatDiffReport } from '../../../parsers/analysis/diff/index.js';
import {
  formatSyscallDelta,
  changedSyscalls,
  computeSyscallDelta,
  countSyscalls,
} from '../../../parsers/analysis/syscall-delta.js';

/** Names of the two traces' files, for the report's header. */
export interface ReportSources {
  a: string[];
  b: string[];
}

/**
 * The comparison as a Markdown report for a bug tracker: what was compared, the counts, the ranked
 * findings (with the lines behind them), the syscall deltas, and the terminal report's alignment listing
 * (equal stretches folded) in a code block.
 */
export function formatDiffMarkdown(diff: TraceDiff, sources: ReportSources): string {
  const { labels } = diff;
  const out: string[] = [];
  out.push(`# spelunk comparison: ${labels.a} against ${labels.b}`, '');
  out.push(`- **${labels.a}**: ${sources.a.map(code).join(', ')} (${diff.a.count} events)`);
  out.push(`- **${labels.b}**: ${sources.b.map(code).join(', ')} (${diff.b.count} events)`);
  out.push(
    `- **Alignment**: ${diff.equal} equal, ${diff.changed} changed, ${diff.onlyA} only in ${labels.a}, ${diff.onlyB} only in ${labels.b}` +
      (diff.coarse ? ' (coarse in places: the time budget ran out)' : ''),
    '',
  );
  out.push('## Findings', '');
  if (diff.findings.length === 0) out.push('None: the runs make the same calls.');
  diff.findings.forEach((f, n) => {
    out.push(`${n + 1}. **${f.kind}**: ${escapeMd(f.message)}`);
    for (const [label, ref] of [
      [labels.a, f.a],
      [labels.b, f.b],
    ] as const) {
      if (ref)
        out.push(
          `   - ${label} ${ref.file ? `${ref.file}:` : 'line '}${ref.line}: ${code(ref.text.trim().slice(0, 200))}`,
        );
    }
    for (const d of (f.details ?? []).slice(0, 12)) out.push(`   - ${escapeMd(d)}`);
  });
  out.push('');
  const deltas = changedSyscalls(
    computeSyscallDelta(countSyscalls(diff.a, null), countSyscalls(diff.b, null)),
  );
  if (deltas.length) {
    out.push(
      '## Syscall counts',
      '',
      `| syscall | calls ${labels.a} | calls ${labels.b} | errors ${labels.a} | errors ${labels.b} |`,
      '|---|---:|---:|---:|---:|',
    );
    for (const d of deltas.slice(0, 40))
      out.push(`| ${d.name} | ${d.callsA} | ${d.callsB} | ${d.errorsA} | ${d.errorsB} |`);
    if (deltas.length > 40)
      out.push(
        '',
        `… and ${deltas.length - 40} more: ${deltas.slice(40, 45).map(formatSyscallDelta).join('; ')}`,
      );
    out.push('');
  }
  out.push('## Alignment', '', '```');
  const report = formatDiffReport(diff, { maxLines: 300 });
  const at = report.indexOf('Alignment');
  out.push((at >= 0 ? report.slice(at) : report).replace(/```/g, "'''").trimEnd());
  out.push('```', '', '_Made with spelunk (`spelunk diff --json` gives the whole alignment as data)._', '');
  return out.join('\n');
}

function code(s: string): string {
  return '`' + s.replace(/`/g, "'") + '`';
}

function escapeMd(s: string): string {
  return s.replace(/([\\`*_[\]<>|])/g, '\\$1');
}
