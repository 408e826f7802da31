import { DIAGNOSIS_RULES } from '../../parsers/analysis/diff/finding.js';
import type { DiagnosisRuleId } from '../../parsers/analysis/diff/finding.js';

/**
 * case.json of one diagnosis-suite case (test/diagnosis/cases/<id>/case.json). Written by
 * scripts/diagnosis/capture.ts from the case's recipe, checked by hand once; the shape is in
 * /work/helpers/CONTRACTS.md ("Diagnosis suite layout"), with the fields below added.
 */
export interface CaseJson {
  id: string;
  title: string;
  /** What run A and run B are: `host`, `chroot`, `host, seccomp filter`... */
  a: string;
  b: string;
  /** true: the folder is a `spelunk collect` session (session.json); false: two plain strace logs. */
  session: boolean;
  /** The two logs, relative to the case folder. */
  logs: { a: string; b: string };
  cause: CaseCause;
  /** 1-based line numbers of the lines that show the cause, in B (and in A where it matters). */
  evidence: { a?: number[]; b: number[] };
  /** The regex each evidence line matches, in the same order: a re-capture finds its lines again. */
  evidenceMatch: { a?: string[]; b: string[] };
  /** Regexes some line of the log must match: facts of the scenario. */
  facts?: { a?: string[]; b?: string[] };
  /** Regexes no line of the log may match. */
  absent?: { a?: string[]; b?: string[] };
  /** How each run ended. */
  outcome: { a: RunOutcome; b: RunOutcome };
  bothSucceed: boolean;
  /** Regexes (case-insensitive) for claims the trace contradicts: no finding's message or details may match. */
  falseClaims: string[];
}

export interface CaseCause {
  rule: DiagnosisRuleId;
  /** The cause as the person who built the scenario says it, in one sentence. */
  summary: string;
  /** Strings the first finding must name (case-insensitive substrings of its message). */
  mentions: string[];
  /**
   * A regex (case-insensitive) a finding that names this cause matches: used only to score findings that
   * carry no `rule` (the engine before its cause rules); a finding with a rule is scored by its rule.
   */
  match: string;
}

/** `{ exitCode: 0 }`, `{ signal: 'SIGKILL' }`; `timedOut` when the collector killed it at --timeout. */
export interface RunOutcome {
  exitCode?: number;
  signal?: string;
  timedOut?: boolean;
}

const RULES = new Set<string>(DIAGNOSIS_RULES);

/** What is wrong with a parsed case.json, one message per problem; empty when it is well-formed. */
export function checkCaseJson(value: unknown, folder: string): string[] {
  const errors: string[] = [];
  const bad = (what: string): void => void errors.push(`${folder}/case.json: ${what}`);
  if (!isObject(value)) return [`${folder}/case.json: not a JSON object`];
  for (const key of ['id', 'title', 'a', 'b'] as const)
    if (typeof value[key] !== 'string' || value[key] === '') bad(`${key} must be a non-empty string`);
  if (value.id !== folder.split('/').pop()) bad(`id ${String(value.id)} is not the folder's name`);
  if (typeof value.session !== 'boolean') bad('session must be true or false');
  if (typeof value.bothSucceed !== 'boolean') bad('bothSucceed must be true or false');
  const logs = value.logs;
  if (!isObject(logs) || typeof logs.a !== 'string' || typeof logs.b !== 'string') bad('logs must be {a, b}');
  const cause = value.cause;
  if (!isObject(cause)) bad('cause must be an object');
  else {
    if (typeof cause.rule !== 'string' || !RULES.has(cause.rule))
      bad(`cause.rule ${String(cause.rule)} is not in the vocabulary (DIAGNOSIS_RULES)`);
    if (typeof cause.summary !== 'string' || cause.summary === '') bad('cause.summary must be a sentence');
    if (!isStringArray(cause.mentions)) bad('cause.mentions must be an array of strings');
    if (!isRegex(cause.match)) bad('cause.match must be a valid regex');
  }
  const evidence = value.evidence;
  const match = value.evidenceMatch;
  if (!isObject(evidence) || !isObject(match)) bad('evidence and evidenceMatch must be objects');
  else {
    for (const side of ['a', 'b'] as const) {
      const lines = evidence[side];
      const regexes = match[side];
      if (lines === undefined && regexes === undefined && side === 'a') continue;
      if (!Array.isArray(lines) || !lines.every((n) => Number.isInteger(n) && n > 0))
        bad(`evidence.${side} must be line numbers`);
      else if (!Array.isArray(regexes) || regexes.length !== lines.length || !regexes.every(isRegex))
        bad(`evidenceMatch.${side} must hold one valid regex per evidence line`);
    }
    if (Array.isArray(evidence.b) && evidence.b.length === 0) bad('evidence.b must name at least one line');
  }
  for (const key of ['facts', 'absent'] as const) {
    const v = value[key];
    if (v === undefined) continue;
    if (!isObject(v) || !(['a', 'b'] as const).every((s) => v[s] === undefined || isRegexArray(v[s])))
      bad(`${key} must be {a?, b?} arrays of valid regexes`);
  }
  const outcome = value.outcome;
  if (!isObject(outcome) || !isOutcome(outcome.a) || !isOutcome(outcome.b))
    bad('outcome must be {a, b}, each with exitCode or signal');
  if (!isRegexArray(value.falseClaims)) bad('falseClaims must be an array of valid regexes');
  return errors;
}

function isOutcome(v: unknown): v is RunOutcome {
  if (!isObject(v)) return false;
  const hasCode = typeof v.exitCode === 'number';
  const hasSignal = typeof v.signal === 'string';
  return hasCode !== hasSignal;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((s) => typeof s === 'string');
}

function isRegexArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every(isRegex);
}

function isRegex(v: unknown): v is string {
  if (typeof v !== 'string' || v === '') return false;
  try {
    new RegExp(v);
    return true;
  } catch {
    return false;
  }
}
