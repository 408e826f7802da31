import type { Trace } from '../../model/index.js';
import type { DiffBlock } from './compute-diff.js';
import { callOf, formatLineRef } from './finding.js';
import { CHANGED, EQUAL, ONLY_A } from './pair-list.js';
import { isSetupBlock } from './pair-processes.js';
import type { TraceDiff } from './trace-diff.js';

/** Colour functions; identity by default, picocolors on a terminal. */
export interface Paint {
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  cyan(s: string): string;
}

const PLAIN: Paint = { red: id, green: id, yellow: id, dim: id, bold: id, cyan: id };
function id(s: string): string {
  return s;
}

export interface FormatDiffOptions {
  paint?: Paint;
  /** Equal calls shown around each difference; 'all' prints the whole alignment. Default 2. */
  context?: number | 'all';
  /** Stop the alignment listing after this many lines (default 400; Infinity for no limit). */
  maxLines?: number;
  /** Characters of each call shown. Default 110. */
  width?: number;
}

/**
 * The terminal report: counts, ranked findings, then the alignment block by block. Equal stretches are
 * folded; one-sided launcher stages (the chroot program's start-up) are one line each.
 *
 *   = A 2     B 112   brk(NULL) = 0x55675a77c000
 *   ~ A 5             openat(AT_FDCWD, "/etc/ld.so.cache", O_RDONLY|O_CLOEXEC) = 3
 *           B 115     openat(AT_FDCWD, "/etc/ld.so.cache", O_RDONLY|O_CLOEXEC) = -1 ENOENT (...)
 *   - A 9             openat(AT_FDCWD, "/lib/x86_64-linux-gnu/libc.so.6", O_RDONLY|O_CLOEXEC) = 3
 *   + B 116           write(2, "chroot: ", 8) = 8
 */
export function formatDiffReport(diff: TraceDiff, options: FormatDiffOptions = {}): string {
  const p = options.paint ?? PLAIN;
  const context = options.context ?? 2;
  const maxLines = options.maxLines ?? 400;
  const width = options.width ?? 110;
  const { labels } = diff;
  const out: string[] = [];
  out.push(
    `${p.bold('Counts')}: ${diff.equal} equal, ${p.yellow(`${diff.changed} changed`)}, ` +
      `${p.red(`${diff.onlyA} only in ${labels.a}`)}, ${p.green(`${diff.onlyB} only in ${labels.b}`)}` +
      (diff.coarse ? p.yellow(' (coarse alignment: time budget exceeded)') : ''),
  );
  out.push('');
  out.push(p.bold('Findings'));
  if (diff.findings.length === 0) out.push('  none: the runs make the same calls.');
  diff.findings.forEach((f, n) => {
    out.push(`${String(n + 1).padStart(3)}. ${p.cyan(`[${f.kind}]`)} ${f.message}`);
    for (const d of f.details ?? []) out.push(`       ${p.dim('·')} ${d}`);
  });
  out.push('');
  out.push(
    p.bold('Alignment') + p.dim(`  (= equal, ~ changed, - only in ${labels.a}, + only in ${labels.b})`),
  );
  const listing: string[] = [];
  for (const block of diff.blocks) formatBlock(diff, block, context, width, p, listing);
  // A loop, not push(...listing): `--all` on a large trace lists millions of lines, past V8's argument limit.
  for (let k = 0; k < Math.min(listing.length, maxLines); k++) out.push(listing[k] as string);
  if (listing.length > maxLines)
    out.push(p.dim(`… ${listing.length - maxLines} more lines (--json gives the whole alignment)`));
  return out.join('\n') + '\n';
}

function side(trace: Trace, i: number): string {
  return formatLineRef({ line: trace.line(i), file: trace.file(i), text: '' }).replace('line ', '');
}

function formatBlock(
  diff: TraceDiff,
  block: DiffBlock,
  context: number | 'all',
  width: number,
  p: Paint,
  out: string[],
): void {
  const { a, b, pairs, labels } = diff;
  const ua = block.unitA;
  const ub = block.unitB;
  const who = (label: string, u: typeof ua): string =>
    u ? `${label} ${u.pid < 0 ? '(no pid)' : `pid ${u.pid}`} (${u.program || '?'})` : '';
  if (block.kind !== 'aligned') {
    const u = (ua ?? ub) as NonNullable<typeof ua>;
    const t = ua ? a : b;
    const label = ua ? labels.a : labels.b;
    const first = u.events[0];
    const last = u.events[u.events.length - 1];
    const range = first === undefined ? '' : `, lines ${side(t, first)}–${side(t, last as number)}`;
    const why = (block.why ?? '').replace(/-/g, ' ');
    const mark = ua ? p.red('-') : p.green('+');
    out.push(p.bold(`── only in ${label}: ${why}, ${who(label, u)}${range} (${u.events.length} calls)`));
    if (context === 'all' && !isSetupBlock(block.why)) {
      for (let k = block.start; k < block.end; k++) out.push(entryLine(diff, k, width, p)[0] as string);
    } else if (u.events.length > 0) out.push(`  ${mark} ${p.dim('(folded)')}`);
    return;
  }
  out.push(
    p.bold(
      `── ${who(labels.a, ua)} ⇄ ${who(labels.b, ub)}${block.coarse ? ' [coarse]' : block.windowed ? ' [windowed]' : ''}`,
    ),
  );
  const show = new Uint8Array(block.end - block.start);
  for (let k = block.start; k < block.end; k++) {
    if (context === 'all' || pairs.status[k] !== EQUAL) {
      const c = context === 'all' ? 0 : context;
      show.fill(1, Math.max(0, k - block.start - c), Math.min(show.length, k - block.start + c + 1));
    }
  }
  let folded = 0;
  for (let k = block.start; k < block.end; k++) {
    if (!show[k - block.start]) {
      folded++;
      continue;
    }
    if (folded > 0) out.push(p.dim(`    … ${folded} equal call${folded === 1 ? '' : 's'}`));
    folded = 0;
    out.push(...entryLine(diff, k, width, p));
  }
  if (folded > 0) out.push(p.dim(`    … ${folded} equal call${folded === 1 ? '' : 's'}`));
}

function entryLine(diff: TraceDiff, k: number, width: number, p: Paint): string[] {
  const { a, b, pairs, labels } = diff;
  const i = pairs.a[k] as number;
  const j = pairs.b[k] as number;
  const s = pairs.status[k] as number;
  const la = i >= 0 ? `${labels.a} ${side(a, i)}` : '';
  const lb = j >= 0 ? `${labels.b} ${side(b, j)}` : '';
  const cols = (x: string, y: string): string => `${x.padEnd(12)} ${y.padEnd(12)}`;
  if (s === EQUAL) return [p.dim(`  = ${cols(la, lb)} ${callOf(a, i, width)}`)];
  if (s === CHANGED) {
    return [
      p.yellow(`  ~ ${cols(la, '')} ${callOf(a, i, width)}`),
      p.yellow(`    ${cols('', lb)} ${callOf(b, j, width)}`),
    ];
  }
  if (s === ONLY_A) return [p.red(`  - ${cols(la, '')} ${callOf(a, i, width)}`)];
  return [p.green(`  + ${cols('', lb)} ${callOf(b, j, width)}`)];
}
