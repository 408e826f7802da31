import { argsText } from '../call-args.js';
import { isolationCallsBefore } from '../lineage.js';
import type { RunFacts } from '../run-facts.js';

/**
 * The call that put the target in a new namespace of this kind (unshare(CLONE_NEWNET), a clone with
 * CLONE_NEWPID, setns(fd, CLONE_NEWUTS)), made by it or an ancestor before the fork; -1 when none.
 */
export function namespaceCall(run: RunFacts, flag: 'CLONE_NEWNET' | 'CLONE_NEWPID' | 'CLONE_NEWUTS'): number {
  const target = run.target;
  if (!target) return -1;
  const at = target.execEvent >= 0 ? target.execEvent : (target.unit.events[0] ?? 0);
  for (const e of isolationCallsBefore(run.lineage, target.pid, at)) {
    const name = run.trace.name(e);
    if (
      (name === 'unshare' || name === 'setns' || name === 'clone' || name === 'clone3') &&
      argsText(run.trace, e).includes(flag)
    )
      return e;
  }
  return -1;
}

/** Whether the collector says the run was in a new namespace of this kind ('net', 'pid', 'uts'). */
export function contextSays(run: RunFacts, ns: string): boolean {
  return run.context?.isolation?.includes(ns) === true || run.context?.label === 'container';
}
