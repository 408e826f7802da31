import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkCaseJson } from './case-json.js';
import type { CaseJson } from './case-json.js';

export type { CaseCause, CaseJson, RunOutcome } from './case-json.js';

/** test/diagnosis/cases: one folder per captured pair (see scripts/diagnosis/README.md). */
export const CASES_DIR = fileURLToPath(new URL('./cases', import.meta.url));

/** One case of the diagnosis suite, ready to diff. */
export interface DiagnosisCase {
  id: string;
  /** Absolute path of the case folder. */
  dir: string;
  json: CaseJson;
  /** Absolute paths of the two logs. */
  logs: { a: string; b: string };
  /** The arguments of `spelunk diff` for this pair: the session folder, or the two logs. */
  diffArgs: string[];
}

/** Every case under `dir`, sorted by id; throws one error listing every malformed case.json. */
export function loadCases(dir: string = CASES_DIR): DiagnosisCase[] {
  const errors: string[] = [];
  const cases: DiagnosisCase[] = [];
  for (const id of caseIds(dir)) {
    const loaded = readCase(join(dir, id));
    if (typeof loaded === 'string' || Array.isArray(loaded)) errors.push(...[loaded].flat());
    else cases.push(loaded);
  }
  if (errors.length > 0) throw new Error(`malformed diagnosis cases:\n${errors.join('\n')}`);
  return cases;
}

/** The ids of the case folders under `dir` (folders holding a case.json), sorted. */
export function caseIds(dir: string = CASES_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'case.json')))
    .map((e) => e.name)
    .sort();
}

/** One case folder: the case, or what is wrong with it. */
export function readCase(folder: string): DiagnosisCase | string[] {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(join(folder, 'case.json'), 'utf8'));
  } catch (e) {
    return [`${folder}/case.json: ${e instanceof Error ? e.message : String(e)}`];
  }
  const errors = checkCaseJson(value, folder);
  if (errors.length > 0) return errors;
  const json = value as CaseJson;
  const logs = { a: join(folder, json.logs.a), b: join(folder, json.logs.b) };
  for (const side of ['a', 'b'] as const)
    if (!existsSync(logs[side]))
      errors.push(`${folder}: the log of run ${side} (${json.logs[side]}) is missing`);
  if (json.session && !existsSync(join(folder, 'session.json')))
    errors.push(`${folder}: case.json says session but there is no session.json`);
  if (errors.length > 0) return errors;
  return { id: json.id, dir: folder, json, logs, diffArgs: json.session ? [folder] : [logs.a, logs.b] };
}
