import { basename } from '../../diff/diff-units.js';
import { writtenText } from '../call-args.js';
import type { Divergence } from '../differences.js';
import type { RunFacts } from '../run-facts.js';
import type { Candidate, DiagnosisContext } from '../types.js';

/**
 * Small readings shared by the rules: the subject's failing calls, its error messages, evidence put on
 * the right side. None of them decides between rules.
 */

/** Evidence given as (subject events, reference events), put on sides a and b. */
export function evidenceOf(
  ctx: DiagnosisContext,
  subject: (number | undefined)[],
  reference: (number | undefined)[],
): Candidate['evidence'] {
  const s = subject.filter((i): i is number => i !== undefined && i >= 0);
  const r = reference.filter((i): i is number => i !== undefined && i >= 0);
  return ctx.subject.side === 'a' ? { a: s, b: r } : { a: r, b: s };
}

/** The subject's calls that fail where the reference's do not, noise left out unless asked for. */
export function subjectFailures(ctx: DiagnosisContext, withNoise = false): Divergence[] {
  return ctx.divergences.filter(
    (d) => d.side === ctx.subject.side && d.kind === 'fails' && (withNoise || d.noise === null),
  );
}

/** The reference's version of a divergent call succeeded (or the reference made the same call and it worked). */
export function referenceSucceeded(ctx: DiagnosisContext, d: Divergence): boolean {
  return d.other >= 0 && ctx.reference.trace.errno(d.other) === null;
}

/** The run's writes to stderr made by the target, each with its text. */
function stderrWrites(run: RunFacts): { i: number; text: string }[] {
  const out: { i: number; text: string }[] = [];
  for (const i of run.outcome.stderr.events) {
    if (!run.byTarget(i)) continue;
    const w = writtenText(run.trace, i);
    if (w) out.push({ i, text: w.text });
  }
  return out;
}

/**
 * The first stderr write of the subject (at or after `from`) that matches, and the event it was
 * written by (-1 when the text is only in the collector's stderr file). Null when nothing matches.
 */
export function findMessage(
  ctx: DiagnosisContext,
  test: (text: string) => boolean,
  from = 0,
): { i: number; text: string } | null {
  const writes = stderrWrites(ctx.subject);
  // A message is often written in pieces ("cat: ", "/etc/x", ": No such file..."): read it by line.
  let line = '';
  let start = -1;
  for (const w of writes) {
    if (w.i < from) continue;
    // python flushes with write(2, "", 0): a piece with no text does not start the message.
    if (start < 0 && w.text !== '') start = w.i;
    line += w.text;
    if (line.includes('\n')) {
      if (test(line)) return { i: start, text: line.trim() };
      line = '';
      start = -1;
    }
  }
  if (line !== '' && test(line)) return { i: start, text: line.trim() };
  if (writes.length === 0) {
    const file = ctx.stderrOf(ctx.subject);
    for (const l of file.split('\n')) if (l.trim() !== '' && test(l)) return { i: -1, text: l.trim() };
  }
  return null;
}

/** Whether a message names this path (whole, or its last component when that is distinctive). */
export function mentionsPath(text: string, path: string): boolean {
  if (path === '') return false;
  if (text.includes(path)) return true;
  const name = basename(path);
  return name.length >= 4 && text.includes(name);
}

/** The message quoted for a student: one line, at most 120 characters. */
export function quoteMessage(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return `"${one.length > 120 ? one.slice(0, 119) + '…' : one}"`;
}

/** The call's name and path as a student reads it: `openat("/etc/x")`. */
export function callName(d: Divergence): string {
  return d.path ? `${d.name}("${d.path}")` : `${d.name}()`;
}

/** The subject's failure nearest before the symptom (the last one), or null. */
export function lastBeforeSymptom(ctx: DiagnosisContext, list: Divergence[]): Divergence | null {
  let best: Divergence | null = null;
  for (const d of list) if (ctx.symptom < 0 || d.i <= ctx.symptom) best = d;
  return best;
}

/**
 * How sure a failure is the cause: the program's own message names it (certain), it is the last
 * real failure before the symptom in a failing run (likely), or it is only one of the differences.
 */
export function confidenceFor(
  ctx: DiagnosisContext,
  d: Divergence,
  named: boolean,
): 'certain' | 'likely' | 'possible' {
  if (named) return 'certain';
  if (ctx.situation !== 'both-succeed' && lastBeforeSymptom(ctx, subjectFailures(ctx)) === d) return 'likely';
  return 'possible';
}

/** The runs end differently, or print different output or warnings: there is something to explain. */
export function outcomeDiffers(ctx: DiagnosisContext): boolean {
  return !ctx.sameEnd;
}
