import { argsText } from '../call-args.js';
import type { DiagnosisRule } from '../types.js';
import { contextSays, namespaceCall } from './namespace-kit.js';
import { evidenceOf, outcomeDiffers } from './rule-kit.js';

/**
 * The host name is per UTS namespace: after unshare(CLONE_NEWUTS) and sethostname(), uname() returns
 * another nodename, and programs that print or use it behave differently.
 *
 *   sethostname("spelunk-box", 11) = 0
 *   uname({sysname="Linux", nodename="spelunk-box", ...}) = 0
 */
export const hostname: DiagnosisRule = {
  id: 'hostname',
  level: 'cause',
  detect(ctx) {
    if (!outcomeDiffers(ctx)) return null;
    const run = ctx.subject;
    const d = ctx.divergences.find((x) => x.side === run.side && x.name === 'uname' && x.kind === 'changed');
    if (!d) return null;
    const mine = nodename(argsText(run.trace, d.i));
    const theirs = nodename(argsText(ctx.reference.trace, d.other));
    if (mine === null || theirs === null || mine === theirs) return null;
    const ns = namespaceCall(run, 'CLONE_NEWUTS');
    const set = findSethostname(ctx.subject);
    const printed = ctx.stdoutOf(run).includes(mine);
    return {
      rule: 'hostname',
      confidence: printed || ns >= 0 || set >= 0 || contextSays(run, 'uts') ? 'certain' : 'likely',
      cause:
        `the host name differs: uname() says "${mine}" in ${run.label} and "${theirs}" in ${ctx.reference.label}` +
        (ns >= 0 || contextSays(run, 'uts') ? ` (${run.label} runs in its own UTS namespace)` : ''),
      evidence: evidenceOf(ctx, [d.i, set, ns], [d.other]),
    };
  },
};

function nodename(text: string): string | null {
  return /nodename="((?:[^"\\]|\\.)*)"/.exec(text)?.[1] ?? null;
}

function findSethostname(run: Parameters<typeof namespaceCall>[0]): number {
  const t = run.trace;
  for (let i = 0; i < t.count; i++) if (t.name(i) === 'sethostname' && t.errno(i) === null) return i;
  return -1;
}
