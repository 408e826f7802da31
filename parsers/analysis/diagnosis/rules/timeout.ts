import { EVENT_KINDS } from '../../../model/index.js';
import { CALL_STATUS } from '../../../model/index.js';
import type { RunFacts } from '../run-facts.js';
import type { DiagnosisRule } from '../types.js';
import { evidenceOf } from './rule-kit.js';

const SYSCALL = EVENT_KINDS.indexOf('syscall');
const UNFINISHED = CALL_STATUS.indexOf('unfinished');
const BLOCKING =
  /^(nanosleep|clock_nanosleep|read|readv|recvfrom|recvmsg|wait4|waitid|poll|ppoll|select|pselect6|epoll_wait|epoll_pwait|futex|flock|pause|accept|accept4|connect|rt_sigsuspend|rt_sigtimedwait)$/;

/**
 * The collector stops a run past its time limit (`--timeout`): the program was still waiting, most
 * often inside a blocking call that never returned (`nanosleep(...) <unfinished ...>`, a read on a pipe
 * nobody writes). session.json says so; without it, a kill in the middle of a blocking call says it.
 */
export const timeout: DiagnosisRule = {
  id: 'timeout',
  level: 'cause',
  detect(ctx) {
    const run = ctx.subject;
    const blocked = lastBlockedCall(run);
    const waits = waitingFor(ctx);
    if (run.outcome.timedOut) {
      const limit = run.context?.timeoutMs;
      return {
        rule: 'timeout',
        confidence: 'certain',
        cause:
          `the program is still running when the collector's time limit${limit ? ` (${limit / 1000} s)` : ''} ends it` +
          (waits
            ? `: it keeps waiting for ${waits.path}, which is not there ${run.where} (${waits.name} fails with ${waits.errno} ${waits.count} times)`
            : blocked >= 0
              ? `: it waits in ${run.trace.name(blocked)}(), which never returns`
              : ''),
        evidence: evidenceOf(ctx, [waits?.i, blocked], [waits?.other]),
      };
    }
    if (ctx.situation !== 'one-fails' || !run.outcome.signal || blocked < 0) return null;
    if (run.outcome.signal !== 'SIGKILL' && run.outcome.signal !== 'SIGTERM') return null;
    return {
      rule: 'timeout',
      confidence: 'likely',
      cause: `the program is killed by ${run.outcome.signal} while it waits in ${run.trace.name(blocked)}(), which never returns: it hangs until something stops it`,
      evidence: evidenceOf(ctx, [blocked], []),
    };
  },
};

/** Among the target's last calls, one that waits and never returned, else -1. */
function lastBlockedCall(run: RunFacts): number {
  const t = run.trace;
  let seen = 0;
  for (let i = t.count - 1; i >= 0 && seen < 20; i--) {
    if ((t.columns.kind[i] as number) !== SYSCALL || !run.byTarget(i)) continue;
    seen++;
    const open = (t.columns.status[i] as number) === UNFINISHED || Number.isNaN(t.columns.ret[i] as number);
    if (open && BLOCKING.test(t.name(i))) return i;
  }
  return -1;
}

/** The call the program keeps retrying before it is stopped: the last real failure, seen twice or more. */
function waitingFor(ctx: Parameters<DiagnosisRule['detect']>[0]): {
  i: number;
  other: number;
  name: string;
  path: string;
  errno: string;
  count: number;
} | null {
  const failures = ctx.divergences.filter(
    (d) => d.side === ctx.subject.side && d.kind === 'fails' && d.noise === null,
  );
  const last = failures[failures.length - 1];
  if (!last || last.path === '' || last.errno === null) return null;
  const count = failures.filter((d) => d.name === last.name && d.path === last.path).length;
  if (count < 2) return null;
  return { i: last.i, other: last.other, name: last.name, path: last.path, errno: last.errno, count };
}
