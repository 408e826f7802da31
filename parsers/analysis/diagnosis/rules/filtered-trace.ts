import type { DiagnosisRule } from '../types.js';
import { evidenceOf } from './rule-kit.js';

/**
 * A log made with `strace -e trace=SET` shows only those calls: whatever failed among the others is
 * invisible. When nothing more specific can be said, the diagnosis says that much and what the log
 * does show.
 */
export const filteredTrace: DiagnosisRule = {
  id: 'filtered-trace',
  level: 'summary',
  detect(ctx) {
    const filtered = [ctx.subject, ctx.reference].filter((r) => r.filter.filtered);
    if (filtered.length === 0) return null;
    const run = filtered[0]!;
    const how =
      run.filter.source === 'context'
        ? `made with -e trace=${run.filter.text}`
        : `holds only ${run.filter.text} calls`;
    const first = ctx.divergences.find((d) => d.side === ctx.subject.side && d.noise === null);
    return {
      rule: 'filtered-trace',
      confidence: 'possible',
      cause:
        `the ${filtered.length === 2 ? 'traces were' : `${run.label} trace was`} filtered (the log ${how}), so the calls ` +
        `that would show why are not in it` +
        (first
          ? `; the first visible difference is ${first.name}() at line ${ctx.subject.trace.line(first.i)}`
          : ''),
      evidence: evidenceOf(
        ctx,
        [first?.i, ctx.subject.target?.execEvent],
        [first?.other, ctx.reference.target?.execEvent],
      ),
    };
  },
};
