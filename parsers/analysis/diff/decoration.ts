import type { HashSink } from './hash-sink.js';
import type { NormaliseContext } from './normalise-call.js';
import type { Units } from './code-units.js';
import { indexOfUnit, startsWithText, unitAt } from './code-units.js';

const SLASH = 47;
const GT = 62;
const LT = 60;
const QUOTE = 34;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A merged-/usr host prints `/usr/lib/...` where a rootfs prints `/lib/...` (what follows `/usr`). */
const USR_MERGED = ['/lib/', '/lib64/', '/lib32/', '/bin/', '/sbin/'];

/** Where a decoration's hashed run stops: at `[`, which may open an inode number. */
const BRACKET = new Uint8Array(128);
BRACKET[91] = 1;

/** `dir` is at `at` in `buf`, followed by `/`, `"`, `>` or the line's end: a path in that directory. */
export function startsWithDir(buf: Units, at: number, lineEnd: number, dir: string): boolean {
  if (dir.length < 2 || !startsWithText(buf, dir, at, lineEnd)) return false;
  const next = at + dir.length;
  if (next >= lineEnd) return true;
  const c = buf[next];
  return c === SLASH || c === QUOTE || c === GT;
}

/**
 * A `-y` decoration from `<` to its `>`: `</etc/ld.so.cache>`, `<pipe:[103939]>`, `<TCP:[1.2.3.4:80->...]>`.
 * Paths may contain `>`, so the decoration ends at a `>` followed by a delimiter or the end. `start` is
 * the `<`, in the call text that ends at `n`, in the line buf[lineStart, lineEnd).
 */
export function scanDecoration(
  buf: Units,
  lineStart: number,
  start: number,
  n: number,
  lineEnd: number,
  ctx: NormaliseContext,
  out: HashSink,
): number {
  let end = start + 1;
  for (;;) {
    end = indexOfUnit(buf, GT, end, n);
    if (end < 0) {
      end = n;
      break;
    }
    const next = end + 1 < n ? (buf[end + 1] as number) : 32;
    if (next === 44 || next === 41 || next === 32 || next === 93 || next === 125 || next === 62) break;
    end++;
  }
  if (ctx.dropDecorations) return end + 1;
  // `AT_FDCWD</home/user>` only repeats the working directory, which differs between a host run and a
  // chroot run by design; the path argument next to it is what the call is about.
  if (start - lineStart >= 8 && startsWithText(buf, 'AT_FDCWD', start - 8, lineEnd)) return end + 1;
  let from = start + 1;
  const prefix = ctx.chrootPrefix;
  if (prefix && startsWithText(buf, prefix, from, lineEnd)) {
    const after = unitAt(buf, from + prefix.length, lineStart, lineEnd);
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
  if (ctx.cwd && startsWithDir(buf, from, lineEnd, ctx.cwd)) {
    out.emitString('$CWD');
    from += ctx.cwd.length;
  }
  // Decorations are paths the kernel resolved: on a merged-/usr host /lib/x86_64-linux-gnu/libc.so.6 is
  // printed as /usr/lib/..., while a rootfs with real /lib directories prints /lib/...: compare them alike.
  if (startsWithText(buf, '/usr/', from, lineEnd)) {
    const within = Math.min(from + 12, lineEnd);
    for (const dir of USR_MERGED)
      if (startsWithText(buf, dir, from + 4, within)) {
        from += 4;
        break;
      }
  }
  // Inode numbers of pipes and sockets differ on every run: `pipe:[103939]` -> `pipe:[#]`. The text
  // between them is hashed a run at a time, each run up to the next `[`.
  let k = from;
  while (k < end) {
    if (buf[k] === 91 && isDigit(unitAt(buf, k + 1, lineStart, lineEnd))) {
      let e = k + 1;
      while (e < end && isDigit(buf[e] as number)) e++;
      if (unitAt(buf, e, lineStart, lineEnd) === 93) {
        out.emitString('[#]');
        k = e + 1;
        continue;
      }
    }
    // Up to the next `[` (a `[` that opens no number is hashed as it is, with the run after it).
    k = out.emitRun(buf, k, end, BRACKET);
  }
  if (end < n) out.emit(GT);
  return end + 1;
}
