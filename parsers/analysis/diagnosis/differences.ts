import type { Trace } from '../../model/index.js';
import { EVENT_KINDS } from '../../model/index.js';
import type { TraceDiffCore } from '../diff/compute-diff.js';
import { basename } from '../diff/diff-units.js';
import { FailureIndex } from '../diff/failure-index.js';
import { CHANGED, ONLY_A, ONLY_B } from '../diff/pair-list.js';
import { firstString } from './call-args.js';
import type { NoiseId } from './noise.js';
import { classifyNoise } from './noise.js';
import { markTempNames } from './temp-names.js';
import type { RunFacts } from './run-facts.js';
import { BytesMap, emptyQuotedBytes, firstQuotedBytes, hashText } from './quoted-bytes.js';

const SYSCALL = EVENT_KINDS.indexOf('syscall');

/**
 * A call of the target program that behaves differently in one run: it fails there and not in the other
 * (`fails`), returns other values (`changed`), or is made in that run only and succeeds (`only`).
 */
export interface Divergence {
  side: 'a' | 'b';
  i: number;
  /** The other run's version of the call (aligned, or the same call on the same path), or -1. */
  other: number;
  kind: 'fails' | 'changed' | 'only';
  name: string;
  errno: string | null;
  /** The call's first string argument (its path, for path-taking calls), decoded. */
  path: string;
  noise: NoiseId | null;
}

/** How many divergences of each run are kept (the first ones: a cause comes before its consequences). */
const MAX_KEPT = 20000;

/**
 * Every divergence of the target programs of both runs, in trace order per run; `alike` collects the
 * one-sided calls that fail the same way in the other run too (made at another point, not a difference).
 */
export function computeDivergences(
  core: TraceDiffCore,
  a: RunFacts,
  b: RunFacts,
  alike?: { a: number[]; b: number[] },
): Divergence[] {
  const out: Divergence[] = [];
  const failsA = new FailureIndex(a.trace, a.keys.coarse, fileName, true, firstQuotedBytes);
  const failsB = new FailureIndex(b.trace, b.keys.coarse, fileName, true, firstQuotedBytes);
  const { pairs } = core;
  let keptA = 0;
  let keptB = 0;
  const add = (side: 'a' | 'b', i: number, other: number, kind: Divergence['kind']): void => {
    const run = side === 'a' ? a : b;
    // past the cap (a build's 400k one-sided calls), before asking whose call it is
    if ((side === 'a' ? keptA : keptB) >= MAX_KEPT || !run.byTarget(i)) return;
    if (side === 'a') keptA++;
    else keptB++;
    const t = run.trace;
    out.push({
      side,
      i,
      other,
      kind,
      name: t.name(i),
      errno: t.errno(i),
      path: firstString(t, i),
      noise: classifyNoise(run, i, kind === 'changed'),
    });
  };
  for (let k = 0; k < pairs.count; k++) {
    const s = pairs.status[k] as number;
    const i = pairs.a[k] as number;
    const j = pairs.b[k] as number;
    if (s === CHANGED) {
      const ea = a.trace.errno(i);
      const eb = b.trace.errno(j);
      if (eb !== null && eb !== ea) add('b', j, i, 'fails');
      if (ea !== null && ea !== eb) add('a', i, j, 'fails');
      if (ea === null && eb === null) {
        add('a', i, j, 'changed');
        add('b', j, i, 'changed');
      }
    } else if (s === ONLY_B) {
      if (b.trace.errno(j) === null) add('b', j, -1, 'only');
      else if (!failsA.failsAlike(b.trace, b.keys.coarse, j)) add('b', j, -1, 'fails');
      else alike?.b.push(j);
    } else if (s === ONLY_A) {
      if (a.trace.errno(i) === null) add('a', i, -1, 'only');
      else if (!failsB.failsAlike(a.trace, a.keys.coarse, i)) add('a', i, -1, 'fails');
      else alike?.a.push(i);
    }
  }
  // Before the links: a temporary file's random name is never met in the other run, whose calls would
  // all be read looking for it (a build makes one per compile).
  markTempNames(out, a, b);
  linkSameRequests(out, a, b);
  return out;
}

/**
 * For one-sided calls: the other run's call of the same name on the same path, when it made one. The
 * other run's calls of those names are read from the log's bytes: one whose plain string hashes to no
 * path asked about, or whose escaped string was met before, is passed without decoding (a build reads
 * the same ELF headers and opens the same locale files thousands of times).
 */
function linkSameRequests(list: Divergence[], a: RunFacts, b: RunFacts): void {
  const q = emptyQuotedBytes();
  for (const side of ['a', 'b'] as const) {
    const wanted = list.filter(
      (d) => d.side === side && d.other < 0 && d.path !== '' && d.noise !== 'temp-name',
    );
    if (wanted.length === 0) continue;
    const other = side === 'a' ? b : a;
    // name -> path -> the other run's first call of that name on that path (-1 until met). Only the
    // paths asked about are kept, and the scan stops once each is met.
    const paths = new Map<string, Map<string, number>>();
    const hashes = new Map<string, Set<number>>();
    let missing = 0;
    for (const d of wanted) {
      let byPath = paths.get(d.name);
      if (!byPath) paths.set(d.name, (byPath = new Map()));
      if (!byPath.has(d.path)) {
        byPath.set(d.path, -1);
        missing++;
      }
      let byHash = hashes.get(d.name);
      if (!byHash) hashes.set(d.name, (byHash = new Set()));
      byHash.add(hashText(d.path));
    }
    const t = other.trace;
    const byName = t.names.map((name) => paths.get(name) ?? null);
    const hashesByName = t.names.map((name) => hashes.get(name) ?? null);
    const seen = new BytesMap<true>();
    for (let i = 0; i < t.count && missing > 0; i++) {
      if ((t.columns.kind[i] as number) !== SYSCALL) continue;
      const nameId = t.columns.nameId[i] as number;
      const byPath = byName[nameId];
      if (!byPath || !other.byTarget(i)) continue;
      if (firstQuotedBytes(t, i, q)) {
        // equal bytes give equal strings: a plain string that hashes to no path asked about is none
        // of them, and an escaped one met before was looked up then
        if (q.plain ? !hashesByName[nameId]?.has(q.hash) : seen.met(nameId, q)) continue;
      }
      const path = firstString(t, i);
      if (byPath.get(path) === -1) {
        byPath.set(path, i);
        missing--;
      }
    }
    for (const d of wanted) d.other = paths.get(d.name)?.get(d.path) ?? -1;
  }
}

/** The file a call names: its first string's last component (`readlink("/tmp/a/x")` -> `x`). */
function fileName(t: Trace, i: number): string {
  return basename(firstString(t, i));
}
