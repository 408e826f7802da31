import type { Trace } from '../../model/index.js';
import { callLine } from './call-text.js';
import { decodeStraceString } from '../../strace/args/index.js';
import { findStringEnd } from '../../strace/args/string-scan.js';
import type { TraceDiffCore } from './compute-diff.js';
import type { DiffFinding, DiffLabels } from './finding.js';
import { formatLineRef, lineRef } from './finding.js';
import { decodeLatin1 } from '../../model/latin1.js';
import { BytesMap, emptyQuotedBytes, lineStringBytes } from '../diagnosis/quoted-bytes.js';

/** Calls that open a file by path (programs run are compared by the process pairing instead). */
const OPEN_CALLS = new Set(['open', 'openat', 'openat2', 'creat']);
const MAX_LISTED = 12;

/**
 * Files opened successfully in one run and not in the other, launcher stages left out (the chroot
 * program's locale files are not what the user asked about). Paths are compared as the process named
 * them, so `/lib/x86_64-linux-gnu/libc.so.6` inside the chroot equals the host's.
 */
export function findPathsOnly(
  core: TraceDiffCore,
  labels: DiffLabels,
  launcherA: Uint8Array,
  launcherB: Uint8Array,
): DiffFinding[] {
  const inA = openedPaths(core.a, launcherA);
  const inB = openedPaths(core.b, launcherB);
  const out: DiffFinding[] = [];
  for (const [side, mine, theirs, t] of [
    ['a', inA, inB, core.a],
    ['b', inB, inA, core.b],
  ] as const) {
    const only = [...mine].filter(([path]) => !theirs.has(path));
    if (only.length === 0) continue;
    const label = side === 'a' ? labels.a : labels.b;
    const other = side === 'a' ? labels.b : labels.a;
    const first = only[0] as [string, number];
    const finding: DiffFinding = {
      kind: 'paths-only',
      message:
        `${only.length} path${only.length === 1 ? ' is' : 's are'} opened only in ${label}, not in ${other}` +
        (only.length <= 3 ? `: ${only.map(([p]) => p).join(', ')}.` : ` (first: ${first[0]}).`),
      details: only.slice(0, MAX_LISTED).map(([p, i]) => `${p} (${formatLineRef(lineRef(t, i))})`),
      [side]: lineRef(t, first[1]),
    };
    if (only.length > MAX_LISTED) finding.details?.push(`… and ${only.length - MAX_LISTED} more`);
    out.push(finding);
  }
  return out;
}

/**
 * Path -> first event that opened it successfully. A path is decoded once: a later call whose string
 * has the same bytes in the log opens a path already listed (a build opens libc thousands of times).
 */
function openedPaths(t: Trace, skip: Uint8Array): Map<string, number> {
  const out = new Map<string, number>();
  const isOpen = t.names.map((n) => OPEN_CALLS.has(n));
  const seen = new BytesMap<true>();
  const q = emptyQuotedBytes();
  for (let i = 0; i < t.count; i++) {
    if (skip[i] || !isOpen[t.columns.nameId[i] as number] || t.columns.errnoId[i] !== 0) continue;
    if (t.kind(i) !== 'syscall') continue;
    let path: string | null;
    if (lineStringBytes(t, i, q)) {
      if (seen.met(0, q)) continue;
      path = decodeStraceString(decodeLatin1(q.bytes, q.from, q.to));
    } else path = quotedPath(callLine(t, i));
    if (path !== null && !out.has(path)) out.set(path, i);
  }
  return out;
}

/** strace's escapes in a path: `\303\251` octal bytes, `\"`, `\\`, `\n`, `\t`. */
function unescapePath(path: string): string {
  if (!path.includes('\\')) return path;
  return path.replace(/\\([0-7]{1,3}|.)/g, (_, e: string) =>
    /^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8)) : e === 'n' ? '\n' : e === 't' ? '\t' : e,
  );
}

/** The first string literal of a line, unescaped. */
function quotedPath(line: string): string | null {
  const q = line.indexOf('"');
  const end = q < 0 ? -1 : findStringEnd(line, q);
  return end < 0 ? null : decodeStraceString(line.slice(q + 1, end - 1));
}
