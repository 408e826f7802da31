import type { CaseCause } from './case-json.js';

/** The part of a finding (`spelunk diff --json`'s `findings[]`) the suite scores. */
export interface ScoredFinding {
  kind: string;
  message: string;
  details?: string[];
  rule?: string;
  expected?: boolean;
}

/**
 * Kinds of finding that report a difference without saying why (the first divergence quotes two calls,
 * the delta counts them), or say it is harmless: a finding of these kinds without a rule never names a
 * cause, whatever words its quoted calls hold ("at the same execve call" is not "behaves the same").
 */
const NEVER_A_CAUSE = new Set(['first-divergence', 'syscall-delta', 'scaffolding', 'expected', 'coarse']);

/**
 * Whether a finding names the case's cause: its rule is the expected one (or, for a finding without a
 * rule, its kind may name a cause and its message matches the cause's `match` regex), and its message
 * names every `mentions` string.
 */
export function namesCause(finding: ScoredFinding, cause: CaseCause): boolean {
  const ruleOk =
    finding.rule !== undefined
      ? finding.rule === cause.rule
      : !NEVER_A_CAUSE.has(finding.kind) &&
        !finding.expected &&
        new RegExp(cause.match, 'i').test(finding.message);
  if (!ruleOk) return false;
  const message = finding.message.toLowerCase();
  return cause.mentions.every((m) => message.includes(m.toLowerCase()));
}

/** The 1-based rank of the first finding that names the cause, or null when none does. */
export function rankOfCause(findings: readonly ScoredFinding[], cause: CaseCause): number | null {
  const i = findings.findIndex((f) => namesCause(f, cause));
  return i < 0 ? null : i + 1;
}

export interface FalseClaim {
  /** 1-based rank of the finding that states it. */
  rank: number;
  /** The falseClaims regex it matched. */
  claim: string;
  /** The text that matched, with a little context. */
  excerpt: string;
}

/** Every finding statement (message or details line) that matches one of the case's falseClaims regexes. */
export function findFalseClaims(
  findings: readonly ScoredFinding[],
  falseClaims: readonly string[],
): FalseClaim[] {
  const out: FalseClaim[] = [];
  findings.forEach((f, i) => {
    for (const claim of falseClaims) {
      const re = new RegExp(claim, 'i');
      for (const text of [f.message, ...(f.details ?? [])]) {
        const m = re.exec(text);
        if (!m) continue;
        const from = Math.max(0, m.index - 40);
        out.push({ rank: i + 1, claim, excerpt: text.slice(from, m.index + m[0].length + 40) });
        break;
      }
    }
  });
  return out;
}
