import { argsText } from '../call-args.js';
import type { RunFacts } from '../run-facts.js';
import type { DiagnosisContext, DiagnosisRule } from '../types.js';
import { evidenceOf } from './rule-kit.js';

/**
 * Both runs succeed but print different things: the output is the behaviour users see. Said when no
 * more specific cause or behaviour explains it.
 */
export const differentOutput: DiagnosisRule = {
  id: 'different-output',
  level: 'summary',
  detect(ctx) {
    if (ctx.sameOutput !== false) return null;
    const s = ctx.stdoutOf(ctx.subject);
    const r = ctx.stdoutOf(ctx.reference);
    let at = 0;
    while (at < s.length && at < r.length && s[at] === r[at]) at++;
    const source = readDiffers(ctx);
    return {
      rule: 'different-output',
      confidence: 'certain',
      cause:
        `the program prints different output: ${ctx.subject.label} ${excerpt(s, at)} where ${ctx.reference.label} ` +
        `${excerpt(r, at)}` +
        (source
          ? `; it reads ${source.path} in both runs, and that file holds other text ${ctx.subject.where}`
          : ''),
      evidence: evidenceOf(
        ctx,
        [writeAt(ctx, ctx.subject, at), source?.i],
        [writeAt(ctx, ctx.reference, at), source?.other],
      ),
    };
  },
};

/** `prints "5\n"`, `prints nothing`, around the first differing character. */
function excerpt(text: string, at: number): string {
  if (text.length === 0) return 'prints nothing';
  const lineStart = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
  const piece = text.slice(lineStart, lineStart + 80);
  return `prints ${JSON.stringify(piece.length < text.length - lineStart ? piece + '…' : piece)}`;
}

/** The stdout write holding character `at` of the output, or -1. */
function writeAt(ctx: DiagnosisContext, run: RunFacts, at: number): number {
  void ctx;
  let pos = 0;
  const out = run.outcome.stdout;
  for (const i of out.events) {
    const len = (run.trace.ret(i) ?? 0) as number;
    if (at < pos + len) return i;
    pos += len;
  }
  return out.events[out.events.length - 1] ?? -1;
}

/**
 * A file the program reads in both runs whose content differs (`read(3</etc/hostname>, "vm\n", 4096)`
 * against `"spelunk-rootfs\n"`): the path as the reference names it, under -y.
 */
function readDiffers(ctx: DiagnosisContext): { i: number; other: number; path: string } | null {
  for (const d of ctx.divergences) {
    if (d.side !== ctx.subject.side || d.kind !== 'changed' || d.other < 0) continue;
    const args = argsText(ctx.reference.trace, d.other);
    // read(3</etc/hostname>, ...) reads it; sendfile(1<out>, 3</etc/hostname>, ...) copies it to stdout.
    const m =
      d.name === 'read' || d.name === 'pread64'
        ? /^\d+<([^>]*)>/.exec(args)
        : d.name === 'sendfile' || d.name === 'splice' || d.name === 'copy_file_range'
          ? /^\d+(?:<[^>]*>)?, \d+<([^>]*)>/.exec(args)
          : null;
    if (m && !/^(pipe|socket|UNIX|TCP|UDP|anon_inode):/.test(m[1] as string))
      return { i: d.i, other: d.other, path: m[1] as string };
  }
  return null;
}
