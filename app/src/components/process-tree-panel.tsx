import { computeTreeOrder } from '../logic/compute-processes.js';
import { formatCount } from '../logic/format-value.js';
import { useAppContext, useAppState } from '../store/store-context.js';
import type { TraceData } from '../trace/trace-data.js';

/** Processes and threads as a tree (fork/clone lineage), with program, event count and how each ended. */
export function ProcessTreePanel({ trace }: { trace: TraceData }) {
  const { store } = useAppContext();
  const pidFilter = useAppState((s) => s.filters.pids);
  const byPid = new Map(trace.processes.map((p) => [p.pid, p]));
  const order = computeTreeOrder(trace.processes);
  return (
    <div className="h-full overflow-auto p-2 text-xs">
      <ul role="tree" aria-label="Process tree" className="font-mono">
        {order.map(({ pid, depth }) => {
          const p = byPid.get(pid)!;
          const active = pidFilter.includes(pid);
          return (
            <li
              key={pid}
              role="treeitem"
              aria-level={depth + 1}
              aria-selected={active}
              style={{ paddingLeft: depth * 16 }}
              className="py-0.5"
            >
              <button
                type="button"
                className={`link ${active ? 'font-bold' : ''}`}
                aria-label={`Show only events of ${p.isThread ? 'thread' : 'process'} ${pid < 0 ? '' : pid} ${p.command}`}
                onClick={() => store.getState().setFilters({ pids: active ? [] : [pid] })}
              >
                {p.isThread ? '↳ thread ' : ''}
                {pid < 0 ? 'process' : pid} {p.command}
              </button>
              <span className="ml-2 text-slate-500">
                {formatCount(p.eventCount)} events{p.end ? `, ${p.end}` : ''}
                {p.argv.length > 1 ? ` · ${p.argv.join(' ').slice(0, 120)}` : ''}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
