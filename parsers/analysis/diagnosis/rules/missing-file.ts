import { basename } from '../../diff/diff-units.js';
import { argsText, firstString } from '../call-args.js';
import type { Divergence } from '../differences.js';
import { execFacts, laterExecFailures, programKind } from '../exec-facts.js';
import { pathFamily } from '../path-family.js';
import type { Candidate, DiagnosisContext, DiagnosisRule } from '../types.js';
import {
  callName,
  confidenceFor,
  evidenceOf,
  findMessage,
  mentionsPath,
  outcomeDiffers,
  quoteMessage,
  referenceSucceeded,
  subjectFailures,
} from './rule-kit.js';

const MISSING = new Set(['ENOENT', 'ENOTDIR']);

/**
 * A file or directory the program needs is not there: a call on it fails with ENOENT in one run and
 * works in the other, and the program says so right after ("cat: /etc/x: No such file or directory").
 * Files of the system's special places (/proc, /dev, the user database, locales, an interpreter's
 * library, the loader's) have rules of their own. A statically linked program whose execve fails with
 * ENOENT is itself the missing file: it names no interpreter.
 */
export const missingFile: DiagnosisRule = {
  id: 'missing-file',
  level: 'cause',
  detect(ctx) {
    if (!outcomeDiffers(ctx)) return null;
    return missingProgram(ctx) ?? missingPath(ctx);
  },
};

function missingPath(ctx: DiagnosisContext): Candidate | null {
  // The target's own execve is the exec rules' (ENOENT there may mean a missing interpreter).
  const ownExec = new Set(execFacts(ctx.subject)?.attempts ?? []);
  // The interpreter of a `#!/usr/bin/env perl` script is missing-script-interpreter's.
  const script = programKind(ctx.reference, ctx.reference.context?.program?.interpreter);
  if (script?.interpreterName)
    for (const i of laterExecFailures(ctx.subject, script.interpreterName)) ownExec.add(i);
  const failures = subjectFailures(ctx).filter(
    (d) => d.errno !== null && MISSING.has(d.errno) && d.path !== '' && !ownExec.has(d.i),
  );
  const own = failures.filter((d) => pathFamily(d.path) === null);
  let best: { d: Divergence; message: { i: number; text: string } | null } | null = null;
  for (const d of own) {
    const message = findMessage(ctx, (text) => mentionsPath(text, d.path), d.i);
    if (message) {
      best = { d, message };
      break;
    }
  }
  if (!best) {
    // Without a message naming it, the last such failure before the symptom, if the other run had the file.
    const candidates = own.filter((d) => referenceSucceeded(ctx, d));
    const d = candidates[candidates.length - 1];
    if (!d) return null;
    best = { d, message: null };
  }
  const { d, message } = best;
  // A PATH search: the same name tried in several directories.
  const tries = own.filter((x) => x.name === d.name && basename(x.path) === basename(d.path));
  const confidence = confidenceFor(ctx, d, message !== null);
  const other = d.other >= 0 && ctx.reference.trace.errno(d.other) === null ? d.other : -1;
  const how = `${callName(d)} fails with ${d.errno}${other >= 0 ? `; in ${ctx.reference.label} it works` : ''}`;
  const parent = createsPath(ctx.subject, d) ? parentOf(d.path) : null;
  const what =
    tries.length > 2 && d.name.startsWith('exec')
      ? `${basename(d.path)} is in none of the ${tries.length} directories of the PATH search ${ctx.subject.where}`
      : parent !== null
        ? `${parent} does not exist ${ctx.subject.where}, so ${basename(d.path)} cannot be created in it (${how})`
        : `${d.path} does not exist ${ctx.subject.where} (${how})`;
  return {
    rule: 'missing-file',
    confidence,
    cause: message ? `${what}, and the program says ${quoteMessage(message.text)}` : what,
    evidence: evidenceOf(ctx, [d.i, message?.i, ...tries.filter((x) => x !== d).map((x) => x.i)], [other]),
  };
}

/**
 * Whether the call creates its path: `openat(..., "/tmp/x", O_WRONLY|O_CREAT|O_TRUNC, 0666)`, creat,
 * mkdir, mknod. ENOENT from such a call never means the file is missing (the call would make it): a
 * directory on the way to it is ("cannot create /tmp/x: Directory nonexistent").
 */
function createsPath(run: DiagnosisContext['subject'], d: Divergence): boolean {
  if (d.errno !== 'ENOENT') return false;
  if (/^(creat|mkdir|mkdirat|mknod|mknodat)$/.test(d.name)) return true;
  return /^open(at2?)?$/.test(d.name) && /\bO_CREAT\b/.test(argsText(run.trace, d.i));
}

/** `the directory /tmp` for `/tmp/x`; a bare relative name is created in the working directory. */
function parentOf(path: string): string {
  const cut = path.replace(/\/+$/, '').lastIndexOf('/');
  if (cut < 0) return 'the working directory';
  return `the directory ${cut === 0 ? '/' : path.slice(0, cut)}`;
}

/** execve of the program fails with ENOENT and the working run shows a static binary (no interpreter). */
function missingProgram(ctx: DiagnosisContext): Candidate | null {
  const exec = execFacts(ctx.subject);
  if (!exec || exec.failed < 0 || exec.errno !== 'ENOENT') return null;
  const kind = programKind(ctx.reference, ctx.reference.context?.program?.interpreter);
  if (!kind || kind.script || kind.dynamic !== false) return null;
  const program = ctx.subject.target?.unit.programPath ?? firstString(ctx.subject.trace, exec.failed);
  return {
    rule: 'missing-file',
    confidence: 'likely',
    cause:
      `execve("${program}") fails with ENOENT ${ctx.subject.where}; in ${ctx.reference.label} ${basename(program)} ` +
      `loads no shared library (it is statically linked, so it names no interpreter), so the program file itself is missing`,
    evidence: evidenceOf(
      ctx,
      [exec.failed, ...exec.attempts.filter((e) => e !== exec.failed)],
      [ctx.reference.target?.execEvent],
    ),
  };
}
