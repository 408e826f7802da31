import {
  capabilityFor,
  capabilityState,
  identityChangeBefore,
  lacksCapability,
  seccompFilterBefore,
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
 * Root is a bundle of capabilities; a call that needs one the process lost fails with EPERM (EACCES for
 * a few, such as raising priority). The run shows the loss: capset with a smaller effective set, or
 * prctl(PR_CAPBSET_DROP, CAP_X) before an execve.
 *
 *   prctl(PR_CAPBSET_DROP, CAP_SYS_CHROOT) = 0
 *   chroot("/") = -1 EPERM (Operation not permitted)
 */
export const capabilityDropped: DiagnosisRule = {
  id: 'capability-dropped',
  level: 'cause',
  detect(ctx) {
    if (!outcomeDiffers(ctx)) return null;
    const run = ctx.subject;
    for (const d of subjectFailures(ctx, true)) {
      if (d.errno !== 'EPERM' && d.errno !== 'EACCES') continue;
      const pid = run.trace.columns.pid[d.i] as number;
      const state = capabilityState(run, pid, d.i);
      if (state.events.length === 0) continue;
      // Only a call whose capability is known and was lost: EACCES on a file after setuid is the file's modes.
      const cap = capabilityFor(run.trace, d.i);
      if (cap === null || !lacksCapability(state, cap)) continue;
      // After setuid to another user, file modes refuse that user: file-permission's, not a capability's.
      if (cap === 'CAP_DAC_OVERRIDE' && identityChangeBefore(run, pid, d.i) >= 0) continue;
      const filter = seccompFilterBefore(run, pid, d.i);
      const message = findMessage(ctx, (text) => /not permitted|permission denied/i.test(text), d.i);
      const confidence = filter >= 0 ? 'likely' : 'certain';
      return {
        rule: 'capability-dropped',
        confidence,
        cause:
          `${callName(d)} needs ${cap}, which was dropped before it ran ${run.where}` +
          `, so it fails with ${d.errno}` +
          (message ? ` and the program says ${quoteMessage(message.text)}` : ''),
        evidence: evidenceOf(ctx, [d.i, message?.i, ...state.events.slice(-3)], [d.other]),
      };
    }
    return null;
  },
};
