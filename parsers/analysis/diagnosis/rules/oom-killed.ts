import { argsText } from '../call-args.js';
import type { RunFacts } from '../run-facts.js';
import type { DiagnosisRule } from '../types.js';
import { evidenceOf } from './rule-kit.js';

/**
 * Under a cgroup memory limit (memory.max), a process that needs more memory than the limit is killed by
 * the OOM killer with SIGKILL, in the middle of whatever it was doing: the log ends with
 * `+++ killed by SIGKILL +++` after a run of brk/mmap growth.
 *
 *   write(3</sys/fs/cgroup/spelunk-x/memory.max>, "20M", 3) = 3
 *   mmap(NULL, 104861696, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f...
 *   +++ killed by SIGKILL +++
 */
export const oomKilled: DiagnosisRule = {
  id: 'oom-killed',
  level: 'cause',
  detect(ctx) {
    const run = ctx.subject;
    if (run.outcome.timedOut) return null;
    const killed = killedBy(run, 'SIGKILL');
    if (killed < 0 && run.outcome.signal !== 'SIGKILL') return null;
    const limit = memoryLimit(run);
    const growth = lastMemoryCall(run, killed >= 0 ? killed : run.trace.count);
    if (limit < 0 && !run.context?.isolation?.includes('memory')) {
      return killed >= 0 && growth >= 0
        ? {
            rule: 'oom-killed',
            confidence: 'possible',
            cause: `the program is killed by SIGKILL while it grows its memory, which is what the OOM killer does when a memory limit is reached`,
            evidence: evidenceOf(ctx, [killed, growth], []),
          }
        : null;
    }
    return {
      rule: 'oom-killed',
      confidence: limit >= 0 ? 'certain' : 'likely',
      cause:
        `the program runs under a cgroup memory limit${limit >= 0 ? ` (${limitText(run, limit)})` : ''} and needs more: the ` +
        `kernel's OOM killer ends it with SIGKILL`,
      evidence: evidenceOf(ctx, [killed, growth, limit], []),
    };
  },
};

/** The target's `+++ killed by SIG +++` event, or -1. */
function killedBy(run: RunFacts, signal: string): number {
  const t = run.trace;
  for (let i = t.count - 1; i >= 0; i--)
    if (t.kind(i) === 'killed' && t.name(i) === signal && run.byTarget(i)) return i;
  return -1;
}

function memoryLimit(run: RunFacts): number {
  const t = run.trace;
  for (let i = 0; i < t.count; i++) {
    if (
      t.name(i) === 'write' &&
      t.errno(i) === null &&
      /memory\.(max|high|limit_in_bytes)>/.test(t.rawLine(i))
    )
      return i;
  }
  return -1;
}

function limitText(run: RunFacts, i: number): string {
  const m = /memory\.(max|high|limit_in_bytes)>,\s*"([^"]*)"/.exec(argsText(run.trace, i));
  return m ? `memory.${m[1]} = ${(m[2] as string).replace(/\\n$/, '')}` : 'memory.max';
}

function lastMemoryCall(run: RunFacts, before: number): number {
  const t = run.trace;
  for (let i = before - 1; i >= 0 && i >= before - 2000; i--) {
    const name = t.name(i);
    if ((name === 'brk' || name === 'mmap' || name === 'mremap') && run.byTarget(i)) return i;
  }
  return -1;
}
