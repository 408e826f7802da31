import type { ArgNode, Trace } from '../model/index.js';

/**
 * The paths an event names: every string argument, every `-y` fd path and the return path
 * (`= 3</usr/lib/x86_64-linux-gnu/libc.so.6>`). Decodes the one event; [] for non-calls.
 */
export function computeEventPaths(trace: Trace, i: number): string[] {
  const ev = trace.event(i);
  if (ev.kind !== 'syscall') return [];
  const out: string[] = ev.retPath ? [ev.retPath] : [];
  const walk = (n: ArgNode): void => {
    if (n.type === 'string') out.push(n.value);
    else if (n.type === 'fd') out.push(n.path);
    else if (n.type === 'struct') for (const f of n.fields) walk(f.value);
    else if (n.type === 'array') for (const x of n.items) walk(x);
    else if (n.type === 'named' || n.type === 'commented') walk(n.value);
  };
  for (const a of ev.args) walk(a);
  return out;
}
