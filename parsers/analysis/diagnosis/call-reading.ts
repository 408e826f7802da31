import type { DiagnosisContext } from './types.js';

/**
 * What the other findings of a diff need from the diagnosis: which calls are expected noise (and their
 * partners), which ran inside a chroot, which calls a filtered log can show. One object, so the ranked
 * findings (first divergence, failing calls, paths) say nothing the diagnosis knows to be noise or
 * wrong.
 */
export interface CallReading {
  /** 1 for a call that is an expected difference (or the other run's version of one), or fails alike in both runs. */
  quiet: { a: Uint8Array; b: Uint8Array };
  /** Whether event i of that run ran after a chroot() of its process or an ancestor. */
  inChroot(side: 'a' | 'b', i: number): boolean;
  /** Whether that run's log would show calls of this name. */
  sees(side: 'a' | 'b', name: string): boolean;
  /** Whether event i was made by the target program, not by the launcher (env, unshare, mount(8), chroot(8)). */
  byTarget(side: 'a' | 'b', i: number): boolean;
}

export function computeCallReading(ctx: DiagnosisContext): CallReading {
  const quiet = { a: new Uint8Array(ctx.a.trace.count), b: new Uint8Array(ctx.b.trace.count) };
  for (const i of ctx.alike.a) quiet.a[i] = 1;
  for (const j of ctx.alike.b) quiet.b[j] = 1;
  for (const d of ctx.divergences) {
    if (d.noise === null) continue;
    quiet[d.side][d.i] = 1;
    if (d.other >= 0) quiet[d.side === 'a' ? 'b' : 'a'][d.other] = 1;
  }
  const run = (side: 'a' | 'b') => (side === 'a' ? ctx.a : ctx.b);
  return {
    quiet,
    inChroot: (side, i) => {
      const r = run(side);
      return r.lineage.inChroot(r.trace.columns.pid[i] as number, i);
    },
    sees: (side, name) => run(side).filter.sees(name),
    byTarget: (side, i) => run(side).byTarget(i),
  };
}
