import type { DiffFinding } from '../diff/finding.js';
import { callOf, formatLineRef, lineRef } from '../diff/finding.js';
import type { Divergence } from './differences.js';
import type { NoiseId } from './noise.js';
import { NOISE_WHY } from './noise.js';
import type { DiagnosisContext } from './types.js';

const MAX_LISTED = 12;

/**
 * The known, harmless differences, one finding per reason: kept so nothing is hidden, marked
 * `expected`, and said with why they change nothing. Calls the diagnosis uses as evidence are left out.
 */
export function computeExpectedFindings(ctx: DiagnosisContext, used: Set<string>): DiffFinding[] {
  const groups = new Map<NoiseId, Divergence[]>();
  for (const d of ctx.divergences) {
    if (d.noise === null || used.has(`${d.side}${d.i}`)) continue;
    const list = groups.get(d.noise);
    if (list) list.push(d);
    else groups.set(d.noise, [d]);
  }
  const out: DiffFinding[] = [];
  for (const [id, list] of groups) {
    const sides = new Set(list.map((d) => d.side));
    const where = sides.size === 2 ? 'in both runs' : `in ${sides.has('a') ? ctx.labels.a : ctx.labels.b}`;
    const n = list.length;
    const finding: DiffFinding = {
      kind: 'expected',
      expected: true,
      message: `Expected: ${n} call${n === 1 ? '' : 's'} ${where} differ${n === 1 ? 's' : ''} because ${NOISE_WHY[id]}.`,
      details: list.slice(0, MAX_LISTED).map((d) => {
        const run = d.side === 'a' ? ctx.a : ctx.b;
        return `${run.label} ${formatLineRef(lineRef(run.trace, d.i))}: ${callOf(run.trace, d.i)}`;
      }),
    };
    if (n > MAX_LISTED) finding.details?.push(`… and ${n - MAX_LISTED} more`);
    const first = list[0] as Divergence;
    const run = first.side === 'a' ? ctx.a : ctx.b;
    finding[first.side] = lineRef(run.trace, first.i);
    if (first.other >= 0) {
      const other = first.side === 'a' ? ctx.b : ctx.a;
      finding[first.side === 'a' ? 'b' : 'a'] = lineRef(other.trace, first.other);
    }
    out.push(finding);
  }
  return out;
}
