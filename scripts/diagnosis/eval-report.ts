import type { DiagnosisCase } from '../../test/diagnosis/load-cases.js';
import type { FalseClaim, ScoredFinding } from '../../test/diagnosis/score.js';

/** What `spelunk diff` said about one case, scored. */
export interface CaseResult {
  case: DiagnosisCase;
  findings: ScoredFinding[];
  /** 1-based rank of the first finding naming the cause; null when none does. */
  rank: number | null;
  falseClaims: FalseClaim[];
  /** The CLI failed: its stderr. */
  error?: string;
}

export interface Totals {
  cases: number;
  top1: number;
  top3: number;
  falseClaims: number;
  casesWithFalseClaims: number;
}

export function computeTotals(results: readonly CaseResult[]): Totals {
  return {
    cases: results.length,
    top1: results.filter((r) => r.rank === 1).length,
    top3: results.filter((r) => r.rank !== null && r.rank <= 3).length,
    falseClaims: results.reduce((n, r) => n + r.falseClaims.length, 0),
    casesWithFalseClaims: results.filter((r) => r.falseClaims.length > 0).length,
  };
}

const percent = (n: number, of: number): string => (of === 0 ? '-' : `${Math.round((100 * n) / of)}%`);

const clip = (text: string, max: number): string => {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

const label = (f: ScoredFinding): string => (f.rule ? `${f.kind}/${f.rule}` : f.kind);

/** The terminal report: each case with its expected cause, the top 3 findings, the rank and false claims. */
export function formatText(results: readonly CaseResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    const { json } = r.case;
    out.push(`${json.id}  [${json.cause.rule}]  rank ${r.rank ?? '-'}`);
    out.push(`  expected: ${json.cause.summary}`);
    if (r.error) out.push(`  spelunk diff failed: ${r.error}`);
    r.findings.slice(0, 3).forEach((f, i) => out.push(`  ${i + 1}. [${label(f)}] ${clip(f.message, 160)}`));
    for (const c of r.falseClaims)
      out.push(`  ✗ false claim in finding ${c.rank} (/${c.claim}/): …${clip(c.excerpt, 120)}…`);
    out.push('');
  }
  const t = computeTotals(results);
  out.push(
    `${t.cases} cases: top-1 ${t.top1} (${percent(t.top1, t.cases)}), top-3 ${t.top3} (${percent(t.top3, t.cases)}), ` +
      `${t.falseClaims} false claims in ${t.casesWithFalseClaims} cases`,
  );
  return `${out.join('\n')}\n`;
}

/** The table BENCHMARKS.md keeps. */
export function formatMarkdown(results: readonly CaseResult[]): string {
  const t = computeTotals(results);
  const rows = results.map((r) => {
    const first = r.findings[0];
    const cell = (s: string): string => s.replace(/\|/g, '\\|');
    return `| ${r.case.id} | ${r.case.json.cause.rule} | ${r.rank ?? '-'} | ${first ? cell(`[${label(first)}] ${clip(first.message, 90)}`) : '-'} | ${r.falseClaims.length || ''} |`;
  });
  return [
    `Top-1: **${t.top1}/${t.cases}** (${percent(t.top1, t.cases)}), top-3: **${t.top3}/${t.cases}** (${percent(t.top3, t.cases)}), ` +
      `false claims: **${t.falseClaims}** in ${t.casesWithFalseClaims} cases.`,
    '',
    '| case | expected cause | rank | findings[0] | false claims |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
