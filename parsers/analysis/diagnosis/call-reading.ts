import {
  capabilityFor,
  capabilityState,
  identityChangeBefore,
  lacksCapability,
  seccompFilterBefore,
} from './privileges.js';
import type { RunFacts } from './run-facts.js';
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
  /** Why a call was refused with EPERM or EACCES, as far as the trace shows it; null when it shows nothing. */
  refusal(side: 'a' | 'b', i: number): string | null;
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
    refusal: (side, i) => describeRefusal(run(side), i),
  };
}

/**
 * What the trace shows about a refused call: a seccomp filter installed before it, a capability it needs
 * that was dropped, a switch to another user; null when none of them is in the trace.
 */
function describeRefusal(run: RunFacts, i: number): string | null {
  const t = run.trace;
  const pid = t.columns.pid[i] as number;
  const cap = capabilityFor(t, i);
  const state = capabilityState(run, pid, i);
  const switched = identityChangeBefore(run, pid, i);
  if (cap !== null && lacksCapability(state, cap) && !(cap === 'CAP_DAC_OVERRIDE' && switched >= 0)) {
    return `it needs ${cap}, which was dropped before it (line ${t.line(state.events[state.events.length - 1] ?? i)})`;
  }
  const filter = seccompFilterBefore(run, pid, i);
  if (filter >= 0) return `a seccomp filter installed before it (line ${t.line(filter)}) refuses it`;
  if (switched >= 0)
    return `the file modes refuse the user the program switched to (line ${t.line(switched)})`;
  return null;
}
