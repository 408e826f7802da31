import { argsText } from '../call-args.js';
import type { DiagnosisRule } from '../types.js';
import {
  callName,
  evidenceOf,
  findMessage,
  mentionsPath,
  outcomeDiffers,
  quoteMessage,
  subjectFailures,
} from './rule-kit.js';

/**
 * EROFS comes from one place only: a write to a filesystem mounted read-only (a `--bind SRC:DST:ro`, a
 * read-only rootfs). The run shows the mount when its launcher made it.
 *
 *   mount("none", "/tmp/rootfs/data", NULL, MS_RDONLY|MS_REMOUNT|MS_BIND, NULL) = 0
 *   openat(AT_FDCWD, "/data/out.txt", O_WRONLY|O_CREAT|O_TRUNC, 0666) = -1 EROFS (Read-only file system)
 */
export const readOnlyMount: DiagnosisRule = {
  id: 'read-only-mount',
  level: 'cause',
  detect(ctx) {
    if (!outcomeDiffers(ctx)) return null;
    const d = subjectFailures(ctx, true).find((x) => x.errno === 'EROFS');
    if (!d) return null;
    const t = ctx.subject.trace;
    let mount = -1;
    for (let i = 0; i < d.i; i++) {
      if (t.name(i) === 'mount' && t.errno(i) === null && /MS_RDONLY|\bro\b/.test(argsText(t, i))) mount = i;
    }
    const message = findMessage(ctx, (text) => /read-only/i.test(text) || mentionsPath(text, d.path), d.i);
    return {
      rule: 'read-only-mount',
      confidence: 'certain',
      cause:
        `${d.path || 'the file'} is on a filesystem mounted read-only ${ctx.subject.where}, so ${callName(d)} ` +
        `fails with EROFS` +
        (mount >= 0 ? ' (the launcher mounted it with MS_RDONLY)' : '') +
        (message ? `, and the program says ${quoteMessage(message.text)}` : ''),
      evidence: evidenceOf(ctx, [d.i, message?.i, mount], [d.other]),
    };
  },
};
