import type { TraceDiffCore } from '../diff/compute-diff.js';
import type { DiagnosisConfidence, DiagnosisRuleId, DiffLabels } from '../diff/finding.js';
import type { Divergence } from './differences.js';
import type { RunFacts } from './run-facts.js';

/** What the two runs did overall: one fails and the other not, both fail, or both succeed. */
export type Situation = 'one-fails' | 'both-fail' | 'both-succeed';

/** What every rule reads: both runs, which one to explain, and how their calls differ. */
export interface DiagnosisContext {
  core: TraceDiffCore;
  labels: DiffLabels;
  a: RunFacts;
  b: RunFacts;
  situation: Situation;
  /** The run to explain: the one that fails when the other does not; else the isolated one (B). */
  subject: RunFacts;
  /** The other run, the reference the subject is compared with. */
  reference: RunFacts;
  /** Every call of the target programs that behaves differently, in trace order per run. */
  divergences: Divergence[];
  /** One-sided calls that fail the same way in the other run as well (not differences). */
  alike: { a: number[]; b: number[] };
  /** The subject's symptom: its first error message on stderr, else its exit; an event index or -1. */
  symptom: number;
  /** What each run wrote to stderr / stdout (the trace's writes, else the collector's files). */
  stderrOf(run: RunFacts): string;
  stdoutOf(run: RunFacts): string;
  /** Whether both runs wrote the same to stdout (null when one cannot tell). */
  sameOutput: boolean | null;
  /** Whether both runs wrote the same to stderr (warnings included). */
  sameErrors: boolean;
  /**
   * Whether both runs end the same way: the same exit status or signal, the same output (or unknown) and
   * the same messages. Then nothing that differs changed the outcome, and no difference is its cause.
   */
  sameEnd: boolean;
}

/**
 * What a rule found: the cause as a clause that follows the outcome ("chroot exits 1 where host exits 0:
 * <cause>"), how sure it is, and the events that show it in each run (the first of each is the main one).
 */
export interface Candidate {
  rule: DiagnosisRuleId;
  confidence: DiagnosisConfidence;
  cause: string;
  evidence: { a: number[]; b: number[] };
  details?: string[];
}

/**
 * One cause, one module (ESLint-style): `detect` reads a mechanism the kernel really has and returns a
 * candidate or null. Rules never look at each other; the engine ranks. `level` says what a rule
 * explains: a `cause` (why a call failed or a value differs), a `behaviour` (what the program did
 * differently), or a `summary` (the outcome alone, when nothing more specific holds).
 */
export interface DiagnosisRule {
  id: DiagnosisRuleId;
  level: 'cause' | 'behaviour' | 'summary';
  detect(ctx: DiagnosisContext): Candidate | null;
}
