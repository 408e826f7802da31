import {
  capabilityFor,
  capabilityState,
  lacksCapability,
  seccompFilterBefore,
  seccompSignal,
} from '../privileges.js';
import type { DiagnosisRule } from '../types.js';
import {
  callName,
  evidenceOf,
  findMessage,
  outcomeDiffers,
  quoteMessage,
  subjectFailures,
} from './rule-kit.js';

/**
 * A seccomp filter is a small program the kernel runs before every system call of the process and its
 * children: it can answer with an errno (EPERM, ENOSYS) before the call does anything, or kill the
 * process with SIGSYS. The run shows the filter being installed (seccomp(SECCOMP_SET_MODE_FILTER),
 * prctl(PR_SET_SECCOMP)) before the refused call; a call that needs no capability, or one the process
 * still holds, can only have been refused by it.
 *
 *   prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, {len=7, filter=0x7ffc...}) = 0
 *   uname(0x7ffc...) = -1 EPERM (Operation not permitted)
 */
export const seccompDenied: DiagnosisRule = {
  id: 'seccomp-denied',
  level: 'cause',
  detect(ctx) {
    if (!outcomeDiffers(ctx)) return null;
    const run = ctx.subject;
    const signal = seccompSignal(run);
    if (signal >= 0) {
      const filter = seccompFilterBefore(run, run.trace.columns.pid[signal] as number, signal);
      return {
        rule: 'seccomp-denied',
        confidence: 'certain',
        cause: `a seccomp filter ${run.where} kills the program with SIGSYS when it makes a system call the filter forbids`,
        evidence: evidenceOf(ctx, [signal, filter], []),
      };
    }
    for (const d of subjectFailures(ctx, true)) {
      const pid = run.trace.columns.pid[d.i] as number;
      const filter = seccompFilterBefore(run, pid, d.i);
      if (filter < 0) continue;
      if (d.errno !== 'EPERM' && d.errno !== 'ENOSYS' && d.errno !== 'EACCES') continue;
      const cap = capabilityFor(run.trace, d.i);
      const capLost = cap !== null && lacksCapability(capabilityState(run, pid, d.i), cap);
      // The kernel's own capability check already refuses it: the filter need not have.
      if (capLost) continue;
      const message = findMessage(
        ctx,
        (text) => /not permitted|not implemented|function not/i.test(text),
        d.i,
      );
      return {
        rule: 'seccomp-denied',
        confidence: 'likely',
        cause:
          `a seccomp filter (installed by ${run.trace.name(filter)}() at line ${run.trace.line(filter)}, before the call) refuses ` +
          `${callName(d)} with ${d.errno} ${run.where}` +
          (cap === null ? ' (the call needs no capability, so nothing else can refuse it this way)' : '') +
          (message ? `, and the program says ${quoteMessage(message.text)}` : ''),
        evidence: evidenceOf(ctx, [d.i, message?.i, filter], [d.other]),
      };
    }
    return null;
  },
};
