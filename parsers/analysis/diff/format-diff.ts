import type { Trace } from '../../model/index.js';
import type { DiffBlock } from './compute-diff.js';
import type { DiffFinding, DiffLabels } from './finding.js';
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
  /** Lines that say what was compared (the CLI's files), printed right after the diagnosis. */
  runs?: string;
}

/**
 * The terminal report: the diagnosis and its evidence, counts, the other findings, the expected
 * differences, then the alignment block by block. Equal stretches are
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
  const causes = diff.findings.filter((f) => f.kind === 'diagnosis');
  const expected = diff.findings.filter((f) => f.expected);
  const others = diff.findings.filter((f) => f.kind !== 'diagnosis' && !f.expected);
  out.push(...formatDiagnosis(causes, labels, width, p), '');
  if (options.runs) out.push(options.runs.replace(/\n$/, ''), '');
  out.push(
    `${p.bold('Counts')}: ${diff.equal} equal, ${p.yellow(`${diff.changed} changed`)}, ` +
      `${p.red(`${diff.onlyA} only in ${labels.a}`)}, ${p.green(`${diff.onlyB} only in ${labels.b}`)}` +
      (diff.coarse ? p.yellow(' (coarse alignment: time budget exceeded)') : ''),
  );
  out.push('');
  out.push(p.bold('Findings'));
  if (others.length === 0) out.push('  none beyond the diagnosis.');
  others.forEach((f, n) => {
    out.push(`${String(n + 1).padStart(3)}. ${p.cyan(`[${f.kind}]`)} ${f.message}`);
    for (const d of f.details ?? []) out.push(`       ${p.dim('·')} ${d}`);
  });
  if (expected.length > 0) {
    out.push('');
    out.push(p.bold('Expected differences') + p.dim('  (known and harmless: kept, never the cause)'));
    for (const f of expected) {
      out.push(`  ${p.dim('-')} ${f.message.replace(/^Expected: /, '')}`);
      for (const d of f.details ?? []) out.push(`       ${p.dim('·')} ${d}`);
    }
  }
  out.push('');
  out.push(
    p.bold('Alignment') + p.dim(`  (= equal, ~ changed, - only in ${labels.a}, + only in ${labels.b})`),
  );
  const listing = new Listing(maxLines);
  for (const block of diff.blocks) formatBlock(diff, block, context, width, p, listing);
  // A loop, not push(...lines): `--all` on a large trace lists millions of lines, past V8's argument limit.
  for (const line of listing.lines) out.push(line);
  if (listing.count > maxLines)
    out.push(p.dim(`… ${listing.count - maxLines} more lines (--json gives the whole alignment)`));
  return out.join('\n') + '\n';
}

/**
 * The alignment's lines: the first `max` as text, the rest only counted (for "… N more lines"), so a
 * diff of a million calls does not format half a million lines to print 400.
 */
class Listing {
  readonly lines: string[] = [];
  count = 0;
  constructor(readonly max: number) {}

  /** Whether the next line would only be counted. */
  get full(): boolean {
    return this.count >= this.max;
  }

  add(line: string): void {
    if (this.count < this.max) this.lines.push(line);
    this.count++;
  }

  /** `make` builds the lines only while they are kept; otherwise `n` lines are counted. */
  addLines(n: number, make: () => string[]): void {
    if (this.count + n <= this.max) for (const line of make()) this.add(line);
    else if (this.full) this.count += n;
    else for (const line of make()) this.add(line);
  }
}

/** Evidence lines shown per run under the diagnosis. */
const MAX_EVIDENCE_SHOWN = 4;

/**
 * The diagnosis first: its sentence, how sure it is, the lines that show it in each run, then the
 * other candidate causes in one line each.
 *
 *   Diagnosis (likely: missing-elf-interpreter)
 *     chroot exits 127 where host exits 0: hello is dynamically linked (...)
 *     host   line 1    execve("/tmp/bin/hello", ["/tmp/bin/hello"], 0x7ffc... /* 39 vars *\/) = 0
 *     chroot line 111  execve("/tmp/bin/hello", ...) = -1 ENOENT (No such file or directory)
 */
function formatDiagnosis(causes: DiffFinding[], labels: DiffLabels, width: number, p: Paint): string[] {
  const first = causes[0];
  if (!first) return [p.bold('Diagnosis') + ': the runs make the same calls.'];
  const out = [
    p.bold('Diagnosis') + p.dim(` (${first.confidence ?? 'possible'}: ${first.rule ?? 'unknown'})`),
  ];
  out.push(`  ${first.message}`);
  const pad = Math.max(labels.a.length, labels.b.length);
  for (const [label, refs] of [
    [labels.a, first.evidence?.a ?? []],
    [labels.b, first.evidence?.b ?? []],
  ] as const) {
    for (const ref of refs.slice(0, MAX_EVIDENCE_SHOWN)) {
      const where = `${label.padEnd(pad)} ${formatLineRef(ref)}`.padEnd(pad + 12);
      out.push(p.dim(`    ${where} ${callText(ref.text, width)}`));
    }
    if (refs.length > MAX_EVIDENCE_SHOWN)
      out.push(p.dim(`    ${label.padEnd(pad)} … ${refs.length - MAX_EVIDENCE_SHOWN} more lines`));
  }
  if (causes.length > 1) out.push(p.dim('  Other readings:'));
  for (const alt of causes.slice(1)) {
    // The outcome is the same for every reading: only the cause part is repeated.
    const cause = alt.message.slice(alt.message.indexOf(': ') + 2);
    out.push(`    ${p.dim('·')} ${cause} ${p.dim(`(${alt.confidence ?? 'possible'}: ${alt.rule ?? ''})`)}`);
  }
  return out;
}

/** A raw strace line without its pid, time and -T duration: `execve(...) = 0`. */
function callText(raw: string, width: number): string {
  const text = raw
    .replace(/^\s*(\[pid\s+\d+\]|\d+)\s+/, '')
    .replace(/^[\d:.]+\s+/, '')
    .replace(/ <\d+\.\d+>$/, '');
  return text.length > width ? text.slice(0, width - 1) + '…' : text;
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
  out: Listing,
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
    out.add(p.bold(`── only in ${label}: ${why}, ${who(label, u)}${range} (${u.events.length} calls)`));
    if (context === 'all' && !isSetupBlock(block.why)) {
      for (let k = block.start; k < block.end; k++)
        out.addLines(1, () => [entryLine(diff, k, width, p)[0] as string]);
    } else if (u.events.length > 0) out.add(`  ${mark} ${p.dim('(folded)')}`);
    return;
  }
  if (out.full) {
    // Past the lines printed, a block is only counted: no text, and no mark per call.
    out.count += 1 + alignedLineCount(pairs, block.start, block.end, context === 'all' ? -1 : context);
    return;
  }
  out.add(
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
    if (folded > 0) out.addLines(1, () => [p.dim(`    … ${folded} equal call${folded === 1 ? '' : 's'}`)]);
    folded = 0;
    out.addLines(pairs.status[k] === CHANGED ? 2 : 1, () => entryLine(diff, k, width, p));
  }
  if (folded > 0) out.addLines(1, () => [p.dim(`    … ${folded} equal call${folded === 1 ? '' : 's'}`)]);
}

/**
 * How many lines formatBlock lists for the aligned entries [start, end): each entry within `context`
 * of a difference (every entry when context is -1, `--all`), a changed one on two lines, and one
 * `… N equal calls` line for each run of entries left out between them. As formatBlock marks them,
 * an entry k is shown by a difference m when m - ceil(context) <= k <= m + floor(context).
 */
function alignedLineCount(pairs: TraceDiff['pairs'], start: number, end: number, context: number): number {
  let lines = 0;
  if (context < 0) {
    for (let k = start; k < end; k++) lines += pairs.status[k] === CHANGED ? 2 : 1;
    return lines;
  }
  const after = Math.floor(context);
  const before = Math.ceil(context);
  let folded = 0;
  // the last entry that differs at or before k, and the next at or after it (walked forward once)
  let last = -1;
  let next = start;
  for (let k = start; k < end; k++) {
    if (next < k) next = k;
    while (next < end && pairs.status[next] === EQUAL) next++;
    if (pairs.status[k] !== EQUAL) last = k;
    const shown = (last >= start && k - last <= after) || (next < end && next - k <= before);
    if (!shown) {
      folded++;
      continue;
    }
    if (folded > 0) lines++;
    folded = 0;
    lines += pairs.status[k] === CHANGED ? 2 : 1;
  }
  return folded > 0 ? lines + 1 : lines;
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
