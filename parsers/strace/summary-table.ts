import type { StraceSummary, SummaryRow } from '../model/event.js';

/**
 * strace's `-c`/`-C` table (strace-format.md §5). Columns are right-aligned under their header except
 * the name, and an empty errors cell is blank, so cells are matched to header columns by position:
 *   % time     seconds  usecs/call     calls    errors syscall
 *   ------ ----------- ----------- --------- --------- ----------------
 *     8.64    0.000019           3         5         1 openat
 *    15.45    0.000034          34         1           clock_nanosleep
 * `-U` reorders them: `syscall              calls    errors shortest  longest  usecs/call     seconds % time`.
 */
export interface SummaryHeader {
  columns: { key: string; start: number; end: number }[];
}

const KNOWN = ['% time', 'seconds', 'usecs/call', 'calls', 'errors', 'syscall', 'shortest', 'longest', 'avg'];

/** Returns the header's columns when `line` is a summary header, else null. */
export function sniffSummaryHeader(line: string): SummaryHeader | null {
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

export function isSummaryRule(line: string): boolean {
  return /^-+( +-+)+\s*$/.test(line);
}

/** A data row under `header`; null when the line does not fit. */
export function parseSummaryRow(line: string, header: SummaryHeader): SummaryRow | null {
  const cells = new Map<string, string>();
  const tokens = [...line.matchAll(/\S+/g)];
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
    percentTime: num('% time'),
  };
}

/** Collects the `-c`/`-C` tables of one file, line by line, as strace printed them. */
export class SummaryTableReader {
  readonly tables: StraceSummary[] = [];
  private open: { header: SummaryHeader; table: StraceSummary; rules: number } | null = null;
  private section = '64 bit';

  constructor(private readonly fileName: string | undefined) {}

  /** Inside a table: every line goes through `take` until the table ends. */
  get inTable(): boolean {
    return this.open !== null;
  }

  /** Returns true when the line belonged to a table (a heading, a header, a rule or a row). */
  take(raw: string, line: number): boolean {
    if (
      !this.open &&
      !raw.startsWith('% time') &&
      !raw.startsWith('syscall ') &&
      !raw.startsWith('System call usage')
    ) {
      return false;
    }
    const heading = /^System call usage summary for (.+?):?\s*$/.exec(raw);
    if (heading) {
      this.section = heading[1] as string;
      return true;
    }
    const s = this.open;
    if (!s) {
      const header = sniffSummaryHeader(raw);
      if (!header) return false;
      const table: StraceSummary = {
        section: this.section,
        rows: [],
        total: null,
        firstLine: line,
        lastLine: line,
      };
      if (this.fileName !== undefined) table.file = this.fileName;
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
      this.open = null;
      return false;
    }
    s.table.lastLine = line;
    if (s.rules >= 2 || row.name === 'total') {
      s.table.total = row;
      this.open = null;
    } else s.table.rows.push(row);
    return true;
  }
}
