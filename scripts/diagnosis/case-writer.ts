import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseJson, RunOutcome } from '../../test/diagnosis/case-json.js';
import type { CaseRecipe } from './case-recipe.js';
import type { CapturedPair } from './capture-runs.js';

/**
 * Writes case.json and RECIPE.md for a captured pair. The evidence lines are found again on every
 * capture by the recipe's regexes; any regex that matches nothing, a fact that does not hold, or a run
 * that did not end as the recipe says makes the capture fail: a bad capture never becomes a case.
 */
export function writeCase(
  recipe: CaseRecipe,
  pair: CapturedPair,
  folder: string,
  setupShown: string[],
): CaseJson {
  const lines = {
    a: readFileSync(join(folder, pair.logs.a), 'utf8').split('\n'),
    b: readFileSync(join(folder, pair.logs.b), 'utf8').split('\n'),
  };
  const problems: string[] = [];
  for (const side of ['a', 'b'] as const) {
    if (!sameOutcome(pair.outcome[side], recipe.outcome[side]))
      problems.push(
        `run ${side} ended ${JSON.stringify(pair.outcome[side])}, expected ${JSON.stringify(recipe.outcome[side])}`,
      );
  }
  const find = (side: 'a' | 'b', re: string): number => {
    const n = lines[side].findIndex((l) => new RegExp(re).test(l));
    if (n < 0) problems.push(`no line of ${side} matches ${re}`);
    return n + 1;
  };
  const evidence: CaseJson['evidence'] = { b: recipe.evidence.b.map((re) => find('b', re)) };
  if (recipe.evidence.a) evidence.a = recipe.evidence.a.map((re) => find('a', re));
  for (const side of ['a', 'b'] as const) {
    for (const re of recipe.facts?.[side] ?? []) find(side, re);
    for (const re of recipe.absent?.[side] ?? []) {
      const n = lines[side].findIndex((l) => new RegExp(re).test(l));
      if (n >= 0) problems.push(`line ${n + 1} of ${side} matches ${re}, which must match nothing`);
    }
  }
  if (problems.length > 0)
    throw new Error(`${recipe.id}: the capture does not show the scenario:\n  ${problems.join('\n  ')}`);
  const json: CaseJson = {
    id: recipe.id,
    title: recipe.title,
    a: pair.labels.a,
    b: pair.labels.b,
    session: pair.session,
    logs: pair.logs,
    cause: recipe.cause,
    evidence,
    evidenceMatch: { ...(recipe.evidence.a ? { a: recipe.evidence.a } : {}), b: recipe.evidence.b },
    ...(recipe.facts ? { facts: recipe.facts } : {}),
    ...(recipe.absent ? { absent: recipe.absent } : {}),
    outcome: pair.outcome,
    bothSucceed: recipe.bothSucceed,
    falseClaims: recipe.falseClaims,
  };
  writeFileSync(join(folder, 'case.json'), `${JSON.stringify(json, null, 2)}\n`);
  writeFileSync(join(folder, 'RECIPE.md'), recipeText(recipe, pair, json, lines, setupShown));
  return json;
}

function sameOutcome(got: RunOutcome, want: RunOutcome): boolean {
  return got.exitCode === want.exitCode && got.signal === want.signal && !!got.timedOut === !!want.timedOut;
}

const describeOutcome = (o: RunOutcome): string =>
  o.exitCode !== undefined
    ? `exit ${o.exitCode}`
    : `killed by ${o.signal}${o.timedOut ? ' at --timeout' : ''}`;

function recipeText(
  recipe: CaseRecipe,
  pair: CapturedPair,
  json: CaseJson,
  lines: { a: string[]; b: string[] },
  setupShown: string[],
): string {
  const evidenceLines = (side: 'a' | 'b'): string[] =>
    (json.evidence[side] ?? []).map(
      (n) => `- ${pair.logs[side]}:${n}: \`${clip(lines[side][n - 1] ?? '')}\``,
    );
  const teardown = recipe.teardown ?? [];
  return [
    `# ${recipe.title}`,
    '',
    recipe.story,
    '',
    `**Cause** (\`${recipe.cause.rule}\`): ${recipe.cause.summary}`,
    '',
    '## Recipe',
    '',
    'Made by `npm run diagnosis:capture ' +
      recipe.id +
      '` (scripts/diagnosis/), as root, from the repository root:',
    '',
    '```sh',
    ...setupShown,
    ...(recipe.background ? [`${recipe.background.join(' ')} &   # {backgroundPid}`] : []),
    ...(recipe.listen ? [`# a TCP listener on 0.0.0.0:${recipe.listen} stays open during the runs`] : []),
    ...pair.commands,
    ...teardown,
    '```',
    '',
    `Runs: ${pair.labels.a} (A) ${describeOutcome(pair.outcome.a)}; ${pair.labels.b} (B) ${describeOutcome(pair.outcome.b)}.`,
    '',
    '## Evidence',
    '',
    ...evidenceLines('a'),
    ...evidenceLines('b'),
    '',
  ].join('\n');
}

function clip(line: string): string {
  const text = line.replace(/`/g, "'");
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}
