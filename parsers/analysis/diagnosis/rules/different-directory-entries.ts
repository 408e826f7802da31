import type { Trace } from '../../../model/index.js';
import type { DiagnosisRule } from '../types.js';
import { evidenceOf } from './rule-kit.js';

/**
 * A directory read in both runs holds other entries: getdents64 returns another count (strace prints
 * it, `/* 28 entries *\/`). `ls /` on the host and in a chroot list two different directories that are
 * both called /.
 *
 *   host:   getdents64(3</>, 0x55bb1d9d52a0 /* 28 entries *\/, 32768) = 744
 *   chroot: getdents64(3</tmp/spelunk-rootfs-6bdA2b>, 0x55c8d7d329f0 /* 5 entries *\/, 32768) = 128
 */
export const differentDirectoryEntries: DiagnosisRule = {
  id: 'different-directory-entries',
  level: 'behaviour',
  detect(ctx) {
    const run = ctx.subject;
    const mine = new Map<string, { n: number; events: number[]; others: number[] }>();
    for (const d of ctx.divergences) {
      if (d.side !== run.side || d.kind !== 'changed' || !/^getdents(64)?$/.test(d.name) || d.other < 0)
        continue;
      const a = entries(run.trace, d.i);
      const b = entries(ctx.reference.trace, d.other);
      if (a === null || b === null) continue;
      const key = directoryOf(ctx.reference.trace, d.other);
      const g = mine.get(key) ?? { n: 0, events: [], others: [] };
      g.n += a - b;
      g.events.push(d.i);
      g.others.push(d.other);
      mine.set(key, g);
    }
    let best: [string, { n: number; events: number[]; others: number[] }] | null = null;
    for (const entry of mine)
      if (entry[1].n !== 0 && (!best || Math.abs(entry[1].n) > Math.abs(best[1].n))) best = entry;
    if (!best) return null;
    const [dir, g] = best;
    const countMine = g.events.reduce((s, i) => s + (entries(run.trace, i) ?? 0), 0);
    const countTheirs = g.others.reduce((s, i) => s + (entries(ctx.reference.trace, i) ?? 0), 0);
    const output = ctx.sameOutput === false ? ', so the output differs too' : '';
    // The same name in both (`/` on the host and in the chroot), or two directories the runs started in.
    const own = ownName(directoryOf(run.trace, g.events[0] as number), run.isolated, [
      ctx.core.chrootPrefixA,
      ctx.core.chrootPrefixB,
    ]);
    return {
      rule: 'different-directory-entries',
      confidence: 'certain',
      cause:
        own === dir
          ? `the directory ${dir} the program reads holds other entries: ${countMine} in ${run.label} against ` +
            `${countTheirs} in ${ctx.reference.label} (${run.place} has its own ${dir}${output})`
          : `the program reads another directory in each run, with other entries: ${own} in ${run.label} ` +
            `(${countMine}) and ${dir} in ${ctx.reference.label} (${countTheirs})${output}`,
      evidence: evidenceOf(ctx, g.events, g.others),
    };
  },
};

/** The `/* N entries *\/` count of a getdents call, or null. */
function entries(t: Trace, i: number): number | null {
  const m = /\/\* (\d+) entries \*\//.exec(t.rawLine(i));
  return m ? Number(m[1]) : null;
}

/** The directory as the reference names it: the `-y` path of the fd, or "a directory". */
function directoryOf(t: Trace, i: number): string {
  const m = /^[^(]*\(\d+<([^>]*)>/.exec(t.rawLine(i).slice(t.rawLine(i).indexOf(t.name(i) + '(')));
  return m ? (m[1] as string) : 'a directory';
}

/**
 * The subject's directory as the program there names it: a `-y` path under the chroot's root, as the host
 * prints it (`/tmp/spelunk-rootfs-6bdA2b`), is `/` inside an isolated run.
 */
function ownName(path: string, isolated: boolean, prefixes: (string | null)[]): string {
  if (!isolated) return path;
  for (const p of prefixes)
    if (p && (path === p || path.startsWith(p + '/'))) return path.slice(p.length) || '/';
  return path;
}
