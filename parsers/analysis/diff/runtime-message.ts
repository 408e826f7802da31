import type { Trace } from '../../model/index.js';
import type { RuntimeStep } from '../runtime-steps.js';
import { classifyRuntimeStep } from '../runtime-steps.js';
import type { DiffUnit } from './diff-units.js';
import { callOf, formatLineRef, lineRef } from './finding.js';

/**
 * The scaffolding finding for a container runtime's block: what the runtime did before the program ran,
 * step by step, with the call that shows each step, e.g.
 *
 *   B starts with the container runtime's set-up (runc, lines 1–4929, 3337 calls in 17 processes and
 *   threads): namespaces: unshare(CLONE_NEWNS|CLONE_NEWUTS|...); 41 mounts; pivot_root("." , "."); ...
 */
export function describeRuntimeSetup(
  t: Trace,
  unit: DiffUnit,
  label: string,
  otherLabel: string,
  target: DiffUnit | undefined,
): string {
  const first = unit.events[0] as number;
  const last = unit.events[unit.events.length - 1] as number;
  const range = `${formatLineRef(lineRef(t, first))}–${lineRef(t, last).line}`;
  const firstOf = new Map<RuntimeStep, number>();
  const counts = new Map<RuntimeStep, number>();
  for (const i of unit.events) {
    const step = classifyRuntimeStep(t, i);
    if (step === null) continue;
    if (!firstOf.has(step)) firstOf.set(step, i);
    counts.set(step, (counts.get(step) ?? 0) + 1);
  }
  const parts: string[] = [];
  const show = (step: RuntimeStep, text: (i: number, n: number) => string): void => {
    const i = firstOf.get(step);
    if (i !== undefined) parts.push(text(i, counts.get(step) ?? 1));
  };
  show('namespaces', (i) => `new namespaces (${callOf(t, i, 70)})`);
  show('cgroup', (i, n) => `its cgroup (${n} calls, e.g. ${callOf(t, i, 60)})`);
  show('mounts', (_, n) => `${n} mount calls`);
  show('pivot_root', (i) => `the root switch (${callOf(t, i, 40)})`);
  show('capabilities', (_, n) => `capabilities cut to Docker's set (${n} calls)`);
  show('no_new_privs', (i) => callOf(t, i, 50));
  show('seccomp', (i) => `a seccomp filter (${callOf(t, i, 60)})`);
  const pids = unit.runtimePids ?? 1;
  const then = target && target.execEvent >= 0 ? `; then ${callOf(t, target.execEvent, 60)}` : '';
  return `${label} starts with the container runtime's set-up (${unit.runtime ?? 'runtime'}, ${range}, ${unit.events.length} calls in ${pids} processes and threads): ${parts.join('; ')}${then}. ${otherLabel} has no such stage; it is shown as one block, not compared call by call.`;
}
