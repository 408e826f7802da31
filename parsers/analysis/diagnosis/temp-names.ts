import type { Divergence } from './differences.js';
import { argsText } from './call-args.js';
import type { RunFacts } from './run-facts.js';

/**
 * Temporary files and directories under fresh random names: mkstemp creates its file with
 * `openat(AT_FDCWD, "/tmp/tmp.jBOx2sb3cy", O_RDWR|O_CREAT|O_EXCL, 0600)`, mkdtemp its directory with
 * `mkdir("/tmp/tmp.v50FaaSjOu", 0700)`, and each run picks other letters. Every call on such a path is
 * then made in one run only, and would read as "A opens /tmp/tmp.jBOx2sb3cy, B opens /tmp/tmp.n1Neofrz9b".
 *
 * A path is taken for one when its run created it (an exclusive create, or mkdir) and the other run
 * created, the same way, a path the first never names in the same directory with a name of the same
 * length (the template's shape: `tmp.` + 10 letters, gcc's `cc` + 6 + `.s`). The calls on it are marked
 * as expected (`temp-name`); a file created in one run only is left as a difference.
 */
export function markTempNames(list: Divergence[], a: RunFacts, b: RunFacts): void {
  const created = { a: createdPaths(list, 'a', a), b: createdPaths(list, 'b', b) };
  const temp = { a: tempPaths(created.a, created.b), b: tempPaths(created.b, created.a) };
  if (temp.a.size === 0 && temp.b.size === 0) return;
  for (const d of list) if (d.noise === null && temp[d.side].has(d.path)) d.noise = 'temp-name';
}

const OPENS = new Set(['open', 'openat', 'openat2']);
const MKDIRS = new Set(['mkdir', 'mkdirat']);

/** Paths a run created fresh, among the calls that differ: exclusive creates and new directories. */
function createdPaths(list: Divergence[], side: 'a' | 'b', run: RunFacts): Set<string> {
  const out = new Set<string>();
  for (const d of list) {
    // Paired with the other run's create ('changed'), or made in this run only.
    if (d.side !== side || d.kind === 'fails' || d.errno !== null || d.path === '') continue;
    if (MKDIRS.has(d.name) || (OPENS.has(d.name) && isExclusiveCreate(argsText(run.trace, d.i))))
      out.add(d.path);
  }
  return out;
}

function isExclusiveCreate(args: string): boolean {
  return /\bO_CREAT\b/.test(args) && /\bO_EXCL\b/.test(args);
}

/** `mine` that have a counterpart of the same shape in `theirs` (and are not in it). */
function tempPaths(mine: Set<string>, theirs: Set<string>): Set<string> {
  const shapes = new Set<string>();
  for (const p of theirs) if (!mine.has(p)) shapes.add(shape(p));
  const out = new Set<string>();
  for (const p of mine) if (!theirs.has(p) && shapes.has(shape(p))) out.add(p);
  return out;
}

/** The directory and the length of the last component: `/tmp/tmp.jBOx2sb3cy` -> `/tmp/ 14`. */
function shape(path: string): string {
  const slash = path.lastIndexOf('/');
  return `${path.slice(0, slash + 1)} ${path.length - slash - 1}`;
}
