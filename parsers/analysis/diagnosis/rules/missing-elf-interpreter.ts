import { basename } from '../../diff/diff-units.js';
import { firstString } from '../call-args.js';
import { execFacts, programKind } from '../exec-facts.js';
import type { DiagnosisRule } from '../types.js';
import { evidenceOf } from './rule-kit.js';

/**
 * execve returns ENOENT when the file is there but the ELF interpreter its PT_INTERP names (the dynamic
 * loader, /lib64/ld-linux-x86-64.so.2) is not: the kernel opens the interpreter while it loads the
 * binary. The working run shows the binary is dynamic: right after its execve the loader opens
 * /etc/ld.so.cache and the libraries.
 *
 *   host:   execve("/tmp/bin/hello", ...) = 0 ... openat(AT_FDCWD, "/lib/x86_64-linux-gnu/libc.so.6", ...) = 3
 *   chroot: execve("/tmp/bin/hello", ...) = -1 ENOENT (No such file or directory)
 */
export const missingElfInterpreter: DiagnosisRule = {
  id: 'missing-elf-interpreter',
  level: 'cause',
  detect(ctx) {
    const exec = execFacts(ctx.subject);
    if (!exec || exec.failed < 0 || exec.errno !== 'ENOENT') return null;
    const hint = ctx.reference.context?.program?.interpreter ?? ctx.subject.context?.program?.interpreter;
    const kind = programKind(ctx.reference, hint);
    const program = ctx.subject.target?.unit.programPath ?? firstString(ctx.subject.trace, exec.failed);
    const name = basename(program);
    if (kind?.script) return null;
    const elfInterp =
      hint && /ld-linux|ld\.so|ld-musl/.test(hint) ? hint : 'on x86-64, /lib64/ld-linux-x86-64.so.2';
    const where = ctx.subject.where;
    const refExec = ctx.reference.target?.execEvent;
    if (kind?.dynamic === true) {
      const libs = kind.loaderEvidence.map((i) => firstString(ctx.reference.trace, i));
      return {
        rule: 'missing-elf-interpreter',
        confidence: 'likely',
        cause:
          `${name} is dynamically linked (in ${ctx.reference.label} the loader opens ${libs.join(' and ')} right ` +
          `after its execve), and ${ctx.subject.place} most likely lacks the ELF interpreter it names, the dynamic ` +
          `loader (${elfInterp}): execve("${program}") reports that as ENOENT, the same error as a missing file`,
        evidence: evidenceOf(ctx, [exec.failed], [refExec, ...kind.loaderEvidence]),
      };
    }
    // A filtered log cannot show whether the loader ran: filtered-trace says what it can.
    if (ctx.reference.filter.filtered || ctx.subject.filter.filtered) return null;
    if (kind === null) {
      // No run of the program to compare with: both readings stay open.
      return {
        rule: 'missing-elf-interpreter',
        confidence: 'possible',
        cause:
          `execve("${program}") fails with ENOENT ${where}: either the file is missing there or the ELF ` +
          `interpreter it names (the dynamic loader, ${elfInterp}) is`,
        evidence: evidenceOf(ctx, [exec.failed], [refExec]),
      };
    }
    return null;
  },
};
