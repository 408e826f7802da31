import { readExec } from '../../exec-text.js';
import type { RunFacts } from '../run-facts.js';
import type { DiagnosisRule } from '../types.js';
import { evidenceOf } from './rule-kit.js';

/**
 * The two runs start the program with other arguments: `ls -a` against `ls -l`, or a script passed to
 * `sh -c` that sets LANG=C in one run and LANG=C.UTF-8 in the other. Everything the program then does
 * differently follows from that, so it is said before what the program read or printed.
 *
 *   execve("/usr/bin/sh", ["sh", "-c", "export LANG=C LC_ALL=C\nfor i in ..."], ...) = 0
 *   execve("/usr/bin/sh", ["sh", "-c", "export LANG=C.UTF-8 LC_ALL=C.UTF-8\nfor ..."], ...) = 0
 *
 * argv[0] is left out (the host runs `./hello`, the chroot `/hello`: the same program called from two
 * places), a path under the chroot's root compares as the chroot names it, and an argument strace cut
 * to its -s length is compared only as far as both show.
 */
export const differentArguments: DiagnosisRule = {
  id: 'different-arguments',
  level: 'behaviour',
  detect(ctx) {
    const s = ctx.subject.target;
    const r = ctx.reference.target;
    if (!s || !r || s.execEvent < 0 || r.execEvent < 0) return null;
    if (s.unit.program !== r.unit.program) return null;
    const mine = argvOf(ctx.subject, s.execEvent);
    const theirs = argvOf(ctx.reference, r.execEvent);
    if (!mine || !theirs) return null;
    const prefixes = [ctx.core.chrootPrefixA, ctx.core.chrootPrefixB].filter((p): p is string => !!p);
    const at = firstDifference(mine, theirs, prefixes);
    if (at === null) return null;
    const { subject, reference } = ctx;
    const cause =
      at.index < 0
        ? `the program is started with ${count(mine.argv.length - 1)} in ${subject.label} and ${count(theirs.argv.length - 1)} in ${reference.label}`
        : `the program is started with other arguments: its argument ${at.index} is ${around(mine.argv[at.index] ?? '', at.char)} in ${subject.label} and ${around(theirs.argv[at.index] ?? '', at.char)} in ${reference.label}`;
    return {
      rule: 'different-arguments',
      confidence: 'certain',
      cause,
      evidence: evidenceOf(ctx, [s.execEvent], [r.execEvent]),
    };
  },
};

interface Argv {
  argv: string[];
  cut: boolean[];
}

function argvOf(run: RunFacts, execEvent: number): Argv | null {
  const { argv, argvCut } = readExec(run.trace, execEvent);
  if (!argv || argv.length === 0) return null;
  return { argv, cut: argvCut ?? argv.map(() => true) };
}

/**
 * The first argument (from argv[1]) that differs and the first character where, or index -1 when the
 * shown arguments agree but their number does not; null when nothing shown differs.
 */
function firstDifference(a: Argv, b: Argv, prefixes: string[]): { index: number; char: number } | null {
  const n = Math.min(a.argv.length, b.argv.length);
  for (let k = 1; k < n; k++) {
    const x = a.argv[k] as string;
    const y = b.argv[k] as string;
    // strace left out the rest of a long argv (`...]`): nothing more is known.
    if (x === '...' || y === '...') return null;
    if (x === y || unprefixed(x, prefixes) === unprefixed(y, prefixes)) continue;
    let c = 0;
    while (c < x.length && c < y.length && x.charCodeAt(c) === y.charCodeAt(c)) c++;
    // One goes on where the other was cut: they agree as far as both are shown.
    if ((c === x.length && a.cut[k]) || (c === y.length && b.cut[k])) continue;
    return { index: k, char: c };
  }
  if (a.argv.length === b.argv.length) return null;
  if (a.argv[a.argv.length - 1] === '...' || b.argv[b.argv.length - 1] === '...') return null;
  return { index: -1, char: 0 };
}

/** A path under the chroot's root as the host names it (`/tmp/x/rootfs/data`), as the chroot does (`/data`). */
function unprefixed(arg: string, prefixes: string[]): string {
  for (const p of prefixes) if (arg.startsWith(p + '/')) return arg.slice(p.length);
  return arg;
}

function count(n: number): string {
  return `${n} argument${n === 1 ? '' : 's'}`;
}

/** The argument around character `at` where it differs, quoted as strace would: `"…LANG=C LC_ALL=C\nfor…"`. */
function around(arg: string, at: number): string {
  const from = Math.max(0, at - 16);
  const to = Math.min(arg.length, at + 24);
  const body = JSON.stringify(arg.slice(from, to)).slice(1, -1);
  return `"${from > 0 ? '…' : ''}${body}${to < arg.length ? '…' : ''}"`;
}
