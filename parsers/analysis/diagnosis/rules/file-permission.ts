import { isolationCallsBefore } from '../lineage.js';
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
  confidenceFor,
  evidenceOf,
  findMessage,
  mentionsPath,
  outcomeDiffers,
  quoteMessage,
  subjectFailures,
} from './rule-kit.js';

const IDENTITY = new Set(['setuid', 'setgid', 'setresuid', 'setresgid', 'setreuid', 'setregid', 'setgroups']);

/**
 * EACCES (and EPERM) on a file, when nothing in the run dropped capabilities or installed a seccomp
 * filter: the file's mode or owner refuses this user (often after setuid/setgid to another one), or a
 * directory on the way is not searchable.
 *
 *   setresuid(65534, 65534, 65534) = 0
 *   openat(AT_FDCWD, "/root/secret", O_RDONLY) = -1 EACCES (Permission denied)
 */
export const filePermission: DiagnosisRule = {
  id: 'file-permission',
  level: 'cause',
  detect(ctx) {
    if (!outcomeDiffers(ctx)) return null;
    const run = ctx.subject;
    for (const d of subjectFailures(ctx, true)) {
      if (d.errno !== 'EACCES' && d.errno !== 'EPERM') continue;
      if (d.path === '') continue;
      const pid = run.trace.columns.pid[d.i] as number;
      if (seccompFilterBefore(run, pid, d.i) >= 0) continue;
      // A call that needs a capability the process lost is capability-dropped's.
      const cap = capabilityFor(run.trace, d.i);
      const switched = identityChangeBefore(run, pid, d.i) >= 0;
      if (
        cap !== null &&
        lacksCapability(capabilityState(run, pid, d.i), cap) &&
        !(cap === 'CAP_DAC_OVERRIDE' && switched)
      )
        continue;
      const identity = isolationCallsBefore(run.lineage, pid, d.i).filter((e) =>
        IDENTITY.has(run.trace.name(e)),
      );
      const message = findMessage(
        ctx,
        (text) => /permission denied|not permitted/i.test(text) || mentionsPath(text, d.path),
        d.i,
      );
      return {
        rule: 'file-permission',
        confidence: confidenceFor(ctx, d, message !== null),
        cause:
          `the file modes or owner of ${d.path} refuse ${identity.length > 0 ? 'the user the program switched to' : 'this user'} ` +
          `${run.where}, so ${callName(d)} fails with ${d.errno}` +
          (message ? ` and the program says ${quoteMessage(message.text)}` : ''),
        evidence: evidenceOf(ctx, [d.i, message?.i, ...identity.slice(-2)], [d.other]),
      };
    }
    return null;
  },
};
