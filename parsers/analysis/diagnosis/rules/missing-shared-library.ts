import { basename } from '../../diff/diff-units.js';
import { firstString } from '../call-args.js';
import type { DiagnosisRule } from '../types.js';
import { evidenceOf, findMessage, quoteMessage, subjectFailures } from './rule-kit.js';

/**
 * The dynamic loader found itself but not a library the program needs: it tries every directory, then
 * writes "error while loading shared libraries: libX.so: cannot open shared object file" and exits 127.
 *
 *   openat(AT_FDCWD, "/lib/x86_64-linux-gnu/libc.so.6", O_RDONLY|O_CLOEXEC) = -1 ENOENT
 *   write(2, "hello: error while loading shared libraries: libc.so.6: cannot open shared object file: No such file or directory\n", 110)
 */
const LOADER_MESSAGE = /error while loading shared libraries: ([^:\s]+)/;

export const missingSharedLibrary: DiagnosisRule = {
  id: 'missing-shared-library',
  level: 'cause',
  detect(ctx) {
    const message = findMessage(ctx, (text) => LOADER_MESSAGE.test(text));
    const failures = subjectFailures(ctx, true).filter(
      (d) => (d.name === 'openat' || d.name === 'open') && /\.so(\.\d+)*$/.test(d.path),
    );
    const lib = message ? (LOADER_MESSAGE.exec(message.text)?.[1] as string) : null;
    const tries = failures.filter((d) => (lib ? basename(d.path) === lib : true));
    // Missing means ENOENT: "cannot open shared object file: Operation not permitted" after openat = -1
    // EPERM is a library that is there and refused (a seccomp filter, modes), not a missing one.
    if (message && /cannot open shared object file: (?!No such file)/.test(message.text)) return null;
    if (tries.some((d) => d.errno !== 'ENOENT' && d.errno !== 'ENOTDIR')) return null;
    if (!lib) {
      // No message (a filtered log, or stderr not traced): every try of one library failed and the
      // process ended right after, with the loader's 127.
      const last = tries[tries.length - 1];
      if (!last || ctx.subject.outcome.exitCode !== 127) return null;
      const name = basename(last.path);
      if (!failures.every((d) => basename(d.path) === name)) return null;
      // The loader's tries before it finds the library are a search, not a miss.
      if (openedLater(ctx, last.i, name)) return null;
      return {
        rule: 'missing-shared-library',
        confidence: 'likely',
        cause: `the dynamic loader looks for ${name} in ${tries.length} places ${ctx.subject.where} and finds it nowhere, then the program exits 127 (the loader's code for a missing library)`,
        evidence: evidenceOf(
          ctx,
          [last.i, ...tries.slice(0, -1).map((d) => d.i)],
          [referenceOpen(ctx, name)],
        ),
      };
    }
    const lastTry = tries[tries.length - 1];
    return {
      rule: 'missing-shared-library',
      confidence: 'certain',
      cause:
        `the shared library ${lib} is not ${ctx.subject.where}: the dynamic loader looks for it in ` +
        `${tries.length || 'every'} place${tries.length === 1 ? '' : 's'}, finds it nowhere and says ${quoteMessage(message?.text ?? '')}`,
      evidence: evidenceOf(
        ctx,
        [message?.i, lastTry?.i, ...tries.slice(0, -1).map((d) => d.i)],
        [referenceOpen(ctx, lib)],
      ),
    };
  },
};

/** Where the working run opened the library, or -1. */
function referenceOpen(ctx: Parameters<DiagnosisRule['detect']>[0], lib: string): number {
  const run = ctx.reference;
  const t = run.trace;
  for (let i = 0; i < t.count; i++) {
    const name = t.name(i);
    if ((name === 'openat' || name === 'open') && t.errno(i) === null && run.byTarget(i)) {
      if (basename(firstString(t, i)) === lib) return i;
    }
  }
  return -1;
}

/** Whether the subject's process opens a library of that name successfully after event i. */
function openedLater(ctx: Parameters<DiagnosisRule['detect']>[0], i: number, lib: string): boolean {
  const t = ctx.subject.trace;
  const pid = t.columns.pid[i] as number;
  for (let k = i + 1; k < t.count; k++) {
    if ((t.columns.pid[k] as number) !== pid) continue;
    const name = t.name(k);
    if (name === 'execve') return false;
    if ((name === 'openat' || name === 'open') && t.errno(k) === null && basename(firstString(t, k)) === lib)
      return true;
  }
  return false;
}
