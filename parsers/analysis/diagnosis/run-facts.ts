import type { Trace } from '../../model/index.js';
import type { EventKeys } from '../diff/event-keys.js';
import type { TraceUnits } from '../diff/diff-units.js';
import type { RunContext } from '../diff/run-context.js';
import { findWorkingDirectory } from '../diff/chroot-prefix.js';
import type { Lineage } from './lineage.js';
import { computeLineage } from './lineage.js';
import type { RunOutcome } from './outcome.js';
import { computeOutcome } from './outcome.js';
import type { Target } from './target.js';
import { findTarget } from './target.js';
import type { TraceFilter } from './trace-filter.js';
import { computeTraceFilter } from './trace-filter.js';

/** Everything the rules know about one run. */
export interface RunFacts {
  side: 'a' | 'b';
  label: string;
  trace: Trace;
  units: TraceUnits;
  keys: EventKeys;
  context: RunContext | undefined;
  lineage: Lineage;
  outcome: RunOutcome;
  filter: TraceFilter;
  /** The program asked about (null when this run never execs it). */
  target: Target | null;
  /** Whether event i was made by the target program (or a process it started), not by the launcher. */
  byTarget(i: number): boolean;
  /** Whether the run changed its root (chroot or pivot_root) or namespaces before the target ran. */
  isolated: boolean;
  /** The directory the run started in (its launcher's cwd), when the log shows it. */
  startCwd: string | null;
  /** "the chroot", "the container", "the host run": what the run's files are. */
  place: string;
  /** "inside the chroot", "inside the container", "in the host run". */
  where: string;
}

export function computeRunFacts(init: {
  side: 'a' | 'b';
  label: string;
  trace: Trace;
  units: TraceUnits;
  keys: EventKeys;
  context: RunContext | undefined;
  program: string;
}): RunFacts {
  const { trace, units, context } = init;
  const lineage = computeLineage(trace, units);
  const target = init.program ? findTarget(trace, units, lineage, init.program) : null;
  const start = target ? (target.unit.events[0] ?? target.execEvent) : -1;
  const pidCol = trace.columns.pid;
  const byTarget = target
    ? (i: number): boolean => {
        const pid = pidCol[i] as number;
        return target.pids.has(pid) && (pid !== target.pid || i >= start);
      }
    : (): boolean => true;
  const isolationCalls = target ? countIsolation(lineage, target) : 0;
  const container = context?.label === 'container' || context?.isolation?.includes('container') === true;
  const chrooted = target ? lineage.inChroot(target.pid, target.execEvent) : false;
  return {
    ...init,
    lineage,
    outcome: computeOutcome(trace, units, context),
    startCwd: findWorkingDirectory(trace),
    filter: computeTraceFilter(trace, context?.traceFilter),
    target,
    byTarget,
    isolated: isolationCalls > 0 || (context?.isolation?.length ?? 0) > 0,
    place: container ? 'the container' : chrooted ? 'the chroot' : `the ${init.label} run`,
    where: container ? 'inside the container' : chrooted ? 'inside the chroot' : `in the ${init.label} run`,
  };
}

function countIsolation(lineage: Lineage, target: Target): number {
  let n = 0;
  let p = target.pid;
  for (let guard = 0; guard < 100000; guard++) {
    n += lineage.isolationOf.get(p)?.length ?? 0;
    const up = lineage.parentOf.get(p);
    if (!up) break;
    p = up[0];
  }
  return n;
}
