import type { HashSink } from './hash-sink.js';
import type { NormaliseContext } from './normalise-call.js';

const SLASH = 47;
const GT = 62;
const LT = 60;
const QUOTE = 34;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const USR_MERGED = /^\/(lib|lib64|lib32|bin|sbin)\//;

/** `dir` is at `at` in `text`, followed by `/`, `"`, `>` or the end: a path in that directory. */
export function startsWithDir(text: string, at: number, dir: string): boolean {
  if (dir.length < 2 || !text.startsWith(dir, at)) return false;
  const next = text.charCodeAt(at + dir.length);
  return Number.isNaN(next) || next === SLASH || next === QUOTE || next === GT;
}

/**
 * A `-y` decoration from `<` to its `>`: `</etc/ld.so.cache>`, `<pipe:[103939]>`, `<TCP:[1.2.3.4:80->...]>`.
 * Paths may contain `>`, so the decoration ends at a `>` followed by a delimiter or the end.
 */
export function scanDecoration(
  text: string,
  start: number,
  n: number,
  ctx: NormaliseContext,
  out: HashSink,
): number {
  let end = start + 1;
  for (;;) {
    end = text.indexOf('>', end);
    if (end < 0 || end >= n) {
      end = n;
      break;
    }
    const next = end + 1 < n ? text.charCodeAt(end + 1) : 32;
    if (next === 44 || next === 41 || next === 32 || next === 93 || next === 125 || next === 62) break;
    end++;
  }
  if (ctx.dropDecorations) return end + 1;
  // `AT_FDCWD</home/user>` only repeats the working directory, which differs between a host run and a
  // chroot run by design; the path argument next to it is what the call is about.
  if (start >= 8 && text.startsWith('AT_FDCWD', start - 8)) return end + 1;
  let from = start + 1;
  const prefix = ctx.chrootPrefix;
  if (prefix && text.startsWith(prefix, from)) {
    const after = text.charCodeAt(from + prefix.length);
    if (after === SLASH) from += prefix.length;
    else if (after === GT && from + prefix.length === end) {
      from += prefix.length;
      out.emit(LT);
      out.emit(SLASH);
      out.emit(GT);
      return end + 1;
    }
  }
  out.emit(LT);
  if (ctx.cwd && startsWithDir(text, from, ctx.cwd)) {
    out.emitString('$CWD');
    from += ctx.cwd.length;
  }
  // Decorations are paths the kernel resolved: on a merged-/usr host /lib/x86_64-linux-gnu/libc.so.6 is
  // printed as /usr/lib/..., while a rootfs with real /lib directories prints /lib/...: compare them alike.
  if (text.startsWith('/usr/', from) && USR_MERGED.test(text.slice(from + 4, from + 12))) from += 4;
  // Inode numbers of pipes and sockets differ on every run: `pipe:[103939]` -> `pipe:[#]`. The text
  // between them is hashed a run at a time.
  let run = from;
  for (let k = text.indexOf('[', from); k >= 0 && k < end; k = text.indexOf('[', k + 1)) {
    if (!isDigit(text.charCodeAt(k + 1))) continue;
    let e = k + 1;
    while (e < end && isDigit(text.charCodeAt(e))) e++;
    if (text.charCodeAt(e) === 93) {
      out.emitText(text, run, k);
      out.emitString('[#]');
      k = e;
      run = e + 1;
    }
  }
  out.emitText(text, run, end);
  if (end < n) out.emit(GT);
  return end + 1;
}
