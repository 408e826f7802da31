import { argsText, firstString } from '../call-args.js';
import { isolationCallsBefore } from '../lineage.js';
import type { RunFacts } from '../run-facts.js';
import type { DiagnosisRule } from '../types.js';
import { contextSays, namespaceCall } from './namespace-kit.js';
import { evidenceOf, outcomeDiffers } from './rule-kit.js';

/**
 * The first process of a new pid namespace is its pid 1: getpid() returns 1, and a /proc mounted for
 * the namespace lists only its processes (the host's /proc, if left there, lists every host process).
 *
 *   unshare(CLONE_NEWPID) = 0 ... clone(...) = 4242 ... [child] getpid() = 1
 */
export const pidNamespace: DiagnosisRule = {
  id: 'pid-namespace',
  level: 'cause',
  detect(ctx) {
    if (!outcomeDiffers(ctx)) return null;
    const run = ctx.subject;
    const ns = namespaceCall(run, 'CLONE_NEWPID');
    if (ns < 0 && !contextSays(run, 'pid')) return null;
    const t = run.trace;
    // getpid() = 1 (or a small pid) in the subject, while the reference's is a host pid.
    const pidCall = ctx.divergences.find(
      (d) => d.side === run.side && (d.name === 'getpid' || d.name === 'getppid') && d.kind === 'changed',
    );
    const isOne = pidCall !== undefined && t.ret(pidCall.i) === (pidCall.name === 'getpid' ? 1 : 0);
    // Without a pid that differs, the program must at least look at processes (/proc/<pid>, kill): a
    // call that differs, or an open of /proc/<pid>/... whose content differs (`cat /proc/1/comm` opens the
    // same path in both runs, and pid 1 is another process in each).
    const looks = ctx.divergences.some(
      (d) => d.side === run.side && (/^\/proc\/(\d+|self)?(\/|$)/.test(d.path) || d.name === 'kill'),
    );
    const opened = looks || pidCall || ctx.sameOutput !== false ? -1 : openOfPidFile(run);
    if (!pidCall && !looks && opened < 0) return null;
    // unshare --mount-proc mounts a proc for the namespace (mount("proc", "/proc", "proc", ...)) before the
    // program starts; without it the program reads the host's /proc and still sees every host process.
    const ownProc = ns < 0 || procMountedAfter(run, ns);
    if (!ownProc) {
      return {
        rule: 'pid-namespace',
        confidence: 'likely',
        cause:
          `${run.label} runs in a new pid namespace${pidCall ? ` (${pidCall.name}() returns ${t.ret(pidCall.i)} there)` : ''}, ` +
          `but no proc was mounted for it: the /proc it reads is the host's, so it still lists the host's processes`,
        evidence: evidenceOf(ctx, [pidCall?.i, opened, ns], [pidCall?.other]),
      };
    }
    return {
      rule: 'pid-namespace',
      confidence: isOne ? 'certain' : 'likely',
      cause:
        opened >= 0
          ? `${run.label} runs in a new pid namespace whose pids start again at 1, with a /proc of its own: ` +
            `${firstString(t, opened)} is another process there than in ${ctx.reference.label}`
          : `${run.label} runs in a new pid namespace, where the program is pid 1 and sees only its own processes` +
            (pidCall ? ` (${pidCall.name}() returns ${t.ret(pidCall.i)} there)` : ''),
      evidence: evidenceOf(ctx, [pidCall?.i, opened, ns], [pidCall?.other]),
    };
  },
};

/** The target's first successful open of a /proc/<pid>/ file, or -1. */
function openOfPidFile(run: RunFacts): number {
  const t = run.trace;
  const events = run.target?.unit.events ?? [];
  for (const i of events) {
    const name = t.name(i);
    if (name !== 'openat' && name !== 'open') continue;
    if (t.errno(i) === null && /^\/proc\/\d+\//.test(firstString(t, i))) return i;
  }
  return -1;
}

/** Whether a proc filesystem is mounted in the target's lineage after the namespace call ns. */
function procMountedAfter(run: RunFacts, ns: number): boolean {
  const target = run.target;
  if (!target) return true;
  const at = target.execEvent >= 0 ? target.execEvent : (target.unit.events[0] ?? 0);
  return isolationCallsBefore(run.lineage, target.pid, at).some(
    (e) =>
      e > ns && run.trace.name(e) === 'mount' && /^"[^"]*", "[^"]*", "proc"/.test(argsText(run.trace, e)),
  );
}
