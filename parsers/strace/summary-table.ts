import type { StraceSummary, SummaryRow } from '../model/event.js';

/**
 * strace's `-c`/`-C` table (strace-format.md §5). Columns are right-aligned under their header except
 * the name, and an empty errors cell is blank, so cells are matched to header columns by position:
 *   % time     seconds  usecs/call     calls    errors syscall
 *   ------ ----------- ----------- --------- --------- ----------------
 *     8.64    0.000019           3         5         1 openat
 *    15.45    0.000034          34         1           clock_nanosleep
 * `-U` reorders them: `syscall              calls    errors shortest  longest  usecs/call     seconds % time`.
 * Some versions and pastes head the first column `time` instead of `% time`.
 */
export interface SummaryHeader {
  columns: { key: string; start: number; end: number }[];
}

const KNOWN = [
  '% time',
  'time',
  'seconds',
  'usecs/call',
  'calls',
  'errors',
  'syscall',
  'shortest',
  'longest',
  'avg',
];

/** Returns the header's columns when `line` is a summary header, else null. */
function sniffSummaryHeader(line: string): SummaryHeader | null {
  if (!/\bcalls\b/.test(line) || !/\bsyscall\b/.test(line)) return null;
  const columns: SummaryHeader['columns'] = [];
  let i = 0;
  while (i < line.length) {
    while (line.charCodeAt(i) === 32) i++;
    if (i >= line.length) break;
    const key = KNOWN.find((k) => line.startsWith(k, i));
    if (!key) return null;
    columns.push({ key, start: i, end: i + key.length });
    i += key.length;
  }
  return columns.some((c) => c.key === 'syscall') ? { columns } : null;
}

function isSummaryRule(line: string): boolean {
  return /^-+( +-+)+\s*$/.test(line);
}

/** A data row under `header`; null when the line does not fit. */
function parseSummaryRow(line: string, header: SummaryHeader): SummaryRow | null {
  const tokens = [...line.matchAll(/\S+/g)];
  const cells = cellsByPosition(tokens, header) ?? cellsByOrder(tokens, header);
  if (!cells) return null;
  const name = cells.get('syscall');
  const calls = Number(cells.get('calls'));
  if (!name || !Number.isFinite(calls)) return null;
  const num = (k: string): number | null => {
    const v = cells.get(k);
    return v === undefined ? null : Number(v);
  };
  return {
    name,
    calls,
    errors: num('errors') ?? 0,
    seconds: num('seconds') ?? 0,
    usecsPerCall: num('usecs/call'),
    percentTime: num('% time') ?? num('time'),
  };
}

/**
 * A header whose columns do not line up with the rows (`time` where strace printed `% time`, two
 * characters short): the cells in the header's order, the errors cell blank when one is missing.
 */
function cellsByOrder(tokens: RegExpExecArray[], header: SummaryHeader): Map<string, string> | null {
  const keys = header.columns.map((c) => c.key);
  const blankErrors = tokens.length === keys.length - 1 && keys.includes('errors');
  if (tokens.length !== keys.length && !blankErrors) return null;
  const cells = new Map<string, string>();
  let t = 0;
  for (const key of keys) {
    if (key === 'errors' && blankErrors) continue;
    cells.set(key, (tokens[t++] as RegExpExecArray)[0]);
  }
  // the name is the one cell that is not a number
  for (const [key, v] of cells) if ((key === 'syscall') === /^[\d.]+$/.test(v)) return null;
  return cells;
}

function cellsByPosition(tokens: RegExpExecArray[], header: SummaryHeader): Map<string, string> | null {
  const cells = new Map<string, string>();
  for (const t of tokens) {
    const start = t.index;
    const end = start + t[0].length;
    // the name is left-aligned under "syscall"; numbers are right-aligned to their header's end
    let best: { key: string } | null = null;
    let bestDist = Infinity;
    for (const col of header.columns) {
      const dist = col.key === 'syscall' ? Math.abs(start - col.start) : Math.abs(end - col.end);
      if (dist < bestDist) {
        bestDist = dist;
        best = col;
      }
    }
    if (!best || cells.has(best.key)) return null;
    cells.set(best.key, t[0]);
  }
  return cells;
}

/** A table reader's state at the end of a segment of the log (see segment-merge.ts). */
export interface TableState {
  /** The table still open (its index in the segment's tables), or null. */
  open: { header: SummaryHeader; table: number; rules: number } | null;
  section: string | null;
  personality32: boolean;
  /** A table was begun with no heading read in the segment: its label depends on earlier lines. */
  unlabelled: boolean;
}

/** Collects the `-c`/`-C` tables of one file, line by line, as strace printed them. */
export class SummaryTableReader {
  readonly tables: StraceSummary[] = [];
  private open: { header: SummaryHeader; table: StraceSummary; rules: number } | null = null;
  /** The heading strace printed for the next table, or null (then the table is the native personality's). */
  private section: string | null = null;
  /** Seen `[ Process PID=N runs in 32 bit mode. ]`: a native table then counts 32-bit calls. */
  private personality32 = false;
  private unlabelled = false;

  constructor(private readonly fileName: string | undefined) {}

  /** Inside a table: every line goes through `take` until the table ends. */
  get inTable(): boolean {
    return this.open !== null;
  }

  /** Returns true when the line belonged to a table (a heading, a header, a rule or a row). */
  take(raw: string, line: number): boolean {
    if (!this.open && !startsSummary(raw)) return false;
    const heading = /^System call usage summary for (.+?)(?: mode)?:?\s*$/.exec(raw);
    if (heading) {
      this.section = heading[1] as string;
      return true;
    }
    const s = this.open;
    if (!s) {
      const header = sniffSummaryHeader(raw);
      if (!header) return false;
      const table: StraceSummary = {
        section: this.section ?? NATIVE,
        rows: [],
        total: null,
        firstLine: line,
        lastLine: line,
      };
      if (this.fileName !== undefined) table.file = this.fileName;
      if (this.section === null) this.unlabelled = true;
      this.tables.push(table);
      this.open = { header, table, rules: 0 };
      return true;
    }
    if (isSummaryRule(raw)) {
      s.rules++;
      s.table.lastLine = line;
      return true;
    }
    const row = parseSummaryRow(raw, s.header);
    if (!row) {
      this.close();
      return false;
    }
    s.table.lastLine = line;
    if (s.rules >= 2 || row.name === 'total') {
      s.table.total = row;
      this.close();
    } else s.table.rows.push(row);
    return true;
  }

  /** Notes a personality line: `32 bit` / `64 bit` / `x32`. */
  notePersonality(mode: string): void {
    if (mode === '32 bit') this.personality32 = true;
  }

  exportState(): TableState {
    const o = this.open;
    return {
      open: o ? { header: o.header, table: this.tables.indexOf(o.table), rules: o.rules } : null,
      section: this.section,
      personality32: this.personality32,
      unlabelled: this.unlabelled,
    };
  }

  /** Whether a segment's tables, read from an empty state, read the same after this state. */
  accepts(s: TableState): boolean {
    return this.open === null && !(s.unlabelled && (this.section !== null || this.personality32));
  }

  /** Carries a segment's tables (their lines already global) and end state over. */
  absorb(tables: readonly StraceSummary[], s: TableState): void {
    const base = this.tables.length;
    for (const t of tables) this.tables.push(t);
    this.section = s.section ?? this.section;
    this.personality32 ||= s.personality32;
    const o = s.open;
    this.open = o
      ? { header: o.header, table: this.tables[base + o.table] as StraceSummary, rules: o.rules }
      : null;
  }

  /** Call when the input ends: a table cut short is kept as it is. */
  finish(): void {
    if (this.open) this.close();
  }

  private close(): void {
    const s = this.open;
    this.open = null;
    // Without a heading the table is the native personality's, which is 32-bit on ARM32 or i386:
    // their call names give it away (an ARM32 table lists mmap2, _llseek, ARM_set_tls...).
    if (
      s &&
      this.section === null &&
      (this.personality32 || s.table.rows.some((r) => ONLY_32_BIT.test(r.name)))
    )
      s.table.section = '32 bit';
  }
}

const NATIVE = '64 bit';

/**
 * Calls that exist only in 32-bit ABIs (i386, ARM32): the LFS `*64` variants, 16/32-bit id calls,
 * multiplexers and time64 calls. None is in the x86_64 or aarch64 tables.
 */
const ONLY_32_BIT =
  /^(?:mmap2|_llseek|_newselect|(?:f|l)?stat64|fstatat64|fcntl64|f?truncate64|f?statfs64|sendfile64|ugetrlimit|socketcall|ipc|sigreturn|sigaction|sigprocmask|sigsuspend|waitpid|ARM_\w+|\w+32|\w+_time64)$/;

/** The first line of a table: its header, or strace's heading above it. */
export function startsSummary(raw: string): boolean {
  return (
    raw.startsWith('% time') ||
    raw.startsWith('time ') ||
    raw.startsWith('syscall ') ||
    raw.startsWith('System call usage')
  );
}
