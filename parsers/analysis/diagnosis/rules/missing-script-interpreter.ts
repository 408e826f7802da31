import { basename } from '../../diff/diff-units.js';
import { firstString } from '../call-args.js';
import { execFacts, laterExecFailures, programKind } from '../exec-facts.js';
import type { DiagnosisRule } from '../types.js';
import { evidenceOf, findMessage, quoteMessage } from './rule-kit.js';

/**
 * A script starts with `#!/usr/bin/perl`: execve runs that interpreter, and returns ENOENT when it is
 * missing, though the script is there. The working run shows the script: the interpreter opens the
 * program's own path after the execve and reads the `#!` line (or the collector recorded it).
 *
 *   host:   execve("/tmp/hi.pl", ...) = 0 ... openat(AT_FDCWD, "/tmp/hi.pl", O_RDONLY) = 3
 *           read(3, "#!/usr/bin/perl\nprint \"hi\\n\";\n", 8192) = 40
 *   chroot: execve("/tmp/hi.pl", ...) = -1 ENOENT (No such file or directory)
 */
export const missingScriptInterpreter: DiagnosisRule = {
  id: 'missing-script-interpreter',
  level: 'cause',
  detect(ctx) {
    const exec = execFacts(ctx.subject);
    if (!exec) return null;
    const hint = ctx.reference.context?.program?.interpreter ?? ctx.subject.context?.program?.interpreter;
    const kind = programKind(ctx.reference, hint);
    if (!kind?.script) return null;
    const program = basename(
      ctx.subject.target?.unit.programPath ?? firstString(ctx.subject.trace, exec.failed),
    );
    const interpreter = kind.interpreter ?? 'its interpreter';
    const refEvidence = [ctx.reference.target?.execEvent, ...kind.evidence];
    if (exec.failed >= 0 && exec.errno === 'ENOENT') {
      return {
        rule: 'missing-script-interpreter',
        confidence: kind.interpreter ? 'likely' : 'possible',
        cause:
          `${program} is a script whose #! line names ${interpreter}, and ${kind.interpreterName ?? 'it'} is most ` +
          `likely not ${ctx.subject.where}: execve of a script fails with ENOENT when the interpreter on its #! ` +
          `line is missing (or when that interpreter's own dynamic loader is)`,
        evidence: evidenceOf(ctx, [exec.failed], refEvidence),
      };
    }
    // `#!/usr/bin/env perl`: the script starts (env is there), then env finds perl nowhere along PATH.
    if (exec.failed >= 0 || !kind.interpreterName) return null;
    const name = kind.interpreterName;
    const tries = laterExecFailures(ctx.subject, name);
    const last = tries[tries.length - 1];
    if (last === undefined) return null;
    const message = findMessage(ctx, (text) => text.includes(name), last);
    return {
      rule: 'missing-script-interpreter',
      confidence: message ? 'certain' : 'likely',
      cause:
        `${program} is a script whose #! line names ${interpreter}; ${ctx.subject.where} the script starts, but ` +
        `${name} is in none of the ${tries.length} places tried, so the interpreter never runs` +
        (message ? ` and the program says ${quoteMessage(message.text)}` : ''),
      evidence: evidenceOf(ctx, [last, message?.i, ...tries.slice(0, -1)], refEvidence),
    };
  },
};
