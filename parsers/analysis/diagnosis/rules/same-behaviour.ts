import type { DiagnosisRule } from '../types.js';
import { callName, evidenceOf } from './rule-kit.js';

/**
 * Both runs end the same way (both succeed, or both fail with the same status) and print the same: whatever
 * else differs is expected (addresses, probes for files the program can do without) or changes nothing. Said with the number of expected differences, which the expected
 * findings list.
 */
export const sameBehaviour: DiagnosisRule = {
  id: 'same-behaviour',
  level: 'summary',
  detect(ctx) {
    if (!ctx.sameEnd) return null;
    const noise = ctx.divergences.filter((d) => d.noise !== null).length;
    const fails = ctx.situation === 'both-fail';
    // Calls that differ and are not known noise still changed nothing the runs show: said, not hidden.
    const other = ctx.divergences.find(
      (d) => d.side === ctx.subject.side && d.noise === null && d.kind === 'fails',
    );
    return {
      rule: 'same-behaviour',
      confidence: ctx.sameOutput === null ? 'likely' : 'certain',
      cause:
        (fails
          ? `the program fails the same way in both, with the same ${ctx.sameOutput ? 'output and the same ' : ''}error message, so what differs ${ctx.subject.where} is not why it fails`
          : `the program behaves the same in both${ctx.sameOutput ? ', with the same output' : ''}`) +
        (noise > 0
          ? `; the ${noise} calls that differ are expected differences (listed below), not a change in behaviour`
          : '') +
        (other
          ? `${noise > 0 ? ', and' : ';'} ${callName(other)} fails with ${other.errno} ${ctx.subject.where} without changing how it ends`
          : ''),
      evidence: evidenceOf(ctx, [ctx.subject.target?.execEvent], [ctx.reference.target?.execEvent]),
    };
  },
};
