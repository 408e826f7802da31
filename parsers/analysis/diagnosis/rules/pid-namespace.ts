import type { DiagnosisRule } from '../types.js';
import { contextSays, namespaceCall } from './namespace-kit.js';
import { evidenceOf, outcomeDiffers } from './rule-kit.js';

/**
 * The first process of a new pid namespace is its pid 1: getpid() returns 1, and a /proc mounted for
 * the namespace lists only its processes (the host's /proc, if left there, lists every host process).
 *
 *   unshare(CLONE_NEWPID) = 0 ... clone(...) = 4242 ... [child] getpid() = 1
 */
export const pidNamespace: DiagnosisRule = {
  id: 'pid-namespace',
  level: 'cause',
  detect(ctx) {
    if (!outcomeDiffers(ctx)) return null;
    const run = ctx.subject;
    const ns = namespaceCall(run, 'CLONE_NEWPID');
    if (ns < 0 && !contextSays(run, 'pid')) return null;
    const t = run.trace;
    // getpid() = 1 (or a small pid) in the subject, while the reference's is a host pid.
    const pidCall = ctx.divergences.find(
      (d) => d.side === run.side && (d.name === 'getpid' || d.name === 'getppid') && d.kind === 'changed',
    );
    const isOne = pidCall !== undefined && t.ret(pidCall.i) === (pidCall.name === 'getpid' ? 1 : 0);
    // Without a pid that differs, the program must at least look at processes (/proc/<pid>, kill).
    const looks = ctx.divergences.some(
      (d) => d.side === run.side && (/^\/proc\/(\d+|self)?(\/|$)/.test(d.path) || d.name === 'kill'),
    );
    if (!pidCall && !looks) return null;
    return {
      rule: 'pid-namespace',
      confidence: isOne ? 'certain' : 'likely',
      cause:
        `${run.label} runs in a new pid namespace, where the program is pid 1 and sees only its own processes` +
        (pidCall ? ` (${pidCall.name}() returns ${t.ret(pidCall.i)} there)` : ''),
      evidence: evidenceOf(ctx, [pidCall?.i, ns], [pidCall?.other]),
    };
  },
};
