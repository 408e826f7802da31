import type { DiagnosisRule } from '../types.js';
import { evidenceOf } from './rule-kit.js';

/**
 * Both runs succeed and print the same: whatever else differs is expected (addresses, probes for files
 * the program can do without). Said with the number of expected differences, which the expected
 * findings list.
 */
export const sameBehaviour: DiagnosisRule = {
  id: 'same-behaviour',
  level: 'summary',
  detect(ctx) {
    if (ctx.situation !== 'both-succeed' || ctx.sameOutput === false || !ctx.sameErrors) return null;
    const noise = ctx.divergences.filter((d) => d.noise !== null).length;
    return {
      rule: 'same-behaviour',
      confidence: ctx.sameOutput === null ? 'likely' : 'certain',
      cause:
        `the program behaves the same in both${ctx.sameOutput ? ', with the same output' : ''}` +
        (noise > 0
          ? `; the ${noise} calls that differ are expected differences (listed below), not a change in behaviour`
          : ''),
      evidence: evidenceOf(ctx, [ctx.subject.target?.execEvent], [ctx.reference.target?.execEvent]),
    };
  },
};
