import type { TraceDiffCore } from '../diff/compute-diff.js';
import type { DiagnosisConfidence, DiffFinding, DiffLabels, DiffLineRef } from '../diff/finding.js';
import { lineRef } from '../diff/finding.js';
import type { DiffRunContexts } from '../diff/run-context.js';
import { writtenText } from './call-args.js';
import { computeDivergences } from './differences.js';
import { describeOutcome } from './outcome.js';
import { computeRunFacts } from './run-facts.js';
import type { RunFacts } from './run-facts.js';
import { DIAGNOSIS_RULE_LIST } from './rules/index.js';
import { programName, rootProgram } from './target.js';
import type { Candidate, DiagnosisContext, DiagnosisRule, Situation } from './types.js';
import { computeExpectedFindings } from './expected.js';

/** The diagnosis of a comparison: ranked causes (the first is the diagnosis) and the expected noise. */
export interface Diagnosis {
  /** Kind `diagnosis`, best first; empty when the runs do not differ at all. */
  causes: DiffFinding[];
  /** Kind `expected`: known, harmless differences, one finding per reason. */
  expected: DiffFinding[];
  context: DiagnosisContext;
}

/** How many candidate causes are reported (the first is the diagnosis, the others alternatives). */
const MAX_CAUSES = 3;
const LEVEL_RANK = { cause: 0, behaviour: 1, summary: 2 } as const;
const CONFIDENCE_RANK: Record<DiagnosisConfidence, number> = { certain: 0, likely: 1, possible: 2 };

export function computeDiagnosis(
  core: TraceDiffCore,
  labels: DiffLabels,
  contexts: DiffRunContexts = {},
  rules: readonly DiagnosisRule[] = DIAGNOSIS_RULE_LIST,
): Diagnosis {
  const context = buildContext(core, labels, contexts);
  const found: { rule: DiagnosisRule; candidate: Candidate; order: number }[] = [];
  rules.forEach((rule, order) => {
    const candidate = rule.detect(context);
    if (candidate) found.push({ rule, candidate, order });
  });
  // The engine ranks; rules never rank each other. What a finding explains (a cause, a behaviour, a
  // summary of the outcome) and how sure it is weigh the same: a certain behaviour ("/ holds other
  // entries") comes before a merely possible cause, a likely cause before a certain summary ("the
  // output differs"). Then the deeper explanation, then the evidence nearest the symptom.
  // When both runs end the same way, a cause explains no difference in outcome: it is at most another
  // reading, after what the runs do (same behaviour, other files read).
  const weight = (f: (typeof found)[number]): number =>
    LEVEL_RANK[f.rule.level] +
    CONFIDENCE_RANK[f.candidate.confidence] +
    (context.sameEnd && f.rule.level === 'cause' ? 3 : 0);
  found.sort(
    (x, y) =>
      weight(x) - weight(y) ||
      LEVEL_RANK[x.rule.level] - LEVEL_RANK[y.rule.level] ||
      proximity(context, y.candidate) - proximity(context, x.candidate) ||
      x.order - y.order,
  );
  const causes = found.slice(0, MAX_CAUSES).map(({ candidate }) => toFinding(context, candidate));
  const used = new Set<string>();
  for (const { candidate } of found.slice(0, 1)) {
    for (const i of candidate.evidence.a) used.add(`a${i}`);
    for (const i of candidate.evidence.b) used.add(`b${i}`);
  }
  return { causes, expected: computeExpectedFindings(context, used), context };
}

function buildContext(core: TraceDiffCore, labels: DiffLabels, contexts: DiffRunContexts): DiagnosisContext {
  const program =
    programName(contexts.a?.program?.path ?? contexts.b?.program?.path) ||
    rootProgram(core.unitsA) ||
    rootProgram(core.unitsB);
  const a = computeRunFacts({
    side: 'a',
    label: labels.a,
    trace: core.a,
    units: core.unitsA,
    keys: core.keysA,
    context: contexts.a,
    program,
  });
  const b = computeRunFacts({
    side: 'b',
    label: labels.b,
    trace: core.b,
    units: core.unitsB,
    keys: core.keysB,
    context: contexts.b,
    program,
  });
  const failA = a.outcome.failed;
  const failB = b.outcome.failed;
  const situation: Situation = failA && failB ? 'both-fail' : failA || failB ? 'one-fails' : 'both-succeed';
  // The run to explain: the failing one; when both or neither fail, the isolated one (B unless only A is).
  const subject = failA && !failB ? a : !failB && !failA && a.isolated && !b.isolated ? a : b;
  const reference = subject === a ? b : a;
  const stderrOf = (run: RunFacts): string =>
    run.outcome.stderr.events.length > 0
      ? run.outcome.stderr.text
      : withoutTracerLines(run.outcome.stderrFile);
  const stdoutOf = (run: RunFacts): string =>
    run.outcome.stdout.events.length > 0 ? run.outcome.stdout.text : (run.outcome.stdoutFile ?? '');
  const knowsOutput = (run: RunFacts): boolean =>
    run.outcome.stdout.events.length > 0 || run.outcome.stdoutFile !== null || run.filter.sees('write');
  const sameOutput = knowsOutput(a) && knowsOutput(b) ? stdoutOf(a) === stdoutOf(b) : null;
  const sameErrors = plainQuotes(stderrOf(a).trim()) === plainQuotes(stderrOf(b).trim());
  const sameStatus =
    situation === 'both-succeed' ||
    (situation === 'both-fail' &&
      a.outcome.exitCode === b.outcome.exitCode &&
      a.outcome.signal === b.outcome.signal &&
      a.outcome.timedOut === b.outcome.timedOut);
  const sameEnd = sameStatus && sameOutput !== false && sameErrors;
  const alike = { a: [] as number[], b: [] as number[] };
  return {
    core,
    labels,
    a,
    b,
    situation,
    subject,
    reference,
    divergences: computeDivergences(core, a, b, alike),
    alike,
    symptom: findSymptom(subject),
    stderrOf,
    stdoutOf,
    sameOutput,
    sameErrors,
    sameEnd,
  };
}

/**
 * coreutils quote names as ‘/tmp/x’ in a UTF-8 locale and as '/tmp/x' in the C locale a bare chroot falls
 * back to: the same message either way.
 */
function plainQuotes(text: string): string {
  return text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
}

/** strace's own lines in a stderr file (`strace: Process 12 attached`) are not the program's. */
function withoutTracerLines(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.startsWith('strace: '))
    .join('\n');
}

/**
 * The subject's symptom: the start of the last message the target wrote to stderr (the error it stops
 * on; warnings come earlier), else the run's exit, else -1.
 */
function findSymptom(run: RunFacts): number {
  const writes = run.outcome.stderr.events.filter((i) => run.byTarget(i));
  let start = -1;
  for (let k = writes.length - 1; k >= 0; k--) {
    const i = writes[k] as number;
    const text = writtenText(run.trace, i)?.text ?? '';
    // A message may come in pieces: walk back to the piece that follows the previous line's end.
    if (start >= 0 && text.endsWith('\n')) break;
    start = i;
  }
  return start >= 0 ? start : run.outcome.exitEvent;
}

/** Later is nearer the symptom; evidence after the symptom counts as far. */
function proximity(ctx: DiagnosisContext, c: Candidate): number {
  const i = (ctx.subject.side === 'a' ? c.evidence.a : c.evidence.b)[0];
  if (i === undefined) return -Infinity;
  if (ctx.symptom < 0) return 0;
  return i <= ctx.symptom ? i : -i;
}

/** "chroot exits 127 where host exits 0", "Both runs exit 0". */
function describeSituation(ctx: DiagnosisContext): string {
  const { subject: s, reference: r } = ctx;
  if (ctx.situation === 'one-fails')
    return `${s.label} ${describeOutcome(s.outcome)} where ${r.label} ${describeOutcome(r.outcome)}`;
  const da = describeOutcome(ctx.a.outcome);
  const db = describeOutcome(ctx.b.outcome);
  if (ctx.situation === 'both-fail')
    return da === db
      ? `Both runs fail (each ${da})`
      : `Both runs fail (${ctx.a.label} ${da}, ${ctx.b.label} ${db})`;
  return da === db && da === 'exits 0'
    ? 'Both runs exit 0'
    : `Both runs succeed (${ctx.a.label} ${da}, ${ctx.b.label} ${db})`;
}

/** Evidence lines kept per run: the main ones come first; a loader's 44 tries need not all be listed. */
const MAX_EVIDENCE = 12;

function toFinding(ctx: DiagnosisContext, c: Candidate): DiffFinding {
  const refs = (run: RunFacts, list: number[]): DiffLineRef[] =>
    [...new Set(list)].slice(0, MAX_EVIDENCE).map((i) => lineRef(run.trace, i));
  const evidence = { a: refs(ctx.a, c.evidence.a), b: refs(ctx.b, c.evidence.b) };
  const finding: DiffFinding = {
    kind: 'diagnosis',
    message: `${describeSituation(ctx)}: ${c.cause}.`,
    rule: c.rule,
    confidence: c.confidence,
    evidence,
  };
  if (evidence.a[0]) finding.a = evidence.a[0];
  if (evidence.b[0]) finding.b = evidence.b[0];
  if (c.details && c.details.length > 0) finding.details = c.details;
  return finding;
}
