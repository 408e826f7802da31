import type { DiagnosisRuleId } from '../../diff/finding.js';
import type { Divergence } from '../differences.js';
import type { PathFamily } from '../path-family.js';
import { pathFamily } from '../path-family.js';
import type { DiagnosisContext, DiagnosisRule } from '../types.js';
import {
  evidenceOf,
  findMessage,
  lastBeforeSymptom,
  mentionsPath,
  outcomeDiffers,
  quoteMessage,
  subjectFailures,
} from './rule-kit.js';

/** What a rule about one part of the system says, given its failing calls and the program's message. */
export interface FamilyRuleSpec {
  id: DiagnosisRuleId;
  family: PathFamily;
  /** Words of the program's message that point at this part of the system (besides the paths). */
  message: RegExp;
  /** Which failures count (default: every failure on the family's paths). */
  accept?: (d: Divergence) => boolean;
  /** The cause, from the failures (first the one nearest the symptom) and the message if any. */
  cause(ctx: DiagnosisContext, failures: Divergence[], main: Divergence, quoted: string | null): string;
}

/**
 * A rule for a part of the system a chroot often lacks (/proc, /dev, /etc/passwd, locales, an
 * interpreter's library): calls on its paths fail in one run only, and the run's outcome differs.
 * Certain when the program's message points at it, likely when it is the last real failure before the
 * symptom.
 */
export function familyRule(spec: FamilyRuleSpec): DiagnosisRule {
  return {
    id: spec.id,
    level: 'cause',
    detect(ctx) {
      if (!outcomeDiffers(ctx)) return null;
      const failures = subjectFailures(ctx, true).filter(
        (d) => pathFamily(d.path) === spec.family && (spec.accept?.(d) ?? true),
      );
      if (failures.length === 0) return null;
      const message = findMessage(
        ctx,
        (text) => spec.message.test(text) || failures.some((d) => mentionsPath(text, d.path)),
        failures[0]?.i ?? 0,
      );
      const real = subjectFailures(ctx);
      const last = lastBeforeSymptom(ctx, real);
      // Without the program's words, only a run that fails right after these calls points at them.
      const lastIsOurs = last !== null && failures.includes(last);
      if (!message && !lastIsOurs) return null;
      const confidence = message ? 'certain' : ctx.situation === 'both-succeed' ? 'possible' : 'likely';
      const main = (message ? lastBeforeSymptom(ctx, failures) : last) ?? (failures[0] as Divergence);
      const others = failures.filter((d) => d !== main).slice(0, 8);
      return {
        rule: spec.id,
        confidence,
        cause: spec.cause(ctx, failures, main, message ? quoteMessage(message.text) : null),
        evidence: evidenceOf(
          ctx,
          [main.i, message?.i, ...others.map((d) => d.i)],
          [main.other, ...others.map((d) => d.other)],
        ),
      };
    },
  };
}

/** `, and the program says "..."` or nothing. */
export function says(quoted: string | null): string {
  return quoted ? `, and the program says ${quoted}` : '';
}
