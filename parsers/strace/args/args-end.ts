/**
 * The §6.3 argument splitter at line level: where the argument list that starts at `from` (just after
 * `name(` or `<... name resumed>`) ends. Strings, comments and decorations can hold any of `,` `)`
 * `>` (eqstr.log: `write(3, "fake(1) = -1 ENOENT <unfinished "..., 38) = 38`), so this scans.
 *
 *   wait4(6302,  <unfinished ...>                            ends as 'unfinished'
 *   restart_syscall(<... resuming interrupted read ...> <unfinished ...>
 *   clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=1, tv_nsec=0},  <detached ...>
 *   execve("/bin/true", ["/bin/true"], 0x7fda /* 0 vars *\/ <pid changed to 12873 ...>
 */

import { ID_CHAR, isClass } from './char-class.js';
import { scanDecoration } from './decoration.js';
import { skipQuoted } from './string-scan.js';

export interface ArgsEnd {
  /** Index of the `)` or of the space before the tail marker (or the line length). */
  end: number;
  kind: 'close' | 'unfinished' | 'detached' | 'pid-changed' | 'eol';
}

const MARKERS: ReadonlyArray<readonly [string, ArgsEnd['kind']]> = [
  [' <unfinished ...>', 'unfinished'],
  [' <detached ...>', 'detached'],
  [' <pid changed to ', 'pid-changed'],
];

/** Finds the end of the argument list starting at `from`. */
export function findArgsEnd(line: string, from: number): ArgsEnd {
  const n = line.length;
  let depth = 0;
  let i = from;
  while (i < n) {
    const c = line.charCodeAt(i);
    if (c === 34 /* " */) {
      i = skipQuoted(line, i);
      continue;
    }
    if (c === 47 /* / */ && line.charCodeAt(i + 1) === 42 /* * */) {
      const close = line.indexOf('*/', i + 2);
      i = close === -1 ? n : close + 2;
      continue;
    }
    if (c === 60 /* < */) {
      const skipped = skipAngle(line, i);
      if (skipped !== -1) {
        i = skipped;
        continue;
      }
    }
    if (c === 32 && depth === 0 && line.charCodeAt(i + 1) === 60) {
      for (const [marker, kind] of MARKERS) if (line.startsWith(marker, i)) return { end: i, kind };
    }
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) {
      if (depth === 0) {
        if (c === 41) return { end: i, kind: 'close' };
      } else depth--;
    }
    i++;
  }
  return { end: n, kind: 'eol' };
}

/** Past a decoration or an opaque `<... resuming interrupted X ...>` at `i`; -1 if neither. */
function skipAngle(line: string, i: number): number {
  const next = line.charCodeAt(i + 1);
  if (next === 60 /* << */) return -1;
  if (line.startsWith('<... ', i)) {
    const close = line.indexOf('...>', i + 5);
    return close === -1 ? -1 : close + 4;
  }
  const prev = line.charCodeAt(i - 1);
  const afterComment = prev === 47 && line.charCodeAt(i - 2) === 42;
  if (!isClass(prev, ID_CHAR) && !afterComment) return -1;
  const span = scanDecoration(line, i);
  return span === null ? -1 : span.end;
}
