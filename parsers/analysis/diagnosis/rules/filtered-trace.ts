import { execFacts } from '../exec-facts.js';
import type { RunFacts } from '../run-facts.js';
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
    const run = filtered[0] as RunFacts;
    const how =
      run.filter.source === 'context'
        ? `made with -e trace=${run.filter.text}`
        : `holds only ${run.filter.text} calls`;
    const which = filtered.length === 2 ? 'both traces were' : `the ${run.label} trace was`;
    // What the log does show: the target's own execve failing, else the first real difference.
    const exec = execFacts(ctx.subject);
    const execFailed = exec !== null && exec.failed >= 0;
    const first = execFailed
      ? null
      : ctx.divergences.find((d) => d.side === ctx.subject.side && d.noise === null);
    const seen = execFailed
      ? `execve("${ctx.subject.target?.unit.programPath ?? ''}") fails with ${exec.errno} ${ctx.subject.where}` +
        (exec.errno === 'ENOENT'
          ? ', which means the program file or the interpreter it names (the dynamic loader, or a #! line) is missing'
          : '')
      : first
        ? `the first visible difference is ${first.name}() at line ${ctx.subject.trace.line(first.i)}`
        : 'no visible call explains it';
    return {
      rule: 'filtered-trace',
      confidence: ctx.situation === 'both-succeed' ? 'possible' : 'certain',
      cause: `${seen}; ${which} filtered (the log ${how}), so it cannot show which calls made the difference`,
      evidence: evidenceOf(
        ctx,
        [execFailed ? exec.failed : first?.i, ctx.subject.target?.execEvent],
        [first?.other, ctx.reference.target?.execEvent],
      ),
    };
  },
};
