import type { ProcessInfo } from '../trace/trace-data.js';
import { useAppState } from '../store/store-context.js';

/** The process trees of both runs side by side; each process names its partner in the other run. */
export function CompareProcesses() {
  const diff = useAppState((s) => s.compare.diff);
  const ta = useAppState((s) => s.traces.a);
  const tb = useAppState((s) => s.traces.b);
  if (!diff || !ta || !tb) return null;
  const toB = new Map<number, number[]>();
  const toA = new Map<number, number[]>();
  for (const [pa, pb] of diff.processPairs) {
    toB.set(pa, [...(toB.get(pa) ?? []), pb]);
    toA.set(pb, [...(toA.get(pb) ?? []), pa]);
  }
  return (
    <div className="grid min-h-0 flex-1 grid-cols-1 gap-2 overflow-auto p-2 text-sm 2xl:grid-cols-2">
      <ProcessList label={diff.labels.a} other={diff.labels.b} processes={ta.processes} partners={toB} />
      <ProcessList label={diff.labels.b} other={diff.labels.a} processes={tb.processes} partners={toA} />
    </div>
  );
}

function ProcessList(props: {
  label: string;
  other: string;
  processes: readonly ProcessInfo[];
  partners: Map<number, number[]>;
}) {
  const depth = new Map<number, number>();
  for (const p of props.processes)
    depth.set(p.pid, p.parentPid === null ? 0 : (depth.get(p.parentPid) ?? 0) + 1);
  return (
    <div className="min-w-0">
      <h3 className="text-xs font-semibold">Processes in {props.label}</h3>
      <ul aria-label={`Processes in ${props.label}`}>
        {props.processes.map((p) => {
          const partner = props.partners.get(p.pid);
          return (
            <li
              key={p.pid}
              style={{ paddingLeft: `${Math.min(depth.get(p.pid) ?? 0, 8) * 14}px` }}
              className="break-words py-0.5"
            >
              <span className="font-mono">{p.pid}</span> {p.command || '?'}{' '}
              <span className="text-xs text-slate-500">
                {p.eventCount} events{p.end ? `, ${p.end}` : ''}
              </span>{' '}
              {partner ? (
                <span className="rounded bg-slate-100 px-1 text-xs dark:bg-slate-800">
                  ⇄ {props.other} {partner.join(', ')}
                </span>
              ) : (
                <span className="rounded bg-red-50 px-1 text-xs text-red-700 dark:bg-red-950 dark:text-red-300">
                  only in {props.label}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
