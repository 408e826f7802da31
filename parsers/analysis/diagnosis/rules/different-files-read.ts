import type { Divergence } from '../differences.js';
import { argsText } from '../call-args.js';
import { pathFamily } from '../path-family.js';
import type { RunFacts } from '../run-facts.js';
import type { DiagnosisRule } from '../types.js';
import { evidenceOf } from './rule-kit.js';

const OPENS = new Set(['open', 'openat', 'openat2']);

/**
 * Files the program opens in one run and not in the other (they are missing there, or it never asks):
 * a configuration, a data file, a directory. Probes the loader, libc and locales make are left out.
 */
export const differentFilesRead: DiagnosisRule = {
  id: 'different-files-read',
  level: 'behaviour',
  detect(ctx) {
    const files = (side: 'a' | 'b'): Divergence[] =>
      ctx.divergences.filter(
        (d) =>
          d.side === side &&
          OPENS.has(d.name) &&
          d.noise === null &&
          d.path !== '' &&
          pathFamily(d.path) === null &&
          d.kind === 'only' &&
          d.other < 0 &&
          !opensOwnCwd(side === ctx.subject.side ? ctx.subject : ctx.reference, d.i),
      );
    // Opened in one run, missing in the other: the other's failing open, seen from this side.
    const openedOnlyIn = (side: 'a' | 'b'): Divergence[] => {
      const other = side === 'a' ? 'b' : 'a';
      const failedThere = ctx.divergences.filter(
        (d) =>
          d.side === other &&
          d.kind === 'fails' &&
          OPENS.has(d.name) &&
          d.noise === null &&
          pathFamily(d.path) === null,
      );
      return [...files(side), ...failedThere.map((d) => ({ ...d, side, i: d.other, other: d.i }))].filter(
        (d) => d.i >= 0,
      );
    };
    const inS = unique(openedOnlyIn(ctx.subject.side));
    const inR = unique(openedOnlyIn(ctx.reference.side));
    if (inS.length === 0 && inR.length === 0) return null;
    const say = (list: Divergence[], run: RunFacts): string =>
      list.length === 0 ? '' : `${run.label} ${verb(run, list)} ${names(list)}`;
    const parts = [say(inR, ctx.reference), say(inS, ctx.subject)].filter((p) => p !== '');
    return {
      rule: 'different-files-read',
      confidence: 'likely',
      cause:
        (ctx.situation !== 'both-succeed'
          ? ''
          : ctx.sameOutput === false
            ? 'the output differs, and '
            : 'the output is the same, but ') +
        `${parts.join(', and ')}${inS.length === 0 ? ` (${ctx.subject.label} does not)` : ''}${inR.length === 0 ? ` (${ctx.reference.label} does not)` : ''}`,
      evidence: evidenceOf(
        ctx,
        [...inS.map((d) => d.i), ...inR.map((d) => d.other)],
        [...inR.map((d) => d.i), ...inS.map((d) => d.other)],
      ),
    };
  },
};

function unique(list: Divergence[]): Divergence[] {
  const seen = new Set<string>();
  return list.filter((d) => !seen.has(d.path) && seen.add(d.path) !== undefined);
}

function names(list: Divergence[]): string {
  const shown = list.slice(0, 3).map((d) => d.path);
  return shown.join(', ') + (list.length > 3 ? ` and ${list.length - 3} more files` : '');
}

/**
 * What the opens do: `openat(..., "/tmp/x", O_WRONLY|O_CREAT|O_TRUNC, 0666)` writes the file, it does not
 * read it; O_RDWR and a mix of both say "opens".
 */
function verb(run: RunFacts, list: Divergence[]): string {
  const writes = list.map((d) => /\bO_(WRONLY|RDWR|CREAT)\b/.test(argsText(run.trace, d.i)));
  if (writes.every((w) => !w)) return 'reads';
  const rdwr = list.some((d) => /\bO_RDWR\b/.test(argsText(run.trace, d.i)));
  return writes.every((w) => w) && !rdwr ? 'writes' : 'opens';
}

/**
 * `openat(AT_FDCWD</work/x>, "/work/x", O_RDONLY|O_DIRECTORY)`: the program opens its own working directory
 * (python -c lists it for sys.path). Each run has its own (chroot(8) does chdir("/")): not another file.
 */
function opensOwnCwd(run: RunFacts, i: number): boolean {
  const m = /^AT_FDCWD<([^>]*)>, "([^"]*)"/.exec(argsText(run.trace, i));
  return m !== null && (m[2] === m[1] || m[2] === '.' || m[2] === '');
}
